/**
 * The whole-process record as people read it: each event as one sentence (who did what) and the fields
 * it changed under their Chinese names, with values in people's words — names instead of ids, dates
 * instead of timestamps, labels instead of codes, list items as lines. The raw snapshots, hash and
 * sequence stay in the response for the 技术复核 fold and for integrations.
 *
 * The kernel knows no module: each module registers its words (record kinds, actions, field names,
 * value labels, reference kinds and how to name them) through its descriptor's `timelineWords`.
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { orgs, users } from '../schema.js';
import { ORG_LEVEL_LABELS } from '../tenancy/labels.js';
import { ROLE_LABELS } from '../auth/labels.js';
import { DUE_STATE_LABELS } from '../calendar/contracts.js';
import { settingDefs } from '../settings.js';

/** What a custom formatter may use to render a value. */
export interface TimelineFormat {
  /** The name of a referenced record (`（已删除的记录）` when it is gone). */
  ref(kind: string, id: unknown): string;
  /** A value rendered by the generic rules (and the registered labels) for a field. */
  value(field: string, v: unknown): string;
  /** The Chinese name of a field, if registered. */
  label(field: string): string | undefined;
  /** `2025-08-06` → 2025年8月6日. */
  date(v: unknown): string;
}

/** Names the records of one reference kind, batched: id → name (ids not found are left out). */
export type RefResolver = (db: DbOrTx, orgId: string, ids: string[]) => Promise<Map<string, string>>;

/** A module's words for the timeline. Keys `entityType.field` apply to one record kind, plain keys to all. */
export interface TimelineWords {
  /** Record kind → its Chinese name (检查对象). */
  entities?: Record<string, string>;
  /** Action → the predicate of the sentence (登记了政府信息公开申请). */
  actions?: Record<string, string>;
  /**
   * Field → its Chinese name (`action:field` for one action, e.g. `inspection.feedback:items`). A field
   * without a name is not shown (it stays in the 技术复核 data).
   */
  fields?: Record<string, string>;
  /** Fields never shown (internal bookkeeping). */
  hidden?: readonly string[];
  /** Field → code → label. */
  values?: Record<string, Readonly<Record<string, string>>>;
  /** Field → the kind of record its id (or ids) names. */
  refs?: Record<string, string>;
  /** Reference kind → how to name its records. */
  resolvers?: Record<string, RefResolver>;
  /**
   * Field → a custom rendering (lines joined by `\n`); `undefined` falls back to the generic rules, `''`
   * says there is nothing worth showing (a field shown on neither side is left out).
   */
  formats?: Record<string, (v: unknown, f: TimelineFormat) => string | undefined>;
}

export interface PresentedChange {
  label: string;
  before: string;
  after: string;
}

export interface PresentedEvent {
  summary: string;
  changes: PresentedChange[];
}

interface Words {
  entities: Map<string, string>;
  actions: Map<string, string>;
  fields: Map<string, string>;
  order: Map<string, number>;
  hidden: Set<string>;
  values: Map<string, Readonly<Record<string, string>>>;
  refs: Map<string, string>;
  resolvers: Map<string, RefResolver>;
  formats: Map<string, (v: unknown, f: TimelineFormat) => string | undefined>;
}

