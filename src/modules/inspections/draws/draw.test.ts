import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DRAW_ALGORITHM,
  DrawError,
  compareUtf8,
  drawSeed,
  listHash,
  newEntropy,
  runDraw,
  selectK,
  sortIds,
  stratumSeed,
  teamSeed,
  verifyDraw,
  type DrawInput,
  type PublishedDraw,
} from './draw.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const ids = (prefix: string, n: number, width = 4) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(width, '0')}`);
const ZEROS = '0'.repeat(64);
const clone = <T>(x: T): T => structuredClone(x);

/** Catch the DrawError thrown by `f` (fails the test if none). */
function drawError(f: () => unknown): DrawError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DrawError);
    return e as DrawError;
  }
  throw new Error('expected a DrawError');
}

// The published test vector (RULES.md §4): U0001…U0100, D-2025-001, entropy 64 zeros, k = 5.
const VECTOR = {
  candidates: ids('U', 100),
  drawId: 'D-2025-001',
  entropy: ZEROS,
  k: 5,
  listHash: 'da11684beafe97a68bbbb53c08f3ef7b011da96b3978a4b0580070eee1dfd173',
  seed: '06be80b13916f769b4db50624cc4135c0819794c37cb40e132bb7168399c2f37',
  selected: ['U0072', 'U0006', 'U0027', 'U0058', 'U0074'],
};

