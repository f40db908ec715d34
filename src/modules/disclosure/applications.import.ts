/**
 * Bulk import of an application register (issue 4 deliverable 8): a JSON array or an .xlsx with the
 * columns receivedOn, channel, applicantType, applicantName, content, optional decidedOn and
 * outcome (Chinese headers accepted too). All or nothing: every row is checked first and any
 * problem refuses the whole import with `{row, field, value, reason}` for each; otherwise the rows
 * go in with multi-row INSERTs and one bulk audit append, in one transaction.
 */
import { inTx } from '../../kernel/context.js';
import { recordEvents } from '../../kernel/audit/index.js';
import { authorize } from '../../kernel/auth/policy.js';
import { isValidDate } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import { validation } from '../../kernel/http/errors.js';
import { importRefused, textOf, type ImportRow } from '../../kernel/http/import-rows.js';
import { clocks } from '../../kernel/schema.js';
import { disclosureApplications } from './schema.js';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, type ApplicantType, CHANNEL_LABELS, CHANNELS, type Channel, isOutcomeCode, type OutcomeCode } from './outcomes.js';
import type { ApplicationImportError } from './contracts.js';
import { CLOCK_ENTITY, CLOCK_KIND_REPLY, contentKey, newTrackingCode, replyClockSpec, type ActorCtx, type ApplicationRow } from './applications.service.js';

export const MAX_APPLICATION_IMPORT_ROWS = 20_000;

/** Chinese headers accepted in the .xlsx. */
export const APPLICATION_IMPORT_ALIASES: Record<string, string> = {
  收到申请日期: 'receivedOn',
  申请渠道: 'channel',
  申请人类型: 'applicantType',
  申请人: 'applicantName',
  申请人姓名: 'applicantName',
  申请内容: 'content',
  答复日期: 'decidedOn',
  办理结果: 'outcome',
};

const CHANNEL_BY = new Map<string, Channel>([...CHANNELS.map((c) => [c, c] as const), ...CHANNELS.map((c) => [CHANNEL_LABELS[c], c] as const)]);
const APPLICANT_BY = new Map<string, ApplicantType>([...APPLICANT_TYPES.map((t) => [t, t] as const), ...APPLICANT_TYPES.map((t) => [APPLICANT_TYPE_LABELS[t], t] as const)]);

interface GoodRow {
  receivedOn: string;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  content: string;
  decidedOn: string | null;
  outcome: OutcomeCode | null;
}

/** Checks every row; returns the parsed rows or the list of problems. */
export function checkApplicationRows(rows: ImportRow[], knownYear: (date: string) => boolean, today: string): { good: GoodRow[]; errors: ApplicationImportError[] } {
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
    if (!channelRaw) fail('channel', values.channel, '申请渠道必填（online、letter、in_person、fax_email）');
    else if (!channel) fail('channel', channelRaw, `未知申请渠道“${channelRaw}”，应为 online、letter、in_person 或 fax_email`);
    const typeRaw = textOf(values.applicantType);
    const applicantType = typeRaw ? APPLICANT_BY.get(typeRaw) : undefined;
    if (!typeRaw) fail('applicantType', values.applicantType, '申请人类型必填');
    else if (!applicantType) fail('applicantType', typeRaw, `未知申请人类型“${typeRaw}”，应为 ${APPLICANT_TYPES.join('、')}`);
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
      if (o && !isOutcomeCode(o)) fail('outcome', o, `未知办理结果代码“${o}”`);
      else outcome = (o as OutcomeCode | null) ?? null;
    }
    if (decidedOn && receivedOn && decidedOn < receivedOn) fail('decidedOn', decidedOn, `答复日期 ${decidedOn} 早于收到申请日期 ${receivedOn}`);
    if (textOf(values.decidedOn) && !textOf(outcomeRaw) && !Array.isArray(outcomeRaw)) fail('outcome', null, '已填答复日期的申请必须填写办理结果');
    if (outcome && !textOf(values.decidedOn)) fail('decidedOn', null, '填写了办理结果的申请必须填写答复日期');
    if (errors.length === n) good.push({ receivedOn: receivedOn!, channel: channel!, applicantType: applicantType!, applicantName: applicantName!, content: content!, decidedOn, outcome });
  }
  return { good, errors };
}

export async function importApplications(ctx: ActorCtx, rows: ImportRow[]): Promise<{ created: number; decided: number; open: number }> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'disclosure.handle', { orgId, orgPath: ctx.actor.orgPath });
  if (rows.length === 0) throw validation('没有可导入的数据行', { body: '没有数据行' });
  const cal = await loadWorkCalendar(ctx.db);
  const knownYear = (d: string) => {
    try {
      cal.assertKnown(d);
      return true;
    } catch {
      return false;
    }
  };
  const { good, errors } = checkApplicationRows(rows, knownYear, todayInChina(ctx.now()));
  if (errors.length) throw importRefused(errors, rows.length);

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
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      }));
      inserted.push(...(await tx.db.insert(disclosureApplications).values(chunk).returning()));
    }
    // Open applications get their reply clock on the dashboard; decided ones need none.
    const open = inserted.filter((r) => !r.decidedOn);
    for (let i = 0; i < open.length; i += 1000) {
      await tx.db.insert(clocks).values(
        open.slice(i, i + 1000).map((r) => ({
          orgId,
          entityType: CLOCK_ENTITY,
          entityId: r.id,
          kind: CLOCK_KIND_REPLY,
          label: `政府信息公开申请答复期限（${r.trackingCode}，${r.applicantName}）`,
          spec: replyClockSpec(r),
          createdAt: now,
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
        after: { trackingCode: r.trackingCode, channel: r.channel, receivedOn: r.receivedOn, applicantType: r.applicantType, applicantName: r.applicantName, content: r.content, decidedOn: r.decidedOn, outcome: r.outcome },
      })),
    );
    return { created: inserted.length, decided: inserted.length - open.length, open: open.length };
  });
}