/** The kernel's own words: sign-in, settings, the calendar, users and orgs as references. */
export const KERNEL_TIMELINE_WORDS: TimelineWords = {
  entities: { settings: '系统设置', calendar: '工作日历', calendarYear: '工作日历', importBatch: '导入批次' },
  actions: {
    'auth.login': '登录了系统',
    'auth.logout': '退出了登录',
    'auth.login_failed': '登录失败',
    'auth.locked': '账号被锁定',
    'settings.update': '修改了系统设置',
    'calendar.year_set': '录入了年度节假日安排',
    'calendar.due_recomputed': '按新录入的节假日安排重新计算了期限',
  },
  fields: {
    ip: 'IP 地址',
    knownAddress: '常用地址',
    failures: '该地址连续失败次数',
    addresses: '该账号连续失败次数',
    scope: '锁定范围',
    locks: '累计锁定次数',
    otherSessionsEnded: '结束的其他登录会话数',
    lockedUntil: '锁定至',
    reason: '事由',
    note: '说明',
    status: '状态',
    name: '名称',
    title: '标题',
    kind: '类别',
    source: '来源',
    clock: '期限',
    clockState: '期限状态',
    due: '届满日',
    provisional: '预计日期（按法定节假日推算）',
    days: '节假日安排',
    recomputed: '重新计算的期限',
    moved: '届满日变化的期限',
    warnings: '确认的提示',
    roles: '角色',
    level: '层级',
    createdBy: '登记人',
    publishedBy: '发布人',
  },
  hidden: [
    'id',
    'orgId',
    'createdAt',
    'updatedAt',
    'passwordHash',
    'password',
    'token',
    'path',
    'importBatchId',
    'hash',
    'sha256',
    'listHash',
    'seed',
    'entropy',
  ],
  values: {
    roles: ROLE_LABELS,
    level: ORG_LEVEL_LABELS,
    clockState: DUE_STATE_LABELS,
    scope: { account: '整个账号（常用地址除外）', pair: '该地址登录该账号' },
    'importBatch.status': { pending: '待确认', confirmed: '已导入' },
    'calendarYear.source': { admin: '管理员录入', provisional: '暂定（按法定节假日推算）', 'chinese-days': '内置数据' },
  },
  refs: { userId: 'user', createdBy: 'user', publishedBy: 'user', enteredBy: 'user', parentId: 'org', childId: 'org' },
  resolvers: {
    user: async (db, _orgId, ids) =>
      new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((r) => [r.id, r.name])),
    org: async (db, _orgId, ids) =>
      new Map((await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids))).map((r) => [r.id, r.name])),
  },
  formats: {
    'calendarYear.days': (v) => {
      if (!Array.isArray(v)) return undefined;
      const kinds = v.map((d) => (d && typeof d === 'object' ? (d as { kind?: string }).kind : undefined));
      return `放假 ${kinds.filter((k) => k === 'holiday').length} 天，调休上班 ${kinds.filter((k) => k === 'workday').length} 天`;
    },
    recomputed: (v) => (typeof v === 'number' ? `${v} 个` : undefined),
    moved: (v) => (typeof v === 'number' ? `${v} 个` : undefined),
    warnings: (v) => (Array.isArray(v) ? (v.length ? v.map(String).join('\n') : '（无）') : undefined),
  },
};

let words: Words = build([KERNEL_TIMELINE_WORDS]);

function build(list: readonly TimelineWords[]): Words {
  const w: Words = {
    entities: new Map(),
    actions: new Map(),
    fields: new Map(),
    order: new Map(),
    hidden: new Set(),
    values: new Map(),
    refs: new Map(),
    resolvers: new Map(),
    formats: new Map(),
  };
  for (const x of list) {
    for (const [k, v] of Object.entries(x.entities ?? {})) w.entities.set(k, v);
    for (const [k, v] of Object.entries(x.actions ?? {})) w.actions.set(k, v);
    for (const [k, v] of Object.entries(x.fields ?? {})) {
      w.fields.set(k, v);
      if (!w.order.has(k)) w.order.set(k, w.order.size);
    }
    for (const k of x.hidden ?? []) w.hidden.add(k);
    for (const [k, v] of Object.entries(x.values ?? {})) w.values.set(k, { ...w.values.get(k), ...v });
    for (const [k, v] of Object.entries(x.refs ?? {})) w.refs.set(k, v);
    for (const [k, v] of Object.entries(x.resolvers ?? {})) w.resolvers.set(k, v);
    for (const [k, v] of Object.entries(x.formats ?? {})) w.formats.set(k, v);
  }
  return w;
}

