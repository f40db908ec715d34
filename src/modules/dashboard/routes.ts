import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../kernel/http/context.js';
import { DashboardQuery, DashboardResponse } from './contracts.js';
import { myDueItems } from './due-items.service.js';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['工作台'],
        summary: '我的到期与逾期事项（分页，按紧急程度排列；可按状态筛选）',
        querystring: DashboardQuery,
        response: { 200: DashboardResponse },
      },
    },
    async (req) => myDueItems(authed(req, 'dashboard.read'), req.query),
  );
};
