/**
 * HTTP surface of inspections: /api/inspections/* (signed in) and /api/public/{plans,draws} (no
 * sign-in). Thin: validate → authorise → one service call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { AppError, validation } from '../../kernel/http/errors.js';
import { EVIDENCE_TYPE_MESSAGE, addEvidence, reportRectification, reviewRectification } from './rectification.service.js';
import { getFeedbackDocx, getMyFeedbackDocx, issueFeedback } from './feedback.service.js';
import { PHOTO_TYPE_MESSAGE, addPhoto, getFile, getMyFile, saveRecord, signRecord } from './record.service.js';
import { DOCX_TYPE, authed, ctxOf, sendFile } from '../../kernel/http/context.js';
import { inspectionFigureRoutes } from './figures.routes.js';
import { publicationRoutes } from './publication.routes.js';
import { followUpRoutes } from './followup.routes.js';
import { DocPrefixInput, getDocPrefixSettings, putDocPrefixSettings } from '../../kernel/documents/index.js';
import {
  EvidenceQuery,
  RectificationReportInput,
  RectificationReviewInput,
  FeedbackInput,
  FileParams,
  PhotoQuery,
  RecordInput,
  SignInput,
  AdHocInspectionInput,
  InspectionListQuery,
  NoticeInput,
  SelfInspectionInput,
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
import {
  createAdHoc,
  createFromDraw,
  getInspection,
  getMyInspection,
  getMyNoticeDocx,
  getNoticeDocx,
  INSPECTION_DOC_PREFIX,
  listInspections,
  listMyInspections,
  saveSelfInspection,
  sendNotice,
  submitSelfInspection,
} from './inspections.service.js';

const P = '/api/inspections';

/** The one uploaded photo (form field `file`); anything but multipart is 415 with the photo message. */
async function uploadedPhoto(req: FastifyRequest, typeMessage = PHOTO_TYPE_MESSAGE): Promise<{ fileName: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', typeMessage, { fields: { file: typeMessage } });
  const part = await req.file();
  if (!part) throw validation('请选择要上传的照片', { file: '请选择要上传的照片' });
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw validation('照片应放在表单字段 file 中', { file: '照片应放在表单字段 file 中' });
  }
  const data = await part.toBuffer(); // over the upload limit → 413
  return { fileName: part.filename || '照片', data };
}
const READ = 'inspection.read' as const;
const MANAGE = 'inspection.manage' as const;

