/**
 * HTTP surface of the applications area: /api/licensing/applications (signed in) and
 * /api/public/licensing/* (portal, no account; CSRF still applies to writes, rate-limited). Thin:
 * validate → authorise → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf, DOCX_TYPE, sendFile, XLSX_TYPE } from '../../../kernel/http/context.js';
import { importRows } from '../../../kernel/http/import-rows.js';
import { fileResponse } from '../../../kernel/http/responses.js';
import { IdParams } from '../contracts.js';
import {
  acceptApplication,
  applicationDocument,
  createApplication,
  decideApplication,
  decideExtension,
  endExclusion,
  getApplication,
  getFile,
  issueCertificate,
  listApplications,
  publishDecision,
  receiveCorrected,
  requestExtension,
  sendCorrection,
  startExclusion,
  withdrawApplication,
} from './applications.service.js';
import { scheduleDeemedSweep } from './clocks.service.js';
import {
  AcceptInput,
  ApplicationDetail,
  ApplicationImportResult,
  ApplicationInput,
  ApplicationListQuery,
  ApplicationPage,
  CertificateInput,
  CorrectedInput,
  CorrectionInput,
  DecisionInput,
  ExclusionEndInput,
  ExclusionParams,
  ExclusionStartInput,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  FileParams,
  LetterParams,
  PortalApplicationInput,
  PortalApplyResult,
  PortalCorrectionInput,
  PortalTrackResult,
  PortalWithdrawInput,
  PublicLetterParams,
  PublicDecisionPage,
  PublicDecisionsQuery,
  PublishInput,
  TrackingParams,
  WithdrawInput,
} from './contracts.js';
import { importLicensingApplications, LICENSING_IMPORT_ALIASES, licensingImportTemplate, MAX_LICENSING_IMPORT_ROWS } from './import.service.js';
import { portalApply, portalCorrect, portalDocument, portalTrack, portalWithdraw, publicDecisions } from './portal.service.js';

const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
/** A portal application carries its materials as base64: up to 10 files of 5 MB. */
const PORTAL_BODY_LIMIT = 70 * 1024 * 1024;
const P = '/api/licensing/applications';

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['行政许可'];
  // a silent acceptance period goes on the timeline by itself (行政许可法第三十二条)
  scheduleDeemedSweep(app);

  app.get(
    P,
    { schema: { tags, summary: '许可申请列表（分页、筛选；证件号码脱敏）', querystring: ApplicationListQuery, response: { 200: ApplicationPage } } },
    async (req) => listApplications(authed(req, 'licensing.read'), req.query),
  );
  app.post(P, { schema: { tags, summary: '窗口登记许可申请', body: ApplicationInput, response: { 200: ApplicationDetail } } }, async (req) =>
    createApplication(authed(req, 'licensing.handle'), req.body),
  );
  app.get(
    `${P}/import-template.xlsx`,
    {
      schema: { tags, summary: '下载历史数据导入模板（.xlsx，中文表头、可选值与填写说明）', response: { 200: fileResponse('行政许可申请导入模板（.xlsx）') } },
    },
    async (req, reply) => {
      const { buffer, fileName } = await licensingImportTemplate(authed(req, 'licensing.handle'));
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
  app.post(
    `${P}/import`,
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: '导入历史许可申请（JSON 数组或 .xlsx；全部成功或全部不写入）', response: { 200: ApplicationImportResult } },
    },
    async (req) => {
      const ctx = authed(req, 'licensing.handle');
      const { rows } = await importRows(req, { maxRows: MAX_LICENSING_IMPORT_ROWS, aliases: LICENSING_IMPORT_ALIASES, fileSizeLimit: IMPORT_BODY_LIMIT });
      return importLicensingApplications(ctx, rows);
    },
  );
  app.get(
    `${P}/:id`,
    { schema: { tags, summary: '许可申请详情（各环节期限、可办理的事项）', params: IdParams, response: { 200: ApplicationDetail } } },
    async (req) => getApplication(authed(req, 'licensing.read'), req.params.id),
  );
  app.get(
    `${P}/:id/files/:fileId`,
    { schema: { tags, summary: '下载申请人上传的申请材料', params: FileParams, response: { 200: fileResponse('申请材料') } } },
    async (req, reply) => {
      const f = await getFile(authed(req, 'licensing.read'), req.params.id, req.params.fileId);
      return sendFile(reply, f.data, f.fileName, f.contentType);
    },
  );
  app.get(
    `${P}/:id/documents/:doc`,
    {
      schema: {
        tags,
        summary: '下载文书（受理通知书、补正材料通知书、准予或不予行政许可决定书、行政许可证件 .docx；尚未办理该环节的 409）',
        params: LetterParams,
        response: { 200: fileResponse('.docx（GB/T 9704 版式）') },
      },
    },
    async (req, reply) => {
      const d = await applicationDocument(authed(req, 'licensing.read'), req.params.id, req.params.doc);
      return sendFile(reply, d.buffer, d.fileName, DOCX_TYPE);
    },
  );
  app.post(
    `${P}/:id/accept`,
    { schema: { tags, summary: '受理（行政许可法第三十二条）', params: IdParams, body: AcceptInput, response: { 200: ApplicationDetail } } },
    async (req) => acceptApplication(authed(req, 'licensing.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/correction`,
    { schema: { tags, summary: '一次性告知补正（五个工作日内）', params: IdParams, body: CorrectionInput, response: { 200: ApplicationDetail } } },
    async (req) => sendCorrection(authed(req, 'licensing.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/corrected`,
    { schema: { tags, summary: '收到补正材料（受理期限重新计算）', params: IdParams, body: CorrectedInput, response: { 200: ApplicationDetail } } },
    async (req) => receiveCorrected(authed(req, 'licensing.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/exclusions`,
    {
      schema: {
        tags,
        summary: '听证、检验检测检疫、专家评审开始（不计入期限，第四十五条）',
        params: IdParams,
        body: ExclusionStartInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => startExclusion(authed(req, 'licensing.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/exclusions/:exclusionId/end`,
    { schema: { tags, summary: '不计时期间结束', params: ExclusionParams, body: ExclusionEndInput, response: { 200: ApplicationDetail } } },
    async (req) => endExclusion(authed(req, 'licensing.handle'), req.params.id, req.params.exclusionId, req.body),
  );
  app.post(
    `${P}/:id/extension-request`,
    {
      schema: {
        tags,
        summary: '报请延长十个工作日（待本行政机关负责人批准）',
        params: IdParams,
        body: ExtensionRequestInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => requestExtension(authed(req, 'licensing.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/extension-request/decision`,
    { schema: { tags, summary: '批准或不予批准延期（负责人）', params: IdParams, body: ExtensionDecisionInput, response: { 200: ApplicationDetail } } },
    async (req) => decideExtension(authed(req, 'licensing.approve'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/decision`,
    { schema: { tags, summary: '作出准予或不予行政许可的决定', params: IdParams, body: DecisionInput, response: { 200: ApplicationDetail } } },
    async (req) => decideApplication(authed(req, 'licensing.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/certificate`,
    { schema: { tags, summary: '颁发行政许可证件', params: IdParams, body: CertificateInput, response: { 200: ApplicationDetail } } },
    async (req) => issueCertificate(authed(req, 'licensing.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/publish`,
    { schema: { tags, summary: '公开行政许可决定', params: IdParams, body: PublishInput, response: { 200: ApplicationDetail } } },
    async (req) => publishDecision(authed(req, 'licensing.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/withdraw`,
    { schema: { tags, summary: '申请人撤回申请', params: IdParams, body: WithdrawInput, response: { 200: ApplicationDetail } } },
    async (req) => withdrawApplication(authed(req, 'licensing.handle'), req.params.id, req.body),
  );

  // ---- 门户（无需登录） ----
  const portal = ['门户'];
  app.post(
    '/api/public/licensing/applications',
    {
      bodyLimit: PORTAL_BODY_LIMIT,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: portal, summary: '网上申请行政许可（无需账号，上传申请材料）', body: PortalApplicationInput, response: { 200: PortalApplyResult } },
    },
    async (req) => portalApply(ctxOf(req), req.body),
  );
  app.get(
    '/api/public/licensing/applications/:trackingCode',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: portal, summary: '凭查询码查看许可申请的办理进度和结果', params: TrackingParams, response: { 200: PortalTrackResult } },
    },
    async (req) => portalTrack(ctxOf(req), req.params.trackingCode),
  );
  app.get(
    '/api/public/licensing/applications/:trackingCode/documents/:doc',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: portal,
        summary: '凭查询码下载送达申请人的文书（.docx；尚未办理该环节的 409）',
        params: PublicLetterParams,
        response: { 200: fileResponse('.docx（GB/T 9704 版式）') },
      },
    },
    async (req, reply) => {
      const d = await portalDocument(ctxOf(req), req.params.trackingCode, req.params.doc);
      return sendFile(reply, d.buffer, d.fileName, DOCX_TYPE);
    },
  );
  app.post(
    '/api/public/licensing/applications/:trackingCode/corrections',
    {
      bodyLimit: PORTAL_BODY_LIMIT,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: portal,
        summary: '凭查询码提交补正材料（受理期限自收到之日起重新计算）',
        params: TrackingParams,
        body: PortalCorrectionInput,
        response: { 200: PortalTrackResult },
      },
    },
    async (req) => portalCorrect(ctxOf(req), req.params.trackingCode, req.body),
  );
  app.post(
    '/api/public/licensing/applications/:trackingCode/withdraw',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: portal,
        summary: '凭查询码撤回申请（作出决定前，须写明理由）',
        params: TrackingParams,
        body: PortalWithdrawInput,
        response: { 200: PortalTrackResult },
      },
    },
    async (req) => portalWithdraw(ctxOf(req), req.params.trackingCode, req.body),
  );
  app.get(
    '/api/public/licensing/decisions',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: portal, summary: '行政许可决定公开（个人姓名脱敏）', querystring: PublicDecisionsQuery, response: { 200: PublicDecisionPage } },
    },
    async (req) => publicDecisions(ctxOf(req), req.query),
  );
};
