/**
 * The double-random draw "lantai-draw-v1" (RULES.md §4) recomputed in the browser with Web Crypto,
 * independently of the server's code, so a citizen can check a published draw on their own machine.
 *
 *   candidates  ids sorted by UTF-8 byte order, no duplicates
 *   listHash    = hex SHA-256(ids joined by "\n")
 *   seed        = hex SHA-256(listHash + "|" + drawId + "|" + entropy)
 *   select k/n  a = copy; for i = 0…k−1: h = SHA-256(seed + ":" + i), r = first 8 bytes (u64 BE),
 *               j = i + r mod (n − i), swap a[i], a[j]; result a[0…k−1] in that order
 *   stratum     seed SHA-256(seed + ":stratum:" + name), its own k
 *   team        seed SHA-256(seed + ":team:" + unitId), m ≥ 2
 *
 * Pure (no DOM, no React): it runs in the page and, unchanged, in Node ≥ 20 (the browser flows use
 * it to check the published test vector).
 */

import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

export const DRAW_ALGORITHM = 'lantai-draw-v1';

export type StepKind = 'format' | 'candidates' | 'listHash' | 'seed' | 'selected' | 'stratum' | 'team';

/** One recomputed link of the chain. */
export interface VerifyStep {
  kind: StepKind;
  /** 名单哈希, 种子, 抽取结果, 分层“高风险”, 检查组 U0001 … */
  title: string;
  ok: boolean;
  /** What was recomputed and how it compares, in Chinese. */
  detail: string;
  /** The published value (for display). */
  published?: string | string[];
  /** The recomputed value (for display). */
  recomputed?: string | string[];
  /** The seed the step drew with (strata and teams). */
  seed?: string;
}

export interface VerifyResult {
  ok: boolean;
  steps: VerifyStep[];
}

const encoder = new TextEncoder();

/**
 * SHA-256 with Web Crypto. `crypto.subtle` exists only in secure contexts (HTTPS, localhost); a
 * portal served over plain HTTP on an intranet address falls back to @noble/hashes (`sha256Js`).
 */
const webCrypto = () => (globalThis as { crypto?: { subtle?: typeof crypto.subtle } }).crypto?.subtle;

async function sha256(text: string): Promise<Uint8Array> {
  const bytes = encoder.encode(text);
  const subtle = webCrypto();
  if (subtle) return new Uint8Array(await subtle.digest('SHA-256', bytes));
  return sha256Js(bytes);
}

/** Whether this page computes with Web Crypto (shown on the page) or the fallback. */
export const usesWebCrypto = () => !!webCrypto();

/** FIPS 180-4 SHA-256 from @noble/hashes (the fallback when Web Crypto is unavailable). */
export const sha256Js = (msg: Uint8Array): Uint8Array => nobleSha256(msg);

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text: string): Promise<string> {
  return hex(await sha256(text));
}

