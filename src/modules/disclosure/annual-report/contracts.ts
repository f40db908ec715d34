/**
 * Contracts of the annual-report area (政府信息公开工作年度报告): the tables of sections 二, 三 and 四 with
 * their checks, a cell's records, the narrative, publication and the portal's published reports,
 * the check of an external table. Zod only (its labels, the module's and the disputes module's
 * contracts), so the web takes its types from this very file.
 */
import { z } from 'zod';
import { fileResponse, PageQuery, paged, QueryFlag } from '../../../kernel/http/responses.js';
import { DisputeView } from '../../disputes/contracts.js';
import { ApplicationListItem } from '../applications/contracts.js';
import { YearParams } from '../contracts.js';
import { APPLICANT_TYPES } from '../labels.js';
import { RegisterEntryView } from '../register/contracts.js';
import { CHECK_RULES, DISPUTE_KINDS, SECTION3_ROW_KINDS, SECTION4_COLUMN_KEYS, TEMPLATE_IDS } from './labels.js';

export { CHECK_RULE_LABELS, TEMPLATE_NAMES, type CheckRule, type TemplateId } from './labels.js';

// ---- requests ----

export const CellParams = YearParams.extend({ rowKey: z.string().max(40), colKey: z.string().max(40) });
/** GET …/:year/tables and tables.xlsx: the org (own or a readable descendant), alone or with every org below it. */
export const TablesQuery = z.object({ orgId: z.uuid().optional(), includeChildren: QueryFlag });
export type TablesQuery = z.infer<typeof TablesQuery>;

