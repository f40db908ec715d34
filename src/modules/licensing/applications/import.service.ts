/**
 * History import of a licence register (issue 14 §6): a JSON array of `{item, receivedOn, channel,
 * result, decidedOn?}` (`item` is the catalogue item's name; optional `applicantName`, `applicantType`)
 * or the .xlsx template (Chinese headings, a 可选值 sheet with the org's items, channels and results).
 * All or nothing: every row is checked first and any problem refuses the whole import with each row's
 * problems by row and Chinese column (`importRefused`); otherwise the rows go in with multi-row INSERTs
 * and one bulk audit append, in one transaction. Imported rows count in the figures; a decided or
 * withdrawn row is history (no clocks); a pending one runs its clocks (accepted as of receipt once the
 * 5 working days have passed, 行政许可法第三十二条).
 */
import { eq, sql } from 'drizzle-orm';
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { recordEvents } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { isValidDate, yearOf } from '../../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { formatRecordCode } from '../../../kernel/documents/index.js';
import { importTemplate } from '../../../kernel/documents/import-template.js';
import { validation } from '../../../kernel/http/errors.js';
import { headingsToFields, importRefused, textOf, type ImportRow } from '../../../kernel/http/import-rows.js';
import { docSequences } from '../../../kernel/schema.js';
import { knownDay } from '../dates.js';
import { unavailableReason } from '../items/items.service.js';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  CHANNEL_LABELS,
  CHANNELS,
  IMPORT_RESULT_LABELS,
  IMPORT_RESULTS,
  type ApplicantType,
  type Channel,
  type ImportResult,
} from '../labels.js';
import { licensingApplications, licensingItems, type ApplicationRow, type ItemRow } from '../schema.js';
import { CLOCK_ENTITY, deemedAcceptance, statusOf } from './clock.js';
import { syncClocks } from './clocks.service.js';
import type { ApplicationImportResult } from './contracts.js';
import { newTrackingCode } from './rules.js';

export const MAX_LICENSING_IMPORT_ROWS = 20_000;

/** Each field's column heading in the template (and in the errors). */
export const LICENSING_IMPORT_COLUMNS: Record<string, string> = {
  item: '许可事项',
  receivedOn: '收到申请日期',
  channel: '申请渠道',
  result: '办理结果',
  decidedOn: '决定日期',
  applicantName: '申请人',
  applicantType: '申请人类型',
};

/** Chinese headings accepted in the .xlsx: the template's, and a few a register may use. */
export const LICENSING_IMPORT_ALIASES = headingsToFields(LICENSING_IMPORT_COLUMNS, { 事项名称: 'item', 申请日期: 'receivedOn', 办结日期: 'decidedOn' });

const norm = (t: string) => t.normalize('NFKC').replace(/\s+/gu, '');
const byText = <T extends string>(pairs: readonly (readonly [string, T])[]) => new Map(pairs.map(([k, v]) => [norm(k), v] as const));
const CHANNEL_BY = byText<Channel>([
  ...CHANNELS.map((c) => [c, c] as const),
  ...CHANNELS.map((c) => [CHANNEL_LABELS[c], c] as const),
  ['网上办理', 'online'],
  ['线上', 'online'],
  ['在线申请', 'online'],
  ['窗口办理', 'desk'],
  ['线下', 'desk'],
  ['现场申请', 'desk'],
]);
const RESULT_BY = byText<ImportResult>([
  ...IMPORT_RESULTS.map((r) => [r, r] as const),
  ...IMPORT_RESULTS.map((r) => [IMPORT_RESULT_LABELS[r], r] as const),
  ['准予', 'granted'],
  ['准予行政许可', 'granted'],
  ['不予', 'refused'],
  ['不予行政许可', 'refused'],
  ['撤回', 'withdrawn'],
  ['未办结', 'pending'],
]);
const TYPE_BY = byText<ApplicantType>([
  ...APPLICANT_TYPES.map((t) => [t, t] as const),
  ...APPLICANT_TYPES.map((t) => [APPLICANT_TYPE_LABELS[t], t] as const),
  ['单位', 'unit'],
  ['个人', 'individual'],
]);

