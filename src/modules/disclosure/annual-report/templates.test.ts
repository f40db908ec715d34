import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/http/errors.js';
import { OUTCOME_CODES } from '../labels.js';
import {
  checkTemplateMatchesYear,
  getTemplate,
  rowForOutcome,
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  TEMPLATES,
  templateForYear,
  valueRows,
} from './templates.js';

const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('templateForYear', () => {
  it.each([
    [2019, '2019'],
    [2020, '2019'],
    [2021, '2021'],
    [2022, '2021'],
    [2030, '2021'],
  ])('%i → template %s', (year, id) => expect(templateForYear(year).id).toBe(id));

  it.each([2018, 2008, 2020.5, Number.NaN])('refuses %s', (year) => {
    const e = thrown(() => templateForYear(year));
    expect(e.code).toBe('disclosure.report_year_unsupported');
    expect(e.status).toBe(422);
  });

  it('explains a year before the 2019 条例', () => {
    expect(thrown(() => templateForYear(2018)).message).toBe(
      '2018 年度早于 2019 年修订的《政府信息公开条例》施行（2019 年 5 月 15 日），不适用现行年度报告格式',
    );
  });
});

describe('checkTemplateMatchesYear', () => {
  // [template, year, ok, expected]
  const cases: ['2019' | '2021', number, boolean, string | null][] = [
    ['2019', 2019, true, '2019'],
    ['2019', 2020, true, '2019'],
    ['2021', 2020, false, '2019'],
    ['2019', 2021, false, '2021'],
    ['2021', 2024, true, '2021'],
    ['2019', 2018, false, null],
  ];
  it.each(cases)('template %s for %i → ok %s', (id, year, ok, expected) => {
    const r = checkTemplateMatchesYear(id, year);
    expect(r.ok).toBe(ok);
    expect(r.expected).toBe(expected);
  });

  it('names the right template in Chinese', () => {
    const r = checkTemplateMatchesYear('2021', 2020);
    expect(r.ok || r.message).toBe(
      '2020 年度报告应使用中华人民共和国政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号），' +
        '而不是中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）',
    );
  });
});

describe('getTemplate', () => {
  it('by id or object; unknown id refused', () => {
    expect(getTemplate('2021')).toBe(TEMPLATES['2021']);
    expect(getTemplate(TEMPLATES['2019'])).toBe(TEMPLATES['2019']);
    expect(thrown(() => getTemplate('2017' as '2019')).code).toBe('disclosure.unknown_template');
  });
});

describe('section 二 (RULES.md §2)', () => {
  const shape = (id: '2019' | '2021') => TEMPLATES[id].section2.map((b) => [b.item, b.rows.map((r) => r.label), b.columns.map((c) => c.label)]);

  it('template 2019 (试行)', () => {
    expect(shape('2019')).toEqual([
      ['第二十条第（一）项', ['规章', '规范性文件'], ['本年新制作数量', '本年新公开数量', '对外公开总数量']],
      ['第二十条第（五）项', ['行政许可', '其他对外管理服务事项'], ['上一年项目数量', '本年增/减', '处理决定数量']],
      ['第二十条第（六）项', ['行政处罚', '行政强制'], ['上一年项目数量', '本年增/减', '处理决定数量']],
      ['第二十条第（八）项', ['行政事业性收费'], ['上一年项目数量', '本年增/减']],
      ['第二十条第（九）项', ['政府集中采购'], ['采购项目数量', '采购总金额']],
    ]);
  });

  it('template 2021', () => {
    expect(shape('2021')).toEqual([
      ['第二十条第（一）项', ['规章', '行政规范性文件'], ['本年制发件数', '本年废止件数', '现行有效件数']],
      ['第二十条第（五）项', ['行政许可'], ['本年处理决定数量']],
      ['第二十条第（六）项', ['行政处罚', '行政强制'], ['本年处理决定数量']],
      ['第二十条第（八）项', ['行政事业性收费'], ['本年收费金额（万元）']],
    ]);
  });

  // Seed 004 (营口 2020) prints section 二 of the 试行 template; its headers, spaces from the line
  // wrap removed, must be our labels.
  it('matches the headers printed in the 营口 2020 seed', () => {
    const seed = [
      ['第二十条第(一)项', ['规章', '规范性文件'], ['本年新 制作数量', '本年新 公开数量', '对外公开总数量']],
      ['第二十条第(五)项', ['行政许可', '其他对外管理服务事项'], ['上一年项目数量', '本年增/减', '处理决定数量']],
      ['第二十条第(六)项', ['行政处罚', '行政强制'], ['上一年项目数量', '本年增/减', '处理决定数量']],
      ['第二十条第(八)项', ['行政事业性收费'], ['上一年项目数量', '本年增/减']],
      ['第二十条第(九)项', ['政府集中采购'], ['采购项目数量', '采购总金额']],
    ];
    const norm = (x: unknown): unknown => (Array.isArray(x) ? x.map(norm) : String(x).replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')'));
    expect(norm(shape('2019'))).toEqual(norm(seed));
  });
});