export const CellQuery = z.object({
  orgId: z.uuid().optional(),
  includeChildren: QueryFlag,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CellQuery = z.infer<typeof CellQuery>;

const TEMPLATE_MSG = '报告格式应为 2019（试行格式）或 2021';
const cellValue = z.union([z.number(), z.string(), z.null()]);
/** An external published table to check (pasted as JSON). */
export const ExternalTableInput = z.object({
  year: z.number('报告年度必填').int(),
  templateId: z.enum(TEMPLATE_IDS, TEMPLATE_MSG),
  section3: z.record(z.string(), z.record(z.string(), cellValue)),
  section4: z.record(z.string(), z.record(z.string(), cellValue)).default({}),
});
export type ExternalTableInput = z.infer<typeof ExternalTableInput>;

export const CheckQuery = z.object({
  year: z.coerce.number().int().optional(),
  templateId: z.enum(TEMPLATE_IDS, TEMPLATE_MSG).optional(),
});
export type CheckQuery = z.infer<typeof CheckQuery>;

/** Narrative sections of the annual report; each optional in a PUT (missing = unchanged). */
export const NarrativeInput = z.object({
  overview: z.string().max(20000, '总体情况不能超过 20000 个字').optional(),
  problems: z.string().max(20000, '存在的主要问题及改进情况不能超过 20000 个字').optional(),
  other: z.string().max(20000, '其他需要报告的事项不能超过 20000 个字').optional(),
});
export type NarrativeInput = z.infer<typeof NarrativeInput>;

/** Publish the annual report; `reason` is required for a corrected version (a version exists). */
export const PublishReportInput = z.object({
  reason: z.string('更正理由应为文字').trim().max(2000, '更正理由不能超过 2000 个字').optional(),
});
export type PublishReportInput = z.infer<typeof PublishReportInput>;
/** A page of the published versions of one year (newest first), of the own org or a descendant. */
export const PublicationsQuery = PageQuery.extend({ orgId: z.uuid('机关 ID 格式不正确').optional() });
export type PublicationsQuery = z.infer<typeof PublicationsQuery>;
/** Portal list of published annual reports (paged). */
export const PublicReportListQuery = PageQuery.extend({
  orgId: z.uuid('机关 ID 格式不正确').optional(),
  year: z.coerce.number().int('年度应为整数').min(2019).max(2100).optional(),
});
export type PublicReportListQuery = z.infer<typeof PublicReportListQuery>;

// ---- responses ----

const Labelled = z.object({ key: z.string(), label: z.string() });
const OrgRef = z.object({ id: z.string(), name: z.string() });
const TemplateIdSchema = z.enum(TEMPLATE_IDS);

/** A cell a check names. */
export const CellRef = z.object({ section: z.enum(['三', '四']), row: z.string(), rowLabel: z.string(), column: z.string(), columnLabel: z.string() });
export type CellRef = z.infer<typeof CellRef>;
export const CheckFailure = z.object({
  rule: z.enum(CHECK_RULES),
  /** The cells the rule compares; for the sums the single cell on the left comes first. */
  cells: z.array(CellRef),
  /** The two sides compared (for blank/invalid/unknown_row: null). */
  left: z.number().nullable(),
  right: z.number().nullable(),
  message: z.string(),
});
export type CheckFailure = z.infer<typeof CheckFailure>;
export const CheckResult = z.object({ ok: z.boolean(), failures: z.array(CheckFailure) });
export type CheckResult = z.infer<typeof CheckResult>;

const Section2 = z.object({
  /** `register` when computed from the 主动公开目录; null when it has no entry at all (cells left blank). */
  source: z.enum(['register']).nullable(),
  note: z.string(),
  blocks: z.array(
    z.object({
      key: z.string(),
      item: z.string(),
      columns: z.array(Labelled),
      rows: z.array(
        Labelled.extend({ /** rowKey of GET …/cells/:rowKey/:colKey. */ drillKey: z.string(), cells: z.record(z.string(), z.number().nullable()) }),
      ),
    }),
  ),
});

export const Section3Column = z.object({
  key: z.enum([...APPLICANT_TYPES, 'total']),
  label: z.string(),
  /** 法人或其他组织 for the five organisation columns. */ group: z.string().nullable(),
});
export const Section3RowView = z.object({
  key: z.string(),
  label: z.string(),
  fullLabel: z.string(),
  kind: z.enum(SECTION3_ROW_KINDS),
  level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  parent: z.string().nullable(),
  /** Column key → number; null for a heading row. */
  cells: z.record(z.string(), z.number()).nullable(),
});
export type Section3RowView = z.infer<typeof Section3RowView>;

const Section4Group = z.object({ key: z.enum(DISPUTE_KINDS), label: z.string(), parent: z.string().nullable(), fullLabel: z.string() });
const Section4 = z.object({
  groups: z.array(Section4Group),
  columns: z.array(z.object({ key: z.enum(SECTION4_COLUMN_KEYS), label: z.string() })),
  rows: z.array(Section4Group.extend({ cells: z.record(z.enum(SECTION4_COLUMN_KEYS), z.number()) })),
});

const Section6 = z.object({
  /** 信息处理费 are charged from 2021 (国办函〔2020〕109号); the template 2021 report states them in section 六. */
  feesApplicable: z.boolean(),
  feesCollected: z.object({ amount: z.number(), applications: z.number().int() }),
  note: z.string(),
});

/** Sections 二, 三, 四 (and the fee line of 六) of a year under its template, with the checks' result. */
export const AnnualReportTables = z.object({
  year: z.number().int(),
  org: OrgRef,
  /** The org's whole subtree summed (a superior bureau's roll-up), or the org alone. */
  includeChildren: z.boolean(),
  template: z.object({ id: TemplateIdSchema, name: z.string(), source: z.string() }),
  section2: Section2,
  section3: z.object({ columns: z.array(Section3Column), rows: z.array(Section3RowView) }),
  section4: Section4,
  section6: Section6,
  checks: z.object({ ok: z.boolean(), section3: CheckResult, section4: CheckResult }),
});
export type AnnualReportTables = z.infer<typeof AnnualReportTables>;

export const TablesFile = fileResponse('年度报告第三、四部分表格（.xlsx）');
export const ReportFile = fileResponse('年度报告全文（.docx）');

const DrillBase = z.object({
  year: z.number().int(),
  row: Labelled,
  column: Labelled,
  /** How many records the cell counts (all pages). */
  count: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
/** The records behind one cell: entries of the register (二), applications (三), disputes (四). */
export const CellDrillDown = z.discriminatedUnion('kind', [
  DrillBase.extend({
    kind: z.literal('register'),
    section: z.literal('二'),
    /** The cell's number (a sum of amounts, a difference). */ value: z.number(),
    items: z.array(RegisterEntryView),
  }),
  DrillBase.extend({ kind: z.literal('application'), section: z.literal('三'), items: z.array(ApplicationListItem) }),
  DrillBase.extend({ kind: z.literal('dispute'), section: z.literal('四'), items: z.array(DisputeView) }),
]);
export type CellDrillDown = z.infer<typeof CellDrillDown>;

/** Whether the template suits the year, and which one it needs when not. */
export const TemplateYearCheck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), expected: TemplateIdSchema }),
  z.object({ ok: z.literal(false), expected: TemplateIdSchema.nullable(), message: z.string() }),
]);

