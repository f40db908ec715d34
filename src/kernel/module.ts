/**
 * Modules register themselves. Each module's `index.ts` exports one {@link ModuleDescriptor}: its
 * routes, settings, the actions it grants to roles, the records its timelines show, the kinds of due
 * item it puts on the dashboard, its figures, what it rebuilds when a year's calendar is entered,
 * its demo data. `src/modules/index.ts` lists the descriptors and `app.ts` hands the list to
 * {@link installModules}: adding a module edits no kernel file.
 *
 * The registries are process-wide (the policy, settings and error labels are read everywhere, with no
 * app at hand); installing the same list again — one app per test file — replaces them.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ActorCtx } from './context.js';
import { KERNEL_GRANTS, setGrants, type Action, type Grants } from './auth/roles.js';
import type { CalendarChangeHook } from './calendar/years.service.js';
import type { FigureSet } from './figures/registry.js';
import { setFigureSets } from './figures/registry.js';
import { setFieldLabels } from './http/field-labels.js';
import { setTimelineWords, type TimelineWords } from './audit/present.js';
import { KERNEL_SETTINGS, setSettings, type SettingDef } from './settings.js';

export type { ActorCtx } from './context.js';

/** A kind of due item (a clock kind) as the dashboard shows it. */
export interface DueKind {
  /** Chinese name of the kind (依申请公开答复, 检查整改期限 …). */
  label: string;
  /** Who may see such an item: the action that reads the record it names. */
  read: Action;
  /**
   * For an actor without `read`: the entity ids among `entityIds` they may still see (e.g. a unit's
   * archivist sees the rectification deadlines of its own unit's inspections). Default: none.
   */
  visibleWithout?: (ctx: ActorCtx, entityIds: string[]) => Promise<Set<string>>;
  /** A publication deadline (公开): its open items are also listed in 待我公开 for those who may read them. */
  publication?: boolean;
}

/**
 * Something waiting for the actor that is not (only) a clock of their own: a request for their
 * approval (待我审批) or something they must publish (待我公开), derived from the records by the
 * module that owns them.
 */
export interface AwaitingItem {
  list: 'approval' | 'publication';
  /** What kind of act, in Chinese (批准延长答复期限, 发布年度报告 …). */
  kindLabel: string;
  /** The record, in people's words. */
  label: string;
  /** The record it names, as the dashboard links it. */
  entityType: string;
  entityId: string;
  /** The day it is due. */
  due: string;
  /** How `due` counts: working days (工作日) or calendar days (自然日). */
  unit: 'working' | 'calendar';
  /** The rule behind the date. */
  basis: string;
}

const stepsOnDay = new WeakMap<object, Map<string, number>>();
/**
 * For demo histories: `c` under a clock set to `day`, from 10:00 Beijing time, two minutes after the
 * previous call for that day (on the same database handle), so a past year's records carry its days.
 */
export function atDay(c: ActorCtx, day: string): ActorCtx {
  const perDay = stepsOnDay.get(c.db) ?? new Map<string, number>();
  stepsOnDay.set(c.db, perDay);
  const n = perDay.get(day) ?? 0;
  perDay.set(day, n + 1);
  const t = new Date(`${day}T02:00:00.000Z`).getTime() + n * 120_000;
  return { ...c, now: () => new Date(t) };
}

/** What the first run seeds for one module when demo data is asked for; runs in module order. */
export type DemoStep = (ctx: ActorCtx, demo: DemoRun) => Promise<void>;

/** Shared by the demo steps of one run: each module reads what earlier ones made and adds its own. */
export interface DemoRun {
  /** The top org created by setup. */
  org: { id: string; path: string; name: string; level: string; regionCode: string };
  /** Seed about eight months of past work (检查统计, 监测预警 have records to show). */
  history: boolean;
  /** Accounts to show once on the setup result page. */
  accounts: { username: string; password: string; role: string; displayName: string; org: string }[];
  /** Anything a module hands to the ones after it, by its own key. */
  shared: Record<string, unknown>;
}

