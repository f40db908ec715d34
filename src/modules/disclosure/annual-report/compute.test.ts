import { describe, expect, it } from 'vitest';
import { addDays } from '../../../kernel/calendar/index.js';
import { AppError } from '../../../kernel/http/errors.js';
import { APPLICANT_TYPES, OUTCOME_CODES } from '../labels.js';
import { checkSection3, checkSection4, section4Row } from './checks.js';
import {
  type Application,
  computeSection3,
  computeSection4,
  type Dispute,
  DISPUTE_OUTCOMES,
  type Section3Computed,
  section3Values,
  section4Values,
} from './compute.js';
import { DISPUTE_KINDS, SECTION3_COLUMN_KEYS, SECTION4_COLUMN_KEYS, TEMPLATES, templateForYear, valueRows } from './templates.js';

const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

/** Expected cells as row → column → ids; every cell not listed must be 0 with no ids. */
type Sparse = Record<string, Partial<Record<string, string[]>>>;

function expectTable(computed: Section3Computed, expected: Sparse) {
  const rows = valueRows(computed.templateId);
  expect(Object.keys(computed.rows)).toEqual(rows.map((r) => r.key));
  for (const r of rows)
    for (const c of SECTION3_COLUMN_KEYS) {
      const ids = expected[r.key]?.[c] ?? [];
      expect(computed.rows[r.key]![c], `${r.key} ${c}`).toEqual({ count: ids.length, ids });
    }
  for (const k of Object.keys(expected)) expect(rows.map((r) => r.key)).toContain(k);
}

// One list of applications, counted for 2020 (template 2019) and 2021 (template 2021) by hand.
const APPS: Application[] = [
  { id: 'a01', applicantType: 'natural', receivedOn: '2020-11-20', decidedOn: '2021-01-08', outcome: 'disclosed' },
  { id: 'a02', applicantType: 'business', receivedOn: '2020-12-28', decidedOn: null, outcome: null },
  { id: 'a03', applicantType: 'natural', receivedOn: '2020-12-30', decidedOn: '2020-12-31', outcome: 'partial' },
  { id: 'a04', applicantType: 'natural', receivedOn: '2021-01-01', decidedOn: '2021-01-20', outcome: 'partial' },
  { id: 'a05', applicantType: 'natural', receivedOn: '2021-03-02', decidedOn: '2021-03-30', outcome: 'withheld.third_party' },
  { id: 'a06', applicantType: 'legal_service', receivedOn: '2021-05-06', decidedOn: '2021-05-28', outcome: 'unavailable.not_held' },
  { id: 'a07', applicantType: 'research', receivedOn: '2021-06-01', decidedOn: '2021-06-09', outcome: 'not_processed.duplicate' },
  { id: 'a08', applicantType: 'natural', receivedOn: '2021-07-01', decidedOn: '2021-08-16', outcome: 'other.no_correction' },
  { id: 'a09', applicantType: 'public_interest', receivedOn: '2021-09-01', decidedOn: '2021-10-12', outcome: 'other.unpaid_fee' },
  { id: 'a10', applicantType: 'other', receivedOn: '2021-11-15', decidedOn: '2021-12-31', outcome: 'other.other' },
  { id: 'a11', applicantType: 'natural', receivedOn: '2021-12-20', decidedOn: '2022-01-10', outcome: 'disclosed' },
  { id: 'a12', applicantType: 'business', receivedOn: '2021-12-31' },
  { id: 'a13', applicantType: 'natural', receivedOn: '2022-01-01' },
  { id: 'a14', applicantType: 'natural', receivedOn: '2019-04-01', decidedOn: '2020-02-01', outcome: 'withheld.process_info' },
  { id: 'a15', applicantType: 'natural', receivedOn: '2020-08-03', decidedOn: '2020-09-01', outcome: 'other.no_correction' },
  { id: 'a16', applicantType: 'business', receivedOn: '2020-10-09', decidedOn: '2020-10-30', outcome: 'other.other' },
];

