/**
 * 行政执法公示 on the portal (国办发〔2018〕118号), read from the records of one bureau, no sign-in:
 * 事前公开 — the enforcing body and its remedies, its powers (licensing items in force from the licensing
 * catalogue, the active inspection items, the 裁量基准 by violation), the laws they cite and the
 * procedures; 事中公示 — the officers whose certificate is valid today (name, number, validity: never an
 * identity number or a telephone); 事后公开 — the published penalty decisions, a person's name masked, a
 * withdrawn publication listed as withdrawn without its content. Every list is one bureau's, paged.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { countAll } from '../../../kernel/db/paging.js';
import { notFound } from '../../../kernel/http/errors.js';
import { limitOffset, type PageQuery } from '../../../kernel/http/responses.js';
import { publicPartyName } from '../../../kernel/masking.js';
import { orgs } from '../../../kernel/schema.js';
import { getSetting } from '../../../kernel/settings.js';
import { ORG_LEVEL_LABELS, type OrgLevel } from '../../../kernel/tenancy/labels.js';
import { orgRef } from '../../../kernel/tenancy/index.js';
import { remedyOrgansOf } from '../../disclosure/index.js';
import { inspectionItems } from '../../inspections/index.js';
import { AREA_LABELS, type Area } from '../../inspections/labels.js';
import { publicItems } from '../../licensing/index.js';
import { inspectors } from '../../orgs/index.js';
import { BENCHMARK_PARTY_KIND_LABELS, PARTY_KIND_LABELS, PENALTY_TYPE_LABELS, type BenchmarkPartyKind, type PartyKind, type PenaltyType } from '../labels.js';
import { enforcementBenchmarks, enforcementCases } from '../schema.js';
import { lawsCited, type BasisSource } from './bases.js';
import type {
  InspectionPowerPage,
  LicensingPowerPage,
  PenaltyPowerPage,
  ProcedureList,
  PublicBasisPage,
  PublicBody,
  PublicDecision,
  PublicDecisionPage,
  PublicOfficerPage,
  PublicOrgPageQuery,
  PublicRemedy,
} from './contracts.js';
import { procedures } from './procedures.js';

/** The bureau asked for, or 404 (an id that is no org's). */
async function bureau(ctx: Ctx, orgId: string) {
  const ref = await orgRef(ctx.db, orgId);
  if (!ref) throw notFound('机构');
  return ref;
}

/** A page of a list that is already whole in memory (a catalogue, the laws cited): the same shape as SQL paging. */
function pageOf<T>(all: T[], q: PageQuery) {
  const { limit, offset } = limitOffset(q);
  return { items: all.slice(offset, offset + limit), total: all.length, page: q.page, pageSize: q.pageSize };
}

// ---------------------------------------------------------------------------------------------
// 事前公开: the body, its powers, bases, procedures

/** 救济途径 against the bureau's acts: 行政复议 within 60 days, 行政诉讼 within 6 months (RULES.md §6). */
async function remediesOf(ctx: Ctx, orgId: string): Promise<PublicRemedy[]> {
  const organs = await remedyOrgansOf(ctx.db, orgId);
  return [
    {
      kind: 'review',
      label: '行政复议',
      organ: organs.reviewOrgan,
      period: '自知道或者应当知道该行政行为之日起六十日内',
      basis: '《中华人民共和国行政复议法》第二十条',
    },
    {
      kind: 'litigation',
      label: '行政诉讼',
      organ: organs.court,
      period: '自知道或者应当知道作出行政行为之日起六个月内',
      basis: '《中华人民共和国行政诉讼法》第四十六条',
    },
  ];
}

