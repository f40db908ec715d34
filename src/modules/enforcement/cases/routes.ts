/** HTTP surface of 行政处罚案件 (/api/enforcement/cases) and 裁量基准 (/api/enforcement/benchmarks, /api/public/enforcement/benchmarks). Thin. */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf, DOCX_TYPE, sendFile, XLSX_TYPE } from '../../../kernel/http/context.js';
import { AppError, fieldError } from '../../../kernel/http/errors.js';
import { importRows } from '../../../kernel/http/import-rows.js';
import { fileResponse } from '../../../kernel/http/responses.js';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BenchmarkIdParams,
  BenchmarkLevelsInput,
  BenchmarkList,
  BenchmarkListQuery,
  BenchmarkView,
  PublicBenchmarkPage,
  PublicBenchmarkQuery,
} from '../benchmarks/contracts.js';
import { listBenchmarks, publicBenchmarks, seedStandardBenchmarks, updateBenchmarkLevels } from '../benchmarks/benchmarks.service.js';
import type { EvidenceKind } from '../labels.js';
import {
  ApproverList,
  CaseDetail,
  CaseDocParams,
  CaseFileParams,
  CaseIdParams,
  CaseListQuery,
  CasePage,
  CloseInput,
  CourtInput,
  FilingDecisionInput,
  InstalmentInput,
  DecideInput,
  DiscussionInput,
  EvidenceQuery,
  ExtendInput,
  HearingHeldInput,
  HearingRequestInput,
  HearingScheduleInput,
  ImportResult,
  InquiryInput,
  NotifyInput,
  OpenCaseInput,
  PayInput,
  PublishInput,
  ReviewInput,
  RevokeInput,
  ServeInput,
  WithdrawalDecisionInput,
  WithdrawalInput,
  WithdrawPublicationInput,
} from './contracts.js';
import * as svc from './cases.service.js';
import { caseImportTemplate, CASE_IMPORT_ALIASES, IMPORT_MAX_ROWS, importCases } from './import.service.js';
import { caseDocument } from './letters.js';

const P = '/api/enforcement/cases';
const MANAGE = 'enforcement.manage';

/** The evidence kinds by their first bytes: photos, documents (PDF, .docx), audio (MP3, WAV, M4A), video (MP4/MOV, WebM). */
export function sniffEvidence(b: Buffer): { kind: EvidenceKind; mime: string } | null {
  const ascii = (from: number, to: number) => b.subarray(from, to).toString('latin1');
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { kind: 'photo', mime: 'image/jpeg' };
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { kind: 'photo', mime: 'image/png' };
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { kind: 'photo', mime: 'image/webp' };
  if (b.length >= 5 && ascii(0, 5) === '%PDF-') return { kind: 'document', mime: 'application/pdf' };
  if (b.length >= 4 && b.readUInt32LE(0) === 0x04034b50) return { kind: 'document', mime: DOCX_TYPE };
  if (b.length >= 3 && ascii(0, 3) === 'ID3') return { kind: 'audio', mime: 'audio/mpeg' };
  if (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0) return { kind: 'audio', mime: 'audio/mpeg' };
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return { kind: 'audio', mime: 'audio/wav' };
  if (b.length >= 12 && ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    return brand.startsWith('M4A') ? { kind: 'audio', mime: 'audio/mp4' } : { kind: 'video', mime: brand === 'qt  ' ? 'video/quicktime' : 'video/mp4' };
  }
  if (b.length >= 4 && b.readUInt32BE(0) === 0x1a45dfa3) return { kind: 'video', mime: 'video/webm' };
  return null;
}