/** Byte-wise comparison of the UTF-8 encodings (not UTF-16 code units as `<` and `sort()` do). */
export function compareUtf8(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** The ids in UTF-8 byte order; throws (in Chinese) on an empty list, empty ids, line breaks or duplicates. */
export function sortIds(ids: readonly string[]): string[] {
  if (ids.length === 0) throw new Error('名单为空');
  for (const id of ids) {
    if (typeof id !== 'string' || id === '') throw new Error('名单中有空编号');
    if (/[\r\n]/.test(id)) throw new Error(`编号“${id}”含有换行符`);
  }
  const sorted = [...ids].sort(compareUtf8);
  for (let i = 1; i < sorted.length; i++) if (compareUtf8(sorted[i]!, sorted[i - 1]!) === 0) throw new Error(`编号“${sorted[i]}”重复出现`);
  return sorted;
}

export const listHash = (sortedIds: readonly string[]) => sha256Hex(sortedIds.join('\n'));
export const drawSeed = (hash: string, drawId: string, entropy: string) => sha256Hex(`${hash}|${drawId}|${entropy}`);
export const stratumSeed = (seed: string, name: string) => sha256Hex(`${seed}:stratum:${name}`);
export const teamSeed = (seed: string, unitId: string) => sha256Hex(`${seed}:team:${unitId}`);

/** k of the sorted ids by the seeded partial Fisher–Yates shuffle, in draw order. */
export async function selectK(sortedIds: readonly string[], seed: string, k: number): Promise<string[]> {
  const n = sortedIds.length;
  if (!Number.isInteger(k) || k < 1) throw new Error(`抽取数量应为不小于 1 的整数，实为 ${String(k)}`);
  if (k > n) throw new Error(`抽取数量 ${k} 大于候选数量 ${n}`);
  const a = [...sortedIds];
  for (let i = 0; i < k; i++) {
    const h = await sha256(`${seed}:${i}`);
    let r = 0n;
    for (let b = 0; b < 8; b++) r = (r << 8n) | BigInt(h[b]!);
    const j = i + Number(r % BigInt(n - i));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a.slice(0, k);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const listText = (ids: readonly string[]) => (ids.length ? ids.join('、') : '（空）');

/**
 * Recompute every link of a published record (`GET /api/public/draws/:id`). Each step is checked on
 * its own so a failure is named where it is; the draw is verified when every step holds.
 */
export async function verifyDraw(record: unknown): Promise<VerifyResult> {
  const steps: VerifyStep[] = [];
  const done = (): VerifyResult => ({ ok: steps.length > 0 && steps.every((s) => s.ok), steps });
  if (!isObject(record)) {
    steps.push({ kind: 'format', title: '记录格式', ok: false, detail: '公布的抽取记录不是 JSON 对象' });
    return done();
  }
  const p = record;
  const problems: string[] = [];
  if (p.algorithm !== DRAW_ALGORITHM) problems.push(`算法“${String(p.algorithm)}”不受支持（应为 ${DRAW_ALGORITHM}）`);
  for (const f of ['drawId', 'entropy', 'listHash', 'seed'] as const) if (typeof p[f] !== 'string') problems.push(`缺少文本字段 ${f}`);
  if (!isStrings(p.candidates)) problems.push('候选名单 candidates 应为文本列表');
  if (p.strata === undefined && !isStrings(p.selected)) problems.push('抽中名单 selected 应为文本列表');
  if (p.strata === undefined && typeof p.k !== 'number') problems.push('抽取数量 k 应为数字');
  if (p.strata !== undefined && !Array.isArray(p.strata)) problems.push('分层 strata 应为列表');
  if (p.teams !== undefined && !Array.isArray(p.teams)) problems.push('检查组 teams 应为列表');
  steps.push({
    kind: 'format',
    title: '记录格式',
    ok: problems.length === 0,
    detail: problems.length ? problems.join('；') : '抽取方法与本页的计算一致，字段齐全',
  });
  if (problems.length) return done();

  const drawId = p.drawId as string;
  const entropy = p.entropy as string;
  const claimedHash = p.listHash as string;
  const seed = p.seed as string;
  const candidates = p.candidates as string[];

  // 候选名单 → 名单哈希
  let pool: string[] | null = null;
  try {
    pool = sortIds(candidates);
    const ordered = same(pool, candidates);
    steps.push({
      kind: 'candidates',
      title: '候选名单',
      ok: ordered,
      detail: ordered ? `${pool.length} 个编号，按 UTF-8 字节序排列、无重复` : '候选名单未按 UTF-8 字节序排列',
    });
  } catch (e) {
    steps.push({ kind: 'candidates', title: '候选名单', ok: false, detail: `候选名单无效：${(e as Error).message}` });
  }
  if (pool) {
    const hash = await listHash(pool);
    steps.push({
      kind: 'listHash',
      title: '名单哈希',
      ok: hash === claimedHash,
      detail: hash === claimedHash ? 'SHA-256（编号以换行符连接）与公布值一致' : '按候选名单重算的哈希与公布值不一致',
      published: claimedHash,
      recomputed: hash,
    });
  }

  // (名单哈希, 批次编号, 随机数) → 种子
  const again = await drawSeed(claimedHash, drawId, entropy);
  steps.push({
    kind: 'seed',
    title: '种子',
    ok: again === seed,
    detail: again === seed ? 'SHA-256（名单哈希 | 批次编号 | 随机数）与公布值一致' : '由名单哈希、批次编号和随机数重算的种子与公布值不一致',
    published: seed,
    recomputed: again,
  });

  const recompute = async (kind: StepKind, title: string, ids: string[], s: string, k: unknown, claimed: unknown, seedShown?: string) => {
    if (!isStrings(claimed)) {
      steps.push({ kind, title, ok: false, detail: '抽中名单应为文本列表', seed: seedShown });
      return;
    }
    try {
      const got = await selectK(ids, s, k as number);
      const ok = same(got, claimed);
      steps.push({
        kind,
        title,
        ok,
        detail: ok ? `从 ${ids.length} 个中抽取 ${String(k)} 个，与公布结果一致（含顺序）` : `公布为 ${listText(claimed)}，重算为 ${listText(got)}`,
        published: claimed,
        recomputed: got,
        seed: seedShown,
      });
    } catch (e) {
      steps.push({ kind, title, ok: false, detail: (e as Error).message, published: claimed, seed: seedShown });
    }
  };
  const checkPool = (kind: StepKind, title: string, ids: string[]): string[] | null => {
    try {
      const sorted = sortIds(ids);
      if (!same(sorted, ids)) {
        steps.push({ kind, title, ok: false, detail: '名单未按 UTF-8 字节序排列' });
        return null;
      }
      return sorted;
    } catch (e) {
      steps.push({ kind, title, ok: false, detail: `名单无效：${(e as Error).message}` });
      return null;
    }
  };

  let selected: string[] = isStrings(p.selected) ? p.selected : [];
  if (p.strata === undefined) {
    if (pool) await recompute('selected', '抽取结果', pool, seed, p.k, p.selected);
  } else {
    const owner = new Map<string, string>();
    const concatenated: string[] = [];
    let sumK = 0;
    for (const [index, raw] of (p.strata as unknown[]).entries()) {
      if (!isObject(raw) || typeof raw.name !== 'string' || !isStrings(raw.candidates) || typeof raw.k !== 'number') {
        steps.push({ kind: 'stratum', title: `第 ${index + 1} 个分层`, ok: false, detail: '分层格式不正确（需 name、candidates、k、selected）' });
        continue;
      }
      const title = `分层“${raw.name}”`;
      sumK += raw.k;
      if (isStrings(raw.selected)) concatenated.push(...raw.selected);
      const sp = checkPool('stratum', title, raw.candidates);
      if (!sp) continue;
      const dup = sp.find((id) => owner.has(id));
      if (dup) {
        steps.push({ kind: 'stratum', title, ok: false, detail: `编号“${dup}”同时属于分层“${owner.get(dup)}”和“${raw.name}”` });
        continue;
      }
      sp.forEach((id) => owner.set(id, raw.name as string));
      const s = await stratumSeed(seed, raw.name);
      await recompute('stratum', title, sp, s, raw.k, raw.selected, s);
    }
    if (!isStrings(p.selected)) selected = concatenated;
    const problems: string[] = [];
    if (pool) {
      const inPool = new Set(pool);
      const missing = pool.filter((id) => !owner.has(id));
      const extra = [...owner.keys()].filter((id) => !inPool.has(id));
      if (missing.length) problems.push(`不在任何分层中：${listText(missing)}`);
      if (extra.length) problems.push(`分层中有而候选名单中没有：${listText(extra)}`);
    }
    if (typeof p.k === 'number' && p.k !== sumK) problems.push(`抽取总数 ${p.k} 应为各分层之和 ${sumK}`);
    if (isStrings(p.selected) && !same(p.selected, concatenated)) problems.push('抽取结果应为各分层结果依次相接');
    steps.push({
      kind: 'selected',
      title: '抽取结果',
      ok: problems.length === 0,
      detail: problems.length ? problems.join('；') : `候选名单恰为各分层之并集；共抽取 ${sumK} 个，为各分层结果依次相接`,
      published: selected,
      recomputed: concatenated,
    });
  }

  if (Array.isArray(p.teams)) {
    const seen = new Set<string>();
    const drawn = new Set(selected);
    for (const [index, raw] of (p.teams as unknown[]).entries()) {
      if (!isObject(raw) || typeof raw.unitId !== 'string' || !isStrings(raw.candidates) || typeof raw.m !== 'number') {
        steps.push({ kind: 'team', title: `第 ${index + 1} 个检查组`, ok: false, detail: '检查组格式不正确（需 unitId、candidates、m、selected）' });
        continue;
      }
      const title = `检查组 ${raw.unitId}`;
      if (!drawn.has(raw.unitId)) {
        steps.push({ kind: 'team', title, ok: false, detail: '该单位不在抽取结果中' });
        continue;
      }
      if (seen.has(raw.unitId)) {
        steps.push({ kind: 'team', title, ok: false, detail: '该单位的检查组重复' });
        continue;
      }
      seen.add(raw.unitId);
      if (!Number.isInteger(raw.m) || raw.m < 2) {
        steps.push({ kind: 'team', title, ok: false, detail: `检查组至少 2 名执法人员（m = ${raw.m}）` });
        continue;
      }
      const tp = checkPool('team', title, raw.candidates);
      if (!tp) continue;
      const s = await teamSeed(seed, raw.unitId);
      await recompute('team', title, tp, s, raw.m, raw.selected, s);
    }
  }
  return done();
}