export async function publicBody(ctx: Ctx, orgId: string): Promise<PublicBody> {
  await bureau(ctx, orgId);
  const [org] = await ctx.db.select({ name: orgs.name, level: orgs.level, parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, orgId));
  const [parent] = org!.parentId ? await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, org!.parentId)) : [];
  const telephone = (await getSetting(ctx.db, orgId, 'officeTelephone')).trim();
  // the totals of the lists themselves, so the summary never disagrees with them
  const one = { org: orgId, page: 1, pageSize: 1 };
  const [licensing, inspection, penalty, officers, decisions, remedies] = await Promise.all([
    licensingPowers(ctx, one),
    inspectionPowers(ctx, one),
    penaltyPowers(ctx, one),
    publicOfficers(ctx, one),
    publicDecisions(ctx, one),
    remediesOf(ctx, orgId),
  ]);
  return {
    orgId,
    name: org!.name,
    levelLabel: ORG_LEVEL_LABELS[org!.level as OrgLevel] ?? '',
    parentName: parent?.name ?? null,
    telephone: telephone || null,
    remedies,
    counts: {
      licensing: licensing.total,
      inspection: inspection.total,
      penalty: penalty.total,
      officers: officers.total,
      decisions: decisions.total,
    },
  };
}

/** The licensing items in force today (the licensing module's own rule of availability), in catalogue order. */
async function itemsInForce(ctx: Ctx, orgId: string) {
  return (await publicItems(ctx, orgId)).items.filter((i) => i.applicable);
}

export async function licensingPowers(ctx: Ctx, q: PublicOrgPageQuery): Promise<LicensingPowerPage> {
  await bureau(ctx, q.org);
  const items = (await itemsInForce(ctx, q.org)).map((i) => ({
    id: i.id,
    name: i.name,
    code: i.code,
    categoryLabel: i.categoryLabel,
    department: i.department,
    legalBasis: i.legalBasis,
    statutoryDays: i.statutoryDays,
    promisedDays: i.promisedDays,
    fee: i.fee,
  }));
  return pageOf(items, q);
}

const activeItems = (orgId: string) => and(eq(inspectionItems.orgId, orgId), eq(inspectionItems.status, 'active'));

