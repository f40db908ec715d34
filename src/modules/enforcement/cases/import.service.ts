/**
 * 历史案件导入: past cases from a JSON array (the contract of issue 14) or the .xlsx template, all or
 * nothing — every row problem named by row and Chinese column (kernel `importRefused`). Imported
 * cases are closed records (no actions) that count in the figures like the others.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { recordEvents } from '../../../kernel/audit/index.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { importTemplate } from '../../../kernel/documents/import-template.js';
import { headingsToFields, importRefused, textOf, type ImportRow } from '../../../kernel/http/import-rows.js';
import { CASE_RESULT_LABELS, CASE_SOURCE_LABELS, CASE_SOURCES, type CaseSource } from '../labels.js';
import { enforcementCases } from '../schema.js';
import { ImportCaseRow } from './contracts.js';
import { fineOf, heaviestPenalty, type Penalty } from './rules.js';

export const IMPORT_MAX_ROWS = 5000;

/** Field → the template's heading (JSON rows use the field names of the contract). */
export const CASE_IMPORT_COLUMNS: Record<string, string> = {
  caseNo: '案件编号',
  openedOn: '立案日期',
  source: '案件来源',
  decidedOn: '决定日期',
  result: '处理结果',
  warning: '警告',
  fine: '罚款金额（元）',
  confiscation: '没收',
  other: '其他处罚',
  fineCollected: '已收缴罚款（元）',
  review: '法制审核',
  hearing: '听证',
  penalties: '处罚',
};
export const CASE_IMPORT_ALIASES = headingsToFields(CASE_IMPORT_COLUMNS);

const YES = ['是', '有', 'true', 'TRUE', '1', 'Y', 'y'];
const NO = ['否', '无', 'false', 'FALSE', '0', 'N', 'n'];
const SOURCE_BY_LABEL: Record<string, CaseSource> = Object.fromEntries(CASE_SOURCES.map((s) => [CASE_SOURCE_LABELS[s], s]));
const RESULT_BY_LABEL: Record<string, string> = Object.fromEntries(Object.entries(CASE_RESULT_LABELS).map(([k, v]) => [v, k]));
const REVIEW_BY_LABEL: Record<string, string> = { 通过: 'passed', 退回: 'returned' };

type Problem = { row: number; field: string; value: unknown; reason: string };

/** An .xlsx row in the contract's shape (JSON rows pass unchanged). */
function fromSheet(v: Record<string, unknown>, problems: Problem[], row: number): Record<string, unknown> {
  const yes = (field: string): boolean | undefined => {
    const t = textOf(v[field]);
    if (t === null) return undefined;
    if (YES.includes(t)) return true;
    if (NO.includes(t)) return false;
    problems.push({ row, field, value: v[field], reason: '应填“是”或“否”' });
    return undefined;
  };
  const num = (field: string): number | undefined => {
    const t = textOf(v[field]);
    if (t === null) return undefined;
    const n = Number(t.replace(/,/g, ''));
    if (!Number.isFinite(n)) {
      problems.push({ row, field, value: v[field], reason: '应为数字' });
      return undefined;
    }
    return n;
  };
  const penalties: { type: string; amount?: number }[] = [];
  if (yes('confiscation')) penalties.push({ type: 'confiscation' });
  const fine = num('fine');
  if (fine !== undefined) penalties.push({ type: 'fine', amount: fine });
  if (yes('warning')) penalties.push({ type: 'warning' });
  if (yes('other')) penalties.push({ type: 'other' });
  const label = (field: string, map: Record<string, string>) => {
    const t = textOf(v[field]);
    return t === null ? undefined : (map[t] ?? t);
  };
  const out: Record<string, unknown> = {
    caseNo: textOf(v.caseNo) ?? undefined,
    openedOn: textOf(v.openedOn) ?? undefined,
    source: label('source', SOURCE_BY_LABEL),
    decidedOn: textOf(v.decidedOn) ?? undefined,
    result: label('result', RESULT_BY_LABEL),
    penalties: penalties.length ? penalties : undefined,
    fineCollected: num('fineCollected'),
    review: label('review', REVIEW_BY_LABEL),
    hearing: yes('hearing'),
  };
  return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined));
}

