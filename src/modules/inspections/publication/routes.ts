/**
 * HTTP surface of 一公开 (publication of inspection results) and 典型: the bureau's
 * /api/inspections/:id/{publication,publish,exemplary} and the portal's /api/public/inspections
 * (no sign-in, rate-limited like the public draws). Thin: validate → authorise → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf } from '../../../kernel/http/context.js';
import { IdParams } from '../contracts.js';
import {
  ExemplaryInput,
  PublicExemplaryPage,
  PublicExemplaryQuery,
  PublicInspectionPage,
  PublicInspectionQuery,
  PublicationCorrectionInput,
  PublicationView,
  PublishInput,
} from './contracts.js';
import { correctPublication, getPublication, publicExemplary, publicInspections, publishResult, setExemplary } from './publication.service.js';

const P = '/api/inspections';

export const publicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = { tags: ['行政检查'] };
  const view = { 200: PublicationView };
  app.get(
    `${P}/:id/publication`,
    { schema: { ...tags, summary: '检查结果公开：期限（反馈意见书出具后 20 个工作日）、公开内容、默认文本、典型', params: IdParams, response: view } },
    async (req) => getPublication(authed(req, 'inspection.read'), req.params.id),
  );
  app.post(
    `${P}/:id/publish`,
    {
      schema: {
        ...tags,
        summary: '公开检查结果（反馈意见书出具后，只能一次；不填内容则按检查记录生成）',
        params: IdParams,
        body: PublishInput,
        response: view,
      },
    },
    async (req) => publishResult(authed(req, 'inspection.manage'), req.params.id, req.body),
  );
  app.put(
    `${P}/:id/publication`,
    {
      schema: {
        ...tags,
        summary: '更正已公开的检查结果（须写明理由，原内容留在全过程记录中）',
        params: IdParams,
        body: PublicationCorrectionInput,
        response: view,
      },
    },
    async (req) => correctPublication(authed(req, 'inspection.manage'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/exemplary`,
    { schema: { ...tags, summary: '标记或取消典型（须已公开；标记时写明理由）', params: IdParams, body: ExemplaryInput, response: view } },
    async (req) => setExemplary(authed(req, 'inspection.manage'), req.params.id, req.body),
  );

  // ---- 公开（无需登录） ----
  const pub = { tags: ['公开'] };
  const limited = { rateLimit: { max: 300, timeWindow: '1 minute' } };
  app.get(
    '/api/public/inspections',
    {
      config: limited,
      schema: { ...pub, summary: '已公开的行政检查结果（一公开）', querystring: PublicInspectionQuery, response: { 200: PublicInspectionPage } },
    },
    async (req) => publicInspections(ctxOf(req), req.query),
  );
  app.get(
    '/api/public/inspections/exemplary',
    {
      config: limited,
      schema: {
        ...pub,
        summary: '典型单位（已公开的检查结果中标记为典型的；分页）',
        querystring: PublicExemplaryQuery,
        response: { 200: PublicExemplaryPage },
      },
    },
    async (req) => publicExemplary(ctxOf(req), req.query),
  );
};