/** The template: Chinese headings, dropdowns of the org's items, the channels and the results, an example. */
export async function licensingImportTemplate(ctx: ActorCtx): Promise<{ buffer: Buffer; fileName: string }> {
  const items = await ctx.db.select({ name: licensingItems.name }).from(licensingItems).where(eq(licensingItems.orgId, ctx.actor.orgId));
  const h = LICENSING_IMPORT_COLUMNS;
  return importTemplate({
    sheetName: '行政许可申请',
    fileName: '行政许可申请历史数据导入模板.xlsx',
    maxRows: MAX_LICENSING_IMPORT_ROWS,
    columns: [
      {
        header: h.item!,
        required: true,
        ...(items.length ? { allowed: items.map((i) => i.name) } : {}),
        note: '事项目录中的事项名称（含已取消的事项；收到申请之日该事项须有效）。',
        width: 36,
      },
      { header: h.receivedOn!, required: true, text: true, note: '收到申请材料的日期，格式 YYYY-MM-DD（如 2024-03-04）。' },
      { header: h.channel!, required: true, allowed: CHANNELS.map((c) => CHANNEL_LABELS[c]) },
      { header: h.result!, required: true, allowed: IMPORT_RESULTS.map((r) => IMPORT_RESULT_LABELS[r]) },
      { header: h.decidedOn!, text: true, note: '准予或不予许可的填写决定日期（必填）；撤回的可填写撤回日期；办理中的不填。' },
      { header: h.applicantName!, note: '可不填（不填时记为“未登记”）。' },
      { header: h.applicantType!, allowed: APPLICANT_TYPES.map((t) => APPLICANT_TYPE_LABELS[t]), note: '可不填（不填时按法人或其他组织）。' },
    ],
    examples: [
      {
        [h.item!]: items[0]?.name ?? '延期移交档案审批',
        [h.receivedOn!]: '2024-03-04',
        [h.channel!]: CHANNEL_LABELS.online,
        [h.result!]: IMPORT_RESULT_LABELS.granted,
        [h.decidedOn!]: '2024-03-20',
        [h.applicantName!]: '某某市城市建设档案馆',
        [h.applicantType!]: APPLICANT_TYPE_LABELS.unit,
      },
    ],
    notes: [['全部成功或全部不写入', '任何一行有误，整批都不会导入；系统列出每个有误的行号、列和原因，改正后重新上传即可。']],
  });
}

interface GoodRow {
  item: ItemRow;
  receivedOn: string;
  channel: Channel;
  result: ImportResult;
  decidedOn: string | null;
  applicantName: string;
  applicantType: ApplicantType;
}

type RowError = { row: number; field: string; value: unknown; reason: string };