export async function inspectionPowers(ctx: Ctx, q: PublicOrgPageQuery): Promise<InspectionPowerPage> {
  await bureau(ctx, q.org);
  const t = inspectionItems;
  const { limit, offset } = limitOffset(q);
  const rows = await ctx.db
    .select({ id: t.id, code: t.code, title: t.title, area: t.area, legalBasis: t.legalBasis, method: t.method, total: countAll })
    .from(t)
    .where(activeItems(q.org))
    .orderBy(asc(t.area), asc(t.code), asc(t.id))
    .limit(limit)
    .offset(offset);
  return {
    items: rows.map(({ total: _total, area, ...r }) => ({ ...r, areaLabel: `档案法第四十二条${AREA_LABELS[area as Area] ?? ''}` })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

type StoredLevel = { penalties: PenaltyType[] };
const activeBenchmarks = (orgId: string) => and(eq(enforcementBenchmarks.orgId, orgId), eq(enforcementBenchmarks.status, 'active'));
const KIND_ORDER: BenchmarkPartyKind[] = ['unit', 'individual', 'archive_service'];
/** As the law lists them (档案法第四十九条: 警告, 罚款, and 没收违法所得 for the acts of （三）（五）). */
const PENALTY_ORDER: PenaltyType[] = ['warning', 'fine', 'confiscation', 'other'];

/** 行政处罚 powers: the 裁量基准 by violation (one row per act, its parties' ranges inside), paged by act. */
export async function penaltyPowers(ctx: Ctx, q: PublicOrgPageQuery): Promise<PenaltyPowerPage> {
  await bureau(ctx, q.org);
  const t = enforcementBenchmarks;
  const { limit, offset } = limitOffset(q);
  const codes = await ctx.db
    .select({ code: t.code, total: countAll })
    .from(t)
    .where(activeBenchmarks(q.org))
    .groupBy(t.code)
    .orderBy(asc(t.code))
    .limit(limit)
    .offset(offset);
  const rows = codes.length
    ? await ctx.db
        .select()
        .from(t)
        .where(
          and(
            activeBenchmarks(q.org),
            inArray(
              t.code,
              codes.map((c) => c.code),
            ),
          ),
        )
    : [];
  const items = codes.map(({ code }) => {
    const kinds = rows
      .filter((r) => r.code === code)
      .sort((a, b) => KIND_ORDER.indexOf(a.partyKind as BenchmarkPartyKind) - KIND_ORDER.indexOf(b.partyKind as BenchmarkPartyKind));
    const lead = kinds.find((r) => r.partyKind !== 'archive_service') ?? kinds[0]!;
    const types = new Set(kinds.flatMap((r) => (r.levels as StoredLevel[]).flatMap((l) => l.penalties)));
    return {
      code,
      violation: lead.violation,
      breachBasis: lead.breachBasis,
      penaltiesLabel: PENALTY_ORDER.filter((p) => types.has(p))
        .map((p) => PENALTY_TYPE_LABELS[p])
        .join('、'),
      ranges: kinds.map((r) => ({
        partyKindLabel: BENCHMARK_PARTY_KIND_LABELS[r.partyKind as BenchmarkPartyKind] ?? r.partyKind,
        penaltyBasis: r.penaltyBasis,
        statutoryMin: r.statutoryMin,
        statutoryMax: r.statutoryMax,
        confiscation: r.confiscation,
      })),
    };
  });
  return { items, total: codes[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

/** The procedures with this bureau's own standards (hearing thresholds, inspection periods). */
export async function publicProcedures(ctx: Ctx, orgId: string): Promise<ProcedureList> {
  await bureau(ctx, orgId);
  const [hearingUnitFine, hearingIndividualFine, inspectionNoticeDays, inspectionRecordDays, rectificationDays] = await Promise.all([
    getSetting(ctx.db, orgId, 'enforcementHearingUnitFine'),
    getSetting(ctx.db, orgId, 'enforcementHearingIndividualFine'),
    getSetting(ctx.db, orgId, 'inspectionNoticeDays'),
    getSetting(ctx.db, orgId, 'inspectionRecordDays'),
    getSetting(ctx.db, orgId, 'rectificationDays'),
  ]);
  return { items: procedures({ hearingUnitFine, hearingIndividualFine, inspectionNoticeDays, inspectionRecordDays, rectificationDays }) };
}

/** 执法依据: the laws cited by the bureau's powers and procedures (a handful: listed whole, paged in memory). */
export async function publicBases(ctx: Ctx, q: PublicOrgPageQuery): Promise<PublicBasisPage> {
  await bureau(ctx, q.org);
  const [licensing, inspection, benchmarks, procs] = await Promise.all([
    itemsInForce(ctx, q.org),
    ctx.db.select({ text: inspectionItems.legalBasis }).from(inspectionItems).where(activeItems(q.org)),
    ctx.db
      .select({ breach: enforcementBenchmarks.breachBasis, penalty: enforcementBenchmarks.penaltyBasis })
      .from(enforcementBenchmarks)
      .where(activeBenchmarks(q.org)),
    publicProcedures(ctx, q.org),
  ]);
  const texts: { text: string; source: BasisSource }[] = [
    ...licensing.map((i) => ({ text: i.legalBasis, source: '行政许可' as const })),
    ...inspection.map((i) => ({ text: i.text, source: '行政检查' as const })),
    ...benchmarks.flatMap((b) => [b.breach, b.penalty].map((text) => ({ text, source: '行政处罚' as const }))),
    ...procs.items.flatMap((p) => [p.basis, ...p.steps.map((s) => s.basis ?? '')].map((text) => ({ text, source: '办事流程' as const }))),
  ];
  return pageOf(lawsCited(texts), q);
}

// ---------------------------------------------------------------------------------------------
// 事中公示: the certified officers

/** Officers in service whose certificate is valid today (issued on or before, expiring on or after): name, number, validity; by certificate number. */
export async function publicOfficers(ctx: Ctx, q: PublicOrgPageQuery): Promise<PublicOfficerPage> {
  await bureau(ctx, q.org);
  const today = todayInChina(ctx.now());
  const t = inspectors;
  const { limit, offset } = limitOffset(q);
  const rows = await ctx.db
    .select({ id: t.id, name: t.name, certificateNo: t.certificateNo, certIssuedOn: t.certIssuedOn, certExpiresOn: t.certExpiresOn, total: countAll })
    .from(t)
    .where(and(eq(t.orgId, q.org), eq(t.status, 'active'), lte(t.certIssuedOn, today), gte(t.certExpiresOn, today)))
    .orderBy(asc(t.certificateNo), asc(t.name), asc(t.id))
    .limit(limit)
    .offset(offset);
  return { items: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

// ---------------------------------------------------------------------------------------------
// 事后公开: the published penalty decisions

type StoredPenalty = { type: PenaltyType; amount?: number | null };
const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

/** 警告；罚款 40,000 元 — the penalties in the words of the decision. */
export function penaltyText(penalties: readonly StoredPenalty[]): string {
  return penalties.map((p) => `${PENALTY_TYPE_LABELS[p.type] ?? p.type}${p.amount != null && p.type !== 'warning' ? ` ${yuan(p.amount)}` : ''}`).join('；');
}

export async function publicDecisions(ctx: Ctx, q: PublicOrgPageQuery): Promise<PublicDecisionPage> {
  await bureau(ctx, q.org);
  const t = enforcementCases;
  const b = enforcementBenchmarks;
  const { limit, offset } = limitOffset(q);
  const rows = await ctx.db
    .select({
      id: t.id,
      caseNo: t.caseNo,
      decisionDocNo: t.decisionDocNo,
      partyKind: t.partyKind,
      partyName: t.partyName,
      violation: t.violation,
      penalties: t.penalties,
      fineAmount: t.fineAmount,
      decidedOn: t.decidedOn,
      publishedOn: t.publishedOn,
      revokedOn: t.revokedOn,
      withdrawnOn: t.withdrawnOn,
      breachBasis: b.breachBasis,
      penaltyBasis: b.penaltyBasis,
      total: countAll,
    })
    .from(t)
    .leftJoin(b, eq(b.id, t.benchmarkId))
    .where(and(eq(t.orgId, q.org), isNotNull(t.publishedOn)))
    .orderBy(desc(t.publishedOn), desc(t.decidedOn), desc(t.caseNo))
    .limit(limit)
    .offset(offset);
  const items = rows.map((r): PublicDecision => {
    const base = { id: r.id, decisionDocNo: r.decisionDocNo, publishedOn: r.publishedOn!, revokedOn: r.revokedOn, withdrawnOn: r.withdrawnOn };
    if (r.withdrawnOn) {
      // withdrawn (行政处罚法第四十八条第二款): listed with its dates, its content no longer shown
      return {
        ...base,
        status: 'withdrawn',
        statusLabel: '已撤回',
        caseNo: null,
        partyKindLabel: null,
        partyName: null,
        violation: null,
        basis: null,
        penalties: null,
        penaltyText: null,
        fineAmount: null,
        decidedOn: null,
      };
    }
    const penalties = r.penalties as StoredPenalty[];
    return {
      ...base,
      status: 'published',
      statusLabel: '已公开',
      caseNo: r.caseNo,
      partyKindLabel: PARTY_KIND_LABELS[r.partyKind as PartyKind] ?? null,
      partyName: publicPartyName(r.partyKind, r.partyName) || null,
      violation: r.violation,
      basis: r.breachBasis && r.penaltyBasis ? `违反${r.breachBasis}，依据${r.penaltyBasis}` : null,
      penalties: penalties.map((p) => ({ typeLabel: PENALTY_TYPE_LABELS[p.type] ?? p.type, amount: p.type === 'warning' ? null : (p.amount ?? null) })),
      penaltyText: penaltyText(penalties) || null,
      fineAmount: r.fineAmount,
      decidedOn: r.decidedOn,
    };
  });
  return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}
