/**
 * The double-random draw, version 1 ("lantai-draw-v1", RULES.md §4) — reproducible by anyone.
 *
 *   candidates  ids sorted by UTF-8 byte order, duplicates refused
 *   listHash    = hex SHA-256(ids joined by "\n")
 *   seed        = hex SHA-256(listHash + "|" + drawId + "|" + entropy)
 *   select k/n  a = copy; for i = 0…k−1: h = SHA-256(seed + ":" + i), r = first 8 bytes (u64 BE),
 *               j = i + r mod (n − i), swap a[i], a[j]; result a[0…k−1] in that order
 *   stratum     seed SHA-256(seed + ":stratum:" + name), its own k
 *   team        seed SHA-256(seed + ":team:" + unitId), m ≥ 2 eligible inspectors
 *
 * Pure: no database, no clock. `runDraw` produces the record to publish; `verifyDraw` recomputes
 * every link of a published record (which may come from anywhere, so it takes `unknown`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../kernel/http/errors.js';

export const DRAW_ALGORITHM = 'lantai-draw-v1' as const;

export type DrawErrorCode =
  | 'draw.empty'
  | 'draw.invalid_id'
  | 'draw.duplicate_id'
  | 'draw.invalid_k'
  | 'draw.k_too_large'
  | 'draw.invalid_input'
  | 'draw.strata_mismatch'
  | 'draw.team_too_small'
  | 'draw.not_enough_inspectors'
  | 'draw.team_unit_not_selected';

/** A refused draw input. The code's first segment `draw` maps to HTTP 422 through AppError. */
export class DrawError extends AppError {
  declare readonly code: DrawErrorCode;
  constructor(code: DrawErrorCode, message: string, details?: unknown) {
    super(code, message, { details });
    this.name = 'DrawError';
  }
}

// ---------------------------------------------------------------------------------------------
// The algorithm
// ---------------------------------------------------------------------------------------------

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
const sha256Hex = (text: string): string => sha256(text).toString('hex');

/** Lone surrogates would all encode to U+FFFD in UTF-8, making different ids byte-identical. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Compare two strings by their UTF-8 bytes (not by UTF-16 code units, as `<` and `sort()` do). */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** A character that needs a closer look: a line break, or a UTF-16 unit from U+D800 up (surrogates, and the units a surrogate pair sorts below in UTF-16). */
const NEEDS_CARE = /[\r\n\uD800-\uFFFF]/;

/**
 * UTF-8 byte order of two well-formed strings (no lone surrogates) without encoding them. UTF-8 byte
 * order is code point order; UTF-16 unit order (`<`) differs from it only where a surrogate (a code
 * point from U+10000) meets a unit from U+E000 at the first difference, so `<` is exact unless
 * `careful` (either string has a unit from U+D800).
 */
function compareValid(a: string, b: string, careful: boolean): number {
  if (a === b) return 0;
  if (!careful) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a supplementary code point sorts after every BMP one
    return x < y ? -1 : 1;
  }
  return a.length - b.length; // a prefix sorts first, in UTF-8 as in UTF-16
}

/**
 * The candidate list in UTF-8 byte order. Refuses an empty list, a non-string or empty id, an id
 * containing a line break (ids are joined by "\n" for the list hash) or a lone surrogate, and
 * duplicates (naming the id). O(n) for a list already in order (a frozen pool), else O(n log n).
 */
export function sortIds(ids: readonly string[]): string[] {
  if (!Array.isArray(ids) || ids.length === 0) throw new DrawError('draw.empty', '候选名单为空，无法抽取');
  let careful = false;
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index];
    if (typeof id !== 'string' || id === '') {
      throw new DrawError('draw.invalid_id', `候选名单第 ${index + 1} 项不是有效的编号（应为非空文本）`);
    }
    if (!NEEDS_CARE.test(id)) continue;
    if (/[\r\n]/.test(id)) throw new DrawError('draw.invalid_id', `候选编号“${JSON.stringify(id).slice(1, -1)}”含有换行符`);
    if (LONE_SURROGATE.test(id)) throw new DrawError('draw.invalid_id', `候选编号“${id}”含有无效的 Unicode 字符`);
    careful = true;
  }
  // Well-formed strings: equal as text ⇔ equal as UTF-8 bytes.
  const cmp = (x: string, y: string) => compareValid(x, y, careful);
  let ordered = true;
  for (let i = 1; i < ids.length && ordered; i++) ordered = cmp(ids[i - 1]!, ids[i]!) < 0;
  if (ordered) return [...ids];
  const sorted = [...ids].sort(cmp);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) {
      const id = sorted[i]!;
      throw new DrawError('draw.duplicate_id', `候选名单中编号“${id}”重复出现`, { id });
    }
  }
  return sorted;
}

