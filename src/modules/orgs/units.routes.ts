/**
 * HTTP surface of the regulated-unit directory (检查对象名录库, /api/units) and the inspector
 * directory (执法人员名录库, /api/inspectors). Thin: validate → authorise → one service call → present.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed, sendFile, XLSX_TYPE } from '../../kernel/http/context.js';
import { AppError, validation } from '../../kernel/http/errors.js';
import {
  ConflictInput,
  ConflictParams,
  ImportBatchParams,
  InspectorInput,
  InspectorListQuery,
  InspectorPatch,
  UnitInput,
  UnitListQuery,
  UnitPatch,
} from './contracts.js';
import { createUnit, getUnit, listUnits, updateUnit } from './units.service.js';
import { confirmUnitImport, exportUnits, previewUnitImport, unitImportTemplate } from './units.import.js';
import { addConflict, createInspector, getInspector, listInspectors, removeConflict, updateInspector } from './inspectors.service.js';

const IdParams = z.object({ id: z.uuid('ID 格式不正确') });

/** The one uploaded file (form field `file`) of a multipart request. */
async function uploadedFile(req: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', '请以 multipart/form-data 方式上传 .xlsx 文件（表单字段 file）');
  const part = await req.file();
  if (!part) throw validation('请选择要上传的 .xlsx 文件', { file: '请选择要上传的 .xlsx 文件' });
  if (part.fieldname !== 'file') {
    part.file.resume(); // drain
    throw validation('文件应放在表单字段 file 中', { file: '文件应放在表单字段 file 中' });
  }
  const data = await part.toBuffer(); // over the upload limit → 413
  return { fileName: part.filename || '未命名文件', data };
}

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- 检查对象名录库 ----
  app.get('/api/units', { schema: { tags: ['检查对象'], summary: '检查对象列表（分页、排序、筛选、搜索；orgId 查看下级机构）', querystring: UnitListQuery } }, async (req) =>
    listUnits(authed(req, 'unit.read'), req.query),
  );
  app.get('/api/units/export.xlsx', { schema: { tags: ['检查对象'], summary: '按列表筛选条件导出全部检查对象（.xlsx）', querystring: UnitListQuery } }, async (req, reply) => {
    const { buffer, fileName } = await exportUnits(authed(req, 'unit.read'), req.query);
    return sendFile(reply, buffer, fileName, XLSX_TYPE);
  });
  app.get('/api/units/import-template.xlsx', { schema: { tags: ['检查对象'], summary: '下载检查对象导入模板（.xlsx）' } }, async (req, reply) => {
    authed(req, 'unit.read');
    const { buffer, fileName } = await unitImportTemplate();
    return sendFile(reply, buffer, fileName, XLSX_TYPE);
  });
  app.post(
    '/api/units/import',
    { schema: { tags: ['检查对象'], summary: '上传 .xlsx 并检查（第一步，不写入名录）', consumes: ['multipart/form-data'] } },
    async (req) => {
      const ctx = authed(req, 'unit.write');
      return previewUnitImport(ctx, await uploadedFile(req));
    },
  );
  app.post('/api/units/import/:batchId/confirm', { schema: { tags: ['检查对象'], summary: '确认导入（第二步，写入有效行）', params: ImportBatchParams } }, async (req) =>
    confirmUnitImport(authed(req, 'unit.write'), req.params.batchId),
  );
  app.get('/api/units/:id', { schema: { tags: ['检查对象'], params: IdParams } }, async (req) => {
    // A 立档单位 archivist reads their own unit (ownUnit.read); everyone else needs unit.read.
    const own = req.actor?.unitId === req.params.id;
    return getUnit(authed(req, own ? 'ownUnit.read' : 'unit.read'), req.params.id, own ? 'ownUnit.read' : 'unit.read');
  });
  app.post('/api/units', { schema: { tags: ['检查对象'], summary: '新增检查对象', body: UnitInput } }, async (req) => createUnit(authed(req, 'unit.write'), req.body));
  app.patch('/api/units/:id', { schema: { tags: ['检查对象'], summary: '修改检查对象', params: IdParams, body: UnitPatch } }, async (req) =>
    updateUnit(authed(req, 'unit.write'), req.params.id, req.body),
  );

  // ---- 执法人员名录库 ----
  app.get(
    '/api/inspectors',
    { schema: { tags: ['执法人员'], summary: '执法人员列表（分页、排序、筛选、搜索；certState 按执法证状态）', querystring: InspectorListQuery } },
    async (req) => listInspectors(authed(req, 'inspector.read'), req.query),
  );
  app.get('/api/inspectors/:id', { schema: { tags: ['执法人员'], summary: '执法人员详情（含回避关系）', params: IdParams } }, async (req) =>
    getInspector(authed(req, 'inspector.read'), req.params.id),
  );
  app.post('/api/inspectors', { schema: { tags: ['执法人员'], summary: '新增执法人员', body: InspectorInput } }, async (req) =>
    createInspector(authed(req, 'inspector.write'), req.body),
  );
  app.patch('/api/inspectors/:id', { schema: { tags: ['执法人员'], summary: '修改执法人员', params: IdParams, body: InspectorPatch } }, async (req) =>
    updateInspector(authed(req, 'inspector.write'), req.params.id, req.body),
  );
  app.post('/api/inspectors/:id/conflicts', { schema: { tags: ['执法人员'], summary: '登记回避关系', params: IdParams, body: ConflictInput } }, async (req) =>
    addConflict(authed(req, 'inspector.write'), req.params.id, req.body),
  );
  app.delete('/api/inspectors/:id/conflicts/:conflictId', { schema: { tags: ['执法人员'], summary: '删除回避关系', params: ConflictParams } }, async (req) =>
    removeConflict(authed(req, 'inspector.write'), req.params.id, req.params.conflictId),
  );
};
