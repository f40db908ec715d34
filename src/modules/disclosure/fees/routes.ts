/** HTTP surface of the fees area: /api/disclosure/applications/:id/fee… Thin: validate → authorise → one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../../kernel/http/context.js';
import { ApplicationDetail } from '../applications/contracts.js';
import { IdParams } from '../contracts.js';
import { FeeInput, FeePaidInput, FeePreview, FeePreviewQuery, FeeServedInput } from './contracts.js';
import { markFeePaid, markFeeServed, previewFee, setFee } from './fee.service.js';

const P = '/api/disclosure/applications/:id/fee';

export const feeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['政府信息公开'];
  app.get(
    `${P}/preview`,
    {
      schema: {
        tags,
        summary: '预览信息处理费（按件或按量，超额累进的各区间；不保存）',
        params: IdParams,
        querystring: FeePreviewQuery,
        response: { 200: FeePreview },
      },
    },
    async (req) => previewFee(authed(req, 'disclosure.handle'), req.params.id, req.query),
  );
  app.post(
    P,
    {
      schema: {
        tags,
        summary: '计算信息处理费并发出收费通知（按件或按量，国办函〔2020〕109号）',
        params: IdParams,
        body: FeeInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => setFee(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/served`,
    {
      schema: {
        tags,
        summary: '登记收费通知送达日期（如邮寄回执的签收日期）；缴费期限自送达之次日起计算',
        params: IdParams,
        body: FeeServedInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => markFeeServed(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/paid`,
    { schema: { tags, summary: '登记申请人缴纳信息处理费', params: IdParams, body: FeePaidInput, response: { 200: ApplicationDetail } } },
    async (req) => markFeePaid(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
};