export interface ModuleDescriptor {
  /** The module's folder name, e.g. `inspections`; figure keys start with it. */
  name: string;
  /** Its HTTP surface (a fastify plugin). */
  routes?: FastifyPluginAsync;
  /** Role → actions it grants (its actions are declared by augmenting `ActionRegistry`). */
  grants?: Grants;
  /** Its settings per org (typed by augmenting `SettingValues`). */
  settings?: Partial<Record<string, SettingDef>>;
  /** Record kinds whose timeline (全过程记录) it serves: entity type → the action that reads it. */
  timeline?: Record<string, Action>;
  /** How its timelines read: record kinds, actions, field names, value labels, references (audit/present.ts). */
  timelineWords?: TimelineWords;
  /** Clock kinds it writes, as the dashboard shows them. */
  dueKinds?: Record<string, DueKind>;
  /** Chinese names of its request fields, for the summary line of a validation error. */
  fieldLabels?: Record<string, string>;
  /** Its figures (named functions over records that return the records they count). */
  figures?: readonly FigureSet[];
  /** What it rebuilds when an admin enters a year's official holiday schedule. */
  calendarHooks?: readonly CalendarChangeHook[];
  /** Its demo data. */
  demo?: DemoStep;
  /** What awaits the actor's approval or publication in its records (工作台 待我审批, 待我公开). */
  awaiting?: (ctx: ActorCtx) => Promise<AwaitingItem[]>;
}

let installed: readonly ModuleDescriptor[] = [];
let timeline = new Map<string, Action>();
let dueKinds = new Map<string, DueKind>();

/** Builds every registry from the descriptors (kernel parts first, then the modules in order). */
export function installModules(modules: readonly ModuleDescriptor[]): void {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    names.add(m.name);
  }
  setGrants(
    [KERNEL_GRANTS, ...modules.map((m) => m.grants ?? {})],
    modules.flatMap((m) => Object.values(m.grants ?? {}).flat()),
  );
  setSettings([KERNEL_SETTINGS as Record<string, SettingDef>, ...modules.map((m) => m.settings ?? {})]);
  setFieldLabels(modules.map((m) => m.fieldLabels ?? {}));
  setFigureSets(modules.flatMap((m) => [...(m.figures ?? [])]));
  setTimelineWords(modules.flatMap((m) => (m.timelineWords ? [m.timelineWords] : [])));
  timeline = new Map([['calendarYear', 'calendar.read' as Action], ...modules.flatMap((m) => Object.entries(m.timeline ?? {}))]);
  dueKinds = new Map(modules.flatMap((m) => Object.entries(m.dueKinds ?? {})));
  installed = modules;
}

/** The installed modules, in order. */
export function installedModules(): readonly ModuleDescriptor[] {
  return installed;
}

/** The action that reads a kind of record's timeline (unknown kinds need `audit.read`). */
export function timelineAction(entityType: string): Action | undefined {
  return timeline.get(entityType);
}

/** A clock kind as the dashboard shows it. */
export function dueKind(kind: string): DueKind | undefined {
  return dueKinds.get(kind);
}

/** Every clock kind the modules declare, by name. */
export function allDueKinds(): ReadonlyMap<string, DueKind> {
  return dueKinds;
}

/** What awaits the actor in every module's records, in module order. */
export async function awaitingItems(ctx: ActorCtx): Promise<AwaitingItem[]> {
  const out: AwaitingItem[] = [];
  for (const m of installed) if (m.awaiting) out.push(...(await m.awaiting(ctx)));
  return out;
}

/** Every module's calendar hooks, in module order. */
export function calendarHooks(): CalendarChangeHook[] {
  return installed.flatMap((m) => [...(m.calendarHooks ?? [])]);
}

/** Runs every module's demo step in order. */
export async function runDemo(ctx: ActorCtx, demo: DemoRun): Promise<void> {
  for (const m of installed) if (m.demo) await m.demo(ctx, demo);
}
