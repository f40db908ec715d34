/**
 * Bulk import of an application register (issue 4 deliverable 8): a JSON array or an .xlsx with the
 * columns receivedOn, channel, applicantType, applicantName, content, optional decidedOn and
 * outcome (a code or its Chinese label; Chinese headers accepted too), and for 非本机关负责公开
 * optional holderAgency / holderContact (a register of past replies may not have them; the reply
 * letter then cannot be generated). All or nothing: every row is checked first and any
 * problem refuses the whole import with `{row, field, value, reason}` for each; otherwise the rows
 * go in with multi-row INSERTs and one bulk audit append, in one transaction.
 */
import { inTx, type ActorCtx } from '../../../kernel/context.js';
import { recordEvents } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { clockSnapshot, isValidDate } from '../../../kernel/calendar/index.js';
import { snapshotColumns } from '../../../kernel/calendar/clocks.js';
import { loadWorkCalendar, todayInChina } from '../../../kernel/calendar/store.js';
import { validation } from '../../../kernel/http/errors.js';
import { headingsToFields, importRefused, textOf, type ImportRow } from '../../../kernel/http/import-rows.js';
import { importTemplate } from '../../../kernel/documents/import-template.js';
import { clocks } from '../../../kernel/schema.js';
import { knownDay } from '../dates.js';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  OUTCOME_CODES,
  OUTCOMES,
  type OutcomeCode,
} from '../labels.js';
import { disclosureApplications, type ApplicationRow } from '../schema.js';
import { CLOCK_ENTITY, CLOCK_KIND_REPLY, replyClockSpec } from './clock.js';
import { replyClockLabel } from './clocks.service.js';
import type { ApplicationImportError, ApplicationImportResult } from './contracts.js';
import { contentKey, newTrackingCode } from './rules.js';

export const MAX_APPLICATION_IMPORT_ROWS = 20_000;

/** Each field's column heading in the template (and in the errors). */
export const APPLICATION_IMPORT_COLUMNS: Record<string, string> = {
  receivedOn: '收到申请日期',
  channel: '申请渠道',
  applicantType: '申请人类型',
  applicantName: '申请人',
  content: '申请内容',
  decidedOn: '答复日期',
  outcome: '办理结果',
  holderAgency: '负责公开的行政机关',
  holderContact: '负责公开的行政机关联系方式',
};

/** Chinese headers accepted in the .xlsx: the template's, and 申请人姓名. */
export const APPLICATION_IMPORT_ALIASES = headingsToFields(APPLICATION_IMPORT_COLUMNS, { 申请人姓名: 'applicantName' });

const CHANNEL_BY = new Map<string, Channel>([...CHANNELS.map((c) => [c, c] as const), ...CHANNELS.map((c) => [CHANNEL_LABELS[c], c] as const)]);
const APPLICANT_BY = new Map<string, ApplicantType>([
  ...APPLICANT_TYPES.map((t) => [t, t] as const),
  ...APPLICANT_TYPES.map((t) => [APPLICANT_TYPE_LABELS[t], t] as const),
]);

/**
 * Outcome by code or Chinese text: the report row's text (本机关不掌握相关政府信息, the row both 36(四)
 * and 36(五) feed, reads as 信息不存在 — its meaning before the two were told apart), the short label
 * and the words of 条例第三十六条第（四）（五）项; numbering (“4.”, “（四）”) and a group prefix
 * (“无法提供：”) are ignored.
 */
const norm = (t: string) => t.normalize('NFKC').replace(/\s+/gu, '');
const OUTCOME_BY_TEXT = new Map<string, OutcomeCode>();
const alias = (text: string, code: OutcomeCode) => {
  if (!OUTCOME_BY_TEXT.has(norm(text))) OUTCOME_BY_TEXT.set(norm(text), code);
};
for (const code of OUTCOME_CODES) alias(code, code);
for (const [text, code] of [
  ['经检索没有所申请公开的信息', 'unavailable.not_held'],
  ['信息不存在', 'unavailable.not_held'],
  ['不属于本机关负责公开', 'unavailable.not_ours'],
  ['非本机关', 'unavailable.not_ours'],
] as const)
  alias(text, code);
for (const o of OUTCOMES) {
  alias(o.label, o.code);
  alias(o.shortLabel, o.code);
}

export function outcomeOfText(raw: string): OutcomeCode | null {
  const t = norm(raw);
  const direct = OUTCOME_BY_TEXT.get(t);
  if (direct) return direct;
  const bare = t.replace(/^(?:\([一二三四五六七]\)|[0-9]+[.、])+/u, '');
  const tail = bare.includes(':') ? bare.slice(bare.lastIndexOf(':') + 1).replace(/^[0-9]+[.、]/u, '') : bare;
  return OUTCOME_BY_TEXT.get(bare) ?? OUTCOME_BY_TEXT.get(tail) ?? null;
}

/** The outcomes as the template offers them: each one's short name (one per outcome, read back by `outcomeOfText`). */
export const OUTCOME_TEMPLATE_LABELS = OUTCOMES.map((o) => o.shortLabel);

