/**
 * Publishing the 政府信息公开工作年度报告 (issue 4 deliverables 7 and 9; SPEC "a published report is
 * frozen"): a leader (`disclosure.approve`) of the org publishes a year that is over; the tables as
 * `GET …/tables` returns them at that moment, the narrative and the .docx are stored once and never
 * change. A correction is a new version with a reason that supersedes the previous one; both stay
 * visible on the portal (/api/public/disclosure/annual-reports).
 */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { AppError, conflict, notFound } from '../../../kernel/http/errors.js';
import { limitOffset } from '../../../kernel/http/responses.js';
import { readableOrg } from '../../../kernel/tenancy/index.js';
import { orgs } from '../../../kernel/schema.js';
import { disclosureAnnualReports } from '../schema.js';
import type {
  AnnualReportTables,
  PublicReportList,
  PublicReportListQuery,
  PublishedReport,
  PublicationsQuery,
  PublishedReportVersion,
  PublishReportInput,
  ReportPublications,
} from './contracts.js';
import { annualReportDocx } from './docx.js';
import { NARRATIVE_PARTS, narrativeOf } from './narrative.service.js';
import { annualReportTables } from './reports.service.js';
import { templateForYear, type TemplateId } from './templates.js';

const t = disclosureAnnualReports;

/** The columns every listing shows (never the .docx bytes). */
const summaryCols = {
  id: t.id,
  orgId: t.orgId,
  orgName: orgs.name,
  year: t.year,
  version: t.version,
  templateId: t.templateId,
  reason: t.reason,
  supersedes: t.supersedes,
  publishedByName: t.publishedByName,
  publishedAt: t.publishedAt,
  /** Set when a later version supersedes this one. */
  supersededBy: sql<string | null>`(SELECT n.id FROM disclosure_annual_reports n WHERE n.supersedes = ${t.id} LIMIT 1)`,
};
type SummaryRow = {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  version: number;
  templateId: string;
  reason: string | null;
  supersedes: string | null;
  publishedByName: string;
  publishedAt: Date;
  supersededBy: string | null;
};

function view(r: SummaryRow): PublishedReportVersion {
  return {
    id: r.id,
    org: { id: r.orgId, name: r.orgName },
    year: r.year,
    version: r.version,
    templateId: r.templateId as TemplateId,
    reason: r.reason,
    supersedes: r.supersedes,
    supersededBy: r.supersededBy,
    superseded: r.supersededBy !== null,
    publishedByName: r.publishedByName,
    publishedAt: r.publishedAt.toISOString(),
    publicUrl: `/public/disclosure/reports/${r.id}`,
  };
}

/** Versions of one org's year, newest first: `limit` of them from `offset`. */
async function versionsOf(ctx: Ctx, orgId: string, year: number, limit: number, offset = 0) {
  const rows = await ctx.db
    .select(summaryCols)
    .from(t)
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .where(and(eq(t.orgId, orgId), eq(t.year, year)))
    .orderBy(desc(t.version), asc(t.id))
    .limit(limit)
    .offset(offset);
  return (rows as SummaryRow[]).map(view);
}

