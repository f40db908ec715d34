/**
 * HTTP surface of the regulated-unit directory (检查对象名录库, /api/units): list, read, create, update,
 * the spreadsheet import (upload → check → confirm) and export. Thin: validate → authorise → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, sendFile, XLSX_TYPE } from '../../../kernel/http/context.js';
import { fileResponse } from '../../../kernel/http/responses.js';
import { singleUpload } from '../../../kernel/http/upload.js';
import { IdParams } from '../contracts.js';
import {
  ImportBatchParams,
  UnitDetail,
  UnitImportConfirmed,
  UnitImportPreview,
  UnitInput,
  UnitListQuery,
  UnitPatch,
  UnitsPage,
  UnitView,
} from './contracts.js';
import { confirmUnitImport, exportUnits, notXlsxMessage, previewUnitImport, unitImportTemplate } from './import.service.js';
import { createUnit, getUnit, listUnits, updateUnit } from './units.service.js';

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['检查对象'];
  app.get(
    '/api/units',
    { schema: { tags, summary: '检查对象列表（分页、排序、筛选、搜索；orgId 查看下级机构）', querystring: UnitListQuery, response: { 200: UnitsPage } } },
    async (req) => listUnits(authed(req, 'unit.read'), req.query),
  );
  app.get(
    '/api/units/export.xlsx',
    {
      schema: {
        tags,
        summary: '按列表筛选条件导出全部检查对象（.xlsx）',
        querystring: UnitListQuery,
        response: { 200: fileResponse('检查对象名录（.xlsx）') },
      },
    },
    async (req, reply) => {
      const { buffer, fileName } = await exportUnits(authed(req, 'unit.read'), req.query);
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
  app.get(
    '/api/units/import-template.xlsx',
    { schema: { tags, summary: '下载检查对象导入模板（.xlsx）', response: { 200: fileResponse('检查对象导入模板（.xlsx）') } } },
    async (req, reply) => {
      authed(req, 'unit.read');
      const { buffer, fileName } = await unitImportTemplate();
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
  app.post(
    '/api/units/import',
    { schema: { tags, summary: '上传 .xlsx 并检查（第一步，不写入名录）', consumes: ['multipart/form-data'], response: { 200: UnitImportPreview } } },
    async (req) => {
      const ctx = authed(req, 'unit.write');
      const file = await singleUpload(req, { what: 'Excel（.xlsx）文件', accept: ['application/zip'], typeMessage: notXlsxMessage });
      return previewUnitImport(ctx, file);
    },
  );
  app.post(
    '/api/units/import/:batchId/confirm',
    { schema: { tags, summary: '确认导入（第二步，写入有效行）', params: ImportBatchParams, response: { 200: UnitImportConfirmed } } },
    async (req) => confirmUnitImport(authed(req, 'unit.write'), req.params.batchId),
  );
  app.get(
    '/api/units/:id',
    { schema: { tags, summary: '检查对象详情（立档单位账号可查看本单位）', params: IdParams, response: { 200: UnitDetail } } },
    async (req) => {
      // A 立档单位 archivist reads their own unit (ownUnit.read); everyone else needs unit.read.
      const own = req.actor?.unitId === req.params.id;
      return getUnit(authed(req, own ? 'ownUnit.read' : 'unit.read'), req.params.id, own ? 'ownUnit.read' : 'unit.read');
    },
  );
  app.post('/api/units', { schema: { tags, summary: '新增检查对象', body: UnitInput, response: { 200: UnitView } } }, async (req) =>
    createUnit(authed(req, 'unit.write'), req.body),
  );
  app.patch('/api/units/:id', { schema: { tags, summary: '修改检查对象', params: IdParams, body: UnitPatch, response: { 200: UnitView } } }, async (req) =>
    updateUnit(authed(req, 'unit.write'), req.params.id, req.body),
  );
};