/** Installs the modules' words after the kernel's (installModules). */
export function setTimelineWords(list: readonly TimelineWords[]): void {
  words = build([KERNEL_TIMELINE_WORDS, ...list]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}/;

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function formatDay(v: unknown): string {
  if (typeof v !== 'string') return String(v ?? '');
  const m = DAY.exec(v);
  if (m) return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  if (INSTANT.test(v)) {
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) return v;
    const bj = new Date(d.getTime() + 8 * 3600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${bj.getUTCFullYear()}年${bj.getUTCMonth() + 1}月${bj.getUTCDate()}日 ${pad(bj.getUTCHours())}:${pad(bj.getUTCMinutes())}`;
  }
  return v;
}

/** `赵利用（zhao）` → `赵利用`: the sentence names the person; the account stays in the raw data. */
export function actorShortName(actorName: string): string {
  return actorName.replace(/（[^（）]*）$/, '') || actorName;
}

/** The predicate of an event's sentence, never a code. */
export function actionPhrase(action: string, entityType: string, after: unknown): string {
  const dot = action.lastIndexOf('.');
  const verb = dot >= 0 ? action.slice(dot + 1) : action;
  const entity = words.entities.get(entityType) ?? '记录';
  if (verb === 'create' && isObject(after) && after.importBatchId) return `导入了${entity}`;
  const known = words.actions.get(action);
  if (known) return known;
  const verbs: Record<string, string> = {
    create: '新建了',
    update: '修改了',
    delete: '删除了',
    import: '导入了',
    disable: '停用了',
    enable: '启用了',
    close: '注销了',
  };
  return verbs[verb] ? `${verbs[verb]}${entity}` : `处理了${entity}`;
}

class Presenter implements TimelineFormat {
  constructor(
    private readonly names: Map<string, Map<string, string>>,
    private readonly entityType: string,
    private readonly action = '',
  ) {}

  private lookup<T>(m: Map<string, T>, field: string): T | undefined {
    return m.get(`${this.entityType}.${field}`) ?? m.get(field);
  }

  label(field: string): string | undefined {
    return (
      words.fields.get(`${this.action}:${field}`) ??
      this.lookup(words.fields, field) ??
      (this.entityType === 'settings' ? settingDefs().get(field)?.label : undefined)
    );
  }

  hidden(field: string): boolean {
    if (words.hidden.has(field) || words.hidden.has(`${this.entityType}.${field}`)) return true;
    if (field.endsWith('Label')) return true;
    // An id that names no known kind of record means nothing to a reader.
    return /(Id|Ids)$/.test(field) && !this.lookup(words.refs, field);
  }

  ref(kind: string, id: unknown): string {
    if (typeof id !== 'string') return this.value('', id);
    return this.names.get(kind)?.get(id) ?? (UUID.test(id) ? '（已删除的记录）' : id);
  }

  date(v: unknown): string {
    return formatDay(v);
  }

  value(field: string, v: unknown): string {
    if (v === null || v === undefined || v === '') return '（空）';
    const fmt = field ? this.lookup(words.formats, field) : undefined;
    if (fmt) {
      const s = fmt(v, this);
      if (s !== undefined) return s;
    }
    const kind = field ? this.lookup(words.refs, field) : undefined;
    if (kind && typeof v === 'string') return this.ref(kind, v);
    if (kind && Array.isArray(v)) return v.length ? v.map((x) => this.ref(kind, x)).join('、') : '（无）';
    const table = field ? this.lookup(words.values, field) : undefined;
    if (table && typeof v === 'string' && table[v]) return table[v];
    if (table && Array.isArray(v) && v.every((x) => typeof x === 'string'))
      return v.length ? v.map((x) => table[x as string] ?? String(x)).join('、') : '（无）';
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') {
      if (UUID.test(v)) return '（内部编号）';
      return DAY.test(v) || INSTANT.test(v) ? formatDay(v) : v;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return '（无）';
      if (v.every((x) => !isObject(x) && !Array.isArray(x))) return v.map((x) => this.value(field, x)).join('、');
      return v.map((x, i) => (isObject(x) ? this.line(x) || `第 ${i + 1} 项` : this.value(field, x))).join('\n');
    }
    if (isObject(v)) return this.line(v) || '（无）';
    return String(v);
  }

  /** An id (or ids) of a kind of record nobody named: nothing a reader could use. */
  private bareId(field: string, v: unknown): boolean {
    if (this.lookup(words.refs, field) || this.lookup(words.formats, field)) return false;
    const ids = typeof v === 'string' ? [v] : Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string') ? (v as string[]) : [];
    return ids.length > 0 && ids.every((x) => UUID.test(x));
  }

  /** An object as one line: its named fields, `名称：值`, joined by `，`. */
  line(o: Record<string, unknown>): string {
    const parts: string[] = [];
    for (const [k, x] of Object.entries(o)) {
      if (this.hidden(k) || this.bareId(k, x) || x === null || x === undefined || x === '') continue;
      const label = this.label(k);
      if (!label) continue;
      parts.push(`${label}：${this.value(k, x).replace(/\n/g, '；')}`);
    }
    return parts.join('，');
  }

  changes(before: unknown, after: unknown): PresentedChange[] {
    const b = isObject(before) ? before : null;
    const a = isObject(after) ? after : null;
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    const rows: (PresentedChange & { rank: number })[] = [];
    for (const k of keys) {
      if (this.hidden(k)) continue;
      const label = this.label(k);
      if (!label) continue;
      const bv = b?.[k];
      const av = a?.[k];
      if (this.bareId(k, bv ?? av)) continue;
      if (b && a && JSON.stringify(bv ?? null) === JSON.stringify(av ?? null)) continue;
      const empty = (x: unknown) => x === null || x === undefined || x === '' || (Array.isArray(x) && x.length === 0);
      if ((!b || !(k in b)) && empty(av)) continue;
      const rank = words.order.get(`${this.entityType}.${k}`) ?? words.order.get(k) ?? words.order.size;
      const row = { label, before: b && k in b ? this.value(k, bv) : '', after: a && k in a ? this.value(k, av) : '', rank };
      if (row.before !== '' || row.after !== '') rows.push(row);
    }
    return rows.sort((x, y) => x.rank - y.rank).map(({ label, before, after }) => ({ label, before, after }));
  }
}

export interface RawEvent {
  actorName: string;
  action: string;
  entityType: string;
  before: unknown;
  after: unknown;
}

/**
 * Presents a page of events: collects every referenced id (at any depth, by field name), names them
 * with one query per kind, then renders each event.
 */
export async function presentEvents(db: DbOrTx, orgId: string, events: readonly RawEvent[]): Promise<PresentedEvent[]> {
  const wanted = new Map<string, Set<string>>();
  const collect = (entityType: string, v: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(v)) for (const x of v) collect(entityType, x, depth + 1);
    else if (isObject(v))
      for (const [k, x] of Object.entries(v)) {
        const kind = words.refs.get(`${entityType}.${k}`) ?? words.refs.get(k);
        const ids = kind ? (typeof x === 'string' ? [x] : Array.isArray(x) ? x.filter((y): y is string => typeof y === 'string') : []) : [];
        for (const id of ids) if (UUID.test(id)) (wanted.get(kind!) ?? wanted.set(kind!, new Set()).get(kind!)!).add(id);
        collect(entityType, x, depth + 1);
      }
  };
  for (const e of events) {
    collect(e.entityType, e.before, 0);
    collect(e.entityType, e.after, 0);
  }
  const names = new Map<string, Map<string, string>>();
  for (const [kind, ids] of wanted) {
    const resolve = words.resolvers.get(kind);
    if (resolve) names.set(kind, await resolve(db, orgId, [...ids]));
  }
  return events.map((e) => {
    const p = new Presenter(names, e.entityType, e.action);
    return { summary: `${actorShortName(e.actorName)} ${actionPhrase(e.action, e.entityType, e.after)}`, changes: p.changes(e.before, e.after) };
  });
}