/** Back office: a page of the published versions of one year (newest first) of the own org or a descendant, and the current one. */
export async function annualReportPublications(ctx: ActorCtx, year: number, q: PublicationsQuery): Promise<ReportPublications> {
  templateForYear(year);
  const org = await readableOrg(ctx, q.orgId);
  const { limit, offset } = limitOffset(q);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: count() })
    .from(t)
    .where(and(eq(t.orgId, org.id), eq(t.year, year)));
  const items = await versionsOf(ctx, org.id, year, limit, offset);
  const current = offset === 0 ? (items[0] ?? null) : ((await versionsOf(ctx, org.id, year, 1))[0] ?? null);
  return { year, org: { id: org.id, name: org.name }, current, items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * Publishes the year's report of the actor's own org. Refused: the year is not over (Beijing time),
 * the tables fail a check, or a version exists and no reason is given (409). With a reason, a new
 * version supersedes the latest one.
 */
export async function publishAnnualReport(ctx: ActorCtx, year: number, input: PublishReportInput): Promise<PublishedReportVersion> {
  templateForYear(year);
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'disclosure.approve', { orgId, orgPath: ctx.actor.orgPath });
  const thisYear = Number(todayInChina(ctx.now()).slice(0, 4));
  if (year >= thisYear) {
    throw new AppError('disclosure.report_year_not_over', `${year} 年度尚未结束，年度报告须在次年发布（当前为 ${thisYear} 年）`, {
      fields: { year: `报告年度应早于 ${thisYear} 年` },
    });
  }
  const reason = input.reason?.trim() || null;
  return inTx(ctx, async (tx) => {
    // One publication of an org at a time: the version number is read and written under this lock.
    await tx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`disclosure_annual_reports:${orgId}:${year}`}))`);
    const [latest] = await tx.db
      .select({ id: t.id, version: t.version })
      .from(t)
      .where(and(eq(t.orgId, orgId), eq(t.year, year)))
      .orderBy(desc(t.version))
      .limit(1);
    if (latest && !reason) {
      throw conflict(`${year} 年度报告已发布（第 ${latest.version} 版）；发布更正版须说明更正理由`, { reason: '发布更正版须填写更正理由' });
    }
    const tables = await annualReportTables(tx, year);
    if (!tables.checks.ok) {
      const cells = [...tables.checks.section3.failures, ...tables.checks.section4.failures].map((f) => f.message);
      throw new AppError('disclosure.report_checks_failed', `表格未通过勾稽关系校验，不能发布：${cells.join('；')}`, { details: { checks: tables.checks } });
    }
    const n = await narrativeOf(tx, orgId, year);
    const empty = (['overview', 'problems', 'other'] as const).filter((k) => !n[k].trim());
    if (empty.length) {
      throw new AppError(
        'disclosure.report_narrative_missing',
        `年度报告的文字部分尚未填写，不能发布：${empty.map((k) => NARRATIVE_PARTS[k]).join('、')}（系统生成的草稿须核对并保存后才算填写）`,
        { fields: Object.fromEntries(empty.map((k) => [k, `请填写“${NARRATIVE_PARTS[k]}”`])) },
      );
    }
    const narrative = { overview: n.overview, problems: n.problems, other: n.other };
    const { buffer, fileName } = await annualReportDocx(tx, year);
    const version = (latest?.version ?? 0) + 1;
    const [row] = await tx.db
      .insert(t)
      .values({
        orgId,
        year,
        version,
        templateId: tables.template.id,
        tables,
        narrative,
        docx: buffer,
        docxFileName: version > 1 ? fileName.replace(/\.docx$/, `（第${version}版）.docx`) : fileName,
        reason: latest ? reason : null, // a first version corrects nothing
        supersedes: latest?.id ?? null,
        publishedBy: ctx.actor.userId,
        publishedByName: ctx.actor.displayName,
        publishedAt: tx.now(),
      })
      .returning({ id: t.id });
    const after = {
      year,
      version,
      templateId: tables.template.id,
      reason: latest ? reason : null,
      supersedes: latest?.id ?? null,
      checksOk: tables.checks.ok,
      docxBytes: buffer.length,
    };
    await recordEvent(tx, {
      orgId,
      action: latest ? 'disclosure.report.republish' : 'disclosure.report.publish',
      entityType: 'disclosureAnnualReport',
      entityId: row!.id,
      before: latest ? { id: latest.id, version: latest.version } : null,
      after,
    });
    const [published] = await versionsOf(tx, orgId, year, 1);
    return published!;
  });
}

// ---- 门户（无需登录） ----

/** A page of the portal's published reports: latest year first, then by bureau, newest version first (id breaks ties). */
export async function publicAnnualReports(ctx: Ctx, q: PublicReportListQuery): Promise<PublicReportList> {
  const filters: SQL[] = [];
  if (q.orgId) filters.push(eq(t.orgId, q.orgId));
  if (q.year) filters.push(eq(t.year, q.year));
  const where = and(...filters);
  const { limit, offset } = limitOffset(q);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(t).where(where);
  const rows = await ctx.db
    .select(summaryCols)
    .from(t)
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .where(where)
    .orderBy(desc(t.year), asc(orgs.name), desc(t.version), asc(t.id))
    .limit(limit)
    .offset(offset);
  const items = (rows as SummaryRow[]).map((r) => {
    const v = view(r);
    return {
      id: v.id,
      org: v.org,
      year: v.year,
      version: v.version,
      templateId: v.templateId,
      reason: v.reason,
      supersedes: v.supersedes,
      supersededBy: v.supersededBy,
      superseded: v.superseded,
      publishedAt: v.publishedAt,
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function publishedRow(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ ...summaryCols, tables: t.tables, narrative: t.narrative })
    .from(t)
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .where(eq(t.id, id));
  if (!row) throw notFound('年度报告');
  return row;
}

/** The frozen report: the tables and narrative exactly as published. */
export async function publicAnnualReport(ctx: Ctx, id: string): Promise<PublishedReport> {
  const row = await publishedRow(ctx, id);
  const v = view(row as SummaryRow);
  return {
    id: v.id,
    org: v.org,
    year: v.year,
    version: v.version,
    templateId: v.templateId,
    reason: v.reason,
    supersedes: v.supersedes,
    supersededBy: v.supersededBy,
    superseded: v.superseded,
    publishedAt: v.publishedAt,
    tables: row.tables as AnnualReportTables,
    narrative: row.narrative,
  };
}

export async function publicAnnualReportDocx(ctx: Ctx, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  const [row] = await ctx.db.select({ docx: t.docx, fileName: t.docxFileName }).from(t).where(eq(t.id, id));
  if (!row) throw notFound('年度报告');
  return { buffer: row.docx, fileName: row.fileName };
}