/** The import template: Chinese headings, dropdowns of channels, applicant types and outcomes, an example. */
export function applicationImportTemplate(): Promise<{ buffer: Buffer; fileName: string }> {
  const h = APPLICATION_IMPORT_COLUMNS;
  return importTemplate({
    sheetName: '政府信息公开申请',
    fileName: '政府信息公开申请登记导入模板.xlsx',
    maxRows: MAX_APPLICATION_IMPORT_ROWS,
    columns: [
      { header: h.receivedOn!, required: true, text: true, note: '收到申请的日期，格式 YYYY-MM-DD（如 2025-03-03）；该年的工作日历须已录入。' },
      { header: h.channel!, required: true, allowed: CHANNELS.map((c) => CHANNEL_LABELS[c]) },
      { header: h.applicantType!, required: true, allowed: APPLICANT_TYPES.map((t) => APPLICANT_TYPE_LABELS[t]) },
      { header: h.applicantName!, required: true, note: '自然人姓名或法人、其他组织名称，不超过 200 字。' },
      { header: h.content!, required: true, note: '申请公开的政府信息的名称或描述，不超过 5000 字。', width: 40 },
      { header: h.decidedOn!, text: true, note: '已答复的填写答复日期（YYYY-MM-DD）；未答复的不填，系统按收到日期计算答复期限。' },
      { header: h.outcome!, allowed: OUTCOME_TEMPLATE_LABELS, note: '已答复的必填，按年度报告第三部分的分类。' },
      { header: h.holderAgency!, note: '仅“非本机关负责公开”的答复填写：负责公开该信息的行政机关。' },
      { header: h.holderContact!, note: '仅“非本机关负责公开”的答复填写：该机关的联系方式。' },
    ],
    examples: [
      {
        [h.receivedOn!]: '2025-03-03',
        [h.channel!]: CHANNEL_LABELS.online,
        [h.applicantType!]: APPLICANT_TYPE_LABELS.natural,
        [h.applicantName!]: '张三',
        [h.content!]: '2024年度档案执法检查结果',
        [h.decidedOn!]: '2025-03-20',
        [h.outcome!]: OUTCOMES.find((o) => o.code === 'disclosed')!.shortLabel,
      },
    ],
    notes: [['全部成功或全部不写入', '任何一行有误，整批都不会导入；系统列出每个有误的行号、列和原因，改正后重新上传即可。']],
  });
}

interface GoodRow {
  receivedOn: string;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  content: string;
  decidedOn: string | null;
  outcome: OutcomeCode | null;
  holderAgency: string | null;
  holderContact: string | null;
}

/** Checks every row; returns the parsed rows or the list of problems. */
export function checkApplicationRows(
  rows: ImportRow[],
  knownYear: (date: string) => boolean,
  today: string,
): { good: GoodRow[]; errors: ApplicationImportError[] } {
  const errors: ApplicationImportError[] = [];
  const good: GoodRow[] = [];
  for (const { row, values } of rows) {
    const fail = (field: string, value: unknown, reason: string) => errors.push({ row, field, value: value === undefined ? null : value, reason });
    if ('__notObject' in values) {
      fail('(行)', values.__notObject, '每行应为一个 JSON 对象');
      continue;
    }
    const n = errors.length;
    const date = (field: 'receivedOn' | 'decidedOn', label: string, required: boolean): string | null => {
      const v = textOf(values[field]);
      if (!v) {
        if (required) fail(field, values[field], `${label}必填`);
        return null;
      }
      if (!isValidDate(v)) fail(field, v, `${label}应为 YYYY-MM-DD 格式的有效日期`);
      else if (v > today) fail(field, v, `${label} ${v} 晚于今天（${today}）`);
      else if (!knownYear(v)) fail(field, v, `${v.slice(0, 4)} 年的工作日历尚未录入`);
      else return v;
      return null;
    };
    const receivedOn = date('receivedOn', '收到申请日期', true);
    const channelRaw = textOf(values.channel);
    const channel = channelRaw ? CHANNEL_BY.get(channelRaw) : undefined;
    if (!channelRaw) fail('channel', values.channel, `申请渠道必填（${CHANNELS.map((c) => CHANNEL_LABELS[c]).join('、')}）`);
    else if (!channel) fail('channel', channelRaw, `未知申请渠道“${channelRaw}”，应为${CHANNELS.map((c) => CHANNEL_LABELS[c]).join('、')}之一`);
    const typeRaw = textOf(values.applicantType);
    const applicantType = typeRaw ? APPLICANT_BY.get(typeRaw) : undefined;
    if (!typeRaw) fail('applicantType', values.applicantType, '申请人类型必填');
    else if (!applicantType)
      fail('applicantType', typeRaw, `未知申请人类型“${typeRaw}”，应为${APPLICANT_TYPES.map((t) => APPLICANT_TYPE_LABELS[t]).join('、')}之一`);
    const applicantName = textOf(values.applicantName);
    if (!applicantName) fail('applicantName', values.applicantName, '申请人姓名（名称）必填');
    else if (applicantName.length > 200) fail('applicantName', applicantName, '申请人姓名（名称）不能超过 200 个字');
    const content = textOf(values.content);
    if (!content) fail('content', values.content, '申请内容必填');
    else if (content.length > 5000) fail('content', `${content.slice(0, 20)}…`, '申请内容不能超过 5000 个字');
    const decidedOn = date('decidedOn', '答复日期', false);
    const outcomeRaw = values.outcome;
    let outcome: OutcomeCode | null = null;
    if (Array.isArray(outcomeRaw)) fail('outcome', outcomeRaw, '每件申请只能有一个办理结果');
    else {
      const o = textOf(outcomeRaw);
      const code = o ? outcomeOfText(o) : null;
      if (o && !code) fail('outcome', o, `未知办理结果“${o}”：应为年度报告第三部分的办理结果名称（见模板“可选值”表），如“予以公开”“信息不存在”`);
      else outcome = code;
    }
    const holderAgency = textOf(values.holderAgency);
    const holderContact = textOf(values.holderContact);
    if (holderAgency && holderAgency.length > 200) fail('holderAgency', `${holderAgency.slice(0, 20)}…`, '负责公开的行政机关名称不能超过 200 个字');
    if (holderContact && holderContact.length > 200) fail('holderContact', `${holderContact.slice(0, 20)}…`, '负责公开的行政机关联系方式不能超过 200 个字');
    if ((holderAgency || holderContact) && outcome !== 'unavailable.not_ours')
      fail('holderAgency', holderAgency ?? holderContact, '只有“不属于本机关负责公开”的答复才填写负责公开的行政机关');
    if (decidedOn && receivedOn && decidedOn < receivedOn) fail('decidedOn', decidedOn, `答复日期 ${decidedOn} 早于收到申请日期 ${receivedOn}`);
    if (textOf(values.decidedOn) && !textOf(outcomeRaw) && !Array.isArray(outcomeRaw)) fail('outcome', null, '已填答复日期的申请必须填写办理结果');
    if (outcome && !textOf(values.decidedOn)) fail('decidedOn', null, '填写了办理结果的申请必须填写答复日期');
    if (errors.length === n) {
      good.push({
        receivedOn: receivedOn!,
        channel: channel!,
        applicantType: applicantType!,
        applicantName: applicantName!,
        content: content!,
        decidedOn,
        outcome,
        holderAgency: holderAgency || null,
        holderContact: holderContact || null,
      });
    }
  }
  return { good, errors };
}

