/**
 * HTTP surface of the regulated-unit directory (检查对象名录库, /api/units): list, read, create, update,
 * the import (the filled .xlsx template or a JSON array; all or nothing) and export. Thin: validate → authorise → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, sendFile, XLSX_TYPE } from '../../../kernel/http/context.js';
import { fileResponse } from '../../../kernel/http/responses.js';
import { importRows } from '../../../kernel/http/import-rows.js';
import { IdParams } from '../contracts.js';
import { UnitDetail, UnitImportResult, UnitInput, UnitListQuery, UnitPatch, UnitsPage, UnitView } from './contracts.js';
import { exportUnits, importUnits, MAX_UNIT_IMPORT_ROWS, UNIT_IMPORT_ALIASES, unitImportTemplate } from './import.service.js';
import { createUnit, getUnit, listUnits, updateUnit } from './units.service.js';

/** An import of 20,000 rows, as JSON or .xlsx, is above the app-wide limits. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

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
    { schema: { tags, summary: '下载检查对象导入模板（.xlsx，中文表头、可选值与填写说明）', response: { 200: fileResponse('检查对象导入模板（.xlsx）') } } },
    async (req, reply) => {
      authed(req, 'unit.read');
      const { buffer, fileName } = await unitImportTemplate();
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
  app.post(
    '/api/units/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: '导入检查对象（填好的 .xlsx 模板或 JSON 数组；全部成功或全部不写入）', response: { 200: UnitImportResult } },
    },
    async (req) => {
      const ctx = authed(req, 'unit.write');
      const { rows, fileName } = await importRows(req, { maxRows: MAX_UNIT_IMPORT_ROWS, aliases: UNIT_IMPORT_ALIASES, fileSizeLimit: IMPORT_BODY_LIMIT });
      return importUnits(ctx, rows, fileName);
    },
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
