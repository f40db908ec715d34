/** HTTP surface of the inspector directory (执法人员名录库, /api/inspectors) and conflicts of interest (回避). Thin: validate → authorise → one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../../kernel/http/context.js';
import { Ok } from '../../../kernel/http/responses.js';
import { IdParams } from '../contracts.js';
import {
  ConflictInput,
  ConflictParams,
  InspectorConflictView,
  InspectorDetail,
  InspectorInput,
  InspectorListQuery,
  InspectorPatch,
  InspectorsPage,
  InspectorView,
} from './contracts.js';
import { addConflict, createInspector, getInspector, listInspectors, removeConflict, updateInspector } from './inspectors.service.js';

export const inspectorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['执法人员'];
  app.get(
    '/api/inspectors',
    {
      schema: {
        tags,
        summary: '执法人员列表（分页、排序、筛选、搜索；certState 按执法证状态）',
        querystring: InspectorListQuery,
        response: { 200: InspectorsPage },
      },
    },
    async (req) => listInspectors(authed(req, 'inspector.read'), req.query),
  );
  app.get(
    '/api/inspectors/:id',
    { schema: { tags, summary: '执法人员详情（含回避关系）', params: IdParams, response: { 200: InspectorDetail } } },
    async (req) => getInspector(authed(req, 'inspector.read'), req.params.id),
  );
  app.post('/api/inspectors', { schema: { tags, summary: '新增执法人员', body: InspectorInput, response: { 200: InspectorView } } }, async (req) =>
    createInspector(authed(req, 'inspector.write'), req.body),
  );
  app.patch(
    '/api/inspectors/:id',
    { schema: { tags, summary: '修改执法人员', params: IdParams, body: InspectorPatch, response: { 200: InspectorView } } },
    async (req) => updateInspector(authed(req, 'inspector.write'), req.params.id, req.body),
  );
  app.post(
    '/api/inspectors/:id/conflicts',
    { schema: { tags, summary: '登记回避关系', params: IdParams, body: ConflictInput, response: { 200: InspectorConflictView } } },
    async (req) => addConflict(authed(req, 'inspector.write'), req.params.id, req.body),
  );
  app.delete(
    '/api/inspectors/:id/conflicts/:conflictId',
    { schema: { tags, summary: '删除回避关系', params: ConflictParams, response: { 200: Ok } } },
    async (req) => removeConflict(authed(req, 'inspector.write'), req.params.id, req.params.conflictId),
  );
};