describe('lantai-draw-v1: test vector', () => {
  it('listHash, seed and the selection match the published vector', () => {
    const sorted = sortIds(VECTOR.candidates);
    expect(listHash(sorted)).toBe(VECTOR.listHash);
    expect(drawSeed(VECTOR.listHash, VECTOR.drawId, VECTOR.entropy)).toBe(VECTOR.seed);
    expect(selectK(sorted, VECTOR.seed, VECTOR.k)).toEqual(VECTOR.selected);
  });

  it('runDraw publishes the whole record', () => {
    const input: DrawInput = { drawId: VECTOR.drawId, entropy: VECTOR.entropy, candidates: [...VECTOR.candidates].reverse(), k: 5 };
    expect(runDraw(input)).toEqual({
      drawId: 'D-2025-001',
      algorithm: 'lantai-draw-v1',
      entropy: ZEROS,
      listHash: VECTOR.listHash,
      seed: VECTOR.seed,
      candidates: VECTOR.candidates,
      k: 5,
      selected: VECTOR.selected,
    });
  });

  it('each step follows RULES.md §4 literally (independent re-implementation)', () => {
    // The hashes are the plain SHA-256 of the stated texts.
    expect(sha(VECTOR.candidates.join('\n'))).toBe(VECTOR.listHash);
    expect(sha(`${VECTOR.listHash}|D-2025-001|${ZEROS}`)).toBe(VECTOR.seed);
    // The partial shuffle, spelled out with the first 8 bytes read as a big-endian integer.
    const a = [...VECTOR.candidates];
    for (let i = 0; i < 5; i++) {
      const r = BigInt(`0x${sha(`${VECTOR.seed}:${i}`).slice(0, 16)}`);
      const j = i + Number(r % BigInt(100 - i));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    expect(a.slice(0, 5)).toEqual(VECTOR.selected);
  });
});

describe('sortIds: UTF-8 byte order', () => {
  // Hand-checked encodings:
  //   'A' 41 · 'z' 7A · 'é' C3 A9 · '兰' E5 85 B0 · '档' E6 A1 A3 · 'ｚ' (U+FF5A) EF BD 9A · '𠀀' (U+20000) F0 A0 80 80
  // UTF-16 code units: '𠀀' is D840 DC00, 'ｚ' is FF5A → JS order puts '𠀀' first; UTF-8 order puts 'ｚ' first.
  it.each([
    {
      name: 'BMP full-width vs astral character',
      input: ['𠀀', 'ｚ'],
      utf8: ['ｚ', '𠀀'],
      js: ['𠀀', 'ｚ'],
    },
    {
      name: 'mixed Latin, Chinese, full-width and astral',
      input: ['𠀀档案', 'ｚ', '档案馆', '兰台', 'é', 'z', 'A'],
      utf8: ['A', 'z', 'é', '兰台', '档案馆', 'ｚ', '𠀀档案'],
      js: ['A', 'z', 'é', '兰台', '档案馆', '𠀀档案', 'ｚ'],
    },
    {
      name: 'a prefix sorts before its extensions; digits are compared as text',
      input: ['U10', 'U2', 'U1', 'U100'],
      utf8: ['U1', 'U10', 'U100', 'U2'],
      js: ['U1', 'U10', 'U100', 'U2'],
    },
  ])('$name', ({ input, utf8, js }) => {
    expect(sortIds(input)).toEqual(utf8);
    expect([...input].sort()).toEqual(js);
    expect(input).not.toBe(sortIds(input)); // the input is not mutated
  });

  it('compareUtf8 agrees with the byte encodings', () => {
    expect(Buffer.from('ｚ', 'utf8').toString('hex')).toBe('efbd9a');
    expect(Buffer.from('𠀀', 'utf8').toString('hex')).toBe('f0a08080');
    expect(compareUtf8('ｚ', '𠀀')).toBeLessThan(0);
    expect('𠀀' < 'ｚ').toBe(true);
    expect(compareUtf8('兰台', '兰台')).toBe(0);
  });

  it('the list hash is over the UTF-8 order', () => {
    expect(listHash(sortIds(['𠀀', 'ｚ']))).toBe(sha('ｚ\n𠀀'));
    expect(listHash(sortIds(['𠀀', 'ｚ']))).not.toBe(sha('𠀀\nｚ'));
  });

  it.each([
    { name: 'duplicate id', input: ['U0001', 'U0002', 'U0001'], code: 'draw.duplicate_id', message: '候选名单中编号“U0001”重复出现' },
    { name: 'duplicate Chinese id', input: ['兰台', '档案', '兰台'], code: 'draw.duplicate_id', message: '候选名单中编号“兰台”重复出现' },
    { name: 'empty list', input: [], code: 'draw.empty', message: '候选名单为空，无法抽取' },
    { name: 'empty id', input: ['U1', ''], code: 'draw.invalid_id', message: '候选名单第 2 项不是有效的编号（应为非空文本）' },
    { name: 'id with a line break', input: ['U1\nU2'], code: 'draw.invalid_id', message: '候选编号“U1\\nU2”含有换行符' },
    { name: 'lone surrogate', input: ['\uD840'], code: 'draw.invalid_id', message: '候选编号“\uD840”含有无效的 Unicode 字符' },
  ])('refuses: $name', ({ input, code, message }) => {
    const e = drawError(() => sortIds(input));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
    expect(e.status).toBe(422);
  });
});

describe('selectK', () => {
  const pool = ids('U', 10);
  const seed = sha('any seed');

  it.each([1, 3, 9, 10])('k = %i gives k distinct ids of the pool', (k) => {
    const out = selectK(pool, seed, k);
    expect(out).toHaveLength(k);
    expect(new Set(out).size).toBe(k);
    for (const id of out) expect(pool).toContain(id);
    // The draw is a prefix-stable process: a smaller k is a prefix of a larger one.
    expect(selectK(pool, seed, 10).slice(0, k)).toEqual(out);
  });

  it('k = n returns a permutation of the pool', () => {
    const out = selectK(pool, seed, 10);
    expect([...out].sort()).toEqual(pool);
    expect(out).not.toEqual(pool); // hand-checked for this seed: not the identity
  });

  it('n = 1, k = 1 returns the one id', () => {
    expect(selectK(['只有一个'], seed, 1)).toEqual(['只有一个']);
  });

  it('does not mutate the input', () => {
    const copy = [...pool];
    selectK(pool, seed, 5);
    expect(pool).toEqual(copy);
  });

  it.each([
    { k: 11, code: 'draw.k_too_large', message: '抽取数量 k 大于候选数量 n（k = 11，n = 10）' },
    { k: 0, code: 'draw.invalid_k', message: '抽取数量 k 应为不小于 1 的整数，实为 0' },
    { k: -1, code: 'draw.invalid_k', message: '抽取数量 k 应为不小于 1 的整数，实为 -1' },
    { k: 2.5, code: 'draw.invalid_k', message: '抽取数量 k 应为不小于 1 的整数，实为 2.5' },
  ])('refuses k = $k', ({ k, code, message }) => {
    const e = drawError(() => selectK(pool, seed, k));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});

describe('stratified draw', () => {
  const high = ids('H', 6, 2);
  const mid = ['兰台档案馆', '𠀀单位', 'ｚ单位', 'M01'];
  const low = ids('L', 20, 2);
  const input: DrawInput = {
    drawId: 'D-2025-002',
    entropy: 'a'.repeat(64),
    candidates: [...low, ...mid, ...high],
    strata: [
      { name: '高风险', candidates: high, k: 2 },
      { name: '中风险', candidates: mid, k: 2 },
      { name: '低风险', candidates: low, k: 3 },
    ],
  };

  it('each stratum is drawn with its own seed, recomputed independently', () => {
    const out = runDraw(input);
    const union = sortIds([...high, ...mid, ...low]);
    expect(out.candidates).toEqual(union);
    expect(out.listHash).toBe(sha(union.join('\n')));
    expect(out.seed).toBe(sha(`${out.listHash}|D-2025-002|${'a'.repeat(64)}`));

    expect(stratumSeed(out.seed, '高风险')).toBe(sha(`${out.seed}:stratum:高风险`));
    const expected = [
      { name: '高风险', candidates: sortIds(high), k: 2, selected: selectK(sortIds(high), sha(`${out.seed}:stratum:高风险`), 2) },
      {
        name: '中风险',
        candidates: ['M01', '兰台档案馆', 'ｚ单位', '𠀀单位'],
        k: 2,
        selected: selectK(['M01', '兰台档案馆', 'ｚ单位', '𠀀单位'], sha(`${out.seed}:stratum:中风险`), 2),
      },
      { name: '低风险', candidates: sortIds(low), k: 3, selected: selectK(sortIds(low), sha(`${out.seed}:stratum:低风险`), 3) },
    ];
    expect(out.strata).toEqual(expected);
    expect(out.k).toBe(7);
    expect(out.selected).toEqual(expected.flatMap((s) => s.selected));
    expect(verifyDraw(out)).toMatchObject({ ok: true, problems: [] });
  });

  it.each([
    {
      name: 'a unit in two strata',
      change: (x: DrawInput) => ({ ...x, strata: [...x.strata!, { name: '重复', candidates: ['H01'], k: 1 }] }) as DrawInput,
      code: 'draw.strata_mismatch',
      message: '编号“H01”同时属于分层“高风险”和“重复”',
    },
    {
      name: 'a candidate in no stratum',
      change: (x: DrawInput) => ({ ...x, candidates: [...x.candidates, 'X99'] }),
      code: 'draw.strata_mismatch',
      message: '候选名单应恰为各分层名单之并集；不在任何分层中：X99',
    },
    {
      name: 'k larger than the stratum',
      change: (x: DrawInput) => ({ ...x, strata: x.strata!.map((s) => (s.name === '中风险' ? { ...s, k: 5 } : s)) }) as DrawInput,
      code: 'draw.k_too_large',
      message: '分层“中风险”：抽取数量 k 大于候选数量 n（k = 5，n = 4）',
    },
    {
      // The strata are checked in order: the unit in two strata is named before a later stratum's k.
      name: 'a unit in two strata, and a later stratum with k too large',
      change: (x: DrawInput) =>
        ({ ...x, strata: [...x.strata!, { name: '重复', candidates: ['H01'], k: 1 }, { name: '另一层', candidates: ['Z01'], k: 2 }] }) as DrawInput,
      code: 'draw.strata_mismatch',
      message: '编号“H01”同时属于分层“高风险”和“重复”',
    },
    {
      name: 'a duplicate inside a stratum',
      change: (x: DrawInput) => ({ ...x, strata: x.strata!.map((s) => (s.name === '高风险' ? { ...s, candidates: [...high, 'H01'] } : s)) }) as DrawInput,
      code: 'draw.duplicate_id',
      message: '分层“高风险”：候选名单中编号“H01”重复出现',
    },
  ])('refuses $name', ({ change, code, message }) => {
    const e = drawError(() => runDraw(change(input)));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});

describe('inspection teams', () => {
  const base: DrawInput = { drawId: VECTOR.drawId, entropy: ZEROS, candidates: VECTOR.candidates, k: 5 };
  const inspectors = ['P05', 'P01', 'P03', 'P02', 'P04'];

  it('each drawn unit gets m inspectors drawn with its team seed', () => {
    const out = runDraw({
      ...base,
      teams: [
        { unitId: 'U0072', candidates: inspectors, m: 2 },
        { unitId: 'U0006', candidates: ['P02', 'P04', 'P06'], m: 3 },
      ],
    });
    expect(teamSeed(VECTOR.seed, 'U0072')).toBe(sha(`${VECTOR.seed}:team:U0072`));
    expect(out.teams).toEqual([
      {
        unitId: 'U0072',
        candidates: ['P01', 'P02', 'P03', 'P04', 'P05'],
        m: 2,
        selected: selectK(['P01', 'P02', 'P03', 'P04', 'P05'], sha(`${VECTOR.seed}:team:U0072`), 2),
      },
      { unitId: 'U0006', candidates: ['P02', 'P04', 'P06'], m: 3, selected: selectK(['P02', 'P04', 'P06'], sha(`${VECTOR.seed}:team:U0006`), 3) },
    ]);
    expect(out.teams![0]!.selected).toHaveLength(2);
    expect(verifyDraw(out).ok).toBe(true);
  });

  it.each([
    {
      name: 'm = 1',
      team: { unitId: 'U0072', candidates: inspectors, m: 1 },
      code: 'draw.team_too_small',
      message: '检查组至少 2 名执法人员（单位“U0072”的 m = 1）',
    },
    {
      name: 'm > eligible inspectors',
      team: { unitId: 'U0027', candidates: ['P01', 'P02'], m: 3 },
      code: 'draw.not_enough_inspectors',
      message: '单位“U0027”的可选执法人员不足：需要 3 名，符合条件的只有 2 名',
    },
    {
      name: 'no eligible inspector',
      team: { unitId: 'U0027', candidates: [], m: 2 },
      code: 'draw.not_enough_inspectors',
      message: '单位“U0027”的可选执法人员不足：需要 2 名，符合条件的只有 0 名',
    },
    {
      name: 'unit not drawn',
      team: { unitId: 'U0001', candidates: inspectors, m: 2 },
      code: 'draw.team_unit_not_selected',
      message: '单位“U0001”未被抽中，不能为其抽取检查组',
    },
    {
      name: 'duplicate inspector',
      team: { unitId: 'U0058', candidates: ['P01', 'P01', 'P02'], m: 2 },
      code: 'draw.duplicate_id',
      message: '单位“U0058”的执法人员名单：候选名单中编号“P01”重复出现',
    },
  ])('refuses $name', ({ team, code, message }) => {
    const e = drawError(() => runDraw({ ...base, teams: [team] }));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});

describe('runDraw input', () => {
  it.each([
    { name: 'empty drawId', input: { drawId: ' ', entropy: ZEROS, candidates: ['U1'], k: 1 }, message: '抽取批次编号 drawId 不能为空' },
    { name: 'drawId with "|"', input: { drawId: 'D|1', entropy: ZEROS, candidates: ['U1'], k: 1 }, message: '抽取批次编号 drawId 不能包含“|”' },
    { name: 'empty entropy', input: { drawId: 'D1', entropy: '', candidates: ['U1'], k: 1 }, message: '随机熵 entropy 不能为空' },
  ])('refuses $name', ({ input, message }) => {
    const e = drawError(() => runDraw(input));
    expect(e.code).toBe('draw.invalid_input');
    expect(e.message).toBe(message);
  });

  it('newEntropy gives 32 fresh random bytes in hex', () => {
    const a = newEntropy();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newEntropy()).not.toBe(a);
  });
});

describe('verifyDraw', () => {
  const published: PublishedDraw = runDraw({
    drawId: VECTOR.drawId,
    entropy: ZEROS,
    candidates: VECTOR.candidates,
    k: 5,
    teams: [{ unitId: 'U0074', candidates: ids('P', 12, 2), m: 3 }],
  });
  const stratified = runDraw({
    drawId: 'D-2025-003',
    entropy: 'lottery 2025-03-01 03 11 17 24 29 33',
    candidates: [...ids('H', 5, 2), ...ids('L', 8, 2)],
    strata: [
      { name: '高风险', candidates: ids('H', 5, 2), k: 2 },
      { name: '低风险', candidates: ids('L', 8, 2), k: 2 },
    ],
  });

  it('accepts the untouched records', () => {
    for (const p of [published, stratified]) {
      const v = verifyDraw(p);
      expect(v.problems).toEqual([]);
      expect(v.ok).toBe(true);
      expect(v.checks.every((c) => c.ok)).toBe(true);
    }
    expect(verifyDraw(published).checks.map((c) => c.subject)).toEqual(['algorithm', 'candidates', 'listHash', 'seed', 'selected', 'teams[U0074]']);
  });

  it.each<{ name: string; tamper: (p: PublishedDraw) => unknown; problems: (string | RegExp)[] }>([
    {
      name: 'selected list reordered',
      tamper: (p) => ({ ...p, selected: ['U0006', 'U0072', 'U0027', 'U0058', 'U0074'] }),
      problems: ['抽中名单与重新计算的结果不一致：公布为 U0006、U0072、U0027、U0058、U0074，重算为 U0072、U0006、U0027、U0058、U0074'],
    },
    {
      name: 'selected unit replaced',
      tamper: (p) => ({ ...p, selected: ['U0072', 'U0006', 'U0027', 'U0058', 'U0001'] }),
      problems: [/^抽中名单与重新计算的结果不一致/, /^单位“U0074”的检查组：该单位不在抽中名单中/],
    },
    {
      name: 'candidate list changed (U0100 → U0101)',
      tamper: (p) => ({ ...p, candidates: [...p.candidates.slice(0, 99), 'U0101'] }),
      problems: [/^候选名单哈希不一致：公布为 da11684b.*，按候选名单重算为 [0-9a-f]{64}$/],
    },
    {
      name: 'candidate removed',
      tamper: (p) => ({ ...p, candidates: p.candidates.filter((id) => id !== 'U0050') }),
      problems: [/^候选名单哈希不一致/, /^抽中名单与重新计算的结果不一致/],
    },
    {
      name: 'candidate list out of UTF-8 order',
      tamper: (p) => ({ ...p, candidates: [...p.candidates].reverse() }),
      problems: ['候选名单未按 UTF-8 字节序排列'],
    },
    {
      name: 'wrong seed',
      tamper: (p) => ({ ...p, seed: sha('another seed') }),
      problems: [
        `种子不一致：公布为 ${sha('another seed')}，由 listHash、drawId、entropy 重算为 ${VECTOR.seed}`,
        /^抽中名单与重新计算的结果不一致/,
        /^单位“U0074”的检查组与重新计算的结果不一致/,
      ],
    },
    {
      name: 'entropy changed after the fact',
      tamper: (p) => ({ ...p, entropy: '1'.repeat(64) }),
      problems: [/^种子不一致/],
    },
    {
      name: 'team changed',
      tamper: (p) => ({ ...p, teams: [{ ...p.teams![0]!, selected: [...p.teams![0]!.selected].reverse() }] }),
      problems: [/^单位“U0074”的检查组与重新计算的结果不一致/],
    },
    {
      name: 'other algorithm',
      tamper: (p) => ({ ...p, algorithm: 'lantai-draw-v2' }),
      problems: ['算法“lantai-draw-v2”不受支持（应为 lantai-draw-v1）'],
    },
    {
      name: 'not a record',
      tamper: () => [1, 2, 3],
      problems: ['公布的抽取记录不是 JSON 对象'],
    },
    {
      name: 'missing fields',
      tamper: (p) => ({ algorithm: p.algorithm, drawId: p.drawId }),
      problems: [
        '记录格式不正确：缺少文本字段 entropy；缺少文本字段 listHash；缺少文本字段 seed；候选名单 candidates 应为文本列表；抽中名单 selected 应为文本列表；抽取数量 k 应为数字',
      ],
    },
  ])('detects: $name', ({ tamper, problems }) => {
    const v = verifyDraw(tamper(clone(published)));
    expect(v.ok).toBe(false);
    expect(v.problems).toHaveLength(problems.length);
    problems.forEach((p, i) => (typeof p === 'string' ? expect(v.problems[i]).toBe(p) : expect(v.problems[i]).toMatch(p)));
  });

  it.each<{ name: string; tamper: (p: PublishedDraw) => unknown; problems: (string | RegExp)[] }>([
    {
      name: 'stratum selection changed (and the top level with it)',
      tamper: (p) => {
        const strata = p.strata!.map((s) => (s.name === '高风险' ? { ...s, selected: s.candidates.filter((id) => !s.selected.includes(id)).slice(0, 2) } : s));
        return { ...p, strata, selected: strata.flatMap((s) => s.selected) };
      },
      problems: [/^分层“高风险”抽中名单与重新计算的结果不一致/],
    },
    {
      name: 'top-level selection not the strata concatenated',
      tamper: (p) => ({ ...p, selected: [...p.selected].reverse() }),
      problems: [/^抽中名单应为各分层结果依次相接/],
    },
    {
      name: 'unit moved from one stratum to the other',
      tamper: (p) => ({
        ...p,
        strata: p.strata!.map((s) =>
          s.name === '高风险' ? { ...s, candidates: s.candidates.filter((id) => id !== 'H05') } : { ...s, candidates: ['H05', ...s.candidates] },
        ),
      }),
      // Both pools change (n 5 → 4 and 8 → 9), so both recomputed selections differ from the
      // published ones; the union, and so the listHash, is unchanged.
      problems: [/^分层“高风险”抽中名单与重新计算的结果不一致/, /^分层“低风险”抽中名单与重新计算的结果不一致/],
    },
    {
      name: 'k not the sum of the strata',
      tamper: (p) => ({ ...p, k: 3 }),
      problems: ['抽取总数 k = 3，应为各分层 k 之和 4'],
    },
  ])('stratified, detects: $name', ({ tamper, problems }) => {
    const v = verifyDraw(tamper(clone(stratified)));
    expect(v.ok).toBe(false);
    expect(v.problems).toHaveLength(problems.length);
    problems.forEach((p, i) => (typeof p === 'string' ? expect(v.problems[i]).toBe(p) : expect(v.problems[i]).toMatch(p)));
  });

  it('names the algorithm constant', () => {
    expect(DRAW_ALGORITHM).toBe('lantai-draw-v1');
  });
});
