import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/http/errors.js';
import { type FeeBand, feeByItem, feeByPage } from './fees.js';

// band as [from, to, count, unitPrice, subtotal]
type B = [number, number, number, number, number];
const bands = (bs: readonly FeeBand[]): B[] => bs.map((b) => [b.from, b.to, b.count, b.unitPrice, b.subtotal]);

describe('feeByItem (按件计收, per applicant per calendar month, marginal)', () => {
  // [already counted this month, items now, amount, bands, hand check]
  const cases: [number, number, number, B[], string][] = [
    [0, 0, 0, [], 'nothing to charge'],
    [0, 5, 0, [[1, 5, 5, 0, 0]], 'items 1–5 all in the free band'],
    [0, 10, 0, [[1, 10, 10, 0, 0]], 'items 1–10: exactly the free allowance'],
    [
      0,
      11,
      100,
      [
        [1, 10, 10, 0, 0],
        [11, 11, 1, 100, 100],
      ],
      'item 11 is the first paid one: 1 × 100',
    ],
    [
      0,
      12,
      200,
      [
        [1, 10, 10, 0, 0],
        [11, 12, 2, 100, 200],
      ],
      'first of month, 12 items: 11–12 at 100 = 200',
    ],
    [
      8,
      5,
      300,
      [
        [9, 10, 2, 0, 0],
        [11, 13, 3, 100, 300],
      ],
      '8 already counted → items 9–13: 9–10 free, 11–13 = 3 × 100 = 300',
    ],
    [10, 1, 100, [[11, 11, 1, 100, 100]], '10 already counted: the next item is the 11th = 100'],
    [
      0,
      30,
      2000,
      [
        [1, 10, 10, 0, 0],
        [11, 30, 20, 100, 2000],
      ],
      '11–30 = 20 × 100 = 2000',
    ],
    [
      0,
      31,
      2200,
      [
        [1, 10, 10, 0, 0],
        [11, 30, 20, 100, 2000],
        [31, 31, 1, 200, 200],
      ],
      '2000 + item 31 at 200 = 2200',
    ],
    [
      0,
      45,
      5500,
      [
        [1, 10, 10, 0, 0],
        [11, 30, 20, 100, 2000],
        [31, 40, 10, 200, 2000],
        [41, 45, 5, 300, 1500],
      ],
      '11–30: 20 × 100 = 2000; 31–40: 10 × 200 = 2000; 41–45: 5 × 300 = 1500; 2000 + 2000 + 1500 = 5500',
    ],
    [30, 10, 2000, [[31, 40, 10, 200, 2000]], '30 already counted → items 31–40 = 10 × 200 = 2000'],
    [
      45,
      20,
      8000,
      [
        [46, 50, 5, 300, 1500],
        [51, 60, 10, 400, 4000],
        [61, 65, 5, 500, 2500],
      ],
      'items 46–65: 46–50 5 × 300 = 1500; 51–60 10 × 400 = 4000; 61–65 5 × 500 = 2500; total 8000',
    ],
    [
      0,
      60,
      11000,
      [
        [1, 10, 10, 0, 0],
        [11, 30, 20, 100, 2000],
        [31, 40, 10, 200, 2000],
        [41, 50, 10, 300, 3000],
        [51, 60, 10, 400, 4000],
      ],
      '2000 + 2000 + 3000 + 4000 = 11000',
    ],
  ];
  it.each(cases)('%i before, %i now → %i 元', (before, now, amount, expected) => {
    const r = feeByItem(before, now);
    expect(r.amount).toBe(amount);
    expect(bands(r.bands)).toEqual(expected);
    expect(r.bands.reduce((s, b) => s + b.count, 0)).toBe(now);
  });

  it('explains itself', () => {
    expect(feeByItem(8, 5).explanation).toBe(
      '按件计收（同一申请人同一自然月累计）：本月此前已计 8 件，本次 5 件，即本月第 9–13 件：' +
        '第 9–10 件 2 件免费；第 11–13 件 3 件 × 100 元 = 300 元；合计 300 元。',
    );
    expect(feeByItem(3, 0).explanation).toBe('按件计收（同一申请人同一自然月累计）：本月此前已计 3 件，本次 0 件，不收费。');
  });

  it('splitting a month into applications changes nothing: fee(0, a) + fee(a, b) = fee(0, a + b)', () => {
    for (let a = 0; a <= 70; a += 7) for (let b = 0; b <= 70; b += 9) expect(feeByItem(0, a).amount + feeByItem(a, b).amount).toBe(feeByItem(0, a + b).amount);
  });
});

