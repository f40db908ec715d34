/** 执法依据 read from basis texts, checked by hand. */
import { describe, expect, it } from 'vitest';
import { chineseNumber, lawsCited } from './bases.js';

describe('chineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['四十八', 48],
    ['一百', 100],
    ['一百零三', 103],
    ['一百二十五', 125],
  ])('%s → %i', (s, n) => expect(chineseNumber(s)).toBe(n));
});

describe('lawsCited', () => {
  it('reads each law’s articles up to the next law or clause, outside brackets, in statutory order', () => {
    const laws = lawsCited([
      // an inspection item: two laws, the second with two articles; bracketed words cite nothing
      {
        text: '《中华人民共和国档案法》第十二条（应当建立档案工作责任制）；《中华人民共和国档案法实施条例》第十八条（见第九十九条）、第四条第二款（履行主体责任）',
        source: '行政检查',
      },
      // a benchmark: an article with its item
      { text: '《中华人民共和国档案法》第四十八条第（一）项', source: '行政处罚' },
      { text: '《中华人民共和国档案法》第九条第一款；第二百条不属于任何法律', source: '行政处罚' },
      // a licensing item: an edition in brackets before the article, the article's words after a colon
      { text: '《中华人民共和国档案法实施条例》（2024年3月1日起施行）第二十条第三款：经同级档案主管部门检查和同意……', source: '行政许可' },
    ]);
    expect(laws).toEqual([
      { law: '《中华人民共和国档案法》', articles: ['第九条', '第十二条', '第四十八条'], citedBy: ['行政检查', '行政处罚'] },
      { law: '《中华人民共和国档案法实施条例》', articles: ['第四条', '第十八条', '第二十条'], citedBy: ['行政许可', '行政检查'] },
    ]);
  });

  it('leaves out a law no longer in force (原《…》) and counts a text once per law', () => {
    const laws = lawsCited([
      { text: '原《中华人民共和国档案法》（1996年修正）第十六条第二款；原《中华人民共和国档案法实施办法》第十七条。', source: '行政许可' },
      { text: '《中华人民共和国行政处罚法》第四十二条、第五十五条', source: '办事流程' },
      { text: '《中华人民共和国行政许可法》第三十二条', source: '办事流程' },
      { text: '《中华人民共和国行政许可法》第四十二条；《中华人民共和国行政许可法》第四十四条', source: '办事流程' },
    ]);
    expect(laws.map((l) => [l.law, l.articles])).toEqual([
      ['《中华人民共和国行政许可法》', ['第三十二条', '第四十二条', '第四十四条']],
      ['《中华人民共和国行政处罚法》', ['第四十二条', '第五十五条']],
    ]);
  });
});
