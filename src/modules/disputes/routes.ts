/** HTTP surface of the disputes register (/api/disputes). Thin: validate → authorise → one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, sendFile, XLSX_TYPE } from '../../kernel/http/context.js';
import { fileResponse } from '../../kernel/http/responses.js';
import { importRows } from '../../kernel/http/import-rows.js';
import { DisputeIdParams, DisputeImportResult, DisputeInput, DisputeListQuery, DisputePage, DisputePatch, DisputeView } from './contracts.js';
import {
  DISPUTE_IMPORT_ALIASES,
  MAX_DISPUTE_IMPORT_ROWS,
  createDispute,
  disputeImportTemplate,
  getDispute,
  importDisputes,
  listDisputes,
  updateDispute,
} from './disputes.service.js';

const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['复议诉讼'];
  app.get(
    '/api/disputes',
    { schema: { tags, summary: '复议、诉讼案件列表（分页、筛选）', querystring: DisputeListQuery, response: { 200: DisputePage } } },
    async (req) => listDisputes(authed(req, 'dispute.read'), req.query),
  );
  app.get(
    '/api/disputes/import-template.xlsx',
    {
      schema: {
        tags,
        summary: '下载复议、诉讼案件导入模板（.xlsx，中文表头、可选值与填写说明）',
        response: { 200: fileResponse('复议、诉讼案件导入模板（.xlsx）') },
      },
    },
    async (req, reply) => {
      authed(req, 'dispute.manage');
      const { buffer, fileName } = await disputeImportTemplate();
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
  app.post(
    '/api/disputes/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: '批量导入复议、诉讼案件（JSON 数组或 .xlsx；全部成功或全部不写入）', response: { 200: DisputeImportResult } },
    },
    async (req) => {
      const ctx = authed(req, 'dispute.manage');
      const { rows } = await importRows(req, { maxRows: MAX_DISPUTE_IMPORT_ROWS, aliases: DISPUTE_IMPORT_ALIASES, fileSizeLimit: IMPORT_BODY_LIMIT });
      return importDisputes(ctx, rows);
    },
  );
  app.get('/api/disputes/:id', { schema: { tags, summary: '复议、诉讼案件', params: DisputeIdParams, response: { 200: DisputeView } } }, async (req) =>
    getDispute(authed(req, 'dispute.read'), req.params.id),
  );
  app.post('/api/disputes', { schema: { tags, summary: '登记复议、诉讼案件', body: DisputeInput, response: { 200: DisputeView } } }, async (req) =>
    createDispute(authed(req, 'dispute.manage'), req.body),
  );
  app.patch(
    '/api/disputes/:id',
    { schema: { tags, summary: '修改结果、审结日期', params: DisputeIdParams, body: DisputePatch, response: { 200: DisputeView } } },
    async (req) => updateDispute(authed(req, 'dispute.manage'), req.params.id, req.body),
  );
};
