/**
 * HTTP surface of 政府信息公开: /api/disclosure/* (signed in) and /api/public/disclosure/* (portal,
 * no account; CSRF still applies to writes, rate-limited). Thin: validate → authorise → one call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf, DOCX_TYPE, sendFile, XLSX_TYPE } from '../../kernel/http/context.js';
import { importRows } from '../../kernel/http/import-rows.js';
import { validation } from '../../kernel/http/errors.js';
import { DocPrefixInput, getDocPrefixSettings, putDocPrefixSettings } from '../../kernel/documents/index.js';
import {
  ApplicationInput,
  ApplicationListQuery,
  CellParams,
  CellQuery,
  CheckQuery,
  ConsultationEndInput,
  ConsultationParams,
  ConsultationStartInput,
  CorrectedInput,
  CorrectionInput,
  DecisionInput,
  ExtensionInput,
  ExternalTableInput,
  FeeInput,
  FeePaidInput,
  IdParams,
  LetterParams,
  LetterQuery,
  NarrativeInput,
  RegisterEntryInput,
  RegisterEntryPatch,
  RegisterListQuery,
  OrgQuery,
  PortalApplicationInput,
  PublicReportListQuery,
  PublishReportInput,
  TrackingParams,
  YearParams,
} from './contracts.js';
import {
  createApplication,
  decideApplication,
  endConsultation,
  exportApplications,
  extendApplication,
  getApplication,
  listApplications,
  portalApply,
  portalTrack,
  receiveCorrected,
  sendCorrection,
  startConsultation,
} from './applications.service.js';
import { LETTER_PREFIX, listLetters, renderLetter } from './letters.js';
import { annualReportDocx, getNarrative, putNarrative } from './report-docx.js';
import { createRegisterEntry, deleteRegisterEntry, getRegisterEntry, listRegister, registerCategories, updateRegisterEntry } from './register.service.js';
import { markFeePaid, setFee } from './fee.service.js';
import { APPLICATION_IMPORT_ALIASES, MAX_APPLICATION_IMPORT_ROWS, importApplications } from './applications.import.js';
import { annualReportCell, annualReportTables, annualReportXlsx, checkExternalSheet, checkExternalTable } from './reports.service.js';
import { annualReportPublications, publicAnnualReport, publicAnnualReportDocx, publicAnnualReports, publishAnnualReport } from './report-publish.js';

const TAG = ['政府信息公开'];
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- 申请 ----
  app.get('/api/disclosure/applications', { schema: { tags: TAG, summary: '申请列表（分页、筛选、搜索；证件号码脱敏）', querystring: ApplicationListQuery } }, async (req) =>
    listApplications(authed(req, 'disclosure.read'), req.query),
  );
  app.get('/api/disclosure/applications/export.xlsx', { schema: { tags: TAG, summary: '按列表筛选条件导出申请（.xlsx，证件号码脱敏）', querystring: ApplicationListQuery } }, async (req, reply) => {
    const { buffer, fileName } = await exportApplications(authed(req, 'disclosure.read'), req.query);
    return sendFile(reply, buffer, fileName, XLSX_TYPE);
  });
  app.post('/api/disclosure/applications', { schema: { tags: TAG, summary: '登记申请（当面、信函、传真电子邮件、互联网）', body: ApplicationInput } }, async (req) =>
    createApplication(authed(req, 'disclosure.handle'), req.body),
  );
  app.post(
    '/api/disclosure/applications/import',
    { bodyLimit: IMPORT_BODY_LIMIT, schema: { tags: TAG, summary: '导入申请登记（JSON 数组或 .xlsx；全部成功或全部不写入）' } },
    async (req) => {
      const ctx = authed(req, 'disclosure.handle');
      const { rows } = await importRows(req, { maxRows: MAX_APPLICATION_IMPORT_ROWS, aliases: APPLICATION_IMPORT_ALIASES, fileSizeLimit: IMPORT_BODY_LIMIT });
      return importApplications(ctx, rows);
    },
  );
  app.get('/api/disclosure/applications/:id', { schema: { tags: TAG, summary: '申请详情（含答复期限及计算说明）', params: IdParams } }, async (req) =>
    getApplication(authed(req, 'disclosure.read'), req.params.id),
  );
  app.post('/api/disclosure/applications/:id/correction', { schema: { tags: TAG, summary: '发出补正通知（条例第三十条）', params: IdParams, body: CorrectionInput } }, async (req) =>
    sendCorrection(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post('/api/disclosure/applications/:id/corrected', { schema: { tags: TAG, summary: '收到补正后的申请（重新起算）', params: IdParams, body: CorrectedInput } }, async (req) =>
    receiveCorrected(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post('/api/disclosure/applications/:id/consultations', { schema: { tags: TAG, summary: '征求第三方或其他机关意见（不计入答复期限）', params: IdParams, body: ConsultationStartInput } }, async (req) =>
    startConsultation(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post(
    '/api/disclosure/applications/:id/consultations/:consultationId/end',
    { schema: { tags: TAG, summary: '登记收到征求意见的答复', params: ConsultationParams, body: ConsultationEndInput } },
    async (req) => endConsultation(authed(req, 'disclosure.handle'), req.params.id, req.params.consultationId, req.body),
  );
  app.post('/api/disclosure/applications/:id/extension', { schema: { tags: TAG, summary: '延长答复期限（一次，不超过 20 个工作日，须负责人批准）', params: IdParams, body: ExtensionInput } }, async (req) =>
    extendApplication(authed(req, 'disclosure.read'), req.params.id, req.body),
  );
  app.post('/api/disclosure/applications/:id/decision', { schema: { tags: TAG, summary: '答复（一个办理结果）', params: IdParams, body: DecisionInput } }, async (req) =>
    decideApplication(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );

  app.post('/api/disclosure/applications/:id/fee', { schema: { tags: TAG, summary: '计算信息处理费并发出收费通知（按件或按量，国办函〔2020〕109号）', params: IdParams, body: FeeInput } }, async (req) =>
    setFee(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.post('/api/disclosure/applications/:id/fee/paid', { schema: { tags: TAG, summary: '登记申请人缴纳信息处理费', params: IdParams, body: FeePaidInput } }, async (req) =>
    markFeePaid(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );

  // ---- 文书 ----
  app.get('/api/disclosure/letter-settings', { schema: { tags: TAG, summary: '文书发文字号的机关代字' } }, async (req) => getDocPrefixSettings(authed(req, 'settings.manage'), LETTER_PREFIX));
  app.put('/api/disclosure/letter-settings', { schema: { tags: TAG, summary: '设置文书发文字号的机关代字', body: DocPrefixInput } }, async (req) =>
    putDocPrefixSettings(authed(req, 'settings.manage'), LETTER_PREFIX, req.body),
  );
  app.get('/api/disclosure/applications/:id/letters', { schema: { tags: TAG, summary: '本申请已出具的文书（文号、日期）', params: IdParams } }, async (req) =>
    listLetters(authed(req, 'disclosure.read'), req.params.id),
  );
  app.get(
    '/api/disclosure/applications/:id/letters/:kind.docx',
    {
      schema: {
        tags: TAG,
        summary: '文书（GB/T 9704 .docx）：receipt 受理回执、correction 补正告知书、extension 延期答复告知书、consultation 征求意见函（?consultationId=）、reply 答复书、fee 收费通知；首次生成编发文字号并记录',
        params: LetterParams,
        querystring: LetterQuery,
      },
    },
    async (req, reply) => {
      const { buffer, fileName, docNumber } = await renderLetter(authed(req, 'disclosure.read'), req.params.id, req.params.kind, req.query.consultationId);
      reply.header('x-doc-number', encodeURIComponent(docNumber));
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );

  // ---- 主动公开目录 ----
  app.get('/api/disclosure/register/categories', { schema: { tags: TAG, summary: '主动公开目录类别（条例第二十条）' } }, async (req) => {
    authed(req, 'disclosure.read');
    return registerCategories();
  });
  app.get('/api/disclosure/register', { schema: { tags: TAG, summary: '主动公开目录（含 20 个工作日公开期限）', querystring: RegisterListQuery } }, async (req) =>
    listRegister(authed(req, 'disclosure.read'), req.query),
  );
  app.post('/api/disclosure/register', { schema: { tags: TAG, summary: '登记主动公开目录条目', body: RegisterEntryInput } }, async (req) =>
    createRegisterEntry(authed(req, 'disclosure.handle'), req.body),
  );
  app.get('/api/disclosure/register/:id', { schema: { tags: TAG, summary: '主动公开目录条目', params: IdParams } }, async (req) =>
    getRegisterEntry(authed(req, 'disclosure.read'), req.params.id),
  );
  app.patch('/api/disclosure/register/:id', { schema: { tags: TAG, summary: '修改主动公开目录条目（登记公开日期、废止日期等）', params: IdParams, body: RegisterEntryPatch } }, async (req) =>
    updateRegisterEntry(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.delete('/api/disclosure/register/:id', { schema: { tags: TAG, summary: '删除误登记的目录条目', params: IdParams } }, async (req) =>
    deleteRegisterEntry(authed(req, 'disclosure.handle'), req.params.id),
  );

  // ---- 年度报告 ----
  app.get('/api/disclosure/annual-reports/:year/tables', { schema: { tags: TAG, summary: '年度报告第二、三、四部分表格（按年度选用格式）及校验结果', params: YearParams, querystring: OrgQuery } }, async (req) =>
    annualReportTables(authed(req, 'disclosure.read'), req.params.year, req.query.orgId),
  );
  app.get('/api/disclosure/annual-reports/:year/tables.xlsx', { schema: { tags: TAG, summary: '年度报告第三、四部分表格导出（.xlsx）', params: YearParams, querystring: OrgQuery } }, async (req, reply) => {
    const { buffer, fileName } = await annualReportXlsx(authed(req, 'disclosure.read'), req.params.year, req.query.orgId);
    return sendFile(reply, buffer, fileName, XLSX_TYPE);
  });
  app.get('/api/disclosure/annual-reports/:year/report.docx', { schema: { tags: TAG, summary: '年度报告全文（六个部分，.docx）', params: YearParams, querystring: OrgQuery } }, async (req, reply) => {
    const { buffer, fileName } = await annualReportDocx(authed(req, 'disclosure.read'), req.params.year, req.query.orgId);
    return sendFile(reply, buffer, fileName, DOCX_TYPE);
  });
  app.get('/api/disclosure/annual-reports/:year/narrative', { schema: { tags: TAG, summary: '年度报告文字部分（一、五、六）', params: YearParams, querystring: OrgQuery } }, async (req) =>
    getNarrative(authed(req, 'disclosure.read'), req.params.year, req.query.orgId),
  );
  app.put('/api/disclosure/annual-reports/:year/narrative', { schema: { tags: TAG, summary: '编辑年度报告文字部分（一 总体情况、五 存在的主要问题及改进情况、六 其他需要报告的事项）', params: YearParams, body: NarrativeInput } }, async (req) =>
    putNarrative(authed(req, 'disclosure.handle'), req.params.year, req.body),
  );
  app.get('/api/disclosure/annual-reports/:year/publications', { schema: { tags: TAG, summary: '年度报告已发布的各版本（最新在前）', params: YearParams, querystring: OrgQuery } }, async (req) =>
    annualReportPublications(authed(req, 'disclosure.read'), req.params.year, req.query.orgId),
  );
  app.post(
    '/api/disclosure/annual-reports/:year/publish',
    { schema: { tags: TAG, summary: '发布年度报告（局领导；报告年度须已结束；冻结表格、文字部分和 .docx；已发布的须填更正理由发布更正版）', params: YearParams, body: PublishReportInput } },
    async (req) => publishAnnualReport(authed(req, 'disclosure.approve'), req.params.year, req.body),
  );
  app.get(
    '/api/disclosure/annual-reports/:year/cells/:rowKey/:colKey',
    { schema: { tags: TAG, summary: '表格单元格对应的申请或复议诉讼案件', params: CellParams, querystring: CellQuery } },
    async (req) => annualReportCell(authed(req, 'disclosure.read'), req.params.year, req.params.rowKey, req.params.colKey, req.query),
  );
  app.post(
    '/api/disclosure/annual-reports/check',
    { schema: { tags: TAG, summary: '校验已公布的年度报告表格（JSON，或上传 .xlsx 并以 ?year= 给出年度）：空格、勾稽关系、格式与年度', querystring: CheckQuery } },
    async (req) => {
      authed(req, 'disclosure.read');
      if (req.isMultipart()) {
        const part = await req.file();
        if (!part) throw validation('请选择要上传的 .xlsx 文件', { file: '请选择要上传的 .xlsx 文件' });
        return checkExternalSheet(await part.toBuffer(), req.query);
      }
      const parsed = ExternalTableInput.safeParse(req.body);
      if (!parsed.success) {
        const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'body', i.message]));
        throw validation(`请求内容有误：${Object.entries(fields)[0]?.join(' ') ?? ''}`, fields);
      }
      return checkExternalTable(parsed.data);
    },
  );

  // ---- 门户（无需登录） ----
  app.post(
    '/api/public/disclosure/applications',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags: ['门户'], summary: '在线提交政府信息公开申请（无需账号）', body: PortalApplicationInput } },
    async (req) => portalApply(ctxOf(req), req.body),
  );
  app.get(
    '/api/public/disclosure/applications/:trackingCode',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags: ['门户'], summary: '凭查询码查看办理状态和预计答复日期', params: TrackingParams } },
    async (req) => portalTrack(ctxOf(req), req.params.trackingCode),
  );
  app.get(
    '/api/public/disclosure/annual-reports',
    { config: { rateLimit: { max: 300, timeWindow: '1 minute' } }, schema: { tags: ['门户'], summary: '已发布的政府信息公开工作年度报告（可按机关、年度筛选；含被更正的旧版本）', querystring: PublicReportListQuery } },
    async (req) => publicAnnualReports(ctxOf(req), req.query),
  );
  app.get(
    '/api/public/disclosure/annual-reports/:id',
    { config: { rateLimit: { max: 300, timeWindow: '1 minute' } }, schema: { tags: ['门户'], summary: '已发布的年度报告（发布时冻结的表格和文字部分）', params: IdParams } },
    async (req) => publicAnnualReport(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/public/disclosure/annual-reports/:id/report.docx',
    { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags: ['门户'], summary: '已发布的年度报告全文（.docx，发布时生成）', params: IdParams } },
    async (req, reply) => {
      const { buffer, fileName } = await publicAnnualReportDocx(ctxOf(req), req.params.id);
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );
};
