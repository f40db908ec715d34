import { describe, expect, it } from 'vitest';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  CHANNEL_DEFS,
  CHANNEL_LABELS,
  CHANNELS,
  isApplicantType,
  isChannel,
  isOutcomeCode,
  OUTCOME_BY_CODE,
  OUTCOME_CODES,
  OUTCOMES,
  receiptDate,
} from './labels.js';

describe('outcome taxonomy (条例第三十五至三十九条; report section 三)', () => {
  // [code, group, label as the report row reads (without its number), articles]
  const cases: [string, string, string, string[]][] = [
    ['disclosed', 'disclosed', '予以公开', ['第三十六条第（一）项', '第三十六条第（二）项']],
    ['partial', 'partial', '部分公开（区分处理的，只计这一情形，不计其他情形）', ['第三十七条']],
    ['withheld.state_secret', 'withheld', '属于国家秘密', ['第十四条', '第三十六条第（三）项']],
    ['withheld.law_prohibited', 'withheld', '其他法律行政法规禁止公开', ['第十四条', '第三十六条第（三）项']],
    ['withheld.three_safety', 'withheld', '危及“三安全一稳定”', ['第十四条', '第三十六条第（三）项']],
    ['withheld.third_party', 'withheld', '保护第三方合法权益', ['第十五条', '第三十二条', '第三十六条第（三）项']],
    ['withheld.internal_affairs', 'withheld', '属于三类内部事务信息', ['第十六条第一款', '第三十六条第（三）项']],
    ['withheld.process_info', 'withheld', '属于四类过程性信息', ['第十六条第二款', '第三十六条第（三）项']],
    ['withheld.enforcement_file', 'withheld', '属于行政执法案卷', ['第十六条第二款', '第三十六条第（三）项']],
    ['withheld.query_matter', 'withheld', '属于行政查询事项', ['第三十六条第（七）项']],
    // 36(四) and 36(五) are two outcomes; the report has one row for both
    ['unavailable.not_held', 'unavailable', '本机关不掌握相关政府信息', ['第三十六条第（四）项']],
    ['unavailable.not_ours', 'unavailable', '本机关不掌握相关政府信息', ['第三十六条第（五）项']],
    ['unavailable.needs_creation', 'unavailable', '没有现成信息需要另行制作', ['第三十八条']],
    ['unavailable.unclear_after_correction', 'unavailable', '补正后申请内容仍不明确', ['第三十条']],
    ['not_processed.petition', 'not_processed', '信访举报投诉类申请', ['第三十九条第一款']],
    ['not_processed.duplicate', 'not_processed', '重复申请', ['第三十六条第（六）项']],
    ['not_processed.publication', 'not_processed', '要求提供公开出版物', ['第三十九条第二款']],
    ['not_processed.excessive', 'not_processed', '无正当理由大量反复申请', ['第三十五条']],
    ['not_processed.confirmation', 'not_processed', '要求行政机关确认或重新出具已获取信息', ['第三十九条']],
    ['other.no_correction', 'other', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['第三十条']],
    ['other.unpaid_fee', 'other', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['第四十二条']],
    ['other.other', 'other', '其他', []],
  ];

  it('has exactly the 22 API codes, in report order', () => {
    expect(OUTCOME_CODES).toEqual(cases.map((c) => c[0]));
    expect(OUTCOMES.map((o) => o.code)).toEqual(cases.map((c) => c[0]));
  });

  it.each(cases)('%s → %s / %s', (code, group, label, articles) => {
    const o = OUTCOME_BY_CODE[code as keyof typeof OUTCOME_BY_CODE];
    expect(o.group).toBe(group);
    expect(o.label).toBe(label);
    expect(o.articles).toEqual(articles);
    expect(code.split('.')[0]).toBe(group); // the code's prefix is its group
  });

  it.each([
    ['partial', '部分公开'],
    ['other.no_correction', '逾期不补正'],
    ['other.unpaid_fee', '逾期不缴费'],
    ['unavailable.not_held', '信息不存在'],
    ['unavailable.not_ours', '非本机关负责公开'],
    ['withheld.state_secret', '属于国家秘密'],
  ])('short label of %s is %s', (code, short) => {
    expect(OUTCOME_BY_CODE[code as keyof typeof OUTCOME_BY_CODE].shortLabel).toBe(short);
  });

  it.each([
    ['disclosed', true],
    ['withheld.three_safety', true],
    ['withheld', false],
    ['other', false],
    ['', false],
    [null, false],
  ])('isOutcomeCode(%s) = %s', (s, ok) => expect(isOutcomeCode(s)).toBe(ok));
});

describe('applicant types', () => {
  it('are the six columns of section 三 with their labels', () => {
    expect(APPLICANT_TYPES).toEqual(['natural', 'business', 'research', 'public_interest', 'legal_service', 'other']);
    expect(APPLICANT_TYPES.map((t) => APPLICANT_TYPE_LABELS[t])).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(isApplicantType('legal_service')).toBe(true);
    expect(isApplicantType('lawyer')).toBe(false);
  });
});

describe('channels and the receipt date (条例第三十一条)', () => {
  it('has four channels, each with its label and rule', () => {
    expect(CHANNELS).toEqual(['online', 'letter', 'in_person', 'fax_email']);
    expect(CHANNEL_LABELS).toEqual({ online: '互联网在线申请', letter: '信函邮寄', in_person: '当面提交', fax_email: '传真、电子邮件' });
    expect(CHANNEL_DEFS.in_person.receipt).toMatchObject({ event: 'handed_in', article: '第三十一条第（一）项' });
    expect(CHANNEL_DEFS.letter.receipt).toMatchObject({ event: 'signed_for', fallback: 'confirmed', article: '第三十一条第（二）项' });
    expect(CHANNEL_DEFS.online.receipt).toMatchObject({ event: 'confirmed', article: '第三十一条第（三）项' });
    expect(CHANNEL_DEFS.fax_email.receipt).toMatchObject({ event: 'confirmed', article: '第三十一条第（三）项' });
    expect(isChannel('letter')).toBe(true);
    expect(isChannel('phone')).toBe(false);
  });

  // [channel, recorded events, receipt date, why]
  const cases: [string, Record<string, string | null>, string | null, string][] = [
    ['in_person', { handed_in: '2024-03-04' }, '2024-03-04', 'the day handed in'],
    ['letter', { handed_in: '2024-03-01', signed_for: '2024-03-05' }, '2024-03-05', 'posted 03-01, signed for 03-05: the signing day'],
    ['letter', { confirmed: '2024-03-06' }, '2024-03-06', 'ordinary letter needing no signature: the day confirmed with the applicant'],
    ['letter', { signed_for: '2024-03-05', confirmed: '2024-03-06' }, '2024-03-05', 'signed for wins over a later confirmation'],
    ['online', { handed_in: '2024-03-01', confirmed: '2024-03-04' }, '2024-03-04', 'submitted Fri 03-01, confirmed Mon 03-04'],
    ['online', { handed_in: '2024-03-01' }, null, 'not yet confirmed: no receipt date, the clock has not started'],
    ['fax_email', { confirmed: '2024-03-08' }, '2024-03-08', 'fax: the day both sides confirm'],
    ['in_person', {}, null, 'nothing recorded'],
  ];
  it.each(cases)('%s %j → %s (%s)', (channel, events, date) => {
    expect(receiptDate(channel as (typeof CHANNELS)[number], events)).toBe(date);
  });
});
