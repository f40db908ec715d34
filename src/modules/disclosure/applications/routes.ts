/**
 * HTTP surface of the applications area: /api/disclosure/applications (signed in) and
 * /api/public/disclosure/applications (portal, no account; CSRF still applies to writes,
 * rate-limited). Thin: validate → authorise → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf, sendFile, XLSX_TYPE } from '../../../kernel/http/context.js';
import { importRows } from '../../../kernel/http/import-rows.js';
import { fileResponse } from '../../../kernel/http/responses.js';
import { IdParams } from '../contracts.js';
import {
  createApplication,
  decideApplication,
  endConsultation,
  exportApplications,
  extendApplication,
  decideExtensionRequest,
  requestExtension,
  getApplication,
  listApplications,
  receiveCorrected,
  sendCorrection,
  startConsultation,
} from './applications.service.js';
import {
  ApplicationDetail,
  ApplicationImportResult,
  ApplicationInput,
  ApplicationListQuery,
  ApplicationPage,
  ConsultationEndInput,
  ConsultationParams,
  ConsultationStartInput,
  CorrectedInput,
  CorrectionInput,
  CreatedApplication,
  DecisionInput,
  ExtensionInput,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  PortalApplicationInput,
  PortalApplyResult,
  PortalTrackResult,
  TrackingParams,
} from './contracts.js';
import { APPLICATION_IMPORT_ALIASES, applicationImportTemplate, importApplications, MAX_APPLICATION_IMPORT_ROWS } from './import.service.js';
import { scheduleLapseSweep } from './lapse.service.js';
import { portalApply, portalTrack } from './portal.service.js';

const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
const P = '/api/disclosure/applications';

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['政府信息公开'];
  // a consultation silent past its 15 working days goes on the timeline by itself (lapse.service.ts)
  scheduleLapseSweep(app);

  app.get(
    P,
    { schema: { tags, summary: '申请列表（分页、筛选、搜索；证件号码脱敏）', querystring: ApplicationListQuery, response: { 200: ApplicationPage } } },
    async (req) => listApplications(authed(req, 'disclosure.read'), req.query),
  );
  app.get(
    `${P}/export.xlsx`,
    {
      schema: {
        tags,
        summary: '按列表筛选条件导出申请（.xlsx，证件号码脱敏）',
        querystring: ApplicationListQuery,
        response: { 200: fileResponse('申请登记表（.xlsx）') },
      },
    },
    async (req, reply) => {
      const { buffer, fileName } = await exportApplications(authed(req, 'disclosure.read'), req.query);
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
  app.post(
    P,
    { schema: { tags, summary: '登记申请（当面、信函、传真电子邮件、互联网）', body: ApplicationInput, response: { 200: CreatedApplication } } },
    async (req) => createApplication(authed(req, 'disclosure.handle'), req.body),
  );
  app.get(
    `${P}/import-template.xlsx`,
    { schema: { tags, summary: '下载申请登记导入模板（.xlsx，中文表头、可选值与填写说明）', response: { 200: fileResponse('申请登记导入模板（.xlsx）') } } },
    async (req, reply) => {
      authed(req, 'disclosure.handle');
      const { buffer, fileName } = await applicationImportTemplate();
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
  app.post(
    `${P}/import`,
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, summary: '导入申请登记（JSON 数组或 .xlsx；全部成功或全部不写入）', response: { 200: ApplicationImportResult } },
    },
    async (req) => {
      const ctx = authed(req, 'disclosure.handle');
      const { rows } = await importRows(req, { maxRows: MAX_APPLICATION_IMPORT_ROWS, aliases: APPLICATION_IMPORT_ALIASES, fileSizeLimit: IMPORT_BODY_LIMIT });
      return importApplications(ctx, rows);
    },
  );
  app.get(
    `${P}/:id`,
    { schema: { tags, summary: '申请详情（含答复期限及计算说明、可办理的事项）', params: IdParams, response: { 200: ApplicationDetail } } },
    async (req) => getApplication(authed(req, 'disclosure.read'), req.params.id),
  );
  app.post(
    `${P}/:id/correction`,
    { schema: { tags, summary: '发出补正通知（条例第三十条）', params: IdParams, body: CorrectionInput, response: { 200: ApplicationDetail } } },
    async (req) => sendCorrection(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/corrected`,
    { schema: { tags, summary: '收到补正后的申请（重新起算）', params: IdParams, body: CorrectedInput, response: { 200: ApplicationDetail } } },
    async (req) => receiveCorrected(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/consultations`,
    {
      schema: {
        tags,
        summary: '征求第三方或其他机关意见（不计入答复期限）',
        params: IdParams,
        body: ConsultationStartInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => startConsultation(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/consultations/:consultationId/end`,
    { schema: { tags, summary: '登记收到征求意见的答复', params: ConsultationParams, body: ConsultationEndInput, response: { 200: ApplicationDetail } } },
    async (req) => endConsultation(authed(req, 'disclosure.handle'), req.params.id, req.params.consultationId, req.body),
  );
  app.post(
    `${P}/:id/extension`,
    {
      schema: {
        tags,
        summary: '延长答复期限（一次，不超过 20 个工作日，须负责人批准）',
        params: IdParams,
        body: ExtensionInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => extendApplication(authed(req, 'disclosure.read'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/extension-request`,
    {
      schema: {
        tags,
        summary: '报请延长答复期限（待政府信息公开工作机构负责人批准）',
        params: IdParams,
        body: ExtensionRequestInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => requestExtension(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/extension-request/decision`,
    {
      schema: {
        tags,
        summary: '批准或不予批准延期报请（负责人）',
        params: IdParams,
        body: ExtensionDecisionInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => decideExtensionRequest(authed(req, 'disclosure.approve'), req.params.id, req.body),
  );
  app.post(
    `${P}/:id/decision`,
    { schema: { tags, summary: '答复（一个办理结果）', params: IdParams, body: DecisionInput, response: { 200: ApplicationDetail } } },
    async (req) => decideApplication(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );

  // ---- 门户（无需登录） ----
  const portal = ['门户'];
  app.post(
    '/api/public/disclosure/applications',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: portal, summary: '在线提交政府信息公开申请（无需账号）', body: PortalApplicationInput, response: { 200: PortalApplyResult } },
    },
    async (req) => portalApply(ctxOf(req), req.body),
  );
  app.get(
    '/api/public/disclosure/applications/:trackingCode',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: portal, summary: '凭查询码查看办理状态和预计答复日期', params: TrackingParams, response: { 200: PortalTrackResult } },
    },
    async (req) => portalTrack(ctxOf(req), req.params.trackingCode),
  );
};
