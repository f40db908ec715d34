import { describe, expect, it } from 'vitest';
import { cellId, checkSection3, checkSection4, failingCells, type Section3Table, type Section4Table, section4Row } from './checks.js';
import { SECTION3_COLUMN_KEYS, type Section3ColumnKey } from './templates.js';

type Row7 = [number, number, number, number, number, number, number];
/** Rows written as [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]. */
const table3 = (rows: [string, Row7][]): Record<string, Record<Section3ColumnKey, number | null>> =>
  Object.fromEntries(rows.map(([k, v]) => [k, Object.fromEntries(SECTION3_COLUMN_KEYS.map((c, i) => [c, v[i]!]))])) as Record<
    string,
    Record<Section3ColumnKey, number | null>
  >;
const Z: Row7 = [0, 0, 0, 0, 0, 0, 0];

/**
 * A consistent template-2021 table, by hand (the same figures report-compute.test.ts derives from
 * its 2021 fixture). Column checks: 自然人 4 + 1 = 4 + 1; 商业企业 1 + 1 = 0 + 2; 科研 1 = 1;
 * 公益 1 = 1; 法律 1 = 1; 其他 1 = 1; 总计 9 + 2 = 8 + 3. （七）自然人 4 = (一)1 + (二)1 + (三)4 1 + (六)1 1;
 * （七）总计 8 = eight leaves of 1.
 */
const GOOD_2021 = (): Record<string, Record<Section3ColumnKey, number | null>> =>
  table3([
    ['s3.r1', [4, 1, 1, 1, 1, 1, 9]],
    ['s3.r2', [1, 1, 0, 0, 0, 0, 2]],
    ['s3.r3.1', [1, 0, 0, 0, 0, 0, 1]],
    ['s3.r3.2', [1, 0, 0, 0, 0, 0, 1]],
    ['s3.r3.3.1', Z],
    ['s3.r3.3.2', Z],
    ['s3.r3.3.3', Z],
    ['s3.r3.3.4', [1, 0, 0, 0, 0, 0, 1]],
    ['s3.r3.3.5', Z],
    ['s3.r3.3.6', Z],
    ['s3.r3.3.7', Z],
    ['s3.r3.3.8', Z],
    ['s3.r3.4.1', [0, 0, 0, 0, 1, 0, 1]],
    ['s3.r3.4.2', Z],
    ['s3.r3.4.3', Z],
    ['s3.r3.5.1', Z],
    ['s3.r3.5.2', [0, 0, 1, 0, 0, 0, 1]],
    ['s3.r3.5.3', Z],
    ['s3.r3.5.4', Z],
    ['s3.r3.5.5', Z],
    ['s3.r3.6.1', [1, 0, 0, 0, 0, 0, 1]],
    ['s3.r3.6.2', [0, 0, 0, 1, 0, 0, 1]],
    ['s3.r3.6.3', [0, 0, 0, 0, 0, 1, 1]],
    ['s3.r3.7', [4, 0, 1, 1, 1, 1, 8]],
    ['s3.r4', [1, 2, 0, 0, 0, 0, 3]],
  ]);

const brief = (r: ReturnType<typeof checkSection3>) => r.failures.map((f) => [f.rule, f.cells.map(cellId), f.left, f.right] as const);