async function evidenceUpload(req: FastifyRequest, kind: EvidenceKind) {
  const message = '证据文件应为照片（JPEG、PNG、WebP）、书证（PDF、Word .docx）、录音（MP3、WAV、M4A）或录像（MP4、MOV、WebM）';
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', message, { fields: { file: message } });
  const part = await req.file();
  if (!part) throw fieldError('file', '请选择要上传的证据文件');
  const data = await part.toBuffer();
  const sniffed = sniffEvidence(data);
  if (!sniffed) throw new AppError('unsupported_media_type', message, { fields: { file: message } });
  if (sniffed.kind !== kind)
    throw fieldError('kind', `文件内容是${{ photo: '照片', document: '书证', audio: '录音', video: '录像' }[sniffed.kind]}，与所选证据种类不符`);
  return { fileName: part.filename || '证据', mime: sniffed.mime, data, sha256: createHash('sha256').update(data).digest('hex') };
}

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['行政处罚'];
  const D = { 200: CaseDetail };
  app.get(P, { schema: { tags, summary: '行政处罚案件列表（分页，可筛选）', querystring: CaseListQuery, response: { 200: CasePage } } }, async (req) =>
    svc.listCases(authed(req, 'enforcement.read'), req.query),
  );
  app.post(P, { schema: { tags, summary: '立案', body: OpenCaseInput, response: D } }, async (req) => svc.openCase(authed(req, MANAGE), req.body));
  app.get(
    '/api/enforcement/approvers',
    { schema: { tags, summary: '可审批立案、延期的负责人（本机关在职、有审批权限）', response: { 200: ApproverList } } },
    async (req) => svc.listApprovers(authed(req, MANAGE)),
  );
  app.get(`${P}/import/template`, { schema: { tags, summary: '历史案件导入模板（.xlsx）', response: { 200: fileResponse('.xlsx') } } }, async (req, reply) => {
    authed(req, MANAGE);
    const t = await caseImportTemplate();
    return sendFile(reply, t.buffer, t.fileName, XLSX_TYPE);
  });
  app.post(
    `${P}/import`,
    { schema: { tags, summary: '导入历史案件（JSON 数组或 .xlsx 模板；全部无误才导入）', response: { 200: ImportResult } } },
    async (req) => {
      const ctx = authed(req, MANAGE);
      const { rows, source } = await importRows(req, { maxRows: IMPORT_MAX_ROWS, aliases: CASE_IMPORT_ALIASES });
      return importCases(ctx, rows, source);
    },
  );
  app.get(`${P}/:id`, { schema: { tags, summary: '案件详情（步骤、期限、可执行的操作）', params: CaseIdParams, response: D } }, async (req) =>
    svc.getCase(authed(req, 'enforcement.read'), req.params.id),
  );
  const post = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    fn: (req: FastifyRequest & { params: { id: string } }, b: z.infer<S>) => Promise<CaseDetail>,
  ) =>
    app.post(`${P}/:id/${path}`, { schema: { tags, summary, params: CaseIdParams, body, response: D } }, async (req) =>
      fn(req as FastifyRequest & { params: { id: string } }, req.body as z.infer<S>),
    );
  post('filing-decision', '立案审批（负责人批准或不予立案）', FilingDecisionInput, (r, b) =>
    svc.decideFiling(authed(r, 'enforcement.approve'), r.params.id, b),
  );
  post('instalments', '批准暂缓或者分期缴纳罚款', InstalmentInput, (r, b) => svc.approveInstalments(authed(r, MANAGE), r.params.id, b));
  post('extend', '延长办案期限（负责人批准）', ExtendInput, (r, b) => svc.extendCase(authed(r, MANAGE), r.params.id, b));
  post('withdrawals', '回避申请', WithdrawalInput, (r, b) => svc.requestWithdrawal(authed(r, MANAGE), r.params.id, b));
  post('withdrawals/decide', '回避决定', WithdrawalDecisionInput, (r, b) => svc.decideWithdrawal(authed(r, MANAGE), r.params.id, b));
  post('inquiries', '询问笔录', InquiryInput, (r, b) => svc.addInquiry(authed(r, MANAGE), r.params.id, b));
  post('notify', '告知（拟处罚及陈述、申辩、听证权利）', NotifyInput, (r, b) => svc.notifyCase(authed(r, MANAGE), r.params.id, b));
  post('hearing/request', '当事人申请听证', HearingRequestInput, (r, b) => svc.requestHearing(authed(r, MANAGE), r.params.id, b.requestedOn));
  post('hearing/schedule', '听证通知', HearingScheduleInput, (r, b) => svc.scheduleHearing(authed(r, MANAGE), r.params.id, b));
  post('hearing/held', '举行听证', HearingHeldInput, (r, b) => svc.holdHearing(authed(r, MANAGE), r.params.id, b));
  post('review', '法制审核', ReviewInput, (r, b) => svc.reviewCase(authed(r, 'enforcement.review'), r.params.id, b));
  post('discussion', '集体讨论', DiscussionInput, (r, b) => svc.discussCase(authed(r, MANAGE), r.params.id, b));
  post('decide', '作出决定', DecideInput, (r, b) => svc.decideCase(authed(r, MANAGE), r.params.id, b));
  post('serve', '送达', ServeInput, (r, b) => svc.serveCase(authed(r, MANAGE), r.params.id, b));
  post('payments', '缴纳罚款', PayInput, (r, b) => svc.payFine(authed(r, MANAGE), r.params.id, b));
  post('court', '申请人民法院强制执行', CourtInput, (r, b) => svc.applyCourt(authed(r, MANAGE), r.params.id, b));
  post('close', '结案', CloseInput, (r, b) => svc.closeCase(authed(r, MANAGE), r.params.id, b.closedOn));
  post('publish', '公开处罚决定', PublishInput, (r, b) => svc.publishDecision(authed(r, MANAGE), r.params.id, b.publishedOn));
  post('revoke', '决定被撤销', RevokeInput, (r, b) => svc.revokeDecision(authed(r, MANAGE), r.params.id, b));
  post('withdraw-publication', '撤回已公开的决定', WithdrawPublicationInput, (r, b) => svc.withdrawPublication(authed(r, MANAGE), r.params.id, b.withdrawnOn));
  app.post(
    `${P}/:id/evidence`,
    { schema: { tags, summary: '上传证据（照片、书证、录音、录像）', params: CaseIdParams, querystring: EvidenceQuery, response: D } },
    async (req) => {
      const ctx = authed(req, MANAGE);
      const file = await evidenceUpload(req, req.query.kind);
      return svc.addEvidence(ctx, req.params.id, req.query, file);
    },
  );
  app.get(
    `${P}/:id/files/:fileId`,
    { schema: { tags, summary: '下载证据文件', params: CaseFileParams, response: { 200: fileResponse('证据文件') } } },
    async (req, reply) => {
      const f = await svc.caseFile(authed(req, 'enforcement.read'), req.params.id, req.params.fileId);
      return sendFile(reply, f.data, f.fileName, f.mime);
    },
  );
  app.get(
    `${P}/:id/documents/:doc`,
    { schema: { tags, summary: '下载文书（告知书、决定书 .docx）', params: CaseDocParams, response: { 200: fileResponse('.docx（GB/T 9704 版式）') } } },
    async (req, reply) => {
      const d = await caseDocument(authed(req, 'enforcement.read'), req.params.id, req.params.doc);
      return sendFile(reply, d.buffer, d.fileName, DOCX_TYPE);
    },
  );

  // ---- 裁量基准 ----
  const B = '/api/enforcement/benchmarks';
  app.get(B, { schema: { tags, summary: '裁量基准', querystring: BenchmarkListQuery, response: { 200: BenchmarkList } } }, async (req) =>
    listBenchmarks(authed(req, 'enforcement.read'), req.query),
  );
  app.post(
    `${B}/standard`,
    { schema: { tags, summary: '载入档案法标准裁量基准（已有的不变）', response: { 200: z.object({ added: z.number() }) } } },
    async (req) => {
      const ctx = authed(req, MANAGE);
      return { added: await seedStandardBenchmarks(ctx, ctx.actor.orgId) };
    },
  );
  app.put(
    `${B}/:id`,
    { schema: { tags, summary: '修改裁量基准的推荐幅度', params: BenchmarkIdParams, body: BenchmarkLevelsInput, response: { 200: BenchmarkView } } },
    async (req) => updateBenchmarkLevels(authed(req, MANAGE), req.params.id, req.body),
  );
  app.get(
    '/api/public/enforcement/benchmarks',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: { tags: ['公开'], summary: '公开的行政处罚裁量基准', querystring: PublicBenchmarkQuery, response: { 200: PublicBenchmarkPage } },
    },
    async (req) => publicBenchmarks(ctxOf(req), req.query),
  );
};