describe('computeSection3 — hand-counted fixture', () => {
  it('2021 (template 2021)', () => {
    // 一 received in 2021: a04 a05 a08 a11 (自然人), a12 (商业), a07 (科研), a09 (公益), a06 (法律), a10 (其他); a13 is 2022.
    // 二 received before 2021, undecided on 2021-01-01: a01 (decided 2021-01-08), a02 (undecided);
    //    not a03 (decided 2020-12-31), a14/a15/a16 (decided in 2020).
    // outcomes decided in 2021: a01 予以公开, a04 部分公开, a05 (三)4, a06 (四)1, a07 (五)2, a08 (六)1,
    //    a09 (六)2, a10 (六)3 (decided on 12-31 still counts); a11 is decided 2022-01-10.
    // 四 undecided on 2021-12-31: a11, a02, a12.
    // Check: 自然人 4 + 1 = 4 + 1; 商业 1 + 1 = 0 + 2; 总计 9 + 2 = 8 + 3.
    const t = computeSection3(APPS, 2021, '2021');
    expect(t.templateId).toBe('2021');
    expectTable(t, {
      's3.r1': {
        natural: ['a04', 'a05', 'a08', 'a11'],
        business: ['a12'],
        research: ['a07'],
        public_interest: ['a09'],
        legal_service: ['a06'],
        other: ['a10'],
        total: ['a04', 'a05', 'a06', 'a07', 'a08', 'a09', 'a10', 'a11', 'a12'],
      },
      's3.r2': { natural: ['a01'], business: ['a02'], total: ['a01', 'a02'] },
      's3.r3.1': { natural: ['a01'], total: ['a01'] },
      's3.r3.2': { natural: ['a04'], total: ['a04'] },
      's3.r3.3.4': { natural: ['a05'], total: ['a05'] },
      's3.r3.4.1': { legal_service: ['a06'], total: ['a06'] },
      's3.r3.5.2': { research: ['a07'], total: ['a07'] },
      's3.r3.6.1': { natural: ['a08'], total: ['a08'] },
      's3.r3.6.2': { public_interest: ['a09'], total: ['a09'] },
      's3.r3.6.3': { other: ['a10'], total: ['a10'] },
      's3.r3.7': {
        natural: ['a01', 'a04', 'a05', 'a08'],
        research: ['a07'],
        public_interest: ['a09'],
        legal_service: ['a06'],
        other: ['a10'],
        total: ['a01', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09', 'a10'],
      },
      's3.r4': { natural: ['a11'], business: ['a02', 'a12'], total: ['a02', 'a11', 'a12'] },
    });
    expect(checkSection3(section3Values(t), '2021')).toEqual({ ok: true, failures: [] });
  });

  it('2020 (template 2019): all other.* outcomes in the one （六） row', () => {
    // 一 received in 2020: a01 a03 a15 (自然人), a02 a16 (商业).
    // 二 received before 2020, undecided on 2020-01-01: a14 (decided 2020-02-01).
    // outcomes in 2020: a03 部分公开, a14 (三)6, a15 逾期不补正 → （六）, a16 其他 → （六）.
    // 四 undecided on 2020-12-31: a01 (decided 2021-01-08), a02.
    // Check: 自然人 3 + 1 = 3 + 1; 商业 2 + 0 = 1 + 1; 总计 5 + 1 = 4 + 2.
    const t = computeSection3(APPS, 2020, '2019');
    expectTable(t, {
      's3.r1': { natural: ['a01', 'a03', 'a15'], business: ['a02', 'a16'], total: ['a01', 'a02', 'a03', 'a15', 'a16'] },
      's3.r2': { natural: ['a14'], total: ['a14'] },
      's3.r3.2': { natural: ['a03'], total: ['a03'] },
      's3.r3.3.6': { natural: ['a14'], total: ['a14'] },
      's3.r3.6': { natural: ['a15'], business: ['a16'], total: ['a15', 'a16'] },
      's3.r3.7': { natural: ['a03', 'a14', 'a15'], business: ['a16'], total: ['a03', 'a14', 'a15', 'a16'] },
      's3.r4': { natural: ['a01'], business: ['a02'], total: ['a01', 'a02'] },
    });
    expect(checkSection3(section3Values(t), '2019').ok).toBe(true);
  });

  it.each([
    [2020, '2019'],
    [2021, '2021'],
  ] as const)('%i (template %s): 信息不存在 (36(四)) and 非本机关负责公开 (36(五)) both count in 本机关不掌握相关政府信息', (year, templateId) => {
    // n1 n2 自然人 and b1 商业企业, each received and decided in the year; the tables keep their rows
    const apps: Application[] = [
      { id: 'n1', applicantType: 'natural', receivedOn: `${year}-03-02`, decidedOn: `${year}-03-20`, outcome: 'unavailable.not_held' },
      { id: 'n2', applicantType: 'natural', receivedOn: `${year}-04-01`, decidedOn: `${year}-04-15`, outcome: 'unavailable.not_ours' },
      { id: 'b1', applicantType: 'business', receivedOn: `${year}-05-06`, decidedOn: `${year}-05-20`, outcome: 'unavailable.not_ours' },
    ];
    const t = computeSection3(apps, year, templateId);
    expectTable(t, {
      's3.r1': { natural: ['n1', 'n2'], business: ['b1'], total: ['n1', 'n2', 'b1'] },
      's3.r3.4.1': { natural: ['n1', 'n2'], business: ['b1'], total: ['n1', 'n2', 'b1'] },
      's3.r3.7': { natural: ['n1', 'n2'], business: ['b1'], total: ['n1', 'n2', 'b1'] },
    });
    expect(checkSection3(section3Values(t), templateId)).toEqual({ ok: true, failures: [] });
  });

  it('boundaries: decided on 1 January counts as carried in and decided; received on 31 December is new', () => {
    const apps: Application[] = [
      { id: 'jan1', applicantType: 'natural', receivedOn: '2022-12-30', decidedOn: '2023-01-01', outcome: 'disclosed' },
      { id: 'dec31', applicantType: 'natural', receivedOn: '2022-12-31', decidedOn: '2022-12-31', outcome: 'disclosed' },
      { id: 'same', applicantType: 'other', receivedOn: '2023-12-31', decidedOn: '2023-12-31', outcome: 'not_processed.petition' },
    ];
    const t = computeSection3(apps, 2023, '2021');
    expectTable(t, {
      's3.r1': { other: ['same'], total: ['same'] },
      's3.r2': { natural: ['jan1'], total: ['jan1'] },
      's3.r3.1': { natural: ['jan1'], total: ['jan1'] },
      's3.r3.5.1': { other: ['same'], total: ['same'] },
      's3.r3.7': { natural: ['jan1'], other: ['same'], total: ['jan1', 'same'] },
    });
  });
});

describe('computeSection4 — hand-counted fixture', () => {
  const DISPUTES: Dispute[] = [
    { id: 'd1', kind: 'reconsideration', filedOn: '2021-02-01', outcome: 'upheld', closedOn: '2021-03-20' },
    { id: 'd2', kind: 'reconsideration', filedOn: '2021-05-10', outcome: 'corrected', closedOn: '2021-06-30' },
    { id: 'd3', kind: 'reconsideration', filedOn: '2021-11-20', outcome: 'corrected', closedOn: '2022-01-10' },
    { id: 'd4', kind: 'litigation_direct', filedOn: '2021-04-01', outcome: 'other', closedOn: '2021-09-01' },
    { id: 'd5', kind: 'litigation_direct', filedOn: '2021-12-01', outcome: 'upheld', closedOn: null },
    { id: 'd6', kind: 'litigation_after_reconsideration', filedOn: '2021-07-07', outcome: 'pending' },
    { id: 'd7', kind: 'litigation_after_reconsideration', filedOn: '2020-12-31', outcome: 'upheld', closedOn: '2021-02-01' },
    { id: 'd8', kind: 'reconsideration', filedOn: '2022-01-01', outcome: 'pending' },
    { id: 'd9', kind: 'litigation_after_reconsideration', filedOn: '2021-12-31', outcome: 'upheld', closedOn: '2021-12-31' },
  ];

  it('2021', () => {
    // 行政复议: d1 维持, d2 纠正, d3 closed 2022 → 尚未审结; 总计 3.
    // 直接起诉: d4 其他, d5 has no closing date → 尚未审结; 总计 2.
    // 复议后起诉: d9 维持 (closed on 12-31), d6 pending; d7 filed in 2020 and d8 in 2022 are not counted; 总计 2.
    const t = computeSection4(DISPUTES, 2021);
    expect(t.rows.reconsideration).toEqual({
      upheld: { count: 1, ids: ['d1'] },
      corrected: { count: 1, ids: ['d2'] },
      other: { count: 0, ids: [] },
      pending: { count: 1, ids: ['d3'] },
      total: { count: 3, ids: ['d1', 'd2', 'd3'] },
    });
    expect(t.rows.litigation_direct.pending.ids).toEqual(['d5']);
    expect(t.rows.litigation_after_reconsideration.upheld.ids).toEqual(['d9']);
    expect(section4Row(section4Values(t))).toEqual([1, 1, 0, 1, 3, 0, 0, 1, 1, 2, 1, 0, 0, 1, 2]);
    expect(checkSection4(section4Values(t)).ok).toBe(true);
  });

  it('2020: only d7 (filed 2020-12-31), still open on 2020-12-31', () => {
    expect(section4Row(section4Values(computeSection4(DISPUTES, 2020)))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
});

/**
 * Seed 004: 营口市档案局 2020 年政府信息公开工作年度报告 (template 2019 试行). Its section 三 and 四
 * tables, transcribed by hand: every one of the 23 × 7 numbers of 三 and the 15 of 四 is 0.
 * The synthetic records below are near misses around the 2020 boundaries, so that the zeros are
 * earned (each would count in 2019 or 2021), not merely the result of an empty list.
 */
describe('营口 2020 (seed 004)', () => {
  // [row key, label as printed in the seed, 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]
  const SEED_S3: [string, string, number, number, number, number, number, number, number][] = [
    ['s3.r1', '一、本年新收政府信息公开申请数量', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r2', '二、上年结转政府信息公开申请数量', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.1', '(一)予以公开', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.2', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.3.1', '1.属于国家秘密', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.3.2', '2.其他法律行政法规禁止公开', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.3.3', '3.危及“三安全一稳定”', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.3.4', '4.保护第三方合法权益', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.3.5', '5.属于三类内部事务信息', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.3.6', '6.属于四类过程性信息', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.3.7', '7.属于行政执法案卷', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.3.8', '8.属于行政查询事项', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.4.1', '1.本机关不掌握相关政府信息', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.4.2', '2.没有现成信息需要另行制作', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.4.3', '3.补正后申请内容仍不明确', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.5.1', '1.信访举报投诉类申请', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.5.2', '2.重复申请', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.5.3', '3.要求提供公开出版物', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.5.4', '4.无正当理由大量反复申请', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.5.5', '5.要求行政机关确认或重新出具已获取信息', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.6', '(六)其他处理', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r3.7', '(七)总计', 0, 0, 0, 0, 0, 0, 0],
    ['s3.r4', '四、结转下年度继续办理', 0, 0, 0, 0, 0, 0, 0],
  ];
  // 行政复议 维持 纠正 其他 尚未审结 总计 | 未经复议直接起诉 ×5 | 复议后起诉 ×5
  const SEED_S4 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

  const seedTable3 = () =>
    Object.fromEntries(SEED_S3.map(([key, , ...v]) => [key, Object.fromEntries(SECTION3_COLUMN_KEYS.map((c, i) => [c, v[i]!]))])) as Record<
      string,
      Record<string, number | null>
    >;
  const seedTable4 = () =>
    Object.fromEntries(DISPUTE_KINDS.map((k, g) => [k, Object.fromEntries(SECTION4_COLUMN_KEYS.map((c, i) => [c, SEED_S4[g * 5 + i]!]))])) as Record<
      string,
      Record<string, number | null>
    >;

  const NEAR_MISSES: Application[] = [
    // decided 2019-12-31: in 2019's table, not carried into 2020
    { id: 'y1', applicantType: 'natural', receivedOn: '2019-06-03', decidedOn: '2019-12-31', outcome: 'disclosed' },
    // received and decided in 2019 from a company
    { id: 'y2', applicantType: 'business', receivedOn: '2019-05-15', decidedOn: '2019-06-12', outcome: 'unavailable.not_held' },
    // received 2021-01-01: the first day after the report year
    { id: 'y3', applicantType: 'natural', receivedOn: '2021-01-01' },
    { id: 'y4', applicantType: 'research', receivedOn: '2021-01-04', decidedOn: '2021-01-20', outcome: 'partial' },
  ];
  const NEAR_MISS_DISPUTES: Dispute[] = [
    // filed 2019-12-31, decided in 2020: counted in 2019's table (filed that year), not 2020's
    { id: 'z1', kind: 'reconsideration', filedOn: '2019-12-31', outcome: 'upheld', closedOn: '2020-03-01' },
    { id: 'z2', kind: 'litigation_direct', filedOn: '2021-01-01', outcome: 'pending' },
  ];

  it('the seed rows are the template-2019 rows, in order', () => {
    expect(SEED_S3.map((r) => r[0])).toEqual(valueRows('2019').map((r) => r.key));
    const half = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',');
    expect(SEED_S3.map((r) => r[1])).toEqual(valueRows('2019').map((r) => half(r.label)));
  });

  it('2020 uses template 2019 (试行)', () => {
    expect(templateForYear(2020)).toBe(TEMPLATES['2019']);
  });

  it('computeSection3 reproduces every cell of the seed’s section 三', () => {
    const values = section3Values(computeSection3(NEAR_MISSES, 2020, '2019'));
    expect(values).toEqual(seedTable3());
  });

  it('computeSection4 reproduces the seed’s fifteen numbers of section 四', () => {
    const t = computeSection4(NEAR_MISS_DISPUTES, 2020);
    expect(section4Row(section4Values(t))).toEqual(SEED_S4);
    expect(section4Values(t)).toEqual(seedTable4());
  });

  it('the near misses do count in the neighbouring years (the zeros are not an accident)', () => {
    const y2019 = section3Values(computeSection3(NEAR_MISSES, 2019, '2019'));
    expect(y2019['s3.r1']).toMatchObject({ natural: 1, business: 1, total: 2 });
    expect(y2019['s3.r3.7']).toMatchObject({ natural: 1, business: 1, total: 2 });
    const y2021 = section3Values(computeSection3(NEAR_MISSES, 2021, '2021'));
    expect(y2021['s3.r1']).toMatchObject({ natural: 1, research: 1, total: 2 });
    expect(y2021['s3.r4']).toMatchObject({ natural: 1, total: 1 });
    // z1 was filed in 2019 and still open on 2019-12-31 (closed 2020-03-01): 行政复议 尚未审结 1, 总计 1
    expect(section4Row(section4Values(computeSection4(NEAR_MISS_DISPUTES, 2019)))).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('the published tables pass every check', () => {
    expect(checkSection3(seedTable3(), '2019')).toEqual({ ok: true, failures: [] });
    expect(checkSection4(seedTable4())).toEqual({ ok: true, failures: [] });
  });

  it('one number altered in section 三 (一 自然人 0 → 1): the checks name that cell', () => {
    const t = seedTable3();
    t['s3.r1']!.natural = 1;
    const r = checkSection3(t, '2019');
    expect(r.failures.map((f) => [f.rule, f.cells[0]!.row, f.cells[0]!.column, f.left, f.right])).toEqual([
      ['balance', 's3.r1', 'natural', 1, 0], // 自然人: 1 + 0 ≠ 0 + 0
      ['applicant_total', 's3.r1', 'total', 0, 1], // 一 row: 总计 0 ≠ 1
    ]);
    for (const f of r.failures) expect(f.cells.map((c) => `${c.row}|${c.column}`)).toContain('s3.r1|natural');
    expect(r.failures[0]!.message).toContain('“自然人”列');
    expect(r.failures[1]!.message).toContain('“一、本年新收政府信息公开申请数量”行');
  });

  it('one number altered in section 三 (（六）其他处理 总计 0 → 2)', () => {
    const t = seedTable3();
    t['s3.r3.6']!.total = 2;
    const r = checkSection3(t, '2019');
    // （七）总计 0 ≠ leaves 2; （六） row: 总计 2 ≠ six columns 0. 一 + 二 = （七） + 四 still holds (0 = 0).
    expect(r.failures.map((f) => [f.rule, f.left, f.right])).toEqual([
      ['outcome_total', 0, 2],
      ['applicant_total', 2, 0],
    ]);
    expect(r.failures[0]!.cells.map((c) => `${c.row}|${c.column}`)).toContain('s3.r3.6|total');
    expect(r.failures[0]!.message).toBe('“总计”列：“（七）总计”为 0，而（一）至（六）各项办理结果之和为 2（（六）其他处理 2）');
  });

  it('one number altered in section 四 (复议后起诉 尚未审结 0 → 1)', () => {
    const t = seedTable4();
    t.litigation_after_reconsideration!.pending = 1;
    const r = checkSection4(t);
    expect(r.failures.map((f) => [f.rule, f.cells.map((c) => `${c.row}|${c.column}`), f.left, f.right])).toEqual([
      [
        'section4_total',
        [
          'litigation_after_reconsideration|total',
          'litigation_after_reconsideration|upheld',
          'litigation_after_reconsideration|corrected',
          'litigation_after_reconsideration|other',
          'litigation_after_reconsideration|pending',
        ],
        0,
        1,
      ],
    ]);
    expect(r.failures[0]!.message).toBe('“行政诉讼（复议后起诉）”：“总计”为 0，而结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 1');
  });
});

describe('a generated table always passes the checks (seeded random records)', () => {
  /** mulberry32: a small deterministic PRNG, so a failure can be replayed from its seed. */
  const prng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);

  it('300 random years of applications and disputes; 四 of a year = 二 of the next', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = prng(seed);
      const year = 2019 + int(rnd, 6);
      const apps: Application[] = Array.from({ length: int(rnd, 60) }, (_, i) => {
        const receivedOn = addDays(`${year - 2}-01-01`, int(rnd, 365 * 4 + 1)); // year−2 … year+1
        const decided = rnd() < 0.75;
        return {
          id: `s${seed}-a${i}`,
          applicantType: pick(rnd, APPLICANT_TYPES),
          receivedOn,
          decidedOn: decided ? addDays(receivedOn, int(rnd, 120)) : null,
          outcome: decided ? pick(rnd, OUTCOME_CODES) : null,
        };
      });
      const disputes: Dispute[] = Array.from({ length: int(rnd, 12) }, (_, i) => {
        const filedOn = addDays(`${year - 1}-07-01`, int(rnd, 365 * 2));
        const outcome = pick(rnd, DISPUTE_OUTCOMES);
        return {
          id: `s${seed}-d${i}`,
          kind: pick(rnd, DISPUTE_KINDS),
          filedOn,
          outcome,
          closedOn: outcome === 'pending' || rnd() < 0.2 ? null : addDays(filedOn, int(rnd, 200)),
        };
      });

      const template = templateForYear(year);
      const s3 = computeSection3(apps, year, template);
      const r3 = checkSection3(section3Values(s3), template);
      expect(r3.failures, `seed ${seed}`).toEqual([]);
      // every count is its ids; each application is in at most one of 一/二 and one of outcome/四
      for (const cols of Object.values(s3.rows)) for (const cell of Object.values(cols)) expect(cell.count).toBe(cell.ids.length);
      const inRows = (kinds: string[]) =>
        valueRows(template)
          .filter((r) => kinds.includes(r.kind))
          .flatMap((r) => s3.rows[r.key]!.total.ids)
          .sort();
      const opened = inRows(['received', 'carried_in']);
      expect(new Set(opened).size).toBe(opened.length);
      expect(inRows(['outcome', 'carried_out'])).toEqual(opened);

      // 四 of one year is 二 of the next, application for application
      const next = computeSection3(apps, year + 1, templateForYear(year + 1));
      expect([...next.rows['s3.r2']!.total.ids].sort(), `seed ${seed}`).toEqual([...s3.rows['s3.r4']!.total.ids].sort());

      const r4 = checkSection4(section4Values(computeSection4(disputes, year)));
      expect(r4.failures, `seed ${seed}`).toEqual([]);
    }
  });
});

describe('refusals', () => {
  const ok: Application = { id: 'x', applicantType: 'natural', receivedOn: '2021-03-01', decidedOn: '2021-03-10', outcome: 'disclosed' };

  it('a template that does not match the year', () => {
    const e = thrown(() => computeSection3([ok], 2020, '2021'));
    expect(e.code).toBe('disclosure.template_year_mismatch');
    expect(e.message).toBe(
      '2020 年度报告应使用中华人民共和国政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号），' +
        '而不是中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）',
    );
  });

  it('a year before 2019', () => {
    expect(thrown(() => computeSection3([ok], 2018, '2019')).code).toBe('disclosure.report_year_unsupported');
    expect(thrown(() => computeSection4([], 2018)).code).toBe('disclosure.report_year_unsupported');
  });

  // [case, application, message]
  const bad: [string, Record<string, unknown>, string][] = [
    ['bad received date', { ...ok, receivedOn: '2021-02-30' }, 'x：收到申请日期“2021-02-30”不是有效日期（YYYY-MM-DD）'],
    ['unknown applicant type', { ...ok, applicantType: 'company' }, 'x：申请人类型“company”无效'],
    ['decided before received', { ...ok, decidedOn: '2021-02-28' }, 'x：办结日期 2021-02-28 早于收到申请日期 2021-03-01'],
    ['decided without an outcome', { ...ok, outcome: null }, 'x：已办结但没有办理结果'],
    ['an outcome without a decision', { ...ok, decidedOn: null }, 'x：有办理结果但没有办结日期'],
    ['an outcome outside the taxonomy', { ...ok, outcome: 'withheld' }, 'x：办理结果“withheld”不在法定分类中'],
  ];
  it.each(bad)('%s', (_name, app, message) => {
    const e = thrown(() => computeSection3([app as unknown as Application], 2021, '2021'));
    expect(e.code).toBe('disclosure.invalid_applications');
    expect(e.status).toBe(422);
    expect(e.message).toBe(`有 1 处申请数据有误，无法统计：${message}`);
  });

  it('duplicate ids', () => {
    const e = thrown(() => computeSection3([ok, ok], 2021, '2021'));
    expect(e.message).toBe('有 1 处申请数据有误，无法统计：x：编号重复');
  });

  it('disputes: bad kind, closed before filed', () => {
    const e = thrown(() =>
      computeSection4([{ id: 'd', kind: 'appeal' as 'reconsideration', filedOn: '2021-05-01', outcome: 'upheld', closedOn: '2021-04-01' }], 2021),
    );
    expect(e.code).toBe('disclosure.invalid_disputes');
    expect(e.message).toBe(
      '有 2 处复议、诉讼数据有误，无法统计：d：类别“appeal”无效（应为行政复议、未经复议直接起诉、复议后起诉）；d：审结日期 2021-04-01 早于立案日期 2021-05-01',
    );
  });
});