describe('section 三', () => {
  const COMMON_HEAD: [string, string, string][] = [
    ['s3.r1', '一、本年新收政府信息公开申请数量', 'received'],
    ['s3.r2', '二、上年结转政府信息公开申请数量', 'carried_in'],
    ['s3.r3', '三、本年度办理结果', 'heading'],
    ['s3.r3.1', '（一）予以公开', 'outcome'],
    ['s3.r3.2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'outcome'],
    ['s3.r3.3', '（三）不予公开', 'heading'],
    ['s3.r3.3.1', '1.属于国家秘密', 'outcome'],
    ['s3.r3.3.2', '2.其他法律行政法规禁止公开', 'outcome'],
    ['s3.r3.3.3', '3.危及“三安全一稳定”', 'outcome'],
    ['s3.r3.3.4', '4.保护第三方合法权益', 'outcome'],
    ['s3.r3.3.5', '5.属于三类内部事务信息', 'outcome'],
    ['s3.r3.3.6', '6.属于四类过程性信息', 'outcome'],
    ['s3.r3.3.7', '7.属于行政执法案卷', 'outcome'],
    ['s3.r3.3.8', '8.属于行政查询事项', 'outcome'],
    ['s3.r3.4', '（四）无法提供', 'heading'],
    ['s3.r3.4.1', '1.本机关不掌握相关政府信息', 'outcome'],
    ['s3.r3.4.2', '2.没有现成信息需要另行制作', 'outcome'],
    ['s3.r3.4.3', '3.补正后申请内容仍不明确', 'outcome'],
    ['s3.r3.5', '（五）不予处理', 'heading'],
    ['s3.r3.5.1', '1.信访举报投诉类申请', 'outcome'],
    ['s3.r3.5.2', '2.重复申请', 'outcome'],
    ['s3.r3.5.3', '3.要求提供公开出版物', 'outcome'],
    ['s3.r3.5.4', '4.无正当理由大量反复申请', 'outcome'],
    ['s3.r3.5.5', '5.要求行政机关确认或重新出具已获取信息', 'outcome'],
  ];
  const COMMON_TAIL: [string, string, string][] = [
    ['s3.r3.7', '（七）总计', 'total'],
    ['s3.r4', '四、结转下年度继续办理', 'carried_out'],
  ];
  const rowsOf = (id: '2019' | '2021') => TEMPLATES[id].section3.rows.map((r) => [r.key, r.label, r.kind]);

  it('template 2019: （六）其他处理 is one row', () => {
    expect(rowsOf('2019')).toEqual([...COMMON_HEAD, ['s3.r3.6', '（六）其他处理', 'outcome'], ...COMMON_TAIL]);
  });

  it('template 2021: （六）其他处理 has three leaves', () => {
    expect(rowsOf('2021')).toEqual([
      ...COMMON_HEAD,
      ['s3.r3.6', '（六）其他处理', 'heading'],
      ['s3.r3.6.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'outcome'],
      ['s3.r3.6.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'outcome'],
      ['s3.r3.6.3', '3.其他', 'outcome'],
      ...COMMON_TAIL,
    ]);
  });

  it('columns: 自然人 | 法人或其他组织 ×5 | 总计', () => {
    expect(SECTION3_COLUMNS.map((c) => [c.key, c.label, c.group])).toEqual([
      ['natural', '自然人', null],
      ['business', '商业企业', '法人或其他组织'],
      ['research', '科研机构', '法人或其他组织'],
      ['public_interest', '社会公益组织', '法人或其他组织'],
      ['legal_service', '法律服务机构', '法人或其他组织'],
      ['other', '其他', '法人或其他组织'],
      ['total', '总计', null],
    ]);
  });

  it.each(['2019', '2021'] as const)('template %s: every outcome code feeds exactly one row', (id) => {
    for (const code of OUTCOME_CODES) {
      const rows = TEMPLATES[id].section3.rows.filter((r) => r.outcomes.includes(code));
      expect(rows, code).toHaveLength(1);
      expect(rows[0]!.kind).toBe('outcome');
    }
    // and only outcome rows are fed
    for (const r of TEMPLATES[id].section3.rows) expect(r.outcomes.length > 0).toBe(r.kind === 'outcome');
  });

  it.each([
    ['2019', 'other.no_correction', 's3.r3.6'],
    ['2019', 'other.unpaid_fee', 's3.r3.6'],
    ['2019', 'other.other', 's3.r3.6'],
    ['2021', 'other.no_correction', 's3.r3.6.1'],
    ['2021', 'other.unpaid_fee', 's3.r3.6.2'],
    ['2021', 'other.other', 's3.r3.6.3'],
    ['2021', 'withheld.query_matter', 's3.r3.3.8'],
    ['2019', 'partial', 's3.r3.2'],
    // 第三十六条第（四）项 and 第（五）项: two outcomes, one row 本机关不掌握相关政府信息 in both templates
    ['2019', 'unavailable.not_held', 's3.r3.4.1'],
    ['2019', 'unavailable.not_ours', 's3.r3.4.1'],
    ['2021', 'unavailable.not_held', 's3.r3.4.1'],
    ['2021', 'unavailable.not_ours', 's3.r3.4.1'],
    ['2021', 'unavailable.needs_creation', 's3.r3.4.2'],
  ] as const)('template %s: %s → %s', (id, code, key) => {
    expect(rowForOutcome(id, code).key).toBe(key);
  });

  it('full labels name the group of a numbered leaf', () => {
    expect(rowForOutcome('2021', 'withheld.state_secret').fullLabel).toBe('（三）不予公开 1.属于国家秘密');
    expect(rowForOutcome('2021', 'other.other').fullLabel).toBe('（六）其他处理 3.其他');
    expect(rowForOutcome('2019', 'other.other').fullLabel).toBe('（六）其他处理');
  });

  it('value rows: 27 − 4 headings = 23 in 2019, 30 − 5 = 25 in 2021', () => {
    // 2019: 一 二 三 (一) (二) (三)+8 (四)+3 (五)+5 (六) (七) 四 = 3+2+9+4+6+1+1+1 = 27 rows;
    // headings 三 (三) (四) (五) = 4, and (六) in 2021 which adds 3 leaves: 30 rows, 5 headings.
    expect(TEMPLATES['2019'].section3.rows).toHaveLength(27);
    expect(valueRows('2019')).toHaveLength(23);
    expect(TEMPLATES['2021'].section3.rows).toHaveLength(30);
    expect(valueRows('2021')).toHaveLength(25);
  });

  // Seed 004 prints the 试行 table's row texts (with half-width punctuation): our labels, with
  // full-width brackets and commas made half-width, must read the same, row for row.
  it('row labels read as in the 营口 2020 seed', () => {
    const seedRows = [
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '(一)予以公开',
      '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
      '(三)不予公开',
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
      '(四)无法提供',
      '1.本机关不掌握相关政府信息',
      '2.没有现成信息需要另行制作',
      '3.补正后申请内容仍不明确',
      '(五)不予处理',
      '1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
      '(六)其他处理',
      '(七)总计',
      '四、结转下年度继续办理',
    ];
    const half = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',');
    expect(TEMPLATES['2019'].section3.rows.map((r) => half(r.label))).toEqual(seedRows);
  });
});

describe('section 四', () => {
  it('行政复议, 行政诉讼 (未经复议直接起诉; 复议后起诉) × 维持/纠正/其他/尚未审结/总计 = 15 cells', () => {
    expect(SECTION4_GROUPS.map((g) => [g.key, g.fullLabel])).toEqual([
      ['reconsideration', '行政复议'],
      ['litigation_direct', '行政诉讼（未经复议直接起诉）'],
      ['litigation_after_reconsideration', '行政诉讼（复议后起诉）'],
    ]);
    expect(SECTION4_COLUMNS.map((c) => c.label)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(SECTION4_GROUPS.length * SECTION4_COLUMNS.length).toBe(15);
    expect(TEMPLATES['2019'].section4).toEqual(TEMPLATES['2021'].section4);
  });

  it('the six sections', () => {
    expect(TEMPLATES['2021'].sections).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });
});