/** Checks every row against the catalogue and the calendar; returns the parsed rows or the list of problems. */
export function checkLicensingRows(
  rows: ImportRow[],
  items: readonly ItemRow[],
  knownYear: (date: string) => boolean,
  today: string,
): { good: GoodRow[]; errors: RowError[] } {
  const byName = new Map(items.map((i) => [norm(i.name), i]));
  const errors: RowError[] = [];
  const good: GoodRow[] = [];
  for (const { row, values } of rows) {
    const fail = (field: string, value: unknown, reason: string) => errors.push({ row, field, value: value === undefined ? null : value, reason });
    if ('__notObject' in values) {
      fail('(行)', values.__notObject, '每行应为一个 JSON 对象');
      continue;
    }
    const n = errors.length;
    const date = (field: 'receivedOn' | 'decidedOn', label: string): string | null => {
      const v = textOf(values[field]);
      if (!v) return null;
      if (!isValidDate(v)) fail(field, v, `${label}应为 YYYY-MM-DD 格式的有效日期`);
      else if (v > today) fail(field, v, `${label} ${v} 晚于今天（${today}）`);
      else if (!knownYear(v)) fail(field, v, `${v.slice(0, 4)} 年超出工作日历的范围`);
      else return v;
      return null;
    };
    const itemName = textOf(values.item);
    const item = itemName ? byName.get(norm(itemName)) : undefined;
    if (!itemName) fail('item', values.item, '许可事项必填（事项目录中的事项名称）');
    else if (!item) fail('item', itemName, `事项目录中没有“${itemName}”，请先在事项目录中登记该事项，或改为目录中的名称`);
    const receivedOn = date('receivedOn', '收到申请日期');
    if (!textOf(values.receivedOn)) fail('receivedOn', values.receivedOn, '收到申请日期必填');
    if (item && receivedOn) {
      const reason = unavailableReason(item, receivedOn);
      if (reason) fail('item', itemName, `${reason}（收到申请日期 ${receivedOn}）`);
    }
    const channelRaw = textOf(values.channel);
    const channel = channelRaw ? CHANNEL_BY.get(norm(channelRaw)) : undefined;
    if (!channelRaw) fail('channel', values.channel, '申请渠道必填（网上申请或窗口申请）');
    else if (!channel) fail('channel', channelRaw, `未知申请渠道“${channelRaw}”，应为网上申请（online）或窗口申请（desk）`);
    const resultRaw = textOf(values.result);
    const result = resultRaw ? RESULT_BY.get(norm(resultRaw)) : undefined;
    if (!resultRaw) fail('result', values.result, '办理结果必填');
    else if (!result)
      fail('result', resultRaw, `未知办理结果“${resultRaw}”，应为准予许可、不予许可、申请人撤回或办理中（granted、refused、withdrawn、pending）`);
    const decidedOn = date('decidedOn', '决定日期');
    if ((result === 'granted' || result === 'refused') && !textOf(values.decidedOn))
      fail('decidedOn', null, `${IMPORT_RESULT_LABELS[result]}的申请必须填写决定日期`);
    if (result === 'pending' && textOf(values.decidedOn)) fail('decidedOn', values.decidedOn, '办理中的申请不能填写决定日期');
    if (decidedOn && receivedOn && decidedOn < receivedOn) fail('decidedOn', decidedOn, `决定日期 ${decidedOn} 早于收到申请日期 ${receivedOn}`);
    const applicantName = textOf(values.applicantName) ?? '未登记';
    if (applicantName.length > 200) fail('applicantName', `${applicantName.slice(0, 20)}…`, '申请人名称不能超过 200 个字');
    const typeRaw = textOf(values.applicantType);
    const applicantType = typeRaw ? TYPE_BY.get(norm(typeRaw)) : 'unit';
    if (!applicantType) fail('applicantType', typeRaw, `未知申请人类型“${typeRaw}”，应为法人或其他组织、自然人`);
    if (errors.length === n)
      good.push({ item: item!, receivedOn: receivedOn!, channel: channel!, result: result!, decidedOn, applicantName, applicantType: applicantType! });
  }
  return { good, errors };
}

/** Reserves `n` numbers of the org's yearly series at once: the first of them. */
async function reserveCodes(ctx: ActorCtx, orgId: string, year: number, n: number): Promise<number> {
  const t = docSequences;
  const [row] = await ctx.db
    .insert(t)
    .values({ orgId, series: 'licensing.application', year, lastSeq: n })
    .onConflictDoUpdate({ target: [t.orgId, t.series, t.year], set: { lastSeq: sql`${t.lastSeq} + ${n}` } })
    .returning({ lastSeq: t.lastSeq });
  return row!.lastSeq - n + 1;
}