describe('checkSection3', () => {
  it('passes a consistent table', () => {
    expect(checkSection3(GOOD_2021(), '2021')).toEqual({ ok: true, failures: [] });
  });

  // [what was changed, change, expected failures as [rule, cells, left, right]]
  type Expected = [string, string[], number | null, number | null][];
  const BALANCE = (c: string) => [`s3.r1|${c}`, `s3.r2|${c}`, `s3.r3.7|${c}`, `s3.r4|${c}`];
  const APPLICANTS = (r: string) => ['total', 'natural', 'business', 'research', 'public_interest', 'legal_service', 'other'].map((c) => `${r}|${c}`);
  const LEAVES_2021 = (c: string) =>
    [
      's3.r3.1',
      's3.r3.2',
      's3.r3.3.1',
      's3.r3.3.2',
      's3.r3.3.3',
      's3.r3.3.4',
      's3.r3.3.5',
      's3.r3.3.6',
      's3.r3.3.7',
      's3.r3.3.8',
      's3.r3.4.1',
      's3.r3.4.2',
      's3.r3.4.3',
      's3.r3.5.1',
      's3.r3.5.2',
      's3.r3.5.3',
      's3.r3.5.4',
      's3.r3.5.5',
      's3.r3.6.1',
      's3.r3.6.2',
      's3.r3.6.3',
    ].map((r) => `${r}|${c}`);
  const cases: [string, (t: Record<string, Record<Section3ColumnKey, number | null>>) => void, Expected][] = [
    [
      '一 自然人 4 → 5',
      (t) => (t['s3.r1']!.natural = 5),
      [
        // 自然人: 5 + 1 = 6 ≠ 4 + 1 = 5;  一 row: 总计 9 ≠ 5+1+1+1+1+1 = 10
        ['balance', BALANCE('natural'), 6, 5],
        ['applicant_total', APPLICANTS('s3.r1'), 9, 10],
      ],
    ],
    [
      '（七）总计 8 → 9',
      (t) => (t['s3.r3.7']!.total = 9),
      [
        // 总计 column: 9 + 2 = 11 ≠ 9 + 3 = 12; （七）9 ≠ eight leaves 8; （七） row: 9 ≠ 4+0+1+1+1+1 = 8
        ['balance', BALANCE('total'), 11, 12],
        ['outcome_total', ['s3.r3.7|total', ...LEAVES_2021('total')], 9, 8],
        ['applicant_total', APPLICANTS('s3.r3.7'), 9, 8],
      ],
    ],
    [
      'a leaf emptied but （七） kept: （三）4 自然人 and 总计 1 → 0',
      (t) => {
        t['s3.r3.3.4']!.natural = 0;
        t['s3.r3.3.4']!.total = 0;
      },
      [
        // 自然人: （七）4 ≠ 1+1+0+1 = 3; 总计: （七）8 ≠ 7
        ['outcome_total', ['s3.r3.7|natural', ...LEAVES_2021('natural')], 4, 3],
        ['outcome_total', ['s3.r3.7|total', ...LEAVES_2021('total')], 8, 7],
      ],
    ],
    [
      '四 商业企业 left blank',
      (t) => (t['s3.r4']!.business = null),
      [
        ['blank', ['s3.r4|business'], null, null],
        // 商业企业: 1 + 1 = 2 ≠ 0 + (blank → 0) = 0; 四 row: 3 ≠ 1 + 0 = 1
        ['balance', BALANCE('business'), 2, 0],
        ['applicant_total', APPLICANTS('s3.r4'), 3, 1],
      ],
    ],
    [
      '二 科研机构 −1',
      (t) => (t['s3.r2']!.research = -1),
      [
        ['invalid', ['s3.r2|research'], null, null],
        // 科研: 1 + (−1) = 0 ≠ 1 + 0; 二 row: 2 ≠ 1 + 1 − 1 = 1
        ['balance', BALANCE('research'), 0, 1],
        ['applicant_total', APPLICANTS('s3.r2'), 2, 1],
      ],
    ],
  ];
  it.each(cases)('%s', (_what, change, expected) => {
    const t = GOOD_2021();
    change(t);
    const r = checkSection3(t, '2021');
    expect(r.ok).toBe(false);
    expect(brief(r)).toEqual(expected);
  });

  it('says which cells and both sides, in Chinese', () => {
    const t = GOOD_2021();
    t['s3.r1']!.natural = 5;
    const [balance, applicant] = checkSection3(t, '2021').failures;
    expect(balance!.message).toBe(
      '“自然人”列：一加二应等于三（七）加四，“一、本年新收政府信息公开申请数量” 5 + “二、上年结转政府信息公开申请数量” 1 = 6，' +
        '“（七）总计” 4 + “四、结转下年度继续办理” 1 = 5',
    );
    expect(applicant!.message).toBe(
      '“一、本年新收政府信息公开申请数量”行：“总计”列为 9，而六类申请人之和为 10' +
        '（自然人 5，商业企业 1，科研机构 1，社会公益组织 1，法律服务机构 1，其他 1）',
    );
    expect(balance!.cells[0]).toEqual({
      section: '三',
      row: 's3.r1',
      rowLabel: '一、本年新收政府信息公开申请数量',
      column: 'natural',
      columnLabel: '自然人',
    });
  });

  it('names the outcome rows that make up the sum', () => {
    const t = GOOD_2021();
    t['s3.r3.7']!.natural = 3;
    const f = checkSection3(t, '2021').failures.find((x) => x.rule === 'outcome_total')!;
    expect(f.message).toBe(
      '“自然人”列：“（七）总计”为 3，而（一）至（六）各项办理结果之和为 4' +
        '（（一）予以公开 1，（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1，' +
        '（三）不予公开 4.保护第三方合法权益 1，（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1）',
    );
  });

  it('flags a blank cell by name', () => {
    const t = GOOD_2021();
    delete (t['s3.r3.5.5'] as Partial<Record<Section3ColumnKey, number | null>>).legal_service;
    const r = checkSection3(t, '2021');
    expect(r.failures).toHaveLength(1); // a blank counts as 0, and 0 was the number
    expect(r.failures[0]).toMatchObject({
      rule: 'blank',
      cells: [{ row: 's3.r3.5.5', rowLabel: '（五）不予处理 5.要求行政机关确认或重新出具已获取信息', column: 'legal_service', columnLabel: '法律服务机构' }],
      message: '“（五）不予处理 5.要求行政机关确认或重新出具已获取信息”行“法律服务机构”列为空，未发生的事项应填 0',
    });
  });

  it('an empty table: every cell blank, sums trivially equal', () => {
    const r = checkSection3({}, '2019');
    expect(r.failures.every((f) => f.rule === 'blank')).toBe(true);
    expect(r.failures).toHaveLength(23 * 7); // 23 number rows × 7 columns
  });

  it('numbers in a heading row are flagged', () => {
    const t: Section3Table = { ...GOOD_2021(), 's3.r3.3': { natural: 1 } };
    const r = checkSection3(t, '2021');
    expect(brief(r)).toEqual([['unknown_row', ['s3.r3.3|natural'], null, null]]);
    expect(r.failures[0]!.message).toBe('“（三）不予公开”是分组标题行，不应填数（中华人民共和国政府信息公开工作年度报告格式）');
  });

  it('a 2021 table checked against the 2019 template fails: rows it lacks, （六） blank', () => {
    const r = checkSection3(GOOD_2021(), '2019');
    expect(r.ok).toBe(false);
    const unknown = r.failures.filter((f) => f.rule === 'unknown_row').map((f) => f.cells[0]!.row);
    expect(unknown).toEqual(['s3.r3.6.1', 's3.r3.6.2', 's3.r3.6.3']);
    expect(r.failures.filter((f) => f.rule === 'blank').map((f) => cellId(f.cells[0]!))).toEqual(SECTION3_COLUMN_KEYS.map((c) => `s3.r3.6|${c}`));
  });

  it('failingCells lists each named cell once', () => {
    const t = GOOD_2021();
    t['s3.r1']!.natural = 5;
    const cells = failingCells(checkSection3(t, '2021'));
    expect(cells.filter((c) => c === 's3.r1|natural')).toHaveLength(1);
    expect(cells).toHaveLength(4 + 6); // balance: 4 cells; applicant_total: 7 cells, one shared
  });
});

