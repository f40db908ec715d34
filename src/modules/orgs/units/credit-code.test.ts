import { describe, expect, it } from 'vitest';
import { creditCheckChar, creditCodeProblem, makeCreditCode } from './credit-code.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Hand-checked: Σ Ci·Wi with W = 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28; check = 31 − Σ mod 31.
  // 91110000802100433: 9+3+9+27+0+0+0+0+160+0+50+13+0+0+40+90+84 = 485; 485 mod 31 = 20; 31−20 = 11 → 'B'.
  // 91110000100004447: 9+3+9+27+0+0+0+0+20+0+0+0+0+96+40+120+196 = 520; 520 mod 31 = 24; 31−24 = 7 → '7'.
  // 12100000400000624: 1+6+9+0+0+0+0+0+80+0+0+0+0+0+60+60+112 = 328; 328 mod 31 = 18; 31−18 = 13 → 'D'.
  it.each([
    ['91110000802100433', 'B'],
    ['91110000100004447', '7'],
    ['12100000400000624', 'D'],
    ['91440300708461136', 'T'],
  ])('check char of %s is %s', (first17, check) => {
    expect(creditCheckChar(first17)).toBe(check);
  });

  it.each([
    ['91110000802100433B', null],
    ['911100001000044477', null],
    ['12100000400000624D', null],
    ['91110000802100433C', '校验位错误：第 18 位应为“B”'],
    ['9111000080210043B', '统一社会信用代码应为 18 位，实为 17 位'],
    ['91110000802100433BX', '统一社会信用代码应为 18 位，实为 19 位'],
    ['9111000080210O433B', '第 14 位“O”不是有效字符（不使用 I、O、S、V、Z）'],
    ['91AB0000802100433B', '第 3–8 位应为行政区划码（6 位数字）'],
  ])('%s → %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it('makes valid codes', () => {
    for (let i = 0; i < 200; i++) expect(creditCodeProblem(makeCreditCode(i % 2 ? '91' : '12', '110105', 1000 + i * 7919))).toBeNull();
  });
});
