import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../kernel/http/context.js';
import { myDueItems } from './service.js';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/dashboard', { schema: { tags: ['工作台'], summary: '我的到期与逾期事项' } }, async (req) => myDueItems(authed(req, 'dashboard.read')));
};
