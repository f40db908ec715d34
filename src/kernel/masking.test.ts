import { describe, expect, it } from 'vitest';
import { maskPersonName, publicPartyName } from './masking.js';

describe('masking a person on a public page', () => {
  it.each([
    ['张三', '张*'],
    ['李明华', '李**'],
    ['欧阳娜娜', '欧***'],
    ['王', '王*'],
    ['  陈志远 ', '陈**'],
    ['', ''],
  ])('%s → %s', (name, masked) => expect(maskPersonName(name)).toBe(masked));

  it('masks an individual and keeps a unit whole', () => {
    expect(publicPartyName('individual', '陈志远')).toBe('陈**');
    expect(publicPartyName('unit', '某某市城市建设投资集团有限公司')).toBe('某某市城市建设投资集团有限公司');
  });
});