export async function importCases(ctx: ActorCtx, rows: ImportRow[], source: 'json' | 'xlsx'): Promise<{ imported: number }> {
  const orgId = ctx.actor.orgId;
  const today = todayInChina(ctx.now());
  const problems: Problem[] = [];
  const good: { row: number; v: ImportCaseRow }[] = [];
  const seen = new Map<string, number>();
  const penaltyField = (i: number, f: string, type?: string) =>
    source === 'xlsx' ? (type === 'fine' || f === 'amount' ? 'fine' : (type ?? 'penalties')) : `penalties.${i}.${f}`;
  for (const r of rows) {
    const before = problems.length;
    const raw = source === 'xlsx' ? fromSheet(r.values, problems, r.row) : r.values;
    const parsed = ImportCaseRow.safeParse(raw);
    if (!parsed.success) {
      for (const iss of parsed.error.issues) {
        const [head, idx, sub] = iss.path.map(String);
        const field = head === 'penalties' && idx !== undefined ? penaltyField(Number(idx), sub ?? 'type') : (head ?? '(行)');
        problems.push({ row: r.row, field, value: head ? (raw as Record<string, unknown>)[head] : raw, reason: iss.message });
      }
      continue;
    }
    const v = parsed.data;
    const p = (field: string, reason: string, value: unknown) => problems.push({ row: r.row, field, value, reason });
    if (v.openedOn > today) p('openedOn', `立案日期晚于今天（${today}）`, v.openedOn);
    if (v.result === 'pending') {
      if (v.decidedOn) p('decidedOn', '尚未决定的案件不应填写决定日期', v.decidedOn);
    } else if (!v.decidedOn) p('decidedOn', '已决定的案件须填写决定日期', null);
    else if (v.decidedOn < v.openedOn) p('decidedOn', '决定日期早于立案日期', v.decidedOn);
    else if (v.decidedOn > today) p('decidedOn', `决定日期晚于今天（${today}）`, v.decidedOn);
    const ps = v.penalties ?? [];
    if (v.result === 'penalty' && !ps.length) p(source === 'xlsx' ? 'fine' : 'penalties', '给予行政处罚的案件须填写处罚（警告、罚款金额、没收或其他）', null);
    if (v.result !== 'penalty' && ps.length) p(source === 'xlsx' ? 'fine' : 'penalties', '未给予行政处罚的案件不应填写处罚', ps);
    ps.forEach((x, i) => {
      if (x.type === 'fine' && x.amount === undefined) p(penaltyField(i, 'amount', 'fine'), '罚款须填写金额', null);
      if (x.type !== 'fine' && x.amount !== undefined && x.type !== 'confiscation')
        p(penaltyField(i, 'amount', x.type), '只有罚款、没收可以填写金额', x.amount);
    });
    if (ps.filter((x) => x.type === 'fine').length > 1) p(source === 'xlsx' ? 'fine' : 'penalties', '罚款只能填写一项', ps);
    const fine = fineOf(ps as Penalty[]);
    if (v.fineCollected !== undefined && v.fineCollected > fine) p('fineCollected', `已收缴 ${v.fineCollected} 元超过罚款 ${fine} 元`, v.fineCollected);
    const other = seen.get(v.caseNo);
    if (other !== undefined) p('caseNo', `与第 ${other} 行的案件编号重复`, v.caseNo);
    seen.set(v.caseNo, r.row);
    if (problems.length === before) good.push({ row: r.row, v });
  }
  if (good.length) {
    const existing = await ctx.db
      .select({ caseNo: enforcementCases.caseNo })
      .from(enforcementCases)
      .where(
        and(
          eq(enforcementCases.orgId, orgId),
          inArray(
            enforcementCases.caseNo,
            good.map((g) => g.v.caseNo),
          ),
        ),
      );
    for (const e of existing) {
      const g = good.find((x) => x.v.caseNo === e.caseNo)!;
      problems.push({ row: g.row, field: 'caseNo', value: e.caseNo, reason: '本机关已有此案件编号' });
    }
  }
  if (!rows.length) throw importRefused([{ row: 0, field: '(行)', value: null, reason: '没有可导入的行' }], 0, CASE_IMPORT_COLUMNS);
  if (problems.length)
    throw importRefused(
      problems.sort((a, b) => a.row - b.row),
      rows.length,
      CASE_IMPORT_COLUMNS,
    );

  return inTx(ctx, async (tx) => {
    const now = tx.now();
    const values = good.map(({ v }) => {
      const penalties = (v.penalties ?? []).map((x) => ({ type: x.type, amount: x.amount ?? null, note: null }));
      const decided = v.result !== 'pending' ? v.decidedOn! : null;
      const at = decided ?? v.openedOn;
      const fine = fineOf(penalties);
      return {
        orgId,
        caseNo: v.caseNo,
        source: v.source,
        partyKind: 'unit',
        partyName: '',
        status: decided ? 'closed' : 'investigating',
        filedOn: v.openedOn,
        result: decided ? v.result : null,
        decidedOn: decided,
        penalties,
        heaviestPenalty: heaviestPenalty(penalties),
        fineAmount: fine > 0 ? fine : null,
        payments: v.fineCollected ? [{ paidOn: at, amount: v.fineCollected }] : [],
        fineCollected: v.fineCollected ?? 0,
        reviews: v.review ? [{ reviewerId: null, reviewerName: '（历史导入）', reviewedOn: at, checklist: {}, opinion: '', result: v.review }] : [],
        reviewResult: v.review ?? null,
        hearingHeldOn: v.hearing ? at : null,
        closedOn: decided,
        steps: [{ step: 'import', on: todayInChina(now), actorId: tx.actor.userId, actorName: tx.actor.displayName }],
        imported: true,
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      };
    });
    const inserted: { id: string; caseNo: string }[] = [];
    for (let i = 0; i < values.length; i += 500) {
      inserted.push(
        ...(await tx.db
          .insert(enforcementCases)
          .values(values.slice(i, i + 500))
          .returning({ id: enforcementCases.id, caseNo: enforcementCases.caseNo })),
      );
    }
    await recordEvents(
      tx,
      inserted.map((r, i) => ({
        orgId,
        action: 'enforcement.case.import',
        entityType: 'enforcementCase',
        entityId: r.id,
        after: { ...good[i]!.v, importedFrom: source },
      })),
    );
    return { imported: inserted.length };
  });
}

