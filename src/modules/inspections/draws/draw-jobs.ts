/**
 * The draw's heavy pure work as jobs, run in this thread for small pools or in a worker thread
 * (draw-runner.ts) for large ones: `execute` (runDraw with the teams of its selection, then
 * verifyDraw of the record) and `verify` (a stored record). Pools and records travel as JSON text,
 * so the main thread never parses or serialises a 100,000-id list. Pure: no database, no clock.
 */
import { DrawError, runDraw, verifyDraw, withTeams, type DrawVerification, type PublishedDraw, type PublishedTeam } from './draw.js';

/** A frozen draw with its entropy: what `runDraw` needs. */
export interface ExecuteJob {
  kind: 'execute';
  drawId: string;
  entropy: string;
  /** JSON of the frozen candidate list (sorted ids). */
  candidates: string;
  /** JSON of the frozen strata `[{name, riskTier, candidates, k}]`, or null (unstratified). */
  strata: string | null;
  k: number;
  teamSize: number;
  /** The inspector pool's ids in the pool's order. */
  inspectorIds: string[];
  /** JSON of the conflicts (回避) `{unitId: [inspectorId]}`. */
  conflicts: string;
}

export interface ExecuteOutcome {
  /**
   * JSON of the record to publish, fields in the documented order (`publicRecord`) — without the
   * candidate lists (top level and strata) when `asFrozen`: they are then exactly the frozen ones,
   * which the database copies itself (a 100,000-id list is not sent back and parsed again).
   */
  record: string;
  asFrozen: boolean;
  listHash: string;
  seed: string;
  selected: string[];
  teams: PublishedTeam[];
  /** Each drawn unit's position in the frozen candidate list (where its display snapshot is), in draw order (-1: not in it). */
  positions: number[];
  /** verifyDraw of that very record. */
  verification: DrawVerification;
}

/** A stored record (JSON text) to recompute. */
export interface VerifyJob {
  kind: 'verify';
  record: string;
}

export type DrawJob = ExecuteJob | VerifyJob;
export type DrawJobResult<J extends DrawJob> = J extends ExecuteJob ? ExecuteOutcome : DrawVerification;

/** The published record with its fields in the documented order (and nothing else). */
export function publicRecord(r: PublishedDraw): PublishedDraw {
  return {
    drawId: r.drawId,
    algorithm: r.algorithm,
    entropy: r.entropy,
    listHash: r.listHash,
    seed: r.seed,
    candidates: r.candidates,
    k: r.k,
    selected: r.selected,
    ...(r.strata ? { strata: r.strata.map((s) => ({ name: s.name, candidates: s.candidates, k: s.k, selected: s.selected })) } : {}),
    ...(r.teams ? { teams: r.teams.map((t) => ({ unitId: t.unitId, candidates: t.candidates, m: t.m, selected: t.selected })) } : {}),
  };
}

function execute(job: ExecuteJob): ExecuteOutcome {
  const candidates = JSON.parse(job.candidates) as string[];
  const strata = job.strata === null ? null : (JSON.parse(job.strata) as { name: string; candidates: string[]; k: number }[] | null);
  const conflicts = new Map(Object.entries(JSON.parse(job.conflicts) as Record<string, string[]>));
  const base = { drawId: job.drawId, entropy: job.entropy, candidates };
  const drawn = runDraw(strata ? { ...base, strata: strata.map((s) => ({ name: s.name, candidates: s.candidates, k: s.k })) } : { ...base, k: job.k });
  // Each drawn unit's team from the inspectors without a conflict with it (RULES.md §4).
  const teams = drawn.selected.map((unitId) => {
    const avoid = new Set(conflicts.get(unitId) ?? []);
    return { unitId, candidates: job.inspectorIds.filter((x) => !avoid.has(x)), m: job.teamSize };
  });
  const record = publicRecord(withTeams(drawn, teams));
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const asFrozen = same(record.candidates, candidates) && (record.strata ?? []).every((st, i) => same(st.candidates, strata![i]!.candidates));
  const sent = asFrozen
    ? { ...record, candidates: undefined, strata: record.strata?.map((st) => ({ name: st.name, k: st.k, selected: st.selected })) }
    : record;
  return {
    record: JSON.stringify(sent),
    asFrozen,
    positions: positionsOf(record.selected, candidates),
    listHash: record.listHash,
    seed: record.seed,
    selected: record.selected,
    teams: record.teams!,
    verification: verifyDraw(record),
  };
}

/** The position of each of `ids` in `list` (-1 when absent). */
function positionsOf(ids: readonly string[], list: readonly string[]): number[] {
  const wanted = new Set(ids);
  const at = new Map<string, number>();
  list.forEach((id, i) => {
    if (wanted.has(id) && !at.has(id)) at.set(id, i);
  });
  return ids.map((id) => at.get(id) ?? -1);
}

/** Runs one job (throws DrawError on a refused input, as runDraw does). */
export function runJob<J extends DrawJob>(job: J): DrawJobResult<J> {
  if (job.kind === 'execute') return execute(job) as DrawJobResult<J>;
  let record: unknown;
  try {
    record = JSON.parse(job.record);
  } catch {
    throw new DrawError('draw.invalid_input', '抽取记录不是有效的 JSON');
  }
  return verifyDraw(record) as DrawJobResult<J>;
}