export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(inspectionFigureRoutes); // 检查统计、监测预警 (figures.routes.ts)
  await app.register(publicationRoutes); // 一公开、典型 (publication.routes.ts)
  await app.register(followUpRoutes); // 约谈、回头看、移送立案、办结 (followup.routes.ts)
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

  // ---- 行政检查（检查通知书、自查） ----
  const insp = { tags: ['行政检查'] };
  app.get(`${P}/doc-settings`, { schema: { ...insp, summary: '检查文书发文字号的机关代字' } }, async (req) => getDocPrefixSettings(authed(req, 'settings.manage'), INSPECTION_DOC_PREFIX));
  app.put(`${P}/doc-settings`, { schema: { ...insp, summary: '设置检查文书（检查通知书、反馈意见书）发文字号的机关代字', body: DocPrefixInput } }, async (req) =>
    putDocPrefixSettings(authed(req, 'settings.manage'), INSPECTION_DOC_PREFIX, req.body),
  );
  app.post(`${P}/draws/:id/inspections`, { schema: { ...insp, summary: '按已公布的抽取结果生成检查（每个抽中单位一项）', params: IdParams } }, async (req) =>
    createFromDraw(authed(req, MANAGE), req.params.id),
  );
  app.post(P, { schema: { ...insp, summary: '新建专项/临时检查（检查对象、检查组、检查表、日期、事由）', body: AdHocInspectionInput } }, async (req) => createAdHoc(authed(req, MANAGE), req.body));
  app.get(P, { schema: { ...insp, summary: '检查列表', querystring: InspectionListQuery } }, async (req) => listInspections(authed(req, READ), req.query));
  app.get(`${P}/:id`, { schema: { ...insp, summary: '检查详情（含可执行的操作 allowedActions）', params: IdParams } }, async (req) => getInspection(authed(req, READ), req.params.id));
  app.post(`${P}/:id/notice`, { schema: { ...insp, summary: '登记送达检查通知书（至迟于检查日前 N 个工作日），编发文字号', params: IdParams, body: NoticeInput } }, async (req) =>
    sendNotice(authed(req, MANAGE), req.params.id, req.body),
  );
  app.get(`${P}/:id/notice.docx`, { schema: { ...insp, summary: '检查通知书（.docx）', params: IdParams } }, async (req, reply) => {
    const { buffer, fileName } = await getNoticeDocx(authed(req, READ), req.params.id);
    return sendFile(reply, buffer, fileName, DOCX_TYPE);
  });

  app.put(`${P}/:id/record`, { schema: { ...insp, summary: '保存现场检查记录（逐项结果、到场执法人员、被检查单位代表、发现的问题）', params: IdParams, body: RecordInput } }, async (req) =>
    saveRecord(authed(req, MANAGE), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/photos`,
    { schema: { ...insp, summary: '上传现场照片（JPEG、PNG 或 WebP，关联到检查项）', params: IdParams, querystring: PhotoQuery, consumes: ['multipart/form-data'] } },
    async (req) => {
      const ctx = authed(req, MANAGE);
      return addPhoto(ctx, req.params.id, req.query, await uploadedPhoto(req));
    },
  );
  app.get(`${P}/:id/files/:fileId`, { schema: { ...insp, summary: '现场照片或签名图片', params: FileParams } }, async (req, reply) => {
    const f = await getFile(authed(req, READ), req.params.id, req.params.fileId);
    return reply.header('content-type', f.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.data);
  });
  app.post(`${P}/:id/sign`, { schema: { ...insp, summary: '到场执法人员与被检查单位代表当场签字（签字后记录不可修改）', params: IdParams, body: SignInput } }, async (req) =>
    signRecord(authed(req, MANAGE), req.params.id, req.body),
  );

  app.post(`${P}/:id/feedback`, { schema: { ...insp, summary: '出具反馈意见书（整改事项来自不符合项，整改期限按工作日计算），编发文字号', params: IdParams, body: FeedbackInput } }, async (req) =>
    issueFeedback(authed(req, MANAGE), req.params.id, req.body),
  );
  app.get(`${P}/:id/feedback.docx`, { schema: { ...insp, summary: '反馈意见书（.docx）', params: IdParams } }, async (req, reply) => {
    const { buffer, fileName } = await getFeedbackDocx(authed(req, READ), req.params.id);
    return sendFile(reply, buffer, fileName, DOCX_TYPE);
  });

  app.post(`${P}/:id/rectification/review`, { schema: { ...insp, summary: '逐项审核整改情况（通过或退回；全部通过即办结）', params: IdParams, body: RectificationReviewInput } }, async (req) =>
    reviewRectification(authed(req, MANAGE), req.params.id, req.body),
  );

  // ---- 立档单位：我的检查、自查表 ----
  const my = { tags: ['我的单位'] };
  const OWN = 'ownUnit.inspect' as const;
  app.get('/api/my/inspections', { schema: { ...my, summary: '本单位收到通知的检查', querystring: InspectionListQuery } }, async (req) => listMyInspections(authed(req, OWN), req.query));
  app.get('/api/my/inspections/:id', { schema: { ...my, summary: '本单位的检查及自查表', params: IdParams } }, async (req) => getMyInspection(authed(req, OWN), req.params.id));
  app.get('/api/my/inspections/:id/files/:fileId', { schema: { ...my, summary: '本单位检查的照片、签名或佐证材料', params: FileParams } }, async (req, reply) => {
    const f = await getMyFile(authed(req, OWN), req.params.id, req.params.fileId);
    return reply.header('content-type', f.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.data);
  });
  app.get('/api/my/inspections/:id/notice.docx', { schema: { ...my, summary: '检查通知书（.docx）', params: IdParams } }, async (req, reply) => {
    const { buffer, fileName } = await getMyNoticeDocx(authed(req, OWN), req.params.id);
    return sendFile(reply, buffer, fileName, DOCX_TYPE);
  });
  app.get('/api/my/inspections/:id/feedback.docx', { schema: { ...my, summary: '反馈意见书（.docx）', params: IdParams } }, async (req, reply) => {
    const { buffer, fileName } = await getMyFeedbackDocx(authed(req, OWN), req.params.id);
    return sendFile(reply, buffer, fileName, DOCX_TYPE);
  });
  app.put('/api/my/inspections/:id/rectification', { schema: { ...my, summary: '逐项报送整改情况（附先上传的佐证材料）', params: IdParams, body: RectificationReportInput } }, async (req) =>
    reportRectification(authed(req, OWN), req.params.id, req.body),
  );
  app.post(
    '/api/my/inspections/:id/rectification/evidence',
    { schema: { ...my, summary: '上传整改佐证材料（图片或 PDF，关联到整改事项）', params: IdParams, querystring: EvidenceQuery, consumes: ['multipart/form-data'] } },
    async (req) => {
      const ctx = authed(req, OWN);
      return addEvidence(ctx, req.params.id, req.query, await uploadedPhoto(req, EVIDENCE_TYPE_MESSAGE));
    },
  );
  app.put('/api/my/inspections/:id/self-inspection', { schema: { ...my, summary: '保存自查表（可分次填写）', params: IdParams, body: SelfInspectionInput } }, async (req) =>
    saveSelfInspection(authed(req, OWN), req.params.id, req.body),
  );
  app.post('/api/my/inspections/:id/self-inspection/submit', { schema: { ...my, summary: '提交自查表（须逐项填写）', params: IdParams } }, async (req) =>
    submitSelfInspection(authed(req, OWN), req.params.id),
  );

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