export const ExternalCheckResult = z.object({
  ok: z.boolean(),
  templateId: TemplateIdSchema,
  templateYear: TemplateYearCheck,
  /** For an uploaded .xlsx: the template recognised and the rows the sheet lacks. */
  read: z.object({ detectedTemplate: TemplateIdSchema, missingRows: z.array(z.string()) }).optional(),
  blankCells: z.array(CellRef),
  section3: CheckResult,
  section4: CheckResult,
  /** `row|column` of every cell a rule names (section 四's prefixed `四:`). */
  failingCells: z.array(z.string()),
});
export type ExternalCheckResult = z.infer<typeof ExternalCheckResult>;

/** Sections 一, 五, 六 as the org keeps them per year. */
export const Narrative = z.object({
  year: z.number().int(),
  orgId: z.string(),
  overview: z.string(),
  problems: z.string(),
  other: z.string(),
  updatedAt: z.string().nullable(),
  /** Drafts from the records for the parts still empty (一's numbers, 六's fees); to read, edit and save. */
  drafts: z.object({ overview: z.string().nullable(), other: z.string().nullable() }),
});
export type Narrative = z.infer<typeof Narrative>;

/** A published (frozen) version of the annual report, as the portal lists it. */
export const PublishedReportSummary = z.object({
  id: z.string(),
  org: OrgRef,
  year: z.number().int(),
  version: z.number().int(),
  templateId: TemplateIdSchema,
  reason: z.string().nullable(),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  superseded: z.boolean(),
  publishedAt: z.string(),
});
export type PublishedReportSummary = z.infer<typeof PublishedReportSummary>;

/** …and as the back office lists it: who published it, and its page on the portal. */
export const PublishedReportVersion = PublishedReportSummary.extend({ publishedByName: z.string(), publicUrl: z.string() });
export type PublishedReportVersion = z.infer<typeof PublishedReportVersion>;

/** A page of a year's published versions (`items`, newest first) and the current one (the latest, whatever the page). */
export const ReportPublications = paged(PublishedReportVersion).extend({
  year: z.number().int(),
  org: OrgRef,
  current: PublishedReportVersion.nullable(),
});
export type ReportPublications = z.infer<typeof ReportPublications>;

export const PublicReportList = paged(PublishedReportSummary);
export type PublicReportList = z.infer<typeof PublicReportList>;

/** The frozen report on the portal: the tables as GET …/tables returned them when it was published, and the narrative. */
export const PublishedReport = PublishedReportSummary.extend({
  tables: AnnualReportTables,
  narrative: z.object({ overview: z.string(), problems: z.string(), other: z.string() }),
});
export type PublishedReport = z.infer<typeof PublishedReport>;

export const PublishedReportFile = fileResponse('已发布的年度报告全文（.docx，发布时生成）');
