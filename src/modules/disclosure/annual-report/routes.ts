/**
 * HTTP surface of the annual-report area: /api/disclosure/annual-reports/* (signed in) and
 * /api/public/disclosure/annual-reports (portal, no account). Thin: validate → authorise → one call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf, DOCX_TYPE, sendFile, XLSX_TYPE } from '../../../kernel/http/context.js';
import { validation } from '../../../kernel/http/errors.js';
import { singleUpload } from '../../../kernel/http/upload.js';
import { IdParams, OrgQuery, YearParams } from '../contracts.js';
import {
  AnnualReportTables,
  CellDrillDown,
  CellParams,
  CellQuery,
  CheckQuery,
  ExternalCheckResult,
  ExternalTableInput,
  Narrative,
  NarrativeInput,
  PublicationsQuery,
  PublicReportList,
  PublicReportListQuery,
  PublishedReport,
  PublishedReportFile,
  PublishedReportVersion,
  PublishReportInput,
  ReportFile,
  ReportPublications,
  TablesFile,
  TablesQuery,
} from './contracts.js';
import { annualReportDocx } from './docx.js';
import { getNarrative, putNarrative } from './narrative.service.js';
import { annualReportPublications, publicAnnualReport, publicAnnualReportDocx, publicAnnualReports, publishAnnualReport } from './publish.service.js';
import { annualReportCell, annualReportTables, annualReportXlsx, checkExternalSheet, checkExternalTable } from './reports.service.js';

const P = '/api/disclosure/annual-reports';

export const annualReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['政府信息公开'];
  app.get(
    `${P}/:year/tables`,
    {
      schema: {
        tags,
        summary: '年度报告第二、三、四部分表格（按年度选用格式）及校验结果；includeChildren=true 汇总本机构及全部下级机构',
        params: YearParams,
        querystring: TablesQuery,
        response: { 200: AnnualReportTables },
      },
    },
    async (req) => annualReportTables(authed(req, 'disclosure.read'), req.params.year, req.query.orgId, req.query.includeChildren),
  );
  app.get(
    `${P}/:year/tables.xlsx`,
    { schema: { tags, summary: '年度报告第三、四部分表格导出（.xlsx）', params: YearParams, querystring: TablesQuery, response: { 200: TablesFile } } },
    async (req, reply) => {
      const { buffer, fileName } = await annualReportXlsx(authed(req, 'disclosure.read'), req.params.year, req.query.orgId, req.query.includeChildren);
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
  app.get(
    `${P}/:year/report.docx`,
    { schema: { tags, summary: '年度报告全文（六个部分，.docx）', params: YearParams, querystring: OrgQuery, response: { 200: ReportFile } } },
    async (req, reply) => {
      const { buffer, fileName } = await annualReportDocx(authed(req, 'disclosure.read'), req.params.year, req.query.orgId);
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );
  app.get(
    `${P}/:year/narrative`,
    { schema: { tags, summary: '年度报告文字部分（一、五、六）', params: YearParams, querystring: OrgQuery, response: { 200: Narrative } } },
    async (req) => getNarrative(authed(req, 'disclosure.read'), req.params.year, req.query.orgId),
  );
  app.put(
    `${P}/:year/narrative`,
    {
      schema: {
        tags,
        summary: '编辑年度报告文字部分（一 总体情况、五 存在的主要问题及改进情况、六 其他需要报告的事项）',
        params: YearParams,
        body: NarrativeInput,
        response: { 200: Narrative },
      },
    },
    async (req) => putNarrative(authed(req, 'disclosure.handle'), req.params.year, req.body),
  );
  app.get(
    `${P}/:year/publications`,
    {
      schema: {
        tags,
        summary: '年度报告已发布的各版本（最新在前，分页）及现行版本',
        params: YearParams,
        querystring: PublicationsQuery,
        response: { 200: ReportPublications },
      },
    },
    async (req) => annualReportPublications(authed(req, 'disclosure.read'), req.params.year, req.query),
  );
  app.post(
    `${P}/:year/publish`,
    {
      schema: {
        tags,
        summary: '发布年度报告（局领导；报告年度须已结束；冻结表格、文字部分和 .docx；已发布的须填更正理由发布更正版）',
        params: YearParams,
        body: PublishReportInput,
        response: { 200: PublishedReportVersion },
      },
    },
    async (req) => publishAnnualReport(authed(req, 'disclosure.approve'), req.params.year, req.body),
  );
  app.get(
    `${P}/:year/cells/:rowKey/:colKey`,
    { schema: { tags, summary: '表格单元格对应的申请或复议诉讼案件', params: CellParams, querystring: CellQuery, response: { 200: CellDrillDown } } },
    async (req) => annualReportCell(authed(req, 'disclosure.read'), req.params.year, req.params.rowKey, req.params.colKey, req.query),
  );
  app.post(
    `${P}/check`,
    {
      schema: {
        tags,
        summary: '校验已公布的年度报告表格（JSON，或上传 .xlsx 并以 ?year= 给出年度）：空格、勾稽关系、格式与年度',
        querystring: CheckQuery,
        response: { 200: ExternalCheckResult },
      },
    },
    async (req) => {
      authed(req, 'disclosure.read');
      if (req.isMultipart()) {
        const file = await singleUpload(req, { what: '.xlsx 文件', accept: ['application/zip'], typeMessage: '请上传 Excel（.xlsx）文件' });
        return checkExternalSheet(file.data, req.query);
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
  const portal = ['门户'];
  app.get(
    '/api/public/disclosure/annual-reports',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: portal,
        summary: '已发布的政府信息公开工作年度报告（分页；可按机关、年度筛选；含被更正的旧版本）',
        querystring: PublicReportListQuery,
        response: { 200: PublicReportList },
      },
    },
    async (req) => publicAnnualReports(ctxOf(req), req.query),
  );
  app.get(
    '/api/public/disclosure/annual-reports/:id',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: { tags: portal, summary: '已发布的年度报告（发布时冻结的表格和文字部分）', params: IdParams, response: { 200: PublishedReport } },
    },
    async (req) => publicAnnualReport(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/public/disclosure/annual-reports/:id/report.docx',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags: portal, summary: '已发布的年度报告全文（.docx，发布时生成）', params: IdParams, response: { 200: PublishedReportFile } },
    },
    async (req, reply) => {
      const { buffer, fileName } = await publicAnnualReportDocx(ctxOf(req), req.params.id);
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );
};