describe('checkSection4', () => {
  const GOOD = (): Record<string, Record<string, number | null | undefined>> => ({
    reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 },
    litigation_direct: { upheld: 0, corrected: 0, other: 1, pending: 1, total: 2 },
    litigation_after_reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
  });

  it('passes a consistent table; prints its 15 numbers in report order', () => {
    expect(checkSection4(GOOD())).toEqual({ ok: true, failures: [] });
    expect(section4Row(GOOD())).toEqual([1, 1, 0, 1, 3, 0, 0, 1, 1, 2, 1, 0, 0, 1, 2]);
  });

  it('a wrong 总计 names the group and its five cells', () => {
    const t = GOOD();
    t.reconsideration!.total = 4;
    const r = checkSection4(t);
    expect(r.failures.map((f) => [f.rule, f.cells.map(cellId), f.left, f.right])).toEqual([
      [
        'section4_total',
        ['reconsideration|total', 'reconsideration|upheld', 'reconsideration|corrected', 'reconsideration|other', 'reconsideration|pending'],
        4,
        3,
      ],
    ]);
    expect(r.failures[0]!.message).toBe('“行政复议”：“总计”为 4，而结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 1 = 3');
  });

  it('a blank cell is flagged, and counts as 0 in the sum', () => {
    const t = GOOD();
    t.litigation_direct!.other = undefined;
    const r = checkSection4(t as Section4Table);
    expect(r.failures.map((f) => [f.rule, f.cells.map(cellId), f.left, f.right])).toEqual([
      ['blank', ['litigation_direct|other'], null, null],
      [
        'section4_total',
        ['litigation_direct|total', 'litigation_direct|upheld', 'litigation_direct|corrected', 'litigation_direct|other', 'litigation_direct|pending'],
        2,
        1,
      ],
    ]);
    expect(r.failures[0]!.message).toBe('“行政诉讼（未经复议直接起诉）”“其他结果”为空，未发生的事项应填 0');
  });

  it('an unknown group is flagged', () => {
    const r = checkSection4({ ...GOOD(), appeal: { total: 1 } } as Section4Table);
    expect(r.failures.map((f) => f.rule)).toEqual(['unknown_row']);
  });

  it('an empty table: 15 blank cells', () => {
    const r = checkSection4({});
    expect(r.failures).toHaveLength(15);
    expect(r.failures.every((f) => f.rule === 'blank')).toBe(true);
  });
});
