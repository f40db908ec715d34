/**
 * 检查事项清单 (/api/inspections/items) and checklists with their versions
 * (/api/inspections/checklists, /api/inspections/checklist-versions). Thin: validate → authorise →
 * one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../../kernel/http/context.js';
import { Ok } from '../../../kernel/http/responses.js';
import { IdParams } from '../contracts.js';
import {
  ChecklistDetail,
  ChecklistInput,
  ChecklistList,
  ChecklistListQuery,
  ChecklistPatch,
  ItemInput,
  ItemList,
  ItemListQuery,
  ItemPatch,
  ItemView,
  VersionDetail,
  VersionItemInput,
  VersionItemsInput,
  VersionPatch,
} from './contracts.js';
import { createItem, deleteItem, getItem, listItems, updateItem } from './items.service.js';
import {
  addVersionItem,
  createChecklist,
  getChecklist,
  getVersion,
  listChecklists,
  newDraftVersion,
  publishVersion,
  replaceVersionItems,
  updateChecklist,
  updateVersion,
} from './checklists.service.js';

const P = '/api/inspections';
const READ = 'inspection.read' as const;
const MANAGE = 'inspection.manage' as const;

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- 检查事项清单 ----
  const items = { tags: ['检查事项'] };
  app.get(
    `${P}/items`,
    { schema: { ...items, summary: '检查事项清单（按档案法第四十二条分类）', querystring: ItemListQuery, response: { 200: ItemList } } },
    async (req) => listItems(authed(req, READ), req.query),
  );
  app.get(`${P}/items/:id`, { schema: { ...items, params: IdParams, response: { 200: ItemView } } }, async (req) => getItem(authed(req, READ), req.params.id));
  app.post(`${P}/items`, { schema: { ...items, summary: '新增检查事项', body: ItemInput, response: { 200: ItemView } } }, async (req) =>
    createItem(authed(req, MANAGE), req.body),
  );
  app.patch(
    `${P}/items/:id`,
    { schema: { ...items, summary: '修改或停用检查事项（已发布的检查表版本不受影响）', params: IdParams, body: ItemPatch, response: { 200: ItemView } } },
    async (req) => updateItem(authed(req, MANAGE), req.params.id, req.body),
  );
  app.delete(`${P}/items/:id`, { schema: { ...items, summary: '删除未被任何检查表使用的检查事项', params: IdParams, response: { 200: Ok } } }, async (req) =>
    deleteItem(authed(req, MANAGE), req.params.id),
  );

  // ---- 检查表与版本 ----
  const cl = { tags: ['检查表'] };
  app.get(
    `${P}/checklists`,
    { schema: { ...cl, summary: '检查表、自查表、考评表', querystring: ChecklistListQuery, response: { 200: ChecklistList } } },
    async (req) => listChecklists(authed(req, READ), req.query),
  );
  app.get(`${P}/checklists/:id`, { schema: { ...cl, summary: '检查表及其各版本', params: IdParams, response: { 200: ChecklistDetail } } }, async (req) =>
    getChecklist(authed(req, READ), req.params.id),
  );
  app.post(
    `${P}/checklists`,
    { schema: { ...cl, summary: '新建检查表（含第 1 版草稿）', body: ChecklistInput, response: { 200: ChecklistDetail } } },
    async (req) => createChecklist(authed(req, MANAGE), req.body),
  );
  app.patch(`${P}/checklists/:id`, { schema: { ...cl, params: IdParams, body: ChecklistPatch, response: { 200: ChecklistDetail } } }, async (req) =>
    updateChecklist(authed(req, MANAGE), req.params.id, req.body),
  );
  app.post(
    `${P}/checklists/:id/versions`,
    { schema: { ...cl, summary: '以最新发布版本为基础新建草稿版本', params: IdParams, response: { 200: VersionDetail } } },
    async (req) => newDraftVersion(authed(req, MANAGE), req.params.id),
  );
  app.get(
    `${P}/checklist-versions/:id`,
    { schema: { ...cl, summary: '检查表版本及其检查项', params: IdParams, response: { 200: VersionDetail } } },
    async (req) => getVersion(authed(req, READ), req.params.id),
  );
  app.patch(
    `${P}/checklist-versions/:id`,
    { schema: { ...cl, summary: '修改草稿的等级线、说明', params: IdParams, body: VersionPatch, response: { 200: VersionDetail } } },
    async (req) => updateVersion(authed(req, MANAGE), req.params.id, req.body),
  );
  app.put(
    `${P}/checklist-versions/:id/items`,
    { schema: { ...cl, summary: '设置草稿的全部检查项（顺序、分值、否决项）', params: IdParams, body: VersionItemsInput, response: { 200: VersionDetail } } },
    async (req) => replaceVersionItems(authed(req, MANAGE), req.params.id, req.body.items),
  );
  app.post(
    `${P}/checklist-versions/:id/items`,
    { schema: { ...cl, summary: '向草稿追加一个检查项', params: IdParams, body: VersionItemInput, response: { 200: VersionDetail } } },
    async (req) => addVersionItem(authed(req, MANAGE), req.params.id, req.body),
  );
  app.post(
    `${P}/checklist-versions/:id/publish`,
    { schema: { ...cl, summary: '发布草稿（发布后不可修改）', params: IdParams, response: { 200: VersionDetail } } },
    async (req) => publishVersion(authed(req, MANAGE), req.params.id),
  );
};
