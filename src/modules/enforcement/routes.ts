/** HTTP surface of enforcement (行政处罚): /api/enforcement/referrals — the 案件线索 inbox. Thin: validate → authorise → one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../kernel/http/context.js';
import { DeclineInput, ReferralIdParams, ReferralListQuery, ReferralPage, ReferralView } from './contracts.js';
import { declineReferral, getReferral, listReferrals } from './referrals.service.js';
import { caseRoutes } from './cases/routes.js';

const P = '/api/enforcement/referrals';

export const enforcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['行政处罚'];
  app.get(P, { schema: { tags, summary: '案件线索（移送立案）列表', querystring: ReferralListQuery, response: { 200: ReferralPage } } }, async (req) =>
    listReferrals(authed(req, 'enforcement.read'), req.query),
  );
  app.get(`${P}/:id`, { schema: { tags, summary: '案件线索详情', params: ReferralIdParams, response: { 200: ReferralView } } }, async (req) =>
    getReferral(authed(req, 'enforcement.read'), req.params.id),
  );
  app.post(
    `${P}/:id/decline`,
    { schema: { tags, summary: '不予立案（写明理由）', params: ReferralIdParams, body: DeclineInput, response: { 200: ReferralView } } },
    async (req) => declineReferral(authed(req, 'enforcement.manage'), req.params.id, req.body),
  );
  await app.register(caseRoutes);
};