export async function caseImportTemplate() {
  return importTemplate({
    sheetName: '行政处罚案件',
    fileName: '行政处罚案件导入模板.xlsx',
    maxRows: IMPORT_MAX_ROWS,
    columns: [
      { header: CASE_IMPORT_COLUMNS.caseNo!, required: true, text: true, note: '本机关的立案编号，不能重复', width: 24 },
      { header: CASE_IMPORT_COLUMNS.openedOn!, required: true, note: '格式 2024-03-01', width: 14 },
      { header: CASE_IMPORT_COLUMNS.source!, required: true, allowed: CASE_SOURCES.map((s) => CASE_SOURCE_LABELS[s]), width: 16 },
      { header: CASE_IMPORT_COLUMNS.decidedOn!, note: '已决定的案件必填；尚未决定的不填', width: 14 },
      { header: CASE_IMPORT_COLUMNS.result!, required: true, allowed: Object.values(CASE_RESULT_LABELS), width: 18 },
      { header: CASE_IMPORT_COLUMNS.warning!, allowed: ['是', '否'], note: '给予警告的填“是”', width: 8 },
      { header: CASE_IMPORT_COLUMNS.fine!, note: '罚款的，填写金额（元）', width: 14 },
      { header: CASE_IMPORT_COLUMNS.confiscation!, allowed: ['是', '否'], note: '没收违法所得的填“是”', width: 8 },
      { header: CASE_IMPORT_COLUMNS.other!, allowed: ['是', '否'], note: '其他种类处罚的填“是”', width: 10 },
      { header: CASE_IMPORT_COLUMNS.fineCollected!, note: '已收缴的罚款金额（元），不超过罚款金额', width: 16 },
      { header: CASE_IMPORT_COLUMNS.review!, allowed: ['通过', '退回'], note: '经过法制审核的，填写审核结论', width: 10 },
      { header: CASE_IMPORT_COLUMNS.hearing!, allowed: ['是', '否'], note: '举行过听证的填“是”', width: 8 },
    ],
    examples: [
      {
        案件编号: '兰档罚立〔2024〕1号',
        立案日期: '2024-03-01',
        案件来源: '行政检查移送',
        决定日期: '2024-04-20',
        处理结果: '给予行政处罚',
        警告: '是',
        '罚款金额（元）': '20000',
        '已收缴罚款（元）': '20000',
        法制审核: '通过',
        听证: '否',
      },
    ],
    notes: [
      ['导入规则', '全部行无误时才导入；有任何错误的，列出出错的行和列，不写入任何数据'],
      ['处罚', '一个案件有多种处罚的，在相应各列分别填写；统计时按最重的处罚计一次'],
    ],
  });
}
