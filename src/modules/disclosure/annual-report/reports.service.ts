/**
 * 政府信息公开工作年度报告 tables from the records (issue 4 deliverable 7): sections 二, 三 and 四
 * as JSON under the template of the report year, the consistency checks' result, and the
 * drill-down from a cell to the records behind it. Also the check of an external published table.
 */
import { newWorkbook } from '../../../kernel/documents/xlsx.js';
import { and, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { inOrgs, type OrgScope } from '../../../kernel/db/paging.js';
import type { ActorCtx, Ctx } from '../../../kernel/context.js';
import { AppError, fieldError, notFound } from '../../../kernel/http/errors.js';
import { readableOrg } from '../../../kernel/tenancy/index.js';
import { applicationsByIds } from '../applications/applications.service.js';
import { feesCollected } from '../fees/fee.service.js';
import type { ApplicantType, OutcomeCode } from '../labels.js';
import { computeSection2 } from '../register/register.js';
import { registerEntriesByIds, registerEntriesFor } from '../register/register.service.js';
import { disclosureApplications } from '../schema.js';
import { checkSection3, checkSection4, failingCells, type CheckResult } from './checks.js';
import { computeSection3, computeSection4, section3Tally, section3Values, section4Values, type Section3Computed } from './compute.js';
import { ExternalTableInput, type AnnualReportTables, type CellDrillDown, type CellQuery, type CheckQuery, type ExternalCheckResult } from './contracts.js';
import { disputesByIds, disputesFiledIn } from './disputes.js';
import { parsePublishedTable } from './sheet.js';
import {
  checkTemplateMatchesYear,
  DISPUTE_KINDS,
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  templateForYear,
  type DisputeKind,
  type Section4ColumnKey,
  type TemplateId,
} from './templates.js';

/**
 * The same check for an uploaded .xlsx: the template is recognised from the table (or given), the
 * year comes from the query; rows the sheet lacks are reported.
 */
export async function checkExternalSheet(data: Buffer, q: CheckQuery): Promise<ExternalCheckResult> {
  if (q.year === undefined) throw new AppError('validation', '请在查询参数 year 中给出报告年度', { fields: { year: '必填' } });
  const parsed = await parsePublishedTable(data);
  const input = ExternalTableInput.parse({
    year: q.year,
    templateId: q.templateId ?? parsed.detectedTemplate,
    section3: parsed.section3,
    section4: parsed.section4,
  });
  return checkExternalTable(input, { detectedTemplate: parsed.detectedTemplate, missingRows: parsed.missingRows });
}

/** Applications that can appear in year Y's table: received by Y-12-31 and not decided before Y. */
async function applicationsFor(ctx: Ctx, orgIds: OrgScope, year: number) {
  const t = disclosureApplications;
  const rows = await ctx.db
    .select({ id: t.id, receivedOn: t.receivedOn, applicantType: t.applicantType, decidedOn: t.decidedOn, outcome: t.outcome })
    .from(t)
    .where(and(inOrgs(t.orgId, orgIds), lte(t.receivedOn, `${year}-12-31`), or(isNull(t.decidedOn), gte(t.decidedOn, `${year}-01-01`))));
  return rows.map((r) => ({ ...r, applicantType: r.applicantType as ApplicantType, outcome: r.outcome as OutcomeCode | null }));
}

/** The org a report reads (own, or a readable descendant) and, with `includeChildren`, every org below it (by path, in SQL). */
async function reportScope(
  ctx: ActorCtx,
  orgId: string | undefined,
  includeChildren: boolean,
): Promise<{ org: Awaited<ReturnType<typeof readableOrg>>; orgIds: OrgScope }> {
  const org = await readableOrg(ctx, orgId);
  return { org, orgIds: includeChildren ? { subtreeOf: org.path } : org.id };
}

/**
 * Section 三 counted in the database: applications grouped by whether received in the year, the
 * outcome if decided in it, and applicant type — the same classification as `computeSection3`
 * (compute.ts), summed over any number of orgs without loading the rows. Cells carry no ids (the
 * drill-down recounts with them). Null when an outcome has no row in the template (the full
 * computation then names the record).
 */
async function section3InSql(ctx: Ctx, orgIds: OrgScope, year: number, template: ReturnType<typeof templateForYear>): Promise<Section3Computed | null> {
  const t = disclosureApplications;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const groups = await ctx.db
    .select({
      inYear: sql<boolean>`${t.receivedOn} >= ${first}`,
      outcome: sql<string | null>`CASE WHEN ${t.decidedOn} <= ${last} THEN ${t.outcome} END`,
      applicantType: t.applicantType,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(t)
    .where(and(inOrgs(t.orgId, orgIds), lte(t.receivedOn, last), or(gte(t.receivedOn, first), isNull(t.decidedOn), gte(t.decidedOn, first))))
    .groupBy(sql`1`, sql`2`, t.applicantType);
  const tally = section3Tally(template);
  for (const g of groups) if (!tally.add(g.inYear, g.outcome, g.applicantType, g.n)) return null;
  return { templateId: template.id, year, rows: tally.table };
}

/** Every section, with the ids behind each cell (drill-down, publication); `includeChildren` over the subtree. */
async function compute(ctx: ActorCtx, year: number, orgId?: string, includeChildren = false) {
  const { org, orgIds } = await reportScope(ctx, orgId, includeChildren);
  const template = templateForYear(year);
  const apps = await applicationsFor(ctx, orgIds, year);
  const s3 = computeSection3(apps, year, template);
  return { org, orgIds, template, s3, ...(await otherSections(ctx, orgIds, year, template)) };
}

/** Sections 二 and 四 (register entries and disputes: a few per org, computed from their rows). */
async function otherSections(ctx: Ctx, orgIds: OrgScope, year: number, template: ReturnType<typeof templateForYear>) {
  const disputes = await disputesFiledIn(ctx, orgIds, year);
  const s4 = computeSection4(disputes, year);
  const register = await registerEntriesFor(ctx, orgIds, year);
  const s2 = register.any ? computeSection2(register.entries, year, template) : null;
  return { s2, s4 };
}

/**
 * Sections 二, 三, 四 and the fees of 六 for the org or, with `includeChildren`, its whole subtree
 * (section 三 and the fees summed in the database).
 */
export async function annualReportTables(ctx: ActorCtx, year: number, orgId?: string, includeChildren = false): Promise<AnnualReportTables> {
  const { org, orgIds } = await reportScope(ctx, orgId, includeChildren);
  const template = templateForYear(year);
  const s3 = (await section3InSql(ctx, orgIds, year, template)) ?? computeSection3(await applicationsFor(ctx, orgIds, year), year, template);
  const { s2, s4 } = await otherSections(ctx, orgIds, year, template);
  const fees = await feesCollected(ctx, orgIds, year);
  const v3 = section3Values(s3);
  const v4 = section4Values(s4);
  const check3 = checkSection3(v3, template);
  const check4 = checkSection4(v4);
  return {
    year,
    org: { id: org.id, name: org.name },
    includeChildren,
    template: { id: template.id, name: template.name, source: template.source },
    section2: {
      source: s2 ? ('register' as const) : null,
      note: s2
        ? '按主动公开目录计算（金额单位：万元）；每个单元格可查看对应的目录条目'
        : '主动公开目录没有任何条目：第二部分暂无记录可统计，各项留空待登记或人工填写（不以 0 代替）',
      blocks: template.section2.map((b) => ({
        key: b.key,
        item: b.item,
        columns: [...b.columns],
        rows: b.rows.map((r) => ({
          key: r.key,
          label: r.label,
          /** rowKey of GET …/cells/:rowKey/:colKey. */
          drillKey: `${b.key}.${r.key}`,
          cells: Object.fromEntries(b.columns.map((c) => [c.key, s2 ? s2.blocks[b.key]![r.key]![c.key]!.value : null])),
        })),
      })),
    },
    section3: {
      columns: [...SECTION3_COLUMNS],
      rows: template.section3.rows.map((r) => ({
        key: r.key,
        label: r.label,
        fullLabel: r.fullLabel,
        kind: r.kind,
        level: r.level,
        parent: r.parent,
        // section3Values holds the counts of a computed table: whole numbers, never blank
        cells: r.kind === 'heading' ? null : (v3[r.key] as Record<string, number>),
      })),
    },
    section4: {
      groups: [...SECTION4_GROUPS],
      columns: [...SECTION4_COLUMNS],
      rows: SECTION4_GROUPS.map((g) => ({
        key: g.key,
        label: g.label,
        fullLabel: g.fullLabel,
        parent: g.parent,
        cells: v4[g.key] as Record<Section4ColumnKey, number>,
      })),
    },
    section6: {
      /** 信息处理费 are charged from 2021 (国办函〔2020〕109号); the template 2021 report states them in section 六. */
      feesApplicable: year >= 2021,
      feesCollected: { amount: fees.amount, applications: fees.count },
      note: `本年收取信息处理费 ${fees.amount.toFixed(2)} 元（${fees.count} 件申请，按缴费日期计）`,
    },
    checks: { ok: check3.ok && check4.ok, section3: check3, section4: check4 },
  };
}

/**
 * Sections 三 and 四 as an .xlsx laid out like the published tables (labels, then the seven applicant
 * columns; section 四 as one row of fifteen), readable back by the external-table check.
 */
export async function annualReportXlsx(ctx: ActorCtx, year: number, orgId?: string, includeChildren = false): Promise<{ buffer: Buffer; fileName: string }> {
  const t = await annualReportTables(ctx, year, orgId, includeChildren);
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(`${year}年度`);
  ws.addRow([`${t.org.name}${year}年政府信息公开工作年度报告（${t.template.name}）`]);
  ws.addRow(['三、收到和处理政府信息公开申请情况']);
  ws.addRow(['', '', ...SECTION3_COLUMNS.map((c) => (c.group ? `${c.group}：${c.label}` : c.label))]);
  let group = '';
  for (const r of t.section3.rows) {
    if (r.kind === 'heading') {
      if (r.level === 1) group = r.label;
      continue;
    }
    const nums = SECTION3_COLUMNS.map((c) => r.cells![c.key] ?? null);
    if (r.level === 0) ws.addRow([r.label, r.label, ...nums]);
    else if (r.level === 1) ws.addRow(['三、本年度办理结果', r.label, ...nums]);
    else ws.addRow([group, r.label, ...nums]);
  }
  ws.addRow([]);
  ws.addRow(['四、政府信息公开行政复议、行政诉讼情况']);
  ws.addRow(['行政复议', '', '', '', '', '行政诉讼']);
  ws.addRow(SECTION4_GROUPS.flatMap((g) => SECTION4_COLUMNS.map((c) => `${g.label}${c.label}`)));
  ws.addRow(SECTION4_GROUPS.flatMap((g) => SECTION4_COLUMNS.map((c) => t.section4.rows.find((x) => x.key === g.key)!.cells[c.key] ?? 0)));
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 40;
  const out: unknown = await wb.xlsx.writeBuffer();
  return { buffer: Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer), fileName: `政府信息公开工作年度报告表格-${t.org.name}-${year}.xlsx` };
}

/** The records behind one cell: applications for a section-三 cell, disputes for a section-四 cell. */
export async function annualReportCell(ctx: ActorCtx, year: number, rowKey: string, colKey: string, q: CellQuery): Promise<CellDrillDown> {
  const { orgIds, template, s2, s3, s4 } = await compute(ctx, year, q.orgId, q.includeChildren);
  const page = <T>(ids: string[], load: (ids: string[]) => Promise<T[]>) => load(ids.slice((q.page - 1) * q.pageSize, q.page * q.pageSize));
  if (rowKey.startsWith('s2.')) {
    // s2.item1.regulations
    const block = template.section2.find((b) => rowKey.startsWith(`${b.key}.`));
    const row = block?.rows.find((r) => `${block.key}.${r.key}` === rowKey);
    if (!block || !row) throw notFound(`${template.name}第二部分的行“${rowKey}”`);
    const col = block.columns.find((c) => c.key === colKey);
    if (!col) throw notFound(`第二部分的列“${colKey}”`);
    const cell = s2?.blocks[block.key]![row.key]![col.key] ?? { value: 0, ids: [] };
    const items = await page(cell.ids, (ids) => registerEntriesByIds(ctx, orgIds, ids));
    return {
      year,
      section: '二',
      row: { key: rowKey, label: `${block.item} ${row.label}` },
      column: { key: colKey, label: col.label },
      count: cell.ids.length,
      value: cell.value,
      kind: 'register',
      items,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
  if ((DISPUTE_KINDS as readonly string[]).includes(rowKey)) {
    const cell = s4.rows[rowKey as DisputeKind][colKey as keyof (typeof s4.rows)[DisputeKind]];
    if (!cell) throw notFound(`第四部分的列“${colKey}”`);
    const group = SECTION4_GROUPS.find((g) => g.key === rowKey)!;
    const col = SECTION4_COLUMNS.find((c) => c.key === colKey)!;
    const items = await page(cell.ids, (ids) => disputesByIds(ctx, orgIds, ids));
    return {
      year,
      section: '四',
      row: { key: rowKey, label: group.fullLabel },
      column: { key: colKey, label: col.label },
      count: cell.count,
      kind: 'dispute',
      items,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
  const cells = s3.rows[rowKey];
  if (!cells) throw notFound(`${template.name}第三部分的行“${rowKey}”`);
  const cell = cells[colKey as keyof typeof cells];
  if (!cell) throw notFound(`第三部分的列“${colKey}”`);
  const row = template.section3.rows.find((r) => r.key === rowKey)!;
  const col = SECTION3_COLUMNS.find((c) => c.key === colKey)!;
  const items = await page(cell.ids, (ids) => applicationsByIds(ctx, orgIds, ids));
  return {
    year,
    section: '三',
    row: { key: rowKey, label: row.fullLabel },
    column: { key: colKey, label: col.label },
    count: cell.count,
    kind: 'application',
    items,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Checks a published table typed in or pasted: template against year, blank cells, and every
 * consistency rule, naming the failing cells.
 */
export function checkExternalTable(input: ExternalTableInput, read?: { detectedTemplate: TemplateId; missingRows: string[] }): ExternalCheckResult {
  const templateYear = checkTemplateMatchesYear(input.templateId as TemplateId, input.year);
  if (!templateYear.ok && templateYear.expected === null) throw fieldError('year', templateYear.message, 'disclosure.report_year_unsupported');
  const s3: CheckResult = checkSection3(input.section3, input.templateId as TemplateId);
  const s4: CheckResult = checkSection4(input.section4 as Parameters<typeof checkSection4>[0]);
  const blanks = [...s3.failures, ...s4.failures].filter((f) => f.rule === 'blank').flatMap((f) => f.cells);
  return {
    ok: templateYear.ok && s3.ok && s4.ok && !read?.missingRows.length,
    templateId: input.templateId,
    templateYear,
    ...(read ? { read } : {}),
    blankCells: blanks,
    section3: s3,
    section4: s4,
    failingCells: [...failingCells(s3), ...failingCells(s4).map((c) => `四:${c}`)],
  };
}
