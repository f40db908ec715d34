/**
 * The figure registry (统计数): every number a report or dashboard shows is a named function over
 * records that returns the records it counts — value = number of records, so a figure and its
 * drill-down always agree. A module registers a {@link FigureSet} in its descriptor: the figures it
 * names, one loader for the scope (sums over an org subtree happen in SQL there) and a function that
 * picks each figure's records from what was loaded. Keys are `<module>.<name>`.
 */
import { asc, like } from 'drizzle-orm';
import type { Actor, Ctx } from '../context.js';
import { hasAction } from '../auth/policy.js';
import type { Action } from '../auth/roles.js';
import { todayInChina } from '../calendar/store.js';
import { notFound, validation } from '../http/errors.js';
import { orgs } from '../schema.js';
import { readableOrg } from '../tenancy/index.js';
import type { FigureRecord, FigureValue } from './contracts.js';

type ActorCtx = Ctx & { actor: Actor };

/** The orgs and the period a figure covers. */
export interface FigureScope {
  /** The org asked for (the actor's own, or a readable descendant). */
  org: { id: string; name: string; path: string };
  /** It, and with `includeChildren` every org below it. */
  orgIds: string[];
  includeChildren: boolean;
  from: string;
  to: string;
  /** Today in China, for "as of" figures (overdue …). */
  today: string;
}

export interface FigureDef {
  name: string;
  label: string;
  /** 件, 次, 个, 家, % … */
  unit: string;
  /**
   * A figure that is not a count (a rate): its value from the records it lists (e.g. the online share
   * of the applications received, whose records say which were online). Default: the number of records.
   */
  value?: (records: readonly FigureRecord[]) => number;
}

/** A figure's value: its own function of its records, or their number. */
const valueOf = (f: FigureDef, records: readonly FigureRecord[]) => (f.value ? f.value(records) : records.length);

export interface FigureSet<D = unknown> {
  /** The module's name: the keys are `<module>.<figure name>`. */
  module: string;
  /** Who may read these figures. */
  action: Action;
  figures: readonly FigureDef[];
  /** Loads what the figures need for the scope, once for all of them. */
  load: (ctx: ActorCtx, scope: FigureScope) => Promise<D>;
  /** The records one figure counts, from what `load` returned. */
  records: (name: string, data: D, scope: FigureScope) => FigureRecord[];
  /**
   * The values of some (or all) of its figures counted in SQL, for GET /api/figures over a large scope
   * (a province's million applications): the same rules as `records` as aggregates, without loading a
   * record. A figure it leaves out is computed from `records`. Each module's figure tests compare every
   * value with its drill-down's total, so the two stay one rule.
   */
  values?: (ctx: ActorCtx, scope: FigureScope) => Promise<Readonly<Record<string, number>>>;
}

let sets: FigureSet[] = [];

export function setFigureSets(list: readonly FigureSet[]): void {
  const keys = new Set<string>();
  for (const s of list) {
    for (const f of s.figures) {
      const key = `${s.module}.${f.name}`;
      if (keys.has(key)) throw new Error(`figure ${key} is registered twice`);
      keys.add(key);
    }
  }
  sets = [...list];
}

/** Every registered figure key with its label and unit. */
export function figureCatalogue(): { key: string; label: string; unit: string; module: string; action: Action }[] {
  return sets.flatMap((s) => s.figures.map((f) => ({ key: `${s.module}.${f.name}`, label: f.label, unit: f.unit, module: s.module, action: s.action })));
}

export async function figureScope(
  ctx: ActorCtx,
  q: { from?: string | undefined; to?: string | undefined; org?: string | undefined; includeChildren: boolean },
): Promise<FigureScope> {
  const today = todayInChina(ctx.now());
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw validation('起始日期不能晚于截止日期', { from: '起始日期不能晚于截止日期' });
  const org = await readableOrg(ctx, q.org);
  const orgIds = q.includeChildren
    ? (
        await ctx.db
          .select({ id: orgs.id })
          .from(orgs)
          .where(like(orgs.path, `${org.path}%`))
          .orderBy(asc(orgs.path))
      ).map((o) => o.id)
    : [org.id];
  return { org, orgIds, includeChildren: q.includeChildren, from, to, today };
}

const scopeView = (s: FigureScope) => ({ from: s.from, to: s.to, org: { id: s.org.id, name: s.org.name }, includeChildren: s.includeChildren });

/** Every figure the actor may read, over the scope. */
export async function allFigures(ctx: ActorCtx, scope: FigureScope) {
  const figures: Record<string, FigureValue> = {};
  // the modules' sets side by side (each its own statements on the pool), then in registry order
  const readable = sets.filter((s) => hasAction(ctx.actor, s.action));
  const done = await Promise.all(
    readable.map(async (s) => {
      const counted = s.values ? await s.values(ctx, scope) : {};
      let data: unknown;
      let loaded = false;
      const out: [string, FigureValue][] = [];
      for (const f of s.figures) {
        let value = counted[f.name];
        if (value === undefined) {
          if (!loaded) [data, loaded] = [await s.load(ctx, scope), true];
          value = valueOf(f, s.records(f.name, data, scope));
        }
        out.push([`${s.module}.${f.name}`, { value, label: f.label, unit: f.unit, module: s.module }]);
      }
      return out;
    }),
  );
  for (const [key, v] of done.flat()) figures[key] = v;
  return { ...scopeView(scope), figures };
}

/** One figure's records (paged), and its value: the number of all its records (or, for a rate, its function of them). */
export async function figureRecords(ctx: ActorCtx, key: string, scope: FigureScope, page: number, pageSize: number) {
  const dot = key.indexOf('.');
  const name = key.slice(dot + 1);
  // A module may register several sets (different read actions): the one that names the figure.
  const set = sets.find((s) => s.module === key.slice(0, dot) && s.figures.some((f) => f.name === name));
  const def = set?.figures.find((f) => f.name === name);
  if (!set || !def || !hasAction(ctx.actor, set.action)) throw notFound('统计项');
  const all = set.records(def.name, await set.load(ctx, scope), scope);
  return {
    ...scopeView(scope),
    key,
    label: def.label,
    unit: def.unit,
    value: valueOf(def, all),
    items: all.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    page,
    pageSize,
  };
}
