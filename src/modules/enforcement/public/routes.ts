/**
 * HTTP surface of 行政执法公示 on the portal (/api/public/enforcement/…), no sign-in, rate-limited like the
 * 裁量基准; every list is one bureau's (`?org=`) and paged (`page`, `pageSize` ≤ the kernel's maximum).
 * Thin: validate → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../kernel/http/context.js';
import {
  InspectionPowerPage,
  LicensingPowerPage,
  PenaltyPowerPage,
  ProcedureList,
  PublicBasisPage,
  PublicBody,
  PublicDecisionPage,
  PublicOfficerPage,
  PublicOrgPageQuery,
  PublicOrgQuery,
} from './contracts.js';
import * as svc from './public.service.js';

const P = '/api/public/enforcement';

export const publicEnforcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['公开'];
  const config = { rateLimit: { max: 300, timeWindow: '1 minute' } };
  app.get(
    `${P}/body`,
    { config, schema: { tags, summary: '行政执法公示：执法主体、救济途径和各项公示的条数', querystring: PublicOrgQuery, response: { 200: PublicBody } } },
    async (req) => svc.publicBody(ctxOf(req), req.query.org),
  );
  app.get(
    `${P}/powers/licensing`,
    { config, schema: { tags, summary: '行政执法公示：行政许可事项（现行有效）', querystring: PublicOrgPageQuery, response: { 200: LicensingPowerPage } } },
    async (req) => svc.licensingPowers(ctxOf(req), req.query),
  );
  app.get(
    `${P}/powers/inspection`,
    { config, schema: { tags, summary: '行政执法公示：随机抽查事项清单', querystring: PublicOrgPageQuery, response: { 200: InspectionPowerPage } } },
    async (req) => svc.inspectionPowers(ctxOf(req), req.query),
  );
  app.get(
    `${P}/powers/penalty`,
    { config, schema: { tags, summary: '行政执法公示：行政处罚事项（按违法行为）', querystring: PublicOrgPageQuery, response: { 200: PenaltyPowerPage } } },
    async (req) => svc.penaltyPowers(ctxOf(req), req.query),
  );
  app.get(
    `${P}/bases`,
    { config, schema: { tags, summary: '行政执法公示：执法依据', querystring: PublicOrgPageQuery, response: { 200: PublicBasisPage } } },
    async (req) => svc.publicBases(ctxOf(req), req.query),
  );
  app.get(
    `${P}/procedures`,
    { config, schema: { tags, summary: '行政执法公示：执法流程（含法定时限）', querystring: PublicOrgQuery, response: { 200: ProcedureList } } },
    async (req) => svc.publicProcedures(ctxOf(req), req.query.org),
  );
  app.get(
    `${P}/officers`,
    { config, schema: { tags, summary: '行政执法公示：持有效执法证件的执法人员', querystring: PublicOrgPageQuery, response: { 200: PublicOfficerPage } } },
    async (req) => svc.publicOfficers(ctxOf(req), req.query),
  );
  app.get(
    `${P}/decisions`,
    { config, schema: { tags, summary: '行政执法公示：公开的行政处罚决定', querystring: PublicOrgPageQuery, response: { 200: PublicDecisionPage } } },
    async (req) => svc.publicDecisions(ctxOf(req), req.query),
  );
};
