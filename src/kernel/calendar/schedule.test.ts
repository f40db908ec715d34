/** Reading the State Council notice and checking a schedule against 全国年节及纪念日放假办法 (2024). */
import { describe, expect, it } from 'vitest';
import { type CalendarDay, chineseDaysSeed } from './calendar.js';
import { NOTICE_2024, NOTICE_2025, NOTICE_2026, NOTICE_2027 } from './fixtures/notices.js';
import { checkSchedule, parseNotice } from './schedule.js';

const official = (year: number) => chineseDaysSeed().days.filter((d) => d.date.startsWith(`${year}-`));
const key = (days: CalendarDay[]) => days.map((d) => `${d.date} ${d.kind}`).sort();

describe('parseNotice', () => {
  it.each([
    [2024, NOTICE_2024],
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ])('the %i notice gives exactly the official schedule', (year, text) => {
    const p = parseNotice(year, text);
    expect(p.errors).toEqual([]);
    expect(key(p.days)).toEqual(key(official(year)));
    expect(p.lines.map((l) => l.name)).toEqual(
      year === 2025 ? ['元旦', '春节', '清明节', '劳动节', '端午节', '国庆节、中秋节'] : ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'],
    );
  });

  it('reads ranges across months, single days and 与周末连休, and passes over prose with dates', () => {
    const p = parseNotice(2025, NOTICE_2025);
    expect(p.lines.find((l) => l.name === '端午节')).toEqual({ line: 9, name: '端午节', holidays: ['2025-05-31', '2025-06-01', '2025-06-02'], workdays: [] });
    const y24 = parseNotice(2024, NOTICE_2024);
    expect(y24.lines.find((l) => l.name === '端午节')!.holidays).toEqual(['2024-06-10']);
    expect(y24.days.find((d) => d.date === '2024-02-09')).toBeUndefined(); // 鼓励…除夕（2月9日）休息 is not a day off
  });

  it.each<[string, string, RegExp]>([
    ['a weekday that does not match the date', '一、元旦：1月1日（周四）放假1天。', /第1行：1月1日（周四）标注为星期四，但 2027-01-01 是星期五/],
    ['共N天 that does not match the range', '二、春节：2月5日至12日放假调休，共9天。', /第1行：放假日期共 8 天，但通知写明“共9天”/],
    ['a holiday line without dates', '三、清明节：放假安排另行通知。', /第1行没有日期/],
    ['a range that ends before it starts', '四、劳动节：5月5日至1日放假。', /第1行：5月5日至1日：结束日早于开始日/],
    ['an impossible date', '五、端午节：6月31日放假。', /第1行：“6月31日”不是有效日期/],
    ['a date of another year', '一、元旦：2026年12月31日至2027年1月1日放假，共2天。', /2026-12-31 不在 2027 年内/],
    ['a line with neither 放假 nor dates it can place', '七、国庆节：10月1日（周五）。', /第1行：没有读出放假日期/],
  ])('names the line: %s', (_what, text, message) => {
    const p = parseNotice(2027, text);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]!.line).toBe(1);
    expect(p.errors[0]!.message).toMatch(message);
    expect(p.days).toEqual([]);
  });

  it('names the right line in a longer paste and keeps the others', () => {
    const text = NOTICE_2027.replace('四、劳动节：5月1日（周六）', '四、劳动节：5月1日（周日）');
    const p = parseNotice(2027, text);
    expect(p.errors.map((e) => e.line)).toEqual([5]);
    expect(p.lines.map((l) => l.name)).toEqual(['元旦', '春节', '清明节', '端午节', '中秋节', '国庆节']);
  });

  it('says so when nothing in the paste is a holiday line', () => {
    expect(parseNotice(2027, '各省、自治区、直辖市人民政府：\n经国务院批准，现将…通知如下。').errors[0]!.message).toMatch(/没有读出任何节日安排/);
  });
});

describe('checkSchedule', () => {
  it.each([2025, 2026])('the official %i schedule passes without a warning', (year) => {
    expect(checkSchedule(year, official(year))).toEqual({ errors: [], warnings: [] });
  });

  it('the made-up 2027 notice passes without a warning', () => {
    expect(checkSchedule(2027, parseNotice(2027, NOTICE_2027).days)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a year with 春节 missing or a holiday shorter than its statutory days', () => {
    const days = parseNotice(2027, NOTICE_2027).days;
    const noSpring = checkSchedule(
      2027,
      days.filter((d) => d.name !== '春节'),
    );
    expect(noSpring.errors).toEqual(['缺少春节的放假安排（法定 4 天）']);
    const shortLabour = checkSchedule(
      2027,
      days.filter((d) => !(d.name === '劳动节' && d.kind === 'holiday' && d.date > '2027-05-01')),
    );
    expect(shortLabour.errors).toEqual(['劳动节放假 1 天，少于法定的 2 天']);
    // A combined 国庆节、中秋节 block needs 3 + 1 days.
    const combined: CalendarDay[] = [
      ...days.filter((d) => d.name !== '国庆节' && d.name !== '中秋节'),
      ...['10-01', '10-02', '10-03'].map((md): CalendarDay => ({ date: `2027-${md}`, kind: 'holiday', name: '国庆节、中秋节' })),
    ];
    expect(checkSchedule(2027, combined).errors).toEqual(['国庆节、中秋节放假 3 天，少于法定的 4 天']);
  });

  it('refuses a 调休上班 day on a weekday and a day both off and working', () => {
    const days = parseNotice(2027, NOTICE_2027).days;
    const r = checkSchedule(2027, [...days, { date: '2027-05-06', kind: 'workday', name: '劳动节' }, { date: '2027-10-01', kind: 'workday', name: '国庆节' }]);
    expect(r.errors).toEqual(['调休上班日应为周六或周日：5月6日是星期四', '10月1日既是放假日又是调休上班日', '调休上班日应为周六或周日：10月1日是星期五']);
  });

  it('warns about a statutory day not off, an unbalanced 调休, a stray 调休上班 day, an unknown name', () => {
    const days = parseNotice(2027, NOTICE_2027).days.filter((d) => d.date !== '2027-02-05'); // 除夕 worked
    const r = checkSchedule(2027, [
      ...days,
      { date: '2027-07-10', kind: 'workday', name: '调休' },
      { date: '2027-09-03', kind: 'holiday', name: '抗战胜利纪念日' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      '“抗战胜利纪念日”不是《全国年节及纪念日放假办法》规定的全体公民放假的节日（9月3日），请核对',
      '2月5日是法定的春节假日，但没有安排放假',
      '工作日放假 18 天、调休上班 6 天，相抵后为 12 天，与法定节假日合计 13 天不一致，请核对',
      '调休上班日7月10日前后两周内没有放假日，请核对',
    ]);
  });

  it('checks only the structure of years before the 2024 revision', () => {
    expect(checkSchedule(2024, official(2024))).toEqual({ errors: [], warnings: [] });
    expect(checkSchedule(2024, [{ date: '2024-05-06', kind: 'workday', name: '劳动节' }]).errors).toEqual(['调休上班日应为周六或周日：5月6日是星期一']);
  });
});