export async function importLicensingApplications(ctx: ActorCtx, rows: ImportRow[]): Promise<ApplicationImportResult> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'licensing.handle', { orgId, orgPath: ctx.actor.orgPath });
  if (rows.length === 0) throw validation('没有可导入的数据行', { body: '没有数据行' });
  const cal = await loadWorkCalendar(ctx.db);
  const knownYear = (d: string) => {
    try {
      knownDay(cal, 'receivedOn', d, '日期');
      return true;
    } catch {
      return false;
    }
  };
  const today = todayInChina(ctx.now());
  const items = await ctx.db.select().from(licensingItems).where(eq(licensingItems.orgId, orgId));
  const { good, errors } = checkLicensingRows(rows, items, knownYear, today);
  if (errors.length) throw importRefused(errors, rows.length, LICENSING_IMPORT_COLUMNS);

  return inTx(ctx, async (tx) => {
    const now = tx.now();
    // codes in receipt order per year, reserved in one statement per year
    const next = new Map<number, number>();
    for (const [year, n] of good.reduce((m, g) => m.set(yearOf(g.receivedOn), (m.get(yearOf(g.receivedOn)) ?? 0) + 1), new Map<number, number>())) {
      next.set(year, await reserveCodes(tx, orgId, year, n));
    }
    const ordered = [...good].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
    const inserted: ApplicationRow[] = [];
    for (let i = 0; i < ordered.length; i += 1000) {
      const chunk = ordered.slice(i, i + 1000).map((g) => {
        const year = yearOf(g.receivedOn);
        const seq = next.get(year)!;
        next.set(year, seq + 1);
        const decided = g.result === 'granted' || g.result === 'refused';
        const base = {
          receivedOn: g.receivedOn,
          acceptedOn: decided ? g.receivedOn : null,
          acceptanceDeemed: false,
          correctionSentOn: null,
          correctedOn: null,
          exclusions: [],
          extensionDays: null,
          extensionReason: null,
          extensionApprovedOn: null,
          decidedOn: decided ? g.decidedOn : null,
          result: decided ? g.result : null,
          certificateIssuedOn: null,
          publishedOn: null,
          withdrawnOn: g.result === 'withdrawn' ? (g.decidedOn ?? g.receivedOn) : null,
        };
        // a pending row silent past its 5 working days is accepted as of receipt (第三十二条)
        const deemed = g.result === 'pending' ? deemedAcceptance(cal, base, today) : null;
        const row = deemed ? { ...base, acceptedOn: deemed.on, acceptanceDeemed: true } : base;
        return {
          orgId,
          itemId: g.item.id,
          code: formatRecordCode('XK', year, seq),
          trackingCode: newTrackingCode(),
          channel: g.channel,
          source: 'import',
          applicantType: g.applicantType,
          applicantName: g.applicantName,
          status: statusOf(row),
          receivedOn: row.receivedOn,
          acceptedOn: row.acceptedOn,
          acceptanceDeemed: row.acceptanceDeemed,
          decidedOn: row.decidedOn,
          result: row.result,
          withdrawnOn: row.withdrawnOn,
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        };
      });
      inserted.push(...(await tx.db.insert(licensingApplications).values(chunk).returning()));
    }
    const itemById = new Map(items.map((i) => [i.id, i]));
    for (const r of inserted) if (!r.decidedOn && !r.withdrawnOn) await syncClocks(tx, r, itemById.get(r.itemId)!);
    await recordEvents(
      tx,
      inserted.map((r) => ({
        orgId,
        action: 'licensing.application.import',
        entityType: CLOCK_ENTITY,
        entityId: r.id,
        after: {
          code: r.code,
          trackingCode: r.trackingCode,
          itemId: r.itemId,
          channel: r.channel,
          receivedOn: r.receivedOn,
          applicantName: r.applicantName,
          applicantType: r.applicantType,
          acceptedOn: r.acceptedOn,
          decidedOn: r.decidedOn,
          result: r.result,
          withdrawnOn: r.withdrawnOn,
        },
      })),
    );
    const count = (res: ImportResult) => good.filter((g) => g.result === res).length;
    return { created: inserted.length, granted: count('granted'), refused: count('refused'), withdrawn: count('withdrawn'), pending: count('pending') };
  });
}