export async function importApplications(ctx: ActorCtx, rows: ImportRow[]): Promise<ApplicationImportResult> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'disclosure.handle', { orgId, orgPath: ctx.actor.orgPath });
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
  const { good, errors } = checkApplicationRows(rows, knownYear, today);
  if (errors.length) throw importRefused(errors, rows.length, APPLICATION_IMPORT_COLUMNS);

  return inTx(ctx, async (tx) => {
    const now = tx.now();
    const inserted: ApplicationRow[] = [];
    for (let i = 0; i < good.length; i += 1000) {
      const chunk = good.slice(i, i + 1000).map((g) => ({
        orgId,
        trackingCode: newTrackingCode(),
        channel: g.channel,
        source: 'import',
        receivedOn: g.receivedOn,
        applicantType: g.applicantType,
        applicantName: g.applicantName,
        content: g.content,
        contentKey: contentKey(g.content),
        status: g.decidedOn ? 'decided' : 'processing',
        decidedOn: g.decidedOn,
        outcome: g.outcome,
        holderAgency: g.holderAgency,
        holderContact: g.holderContact,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      }));
      inserted.push(...(await tx.db.insert(disclosureApplications).values(chunk).returning()));
    }
    // Open applications get their reply clock on the dashboard (one multi-row insert per 1000: the
    // rows are new, so nothing to upsert); decided ones need none.
    const open = inserted.filter((r) => !r.decidedOn);
    for (let i = 0; i < open.length; i += 1000) {
      await tx.db.insert(clocks).values(
        open.slice(i, i + 1000).map((r) => ({
          orgId,
          entityType: CLOCK_ENTITY,
          entityId: r.id,
          kind: CLOCK_KIND_REPLY,
          label: replyClockLabel(r, r.applicantName),
          spec: replyClockSpec(r, cal),
          createdAt: now,
          ...snapshotColumns(clockSnapshot(cal, replyClockSpec(r, cal), today)),
        })),
      );
    }
    await recordEvents(
      tx,
      inserted.map((r) => ({
        orgId,
        action: 'disclosure.application.import',
        entityType: 'disclosureApplication',
        entityId: r.id,
        after: {
          trackingCode: r.trackingCode,
          channel: r.channel,
          receivedOn: r.receivedOn,
          applicantType: r.applicantType,
          applicantName: r.applicantName,
          content: r.content,
          decidedOn: r.decidedOn,
          outcome: r.outcome,
          ...(r.holderAgency ? { holderAgency: r.holderAgency, holderContact: r.holderContact } : {}),
        },
      })),
    );
    return { created: inserted.length, decided: inserted.length - open.length, open: open.length };
  });
}
