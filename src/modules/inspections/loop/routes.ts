/**
 * HTTP surface of the inspection loop: /api/inspections (the bureau: create, list, detail, notice,
 * on-site record, feedback letter, review) and /api/my/inspections (the unit's own account: 自查表,
 * rectification reports, its copies of the letters). Thin: validate → authorise → one service call.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DocPrefixInput, getDocPrefixSettings, putDocPrefixSettings } from '../../../kernel/documents/index.js';
import { DOCX_TYPE, authed, sendFile } from '../../../kernel/http/context.js';
import { fileResponse } from '../../../kernel/http/responses.js';
import { singleUpload } from '../../../kernel/http/upload.js';
import { IdParams } from '../contracts.js';
import {
  AdHocInspectionInput,
  AdHocResult,
  DocPrefixSettings,
  EvidenceAdded,
  EvidenceQuery,
  FeedbackInput,
  FileParams,
  FromDrawResult,
  InspectionDetail,
  InspectionListQuery,
  InspectionPage,
  NoticeAmendInput,
  NoticeInput,
  NoticeParams,
  PhotoAdded,
  PhotoQuery,
  RecordInput,
  RectificationReportInput,
  RectificationReviewInput,
  SelfInspectionInput,
  SignInput,
} from './contracts.js';
import { INSPECTION_DOC_PREFIX } from './core.service.js';
import { createAdHoc, createFromDraw } from './create.service.js';
import { getInspection, getMyInspection, listInspections, listMyInspections } from './detail.service.js';
import { getFeedbackDocx, getMyFeedbackDocx, issueFeedback } from './feedback.service.js';
import { amendNotice, getMyNoticeDocx, getNoticeDocx, sendNotice } from './notices.service.js';
import { PHOTO_UPLOAD, addPhoto, getFile, getMyFile, saveRecord, signRecord } from './record.service.js';
import { EVIDENCE_UPLOAD, addEvidence, reportRectification, reviewRectification } from './rectification.service.js';
import { saveSelfInspection, submitSelfInspection } from './self-inspection.service.js';
import { scheduleSelfClockBackfill } from './self-clock-backfill.js';

const P = '/api/inspections';
const READ = 'inspection.read' as const;
const MANAGE = 'inspection.manage' as const;
const OWN = 'ownUnit.inspect' as const;
const DOCX = { 200: fileResponse('.docx（GB/T 9704 版式）') };
/** A photo, signature or piece of evidence, shown in the browser (inline). */
const sendInline = (reply: FastifyReply, f: { data: Buffer; mime: string; fileName: string }) =>
  reply
    .header('content-type', f.mime)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.data);
const IMAGE = { 200: fileResponse('图片或 PDF（照片、签名、佐证材料）') };

