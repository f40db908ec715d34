/**
 * HTTP surface of inspections: /api/inspections/* (signed in) and /api/public/{plans,draws} (no
 * sign-in). Thin: validate → authorise → one service call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf } from '../../kernel/http/context.js';
import {
  ChecklistInput,
  ChecklistListQuery,
  ChecklistPatch,
  DrawCreateInput,
  DrawExecuteInput,
  DrawListQuery,
  EvaluationInput,
  EvaluationListQuery,
  IdParams,
  ItemInput,
  ItemListQuery,
  ItemPatch,
  PlanInput,
  PlanListQuery,
  PlanPatch,
  PublicDrawParams,
  VersionItemInput,
  VersionItemsInput,
  VersionPatch,
} from './contracts.js';
import {
  addVersionItem,
  createChecklist,
  createItem,
  deleteItem,
  getChecklist,
  getItem,
  getVersion,
  listChecklists,
  listItems,
  newDraftVersion,
  publishVersion,
  replaceVersionItems,
  updateChecklist,
  updateItem,
  updateVersion,
} from './checklists.service.js';
import { createPlan, getPlan, listPlans, publicPlans, publishPlan, updatePlan } from './plans.service.js';
import { createDraw, executeDraw, getDraw, listDraws, publicDraw, publicDrawNames, publicDraws, publishDraw } from './draws.service.js';
import { createEvaluation, getEvaluation, gradeForm, listEvaluations } from './evaluations.service.js';

const P = '/api/inspections';
const READ = 'inspection.read' as const;
const MANAGE = 'inspection.manage' as const;

export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- 检查事项清单 ----
  const items = { tags: ['检查事项'] };
  app.get(`${P}/items`, { schema: { ...items, summary: '检查事项清单（按档案法第四十二条分类）', querystring: ItemListQuery } }, async (req) => listItems(authed(req, READ), req.query));
  app.get(`${P}/items/:id`, { schema: { ...items, params: IdParams } }, async (req) => getItem(authed(req, READ), req.params.id));
  app.post(`${P}/items`, { schema: { ...items, summary: '新增检查事项', body: ItemInput } }, async (req) => createItem(authed(req, MANAGE), req.body));
  app.patch(`${P}/items/:id`, { schema: { ...items, summary: '修改或停用检查事项（已发布的检查表版本不受影响）', params: IdParams, body: ItemPatch } }, async (req) =>
    updateItem(authed(req, MANAGE), req.params.id, req.body),
  );
  app.delete(`${P}/items/:id`, { schema: { ...items, summary: '删除未被任何检查表使用的检查事项', params: IdParams } }, async (req) => deleteItem(authed(req, MANAGE), req.params.id));

  // ---- 检查表与版本 ----
  const cl = { tags: ['检查表'] };
  app.get(`${P}/checklists`, { schema: { ...cl, summary: '检查表、自查表、考评表', querystring: ChecklistListQuery } }, async (req) => listChecklists(authed(req, READ), req.query));
  app.get(`${P}/checklists/:id`, { schema: { ...cl, summary: '检查表及其各版本', params: IdParams } }, async (req) => getChecklist(authed(req, READ), req.params.id));
  app.post(`${P}/checklists`, { schema: { ...cl, summary: '新建检查表（含第 1 版草稿）', body: ChecklistInput } }, async (req) => createChecklist(authed(req, MANAGE), req.body));
  app.patch(`${P}/checklists/:id`, { schema: { ...cl, params: IdParams, body: ChecklistPatch } }, async (req) => updateChecklist(authed(req, MANAGE), req.params.id, req.body));
  app.post(`${P}/checklists/:id/versions`, { schema: { ...cl, summary: '以最新发布版本为基础新建草稿版本', params: IdParams } }, async (req) =>
    newDraftVersion(authed(req, MANAGE), req.params.id),
  );
  app.get(`${P}/checklist-versions/:id`, { schema: { ...cl, summary: '检查表版本及其检查项', params: IdParams } }, async (req) => getVersion(authed(req, READ), req.params.id));
  app.patch(`${P}/checklist-versions/:id`, { schema: { ...cl, summary: '修改草稿的等级线、说明', params: IdParams, body: VersionPatch } }, async (req) =>
    updateVersion(authed(req, MANAGE), req.params.id, req.body),
  );
  app.put(`${P}/checklist-versions/:id/items`, { schema: { ...cl, summary: '设置草稿的全部检查项（顺序、分值、否决项）', params: IdParams, body: VersionItemsInput } }, async (req) =>
    replaceVersionItems(authed(req, MANAGE), req.params.id, req.body.items),
  );
  app.post(`${P}/checklist-versions/:id/items`, { schema: { ...cl, summary: '向草稿追加一个检查项', params: IdParams, body: VersionItemInput } }, async (req) =>
    addVersionItem(authed(req, MANAGE), req.params.id, req.body),
  );
  app.post(`${P}/checklist-versions/:id/publish`, { schema: { ...cl, summary: '发布草稿（发布后不可修改）', params: IdParams } }, async (req) =>
    publishVersion(authed(req, MANAGE), req.params.id),
  );

  // ---- 年度检查计划 ----
  const plans = { tags: ['检查计划'] };
  app.get(`${P}/plans`, { schema: { ...plans, querystring: PlanListQuery } }, async (req) => listPlans(authed(req, READ), req.query));
  app.get(`${P}/plans/:id`, { schema: { ...plans, params: IdParams } }, async (req) => getPlan(authed(req, READ), req.params.id));
  app.post(`${P}/plans`, { schema: { ...plans, summary: '新建年度检查计划（草稿）', body: PlanInput } }, async (req) => createPlan(authed(req, MANAGE), req.body));
  app.patch(`${P}/plans/:id`, { schema: { ...plans, summary: '修改草稿计划', params: IdParams, body: PlanPatch } }, async (req) => updatePlan(authed(req, MANAGE), req.params.id, req.body));
  app.post(`${P}/plans/:id/publish`, { schema: { ...plans, summary: '公开计划（事前公开：检查事项与执法人员）', params: IdParams } }, async (req) =>
    publishPlan(authed(req, MANAGE), req.params.id),
  );

  // ---- 双随机抽取 ----
  const draws = { tags: ['双随机抽取'] };
  app.post(
    `${P}/plans/:id/draws`,
    { schema: { ...draws, summary: '冻结候选名单（新抽取，或带 supersedes 与 reason 的重新抽取）', params: IdParams, body: DrawCreateInput } },
    async (req) => createDraw(authed(req, MANAGE), req.params.id, req.body),
  );
  app.get(`${P}/draws`, { schema: { ...draws, querystring: DrawListQuery } }, async (req) => listDraws(authed(req, READ), req.query));
  app.get(`${P}/draws/:id`, { schema: { ...draws, summary: '抽取批次详情（含名单、结果、校验）', params: IdParams } }, async (req) => getDraw(authed(req, READ), req.params.id));
  app.post(`${P}/draws/:id/execute`, { schema: { ...draws, summary: '抽取（只能一次）', params: IdParams, body: DrawExecuteInput } }, async (req) =>
    executeDraw(authed(req, MANAGE), req.params.id, req.body),
  );
  app.post(`${P}/draws/:id/publish`, { schema: { ...draws, summary: '公布抽取结果', params: IdParams } }, async (req) => publishDraw(authed(req, MANAGE), req.params.id));

  // ---- 考评 ----
  const ev = { tags: ['考评'] };
  app.post(`${P}/evaluations/grade`, { schema: { ...ev, summary: '按考评表试算等级（不保存）', body: EvaluationInput } }, async (req) => {
    const { results, grade } = await gradeForm(authed(req, READ), req.body);
    return { results, ...grade };
  });
  app.post(`${P}/evaluations`, { schema: { ...ev, summary: '保存考评结果并评定等级', body: EvaluationInput } }, async (req) => createEvaluation(authed(req, MANAGE), req.body));
  app.get(`${P}/evaluations`, { schema: { ...ev, querystring: EvaluationListQuery } }, async (req) => listEvaluations(authed(req, READ), req.query));
  app.get(`${P}/evaluations/:id`, { schema: { ...ev, params: IdParams } }, async (req) => getEvaluation(authed(req, READ), req.params.id));

  // ---- 公开（无需登录） ----
  // No sign-in, rate-limited per client.
  const pub = { tags: ['公开'] };
  const limited = { rateLimit: { max: 300, timeWindow: '1 minute' } };
  app.get('/api/public/plans', { config: limited, schema: { ...pub, summary: '已公开的年度检查计划（检查事项、执法人员）' } }, async (req) => publicPlans(ctxOf(req)));
  app.get('/api/public/draws', { config: limited, schema: { ...pub, summary: '已公布的双随机抽取批次' } }, async (req) => publicDraws(ctxOf(req)));
  app.get(
    '/api/public/draws/:id',
    { config: limited, schema: { ...pub, summary: '抽取记录（lantai-draw-v1，可用 npm run verify-draw 复核）', params: PublicDrawParams } },
    async (req) => publicDraw(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/public/draws/:id/names',
    { config: limited, schema: { ...pub, summary: '抽取结果中单位与执法人员的名称（一公开）', params: PublicDrawParams } },
    async (req) => publicDrawNames(ctxOf(req), req.params.id),
  );
};
