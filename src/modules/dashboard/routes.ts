import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../kernel/http/context.js';
import { BelowParams, BelowQuery, BelowResponse, DashboardQuery, DashboardResponse } from './contracts.js';
import { dueItemsBelow, myDueItems } from './due-items.service.js';

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
  app.get(
    '/api/dashboard/below/:orgId',
    {
      schema: {
        tags: ['工作台'],
        summary: '下级机构的未办结期限（我可查看的类别；分页，按紧急程度排列）',
        params: BelowParams,
        querystring: BelowQuery,
        response: { 200: BelowResponse },
      },
    },
    async (req) => dueItemsBelow(authed(req, 'dashboard.read'), req.params.orgId, req.query),
  );
};