/** hex SHA-256 of the (already sorted) ids joined by "\n". */
export function listHash(sortedIds: readonly string[]): string {
  return sha256Hex(sortedIds.join('\n'));
}

/** hex SHA-256 of `listHash + "|" + drawId + "|" + entropy`. */
export function drawSeed(listHashHex: string, drawId: string, entropy: string): string {
  return sha256Hex(`${listHashHex}|${drawId}|${entropy}`);
}

/** The seed of one stratum: hex SHA-256 of `seed + ":stratum:" + name`. */
export function stratumSeed(seed: string, name: string): string {
  return sha256Hex(`${seed}:stratum:${name}`);
}

/** The seed of one drawn unit's inspection team: hex SHA-256 of `seed + ":team:" + unitId`. */
export function teamSeed(seed: string, unitId: string): string {
  return sha256Hex(`${seed}:team:${unitId}`);
}

/**
 * k of the n sorted ids by the seeded partial Fisher–Yates shuffle of RULES.md §4, in draw order.
 * The caller passes the list already sorted (see `sortIds`); this function does not re-sort.
 */
export function selectK(sortedIds: readonly string[], seed: string, k: number): string[] {
  const n = sortedIds.length;
  if (!Number.isInteger(k) || k < 1) throw new DrawError('draw.invalid_k', `抽取数量 k 应为不小于 1 的整数，实为 ${String(k)}`);
  if (k > n) throw new DrawError('draw.k_too_large', `抽取数量 k 大于候选数量 n（k = ${k}，n = ${n}）`, { k, n });
  const a = [...sortedIds];
  for (let i = 0; i < k; i++) {
    const r = sha256(`${seed}:${i}`).readBigUInt64BE(0);
    const j = i + Number(r % BigInt(n - i));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a.slice(0, k);
}

/** 32 random bytes in hex, made at draw time (after the candidate list was recorded). */
export function newEntropy(): string {
  return randomBytes(32).toString('hex');
}

// ---------------------------------------------------------------------------------------------
// A whole draw: input and published record
// ---------------------------------------------------------------------------------------------

export interface StratumInput {
  name: string;
  candidates: string[];
  k: number;
}

export interface TeamInput {
  /** A drawn unit (must be among the selected). */
  unitId: string;
  /** Inspectors certified and valid on the planned date with no conflict with that unit. */
  candidates: string[];
  /** Team size, at least 2. */
  m: number;
}

interface DrawInputBase {
  drawId: string;
  /** 32 random bytes in hex (`newEntropy()`), or a public value named in advance. */
  entropy: string;
  /** The whole pool; for a stratified draw, exactly the union of the strata pools. */
  candidates: string[];
  teams?: TeamInput[];
}

export type DrawInput = DrawInputBase & ({ k: number; strata?: undefined } | { strata: StratumInput[]; k?: undefined });

export interface PublishedStratum {
  name: string;
  candidates: string[];
  k: number;
  selected: string[];
}

export interface PublishedTeam {
  unitId: string;
  candidates: string[];
  m: number;
  selected: string[];
}

export interface PublishedDraw {
  drawId: string;
  algorithm: typeof DRAW_ALGORITHM;
  entropy: string;
  listHash: string;
  seed: string;
  /** The full pool, sorted (for a stratified draw: the union of the strata pools). */
  candidates: string[];
  /** Number drawn (for a stratified draw: the sum of the strata k). */
  k: number;
  /** The drawn ids in draw order (for a stratified draw: the strata results concatenated in strata order). */
  selected: string[];
  strata?: PublishedStratum[];
  teams?: PublishedTeam[];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const listText = (ids: readonly string[]) => (ids.length ? ids.join('、') : '（空）');

/**
 * Whether the (sorted) pools are a partition of the sorted, unique `candidates`: merged by identity they
 * give the candidate list in order. O(n) with no hashing; true implies each pool is in order and the
 * pools are disjoint.
 */
function partitions(pools: readonly (readonly string[])[], candidates: readonly string[]): boolean {
  if (pools.reduce((n, p) => n + p.length, 0) !== candidates.length) return false;
  const at = pools.map(() => 0);
  for (const id of candidates) {
    const j = pools.findIndex((p, x) => p[at[x]!] === id);
    if (j < 0) return false;
    at[j]! += 1;
  }
  return true;
}

/**
 * The strata drawn one by one (RULES.md §4). `quick`: no id-by-id ownership map, the union checked by
 * `partitions` instead (null when it fails: the caller draws again without `quick`, for the exact error).
 */
function drawStrata(input: readonly StratumInput[], candidates: readonly string[], seed: string, quick: boolean): PublishedStratum[] | null {
  const names = new Set<string>();
  const owner = new Map<string, string>();
  const strata = input.map((s) => {
    if (typeof s.name !== 'string' || s.name === '') throw new DrawError('draw.invalid_input', '分层名称不能为空');
    if (names.has(s.name)) throw new DrawError('draw.invalid_input', `分层名称“${s.name}”重复`);
    names.add(s.name);
    let pool: string[];
    try {
      pool = sortIds(s.candidates);
    } catch (e) {
      throw new DrawError((e as DrawError).code, `分层“${s.name}”：${(e as Error).message}`, (e as DrawError).details);
    }
    if (!quick) {
      for (const id of pool) {
        const other = owner.get(id);
        if (other !== undefined) {
          throw new DrawError('draw.strata_mismatch', `编号“${id}”同时属于分层“${other}”和“${s.name}”`, { id });
        }
        owner.set(id, s.name);
      }
    }
    let chosen: string[];
    try {
      chosen = selectK(pool, stratumSeed(seed, s.name), s.k);
    } catch (e) {
      throw new DrawError((e as DrawError).code, `分层“${s.name}”：${(e as Error).message}`, (e as DrawError).details);
    }
    return { name: s.name, candidates: pool, k: s.k, selected: chosen };
  });
  if (quick)
    return partitions(
      strata.map((s) => s.candidates),
      candidates,
    )
      ? strata
      : null;
  // The union equals the (sorted, unique) candidate list iff both hold the same ids.
  const inPool = new Set(candidates);
  if (owner.size !== candidates.length || candidates.some((id) => !owner.has(id))) {
    const missing = candidates.filter((id) => !owner.has(id));
    const extra = sortIds([...owner.keys()]).filter((id) => !inPool.has(id));
    throw new DrawError(
      'draw.strata_mismatch',
      `候选名单应恰为各分层名单之并集${missing.length ? `；不在任何分层中：${listText(missing)}` : ''}${extra.length ? `；分层中有而候选名单中没有：${listText(extra)}` : ''}`,
      { missing, extra },
    );
  }
  return strata;
}

/** Run a draw and return the record to publish. Throws `DrawError` on any bad input. */
export function runDraw(input: DrawInput): PublishedDraw {
  const { drawId, entropy } = input;
  if (typeof drawId !== 'string' || drawId.trim() === '') throw new DrawError('draw.invalid_input', '抽取批次编号 drawId 不能为空');
  if (drawId.includes('|')) throw new DrawError('draw.invalid_input', '抽取批次编号 drawId 不能包含“|”');
  if (typeof entropy !== 'string' || entropy === '') throw new DrawError('draw.invalid_input', '随机熵 entropy 不能为空');

  const candidates = sortIds(input.candidates);
  const hash = listHash(candidates);
  const seed = drawSeed(hash, drawId, entropy);

  let k: number;
  let selected: string[];
  let strata: PublishedStratum[] | undefined;

  if (input.strata !== undefined) {
    if (!Array.isArray(input.strata) || input.strata.length === 0) throw new DrawError('draw.invalid_input', '分层抽取至少需要一个层');
    // Strata that partition the candidate list are checked by one merge; anything else is drawn again the long
    // way, which throws exactly the error it always did.
    let fast: PublishedStratum[] | null;
    try {
      fast = drawStrata(input.strata, candidates, seed, true);
    } catch {
      fast = null;
    }
    strata = fast ?? drawStrata(input.strata, candidates, seed, false)!;
    k = strata.reduce((sum, s) => sum + s.k, 0);
    selected = strata.flatMap((s) => s.selected);
  } else {
    k = input.k;
    selected = selectK(candidates, seed, k);
  }

  const record: PublishedDraw = { drawId, algorithm: DRAW_ALGORITHM, entropy, listHash: hash, seed, candidates, k, selected };
  if (strata) record.strata = strata;
  if (input.teams !== undefined) record.teams = drawTeams(input.teams, seed, selected);
  return record;
}

/** The record with teams drawn for its selection, exactly as `runDraw` with `teams` would make it (one pass: the teams depend on the selection). */
export function withTeams(record: PublishedDraw, teams: TeamInput[]): PublishedDraw {
  return { ...record, teams: drawTeams(teams, record.seed, record.selected) };
}

function drawTeams(teams: readonly TeamInput[], seed: string, selected: readonly string[]): PublishedTeam[] {
  if (!Array.isArray(teams)) throw new DrawError('draw.invalid_input', '检查组 teams 应为列表');
  const seen = new Set<string>();
  const drawn = new Set(selected);
  return teams.map((t) => {
    if (!drawn.has(t.unitId)) {
      throw new DrawError('draw.team_unit_not_selected', `单位“${t.unitId}”未被抽中，不能为其抽取检查组`, { unitId: t.unitId });
    }
    if (seen.has(t.unitId)) throw new DrawError('draw.invalid_input', `单位“${t.unitId}”的检查组重复`, { unitId: t.unitId });
    seen.add(t.unitId);
    if (!Number.isInteger(t.m) || t.m < 2) {
      throw new DrawError('draw.team_too_small', `检查组至少 2 名执法人员（单位“${t.unitId}”的 m = ${String(t.m)}）`, { unitId: t.unitId });
    }
    const n = Array.isArray(t.candidates) ? t.candidates.length : 0;
    if (t.m > n) {
      throw new DrawError('draw.not_enough_inspectors', `单位“${t.unitId}”的可选执法人员不足：需要 ${t.m} 名，符合条件的只有 ${n} 名`, {
        unitId: t.unitId,
        m: t.m,
        n,
      });
    }
    let pool: string[];
    try {
      pool = sortIds(t.candidates);
    } catch (e) {
      throw new DrawError((e as DrawError).code, `单位“${t.unitId}”的执法人员名单：${(e as Error).message}`, (e as DrawError).details);
    }
    return { unitId: t.unitId, candidates: pool, m: t.m, selected: selectK(pool, teamSeed(seed, t.unitId), t.m) };
  });
}

// ---------------------------------------------------------------------------------------------
// Verification of a published record
// ---------------------------------------------------------------------------------------------

/** One recomputed link of the chain, for display ("✓ listHash …"). */
export interface DrawCheck {
  /** What was checked: 'algorithm', 'format', 'candidates', 'listHash', 'seed', 'selected', 'strata[名称]', 'teams[单位]'. */
  subject: string;
  ok: boolean;
  /** Chinese description of the result. */
  zh: string;
  /** English description of the result. */
  en: string;
}

export interface DrawVerification {
  ok: boolean;
  /** The failed checks, in Chinese (empty when ok). */
  problems: string[];
  checks: DrawCheck[];
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Recompute everything a published draw claims. Each link is checked on its own so that a problem
 * is named where it is: candidates → listHash; (listHash, drawId, entropy) → seed;
 * (candidates, seed, k) → selected; each stratum and team likewise. All links passing means the
 * whole chain from the candidate list and the entropy to the selection holds.
 */
export function verifyDraw(published: unknown): DrawVerification {
  const checks: DrawCheck[] = [];
  const pass = (subject: string, zh: string, en: string) => checks.push({ subject, ok: true, zh, en });
  const fail = (subject: string, zh: string, en: string) => checks.push({ subject, ok: false, zh, en });
  const done = (): DrawVerification => {
    const problems = checks.filter((c) => !c.ok).map((c) => c.zh);
    return { ok: problems.length === 0, problems, checks };
  };

  if (!isObject(published)) {
    fail('format', '公布的抽取记录不是 JSON 对象', 'the published draw is not a JSON object');
    return done();
  }
  const p = published;
  if (p.algorithm !== DRAW_ALGORITHM) {
    fail('algorithm', `算法“${String(p.algorithm)}”不受支持（应为 ${DRAW_ALGORITHM}）`, `unsupported algorithm ${JSON.stringify(p.algorithm)}`);
    return done();
  }
  const formatProblems: string[] = [];
  for (const f of ['drawId', 'entropy', 'listHash', 'seed'] as const) {
    if (typeof p[f] !== 'string') formatProblems.push(`缺少文本字段 ${f}`);
  }
  if (!isStringArray(p.candidates)) formatProblems.push('候选名单 candidates 应为文本列表');
  if (!isStringArray(p.selected)) formatProblems.push('抽中名单 selected 应为文本列表');
  if (typeof p.k !== 'number') formatProblems.push('抽取数量 k 应为数字');
  if (p.strata !== undefined && !Array.isArray(p.strata)) formatProblems.push('分层 strata 应为列表');
  if (p.teams !== undefined && !Array.isArray(p.teams)) formatProblems.push('检查组 teams 应为列表');
  if (formatProblems.length) {
    fail('format', `记录格式不正确：${formatProblems.join('；')}`, 'malformed record');
    return done();
  }
  pass('algorithm', `算法 ${DRAW_ALGORITHM}`, `algorithm ${DRAW_ALGORITHM}`);

  const drawId = p.drawId as string;
  const entropy = p.entropy as string;
  const claimedHash = p.listHash as string;
  const seed = p.seed as string;
  const k = p.k as number;
  const selected = p.selected as string[];
  const candidates = p.candidates as string[];

  // A pool as published must already be sorted and free of duplicates; returns the sorted pool (or null).
  const checkPool = (subject: string, label: string, ids: string[]): string[] | null => {
    let sorted: string[];
    try {
      sorted = sortIds(ids);
    } catch (e) {
      const message = (e as Error).message;
      fail(subject, message.startsWith(label) ? message : `${label}：${message}`, `${subject}: invalid candidate list`);
      return null;
    }
    if (!sameList(sorted, ids)) {
      fail(subject, `${label}未按 UTF-8 字节序排列`, `${subject}: candidate list is not in UTF-8 byte order`);
    }
    return sorted;
  };
  // Recompute a selection; `null` when the inputs are unusable (already reported).
  const recompute = (subject: string, label: string, pool: string[], s: string, count: unknown, claimed: unknown) => {
    if (!isStringArray(claimed)) {
      fail(subject, `${label}：抽中名单应为文本列表`, `${subject}: selected is not a list of strings`);
      return;
    }
    let again: string[];
    try {
      again = selectK(pool, s, count as number);
    } catch (e) {
      fail(subject, `${label}：${(e as Error).message}`, `${subject}: ${(e as DrawError).code}`);
      return;
    }
    if (sameList(again, claimed)) {
      pass(subject, `${label}一致：${listText(again)}`, `${subject} matches: ${again.join(', ')}`);
    } else {
      fail(
        subject,
        `${label}与重新计算的结果不一致：公布为 ${listText(claimed)}，重算为 ${listText(again)}`,
        `${subject} differs: published ${claimed.join(', ')}, recomputed ${again.join(', ')}`,
      );
    }
  };

  const pool = checkPool('candidates', '候选名单', candidates);
  if (pool) {
    if (sameList(pool, candidates)) pass('candidates', `候选名单 ${pool.length} 个，按 UTF-8 字节序排列、无重复`, `${pool.length} candidates, sorted, unique`);
    const hash = listHash(pool);
    if (hash === claimedHash) pass('listHash', `候选名单哈希一致：${hash}`, `list hash matches: ${hash}`);
    else
      fail(
        'listHash',
        `候选名单哈希不一致：公布为 ${claimedHash}，按候选名单重算为 ${hash}`,
        `list hash differs: published ${claimedHash}, recomputed ${hash}`,
      );
  }

  const again = drawSeed(claimedHash, drawId, entropy);
  if (again === seed) pass('seed', `种子一致：${seed}`, `seed matches: ${seed}`);
  else fail('seed', `种子不一致：公布为 ${seed}，由 listHash、drawId、entropy 重算为 ${again}`, `seed differs: published ${seed}, recomputed ${again}`);

  if (p.strata === undefined) {
    if (pool) recompute('selected', '抽中名单', pool, seed, k, selected);
  } else {
    const strata = p.strata as unknown[];
    const names = new Set<string>();
    const owner = new Map<string, string>();
    // Well-formed strata that partition the pool (one merge) need no id-by-id ownership map: no id is in two
    // strata and the union is the pool, which is what the map would find.
    const partitioned =
      pool !== null &&
      strata.every((raw) => isObject(raw) && typeof raw.name === 'string' && isStringArray(raw.candidates) && typeof raw.k === 'number') &&
      partitions(
        strata.map((raw) => (raw as { candidates: string[] }).candidates),
        pool,
      );
    const concatenated: string[] = [];
    let sumK = 0;
    strata.forEach((raw, index) => {
      if (!isObject(raw) || typeof raw.name !== 'string' || !isStringArray(raw.candidates) || typeof raw.k !== 'number') {
        fail(`strata[${index}]`, `第 ${index + 1} 个分层格式不正确（需 name、candidates、k、selected）`, `stratum #${index + 1} is malformed`);
        return;
      }
      const subject = `strata[${raw.name}]`;
      const label = `分层“${raw.name}”`;
      if (names.has(raw.name)) fail(subject, `${label}名称重复`, `${subject}: duplicate stratum name`);
      names.add(raw.name);
      sumK += raw.k;
      if (isStringArray(raw.selected)) concatenated.push(...raw.selected);
      const sp = checkPool(subject, `${label}的候选名单`, raw.candidates);
      if (!sp) return;
      for (const id of partitioned ? [] : sp) {
        const other = owner.get(id);
        if (other !== undefined) fail(subject, `编号“${id}”同时属于分层“${other}”和“${raw.name}”`, `${id} is in two strata`);
        else owner.set(id, raw.name);
      }
      recompute(subject, `${label}抽中名单`, sp, stratumSeed(seed, raw.name), raw.k, raw.selected);
    });
    if (partitioned) {
      pass('candidates', '候选名单恰为各分层名单之并集', 'candidates are the union of the strata pools');
    } else if (pool) {
      const inPool = new Set(pool);
      const missing = pool.filter((id) => !owner.has(id));
      const extra = [...owner.keys()].filter((id) => !inPool.has(id));
      if (missing.length || extra.length) {
        fail(
          'candidates',
          `候选名单应恰为各分层名单之并集${missing.length ? `；不在任何分层中：${listText(missing)}` : ''}${extra.length ? `；分层中有而候选名单中没有：${listText(extra)}` : ''}`,
          'candidates are not the union of the strata pools',
        );
      } else {
        pass('candidates', '候选名单恰为各分层名单之并集', 'candidates are the union of the strata pools');
      }
    }
    if (k !== sumK) fail('selected', `抽取总数 k = ${k}，应为各分层 k 之和 ${sumK}`, `k = ${k}, should be the sum of the strata k (${sumK})`);
    if (sameList(selected, concatenated))
      pass('selected', `抽中名单为各分层结果依次相接：${listText(selected)}`, `selected is the strata results concatenated`);
    else
      fail(
        'selected',
        `抽中名单应为各分层结果依次相接：公布为 ${listText(selected)}，应为 ${listText(concatenated)}`,
        'selected is not the strata results concatenated',
      );
  }

  if (p.teams !== undefined) {
    const seen = new Set<string>();
    const drawn = new Set(selected);
    (p.teams as unknown[]).forEach((raw, index) => {
      if (!isObject(raw) || typeof raw.unitId !== 'string' || !isStringArray(raw.candidates) || typeof raw.m !== 'number') {
        fail(`teams[${index}]`, `第 ${index + 1} 个检查组格式不正确（需 unitId、candidates、m、selected）`, `team #${index + 1} is malformed`);
        return;
      }
      const subject = `teams[${raw.unitId}]`;
      const label = `单位“${raw.unitId}”的检查组`;
      if (!drawn.has(raw.unitId)) fail(subject, `${label}：该单位不在抽中名单中`, `${subject}: unit was not selected`);
      if (seen.has(raw.unitId)) fail(subject, `${label}重复`, `${subject}: duplicate team`);
      seen.add(raw.unitId);
      if (!Number.isInteger(raw.m) || raw.m < 2) {
        fail(subject, `${label}：检查组至少 2 名执法人员（m = ${raw.m}）`, `${subject}: team size below 2`);
        return;
      }
      const tp = checkPool(subject, `${label}的执法人员名单`, raw.candidates);
      if (tp) recompute(subject, label, tp, teamSeed(seed, raw.unitId), raw.m, raw.selected);
    });
  }

  return done();
}