export const loopRoutes: FastifyPluginAsyncZod = async (app) => {
  // inspections notified before the 自查表 clock existed get theirs (self-clock-backfill.ts)
  scheduleSelfClockBackfill(app);
  // ---- 行政检查（检查通知书、现场检查记录、反馈意见书、整改审核） ----
  const insp = { tags: ['行政检查'] };
  app.get(`${P}/doc-settings`, { schema: { ...insp, summary: '检查文书发文字号的机关代字', response: { 200: DocPrefixSettings } } }, async (req) =>
    getDocPrefixSettings(authed(req, 'settings.manage'), INSPECTION_DOC_PREFIX),
  );
  app.put(
    `${P}/doc-settings`,
    { schema: { ...insp, summary: '设置检查文书（检查通知书、反馈意见书）发文字号的机关代字', body: DocPrefixInput, response: { 200: DocPrefixSettings } } },
    async (req) => putDocPrefixSettings(authed(req, 'settings.manage'), INSPECTION_DOC_PREFIX, req.body),
  );
  app.post(
    `${P}/draws/:id/inspections`,
    { schema: { ...insp, summary: '按已公布的抽取结果生成检查（每个抽中单位一项）', params: IdParams, response: { 200: FromDrawResult } } },
    async (req) => createFromDraw(authed(req, MANAGE), req.params.id),
  );
  app.post(
    P,
    { schema: { ...insp, summary: '新建专项/临时检查（检查对象、检查组、检查表、日期、事由）', body: AdHocInspectionInput, response: { 200: AdHocResult } } },
    async (req) => createAdHoc(authed(req, MANAGE), req.body),
  );
  app.get(P, { schema: { ...insp, summary: '检查列表', querystring: InspectionListQuery, response: { 200: InspectionPage } } }, async (req) =>
    listInspections(authed(req, READ), req.query),
  );
  app.get(
    `${P}/:id`,
    { schema: { ...insp, summary: '检查详情（含可执行的操作 allowedActions）', params: IdParams, response: { 200: InspectionDetail } } },
    async (req) => getInspection(authed(req, READ), req.params.id),
  );
  app.post(
    `${P}/:id/notice`,
    {
      schema: {
        ...insp,
        summary: '登记送达检查通知书（至迟于检查日前 N 个工作日），编发文字号',
        params: IdParams,
        body: NoticeInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => sendNotice(authed(req, MANAGE), req.params.id, req.body),
  );
  app.get(
    `${P}/:id/notice.docx`,
    { schema: { ...insp, summary: '检查通知书（.docx，现行有效的一份）', params: IdParams, response: DOCX } },
    async (req, reply) => {
      const { buffer, fileName } = await getNoticeDocx(authed(req, READ), req.params.id);
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );
  app.post(
    `${P}/:id/notice/amend`,
    {
      schema: {
        ...insp,
        summary: '变更检查通知：另行送达检查通知书（新的发文字号、检查日期，至迟于新检查日前 N 个工作日），原通知书留存',
        params: IdParams,
        body: NoticeAmendInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => amendNotice(authed(req, MANAGE), req.params.id, req.body),
  );
  app.get(
    `${P}/:id/notices/:noticeId/notice.docx`,
    { schema: { ...insp, summary: '某一份检查通知书（.docx，含已变更的）', params: NoticeParams, response: DOCX } },
    async (req, reply) => {
      const { buffer, fileName } = await getNoticeDocx(authed(req, READ), req.params.id, req.params.noticeId);
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );

  app.put(
    `${P}/:id/record`,
    {
      schema: {
        ...insp,
        summary: '保存现场检查记录（逐项结果、到场执法人员、被检查单位代表、发现的问题）',
        params: IdParams,
        body: RecordInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => saveRecord(authed(req, MANAGE), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/photos`,
    {
      schema: {
        ...insp,
        summary: '上传现场照片（JPEG、PNG 或 WebP，关联到检查项）',
        params: IdParams,
        querystring: PhotoQuery,
        consumes: ['multipart/form-data'],
        response: { 200: PhotoAdded },
      },
    },
    async (req) => {
      const ctx = authed(req, MANAGE);
      return addPhoto(ctx, req.params.id, req.query.entryId, await singleUpload(req, PHOTO_UPLOAD));
    },
  );
  app.get(`${P}/:id/files/:fileId`, { schema: { ...insp, summary: '现场照片或签名图片', params: FileParams, response: IMAGE } }, async (req, reply) => {
    return sendInline(reply, await getFile(authed(req, READ), req.params.id, req.params.fileId));
  });
  app.post(
    `${P}/:id/sign`,
    {
      schema: {
        ...insp,
        summary: '到场执法人员与被检查单位代表当场签字（签字后记录不可修改）',
        params: IdParams,
        body: SignInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => signRecord(authed(req, MANAGE), req.params.id, req.body),
  );

  app.post(
    `${P}/:id/feedback`,
    {
      schema: {
        ...insp,
        summary: '出具反馈意见书（整改事项来自不符合项，整改期限按工作日计算），编发文字号',
        params: IdParams,
        body: FeedbackInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => issueFeedback(authed(req, MANAGE), req.params.id, req.body),
  );
  app.get(`${P}/:id/feedback.docx`, { schema: { ...insp, summary: '反馈意见书（.docx）', params: IdParams, response: DOCX } }, async (req, reply) => {
    const { buffer, fileName } = await getFeedbackDocx(authed(req, READ), req.params.id);
    return sendFile(reply, buffer, fileName, DOCX_TYPE);
  });

  app.post(
    `${P}/:id/rectification/review`,
    {
      schema: {
        ...insp,
        summary: '逐项审核整改情况（通过或退回；全部通过即办结）',
        params: IdParams,
        body: RectificationReviewInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => reviewRectification(authed(req, MANAGE), req.params.id, req.body),
  );

  // ---- 立档单位：我的检查、自查表、整改报送 ----
  const my = { tags: ['我的单位'] };
  const M = '/api/my/inspections';
  app.get(M, { schema: { ...my, summary: '本单位收到通知的检查', querystring: InspectionListQuery, response: { 200: InspectionPage } } }, async (req) =>
    listMyInspections(authed(req, OWN), req.query),
  );
  app.get(`${M}/:id`, { schema: { ...my, summary: '本单位的检查及自查表', params: IdParams, response: { 200: InspectionDetail } } }, async (req) =>
    getMyInspection(authed(req, OWN), req.params.id),
  );
  app.get(
    `${M}/:id/files/:fileId`,
    { schema: { ...my, summary: '本单位检查的照片、签名或佐证材料', params: FileParams, response: IMAGE } },
    async (req, reply) => {
      return sendInline(reply, await getMyFile(authed(req, OWN), req.params.id, req.params.fileId));
    },
  );
  app.get(`${M}/:id/notice.docx`, { schema: { ...my, summary: '检查通知书（.docx）', params: IdParams, response: DOCX } }, async (req, reply) => {
    const { buffer, fileName } = await getMyNoticeDocx(authed(req, OWN), req.params.id);
    return sendFile(reply, buffer, fileName, DOCX_TYPE);
  });
  app.get(
    `${M}/:id/notices/:noticeId/notice.docx`,
    { schema: { ...my, summary: '某一份检查通知书（.docx，含已变更的）', params: NoticeParams, response: DOCX } },
    async (req, reply) => {
      const { buffer, fileName } = await getMyNoticeDocx(authed(req, OWN), req.params.id, req.params.noticeId);
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );
  app.get(`${M}/:id/feedback.docx`, { schema: { ...my, summary: '反馈意见书（.docx）', params: IdParams, response: DOCX } }, async (req, reply) => {
    const { buffer, fileName } = await getMyFeedbackDocx(authed(req, OWN), req.params.id);
    return sendFile(reply, buffer, fileName, DOCX_TYPE);
  });
  app.put(
    `${M}/:id/rectification`,
    {
      schema: {
        ...my,
        summary: '逐项报送整改情况（附先上传的佐证材料）',
        params: IdParams,
        body: RectificationReportInput,
        response: { 200: InspectionDetail },
      },
    },
    async (req) => reportRectification(authed(req, OWN), req.params.id, req.body),
  );
  app.post(
    `${M}/:id/rectification/evidence`,
    {
      schema: {
        ...my,
        summary: '上传整改佐证材料（图片或 PDF，关联到整改事项）',
        params: IdParams,
        querystring: EvidenceQuery,
        consumes: ['multipart/form-data'],
        response: { 200: EvidenceAdded },
      },
    },
    async (req) => {
      const ctx = authed(req, OWN);
      return addEvidence(ctx, req.params.id, req.query.itemId, await singleUpload(req, EVIDENCE_UPLOAD));
    },
  );
  app.put(
    `${M}/:id/self-inspection`,
    { schema: { ...my, summary: '保存自查表（可分次填写）', params: IdParams, body: SelfInspectionInput, response: { 200: InspectionDetail } } },
    async (req) => saveSelfInspection(authed(req, OWN), req.params.id, req.body),
  );
  app.post(
    `${M}/:id/self-inspection/submit`,
    { schema: { ...my, summary: '提交自查表（须逐项填写）', params: IdParams, response: { 200: InspectionDetail } } },
    async (req) => submitSelfInspection(authed(req, OWN), req.params.id),
  );
};