describe('feeByPage (按量计收, per application, marginal)', () => {
  // [pages, amount, bands, hand check]
  const cases: [number, number, B[], string][] = [
    [0, 0, [], 'no pages'],
    [1, 0, [[1, 1, 1, 0, 0]], 'free'],
    [30, 0, [[1, 30, 30, 0, 0]], 'exactly the free 30'],
    [
      31,
      10,
      [
        [1, 30, 30, 0, 0],
        [31, 31, 1, 10, 10],
      ],
      'page 31 at 10',
    ],
    [
      35,
      50,
      [
        [1, 30, 30, 0, 0],
        [31, 35, 5, 10, 50],
      ],
      '31–35 = 5 × 10 = 50',
    ],
    [
      100,
      700,
      [
        [1, 30, 30, 0, 0],
        [31, 100, 70, 10, 700],
      ],
      '31–100 = 70 × 10 = 700',
    ],
    [
      101,
      720,
      [
        [1, 30, 30, 0, 0],
        [31, 100, 70, 10, 700],
        [101, 101, 1, 20, 20],
      ],
      '700 + 1 × 20 = 720',
    ],
    [
      150,
      1700,
      [
        [1, 30, 30, 0, 0],
        [31, 100, 70, 10, 700],
        [101, 150, 50, 20, 1000],
      ],
      '700 + 50 × 20 = 700 + 1000 = 1700',
    ],
    [
      200,
      2700,
      [
        [1, 30, 30, 0, 0],
        [31, 100, 70, 10, 700],
        [101, 200, 100, 20, 2000],
      ],
      '700 + 100 × 20 = 2700',
    ],
    [
      201,
      2740,
      [
        [1, 30, 30, 0, 0],
        [31, 100, 70, 10, 700],
        [101, 200, 100, 20, 2000],
        [201, 201, 1, 40, 40],
      ],
      '2700 + 40 = 2740',
    ],
    [
      250,
      4700,
      [
        [1, 30, 30, 0, 0],
        [31, 100, 70, 10, 700],
        [101, 200, 100, 20, 2000],
        [201, 250, 50, 40, 2000],
      ],
      '700 + 2000 + 50 × 40 = 700 + 2000 + 2000 = 4700',
    ],
    [
      1000,
      34700,
      [
        [1, 30, 30, 0, 0],
        [31, 100, 70, 10, 700],
        [101, 200, 100, 20, 2000],
        [201, 1000, 800, 40, 32000],
      ],
      '700 + 2000 + 800 × 40 = 700 + 2000 + 32000 = 34700',
    ],
  ];
  it.each(cases)('%i pages → %i 元', (pages, amount, expected) => {
    const r = feeByPage(pages);
    expect(r.amount).toBe(amount);
    expect(bands(r.bands)).toEqual(expected);
  });

  it('explains itself', () => {
    expect(feeByPage(250).explanation).toBe(
      '按量计收：共 250 页：第 1–30 页 30 页免费；第 31–100 页 70 页 × 10 元 = 700 元；' +
        '第 101–200 页 100 页 × 20 元 = 2000 元；第 201–250 页 50 页 × 40 元 = 2000 元；合计 4700 元。',
    );
    expect(feeByPage(0).explanation).toBe('按量计收：共 0 页，不收费。');
  });
});

describe('bad input', () => {
  it.each([
    ['feeByItem(-1, 1)', () => feeByItem(-1, 1), '本月此前已计件数应为非负整数，实为“-1”'],
    ['feeByItem(0, 1.5)', () => feeByItem(0, 1.5), '本次件数应为非负整数，实为“1.5”'],
    ['feeByPage(NaN)', () => feeByPage(Number.NaN), '页数应为非负整数，实为“NaN”'],
    ['feeByPage(2e6)', () => feeByPage(2_000_000), '页数过大（2000000），请核对'],
  ])('%s is refused', (_name, fn, message) => {
    let err: unknown;
    try {
      fn();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('disclosure.invalid_fee_input');
    expect((err as AppError).message).toBe(message);
  });
});
