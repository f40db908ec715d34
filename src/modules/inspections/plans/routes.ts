/**
 * 年度检查计划 (/api/inspections/plans) and the portal's published plans (/api/public/plans, no
 * sign-in, rate-limited). Thin: validate → authorise → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf } from '../../../kernel/http/context.js';
import { IdParams } from '../contracts.js';
import { PlanDetail, PlanInput, PlanList, PlanListQuery, PlanPatch, PublicPlanList, PublicPlanQuery } from './contracts.js';
import { createPlan, getPlan, listPlans, publicPlans, publishPlan, updatePlan } from './plans.service.js';

const P = '/api/inspections';
const READ = 'inspection.read' as const;
const MANAGE = 'inspection.manage' as const;

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const plans = { tags: ['检查计划'] };
  app.get(
    `${P}/plans`,
    { schema: { ...plans, summary: '年度检查计划（分页；可按年度、状态筛选）', querystring: PlanListQuery, response: { 200: PlanList } } },
    async (req) => listPlans(authed(req, READ), req.query),
  );
  app.get(`${P}/plans/:id`, { schema: { ...plans, params: IdParams, response: { 200: PlanDetail } } }, async (req) =>
    getPlan(authed(req, READ), req.params.id),
  );
  app.post(`${P}/plans`, { schema: { ...plans, summary: '新建年度检查计划（草稿）', body: PlanInput, response: { 200: PlanDetail } } }, async (req) =>
    createPlan(authed(req, MANAGE), req.body),
  );
  app.patch(
    `${P}/plans/:id`,
    { schema: { ...plans, summary: '修改草稿计划', params: IdParams, body: PlanPatch, response: { 200: PlanDetail } } },
    async (req) => updatePlan(authed(req, MANAGE), req.params.id, req.body),
  );
  app.post(
    `${P}/plans/:id/publish`,
    { schema: { ...plans, summary: '公开计划（事前公开：检查事项与执法人员）', params: IdParams, response: { 200: PlanDetail } } },
    async (req) => publishPlan(authed(req, MANAGE), req.params.id),
  );

  // ---- 公开（无需登录，按客户端限流） ----
  app.get(
    '/api/public/plans',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['公开'],
        summary: '已公开的年度检查计划（检查事项、执法人员；分页，可按机关、年度筛选）',
        querystring: PublicPlanQuery,
        response: { 200: PublicPlanList },
      },
    },
    async (req) => publicPlans(ctxOf(req), req.query),
  );
};
