/**
 * 检查统计 and 监测预警 on a hand-written fixture (figures.ts is pure): twelve inspections, three
 * interviews and five evaluations of two orgs, every expected count and record key counted by hand
 * below, with the reason in a comment. Dates are 2025; "today" is Monday 2025-05-12 unless a case
 * says otherwise.
 *
 * The fixture (day = on-site date; s = signed, f = feedback letter, due = rectification deadline):
 *
 *   org A (城区档案局)
 *   i01 u1 agency   draw    on site 03-06, s 03-06, f 03-07, due 03-31; x1 accepted 03-20,
 *                           x2 returned 03-20 then accepted 04-02 → closed by itself; record 符合/不符合/不符合
 *   i02 u2 soe      ad hoc  on site 03-13, s 03-14 (signed the day after), f 03-14, no items → closed; 符合/不适用/符合
 *   i03 u3 private  draw    on site 03-31, s 03-31, f 04-01, due 04-15; x3 never reported; 约谈 iv1 04-18,
 *                           回头看 i06; 办结 by hand 05-06; team 王 马 林, only 王 马 present
 *   i04 u1 agency   ad hoc  on site 04-01, s 04-01, f 04-02, due 04-16; x4 returned 04-10 and 04-20,
 *                           accepted 04-30; x7 returned 04-20 (still out); 约谈 iv3 04-30
 *   i05 u1 agency   ad hoc  planned 05-20, notified
 *   i06 u3 private  回头看 of i03: on site 04-24, s 04-24, f 04-25, no items → closed; 符合/符合
 *   i09 u2 soe      draw    planned 06-10, not yet notified
 *   i10 u2 soe      ad hoc  on site 04-10, s 04-10, f 04-11, no items → closed; 符合×3
 *   i11 u3 private  ad hoc  planned 04-28, notified, never carried out (no record)
 *   org B (开发区档案局), below A
 *   i07 u4 institution (same credit code as u2) draw: on site 03-20, s 03-21, f 03-24, due 04-10;
 *                           x5 accepted 03-31 → closed
 *   i08 u5 agency   draw    on site 04-30, s 04-30, f 04-30, due 05-07; x6 reported, not reviewed; 约谈 iv2 05-09
 *   i12 u5 agency   ad hoc  planned and on site 05-08, record saved, not signed
 *   evaluations: e1 A u1 03-28 优秀 · e2 A no unit 04-01 良好 · e3 A u2 04-30 不合格 · e4 B u4 04-15 合格 · e5 A u3 05-06 优秀
 */
import { describe, expect, it } from 'vitest';
import { chineseDaysSeed, WorkCalendar } from '../../../kernel/calendar/index.js';
import type { RectificationItem } from '../loop/loop.js';
import {
  FIGURES,
  FIGURE_NAMES,
  acceptedOn,
  asOfDay,
  effectiveDate,
  inspectorWorkload,
  overdueRectifications,
  repeatInspections,
  repeatMessage,
  sortRecords,
  type FigureData,
  type FigureEvaluation,
  type FigureInspection,
  type FigureInterview,
  type FigureName,
  type Period,
} from './figures.js';

const TODAY = '2025-05-12';
const A = { orgId: 'org-a', orgName: '城区档案局' };
const B = { orgId: 'org-b', orgName: '开发区档案局' };
type Unit = { orgId: string; orgName: string; unitId: string; unitName: string; unitType: string; unitCreditCode: string };
const U: Record<'u1' | 'u2' | 'u3' | 'u4' | 'u5', Unit> = {
  u1: { ...A, unitId: 'u1', unitName: '城区人民政府办公室', unitType: 'agency', unitCreditCode: '11110000000000001A' },
  u2: { ...A, unitId: 'u2', unitName: '城区供水公司', unitType: 'soe', unitCreditCode: '91110000000000002B' },
  u3: { ...A, unitId: 'u3', unitName: '城区某科技公司', unitType: 'private', unitCreditCode: '91110000000000003C' },
  // The same legal person as u2 (same credit code) in B's directory, typed differently there: 多头检查.
  u4: { ...B, unitId: 'u4', unitName: '城区供水公司', unitType: 'institution', unitCreditCode: '91110000000000002B' },
  u5: { ...B, unitId: 'u5', unitName: '开发区管委会', unitType: 'agency', unitCreditCode: '11110000000000005E' },
};
const W = { id: 'w', name: '王执法', certificateNo: 'C-01' };
const S = { id: 's', name: '孙立新', certificateNo: 'C-02' };
const L = { id: 'l', name: '林志强', certificateNo: 'C-03' };
const M = { id: 'm', name: '马红梅', certificateNo: 'C-04' };
const P = { id: 'p', name: '彭文', certificateNo: 'C-11' };
const Q = { id: 'q', name: '齐磊', certificateNo: 'C-12' };

/** A rectification item with its reviews (decision per day); `reported`: a report waits for review. */
function item(id: string, code: string, reviews: [string, 'accepted' | 'returned'][], reported = false): RectificationItem {
  const last = reviews.at(-1)?.[1];
  return {
    id,
    entryId: `e-${code}`,
    code,
    title: `检查项 ${code}`,
    text: `整改 ${code}`,
    status: reported ? 'reported' : (last ?? 'open'),
    reports: [],
    reviews: reviews.map(([on, decision]) => ({ on, decision, comment: decision === 'returned' ? '佐证不足' : null, by: '王执法' })),
    returnCount: reviews.filter(([, d]) => d === 'returned').length,
  };
}

function insp(n: number, unit: Unit, o: Partial<FigureInspection>): FigureInspection {
  const id = `i${String(n).padStart(2, '0')}`;
  return {
    id,
    code: `J-2025-${String(n).padStart(3, '0')}`,
    ...unit,
    source: 'draw',
    parentInspectionId: null,
    status: 'notified',
    plannedDate: o.onSiteDate ?? '2025-01-01',
    onSiteDate: null,
    signedOn: null,
    feedbackOn: null,
    feedbackDocNumber: o.feedbackOn ? `城档检〔2025〕${n}号` : null,
    rectificationItems: [],
    rectificationDue: null,
    closedOn: null,
    results: [],
    team: [],
    present: null,
    ...o,
  };
}

const [c, nc, na] = ['compliant', 'non_compliant', 'not_applicable'] as const;
const i01 = insp(1, U.u1, {
  status: 'closed',
  onSiteDate: '2025-03-06',
  signedOn: '2025-03-06',
  feedbackOn: '2025-03-07',
  rectificationDue: '2025-03-31',
  rectificationItems: [
    item('x1', 'A1-01', [['2025-03-20', 'accepted']]),
    item('x2', 'A2-03', [
      ['2025-03-20', 'returned'],
      ['2025-04-02', 'accepted'],
    ]),
  ],
  results: [c, nc, nc],
  team: [W, S],
  present: ['w', 's'],
});
const i02 = insp(2, U.u2, {
  source: 'ad_hoc',
  status: 'closed',
  onSiteDate: '2025-03-13',
  signedOn: '2025-03-14',
  feedbackOn: '2025-03-14',
  results: [c, na, c],
  team: [W, L],
  present: ['w', 'l'],
});
const i03 = insp(3, U.u3, {
  status: 'closed',
  closedOn: '2025-05-06',
  onSiteDate: '2025-03-31',
  signedOn: '2025-03-31',
  feedbackOn: '2025-04-01',
  rectificationDue: '2025-04-15',
  rectificationItems: [item('x3', 'A4-05', [])],
  results: [nc, c],
  team: [W, M, L],
  present: ['w', 'm'],
});
const i04 = insp(4, U.u1, {
  source: 'ad_hoc',
  status: 'rectifying',
  onSiteDate: '2025-04-01',
  signedOn: '2025-04-01',
  feedbackOn: '2025-04-02',
  rectificationDue: '2025-04-16',
  rectificationItems: [
    item('x4', 'A2-02', [
      ['2025-04-10', 'returned'],
      ['2025-04-20', 'returned'],
      ['2025-04-30', 'accepted'],
    ]),
    item('x7', 'A5-04', [['2025-04-20', 'returned']]),
  ],
  results: [nc, c, na, nc],
  team: [W, S],
  present: ['w', 's'],
});
const i05 = insp(5, U.u1, { source: 'ad_hoc', plannedDate: '2025-05-20', team: [W, S] });
const i06 = insp(6, U.u3, {
  source: 'follow_up',
  parentInspectionId: 'i03',
  status: 'closed',
  plannedDate: '2025-04-24',
  onSiteDate: '2025-04-24',
  signedOn: '2025-04-24',
  feedbackOn: '2025-04-25',
  results: [c, c],
  team: [W, S],
  present: ['w', 's'],
});
const i07 = insp(7, U.u4, {
  status: 'closed',
  onSiteDate: '2025-03-20',
  signedOn: '2025-03-21',
  feedbackOn: '2025-03-24',
  rectificationDue: '2025-04-10',
  rectificationItems: [item('x5', 'A1-05', [['2025-03-31', 'accepted']])],
  results: [nc, c],
  team: [P, Q],
  present: ['p', 'q'],
});
const i08 = insp(8, U.u5, {
  status: 'rectifying',
  onSiteDate: '2025-04-30',
  signedOn: '2025-04-30',
  feedbackOn: '2025-04-30',
  rectificationDue: '2025-05-07',
  rectificationItems: [item('x6', 'A3-06', [], true)],
  results: [nc],
  team: [P, Q],
  present: ['p', 'q'],
});
const i09 = insp(9, U.u2, { status: 'planned', plannedDate: '2025-06-10', team: [L, M] });
const i10 = insp(10, U.u2, {
  source: 'ad_hoc',
  status: 'closed',
  onSiteDate: '2025-04-10',
  signedOn: '2025-04-10',
  feedbackOn: '2025-04-11',
  results: [c, c, c],
  team: [W, L],
  present: ['w', 'l'],
});
const i11 = insp(11, U.u3, { source: 'ad_hoc', plannedDate: '2025-04-28', team: [L, M] });
// Record saved with only 彭文 present, not signed: the team still counts.
const i12 = insp(12, U.u5, { source: 'ad_hoc', plannedDate: '2025-05-08', onSiteDate: '2025-05-08', results: [c, null], team: [P, Q], present: ['p'] });
const INSPECTIONS = [i01, i02, i03, i04, i05, i06, i07, i08, i09, i10, i11, i12];

const interview = (id: string, i: FigureInspection, heldOn: string): FigureInterview => ({
  id,
  orgId: i.orgId,
  orgName: i.orgName,
  inspectionId: i.id,
  inspectionCode: i.code,
  unitId: i.unitId,
  unitName: i.unitName,
  unitType: i.unitType,
  heldOn,
  place: '局二楼会议室',
});
const INTERVIEWS = [interview('iv1', i03, '2025-04-18'), interview('iv2', i08, '2025-05-09'), interview('iv3', i04, '2025-04-30')];

const evaluation = (id: string, unit: Unit | typeof A, evaluatedOn: string, grade: string, score: number | null): FigureEvaluation => ({
  id,
  orgId: unit.orgId,
  orgName: unit.orgName,
  title: `2025年度考评 ${id}`,
  unitId: 'unitId' in unit ? unit.unitId : null,
  unitName: 'unitName' in unit ? unit.unitName : null,
  unitType: 'unitType' in unit ? unit.unitType : null,
  evaluatedOn,
  grade,
  score,
  maxScore: score === null ? null : 100,
});
const EVALUATIONS = [
  evaluation('e1', U.u1, '2025-03-28', 'excellent', 90),
  evaluation('e2', A, '2025-04-01', 'good', 75),
  evaluation('e3', U.u2, '2025-04-30', 'fail', 85),
  evaluation('e4', U.u4, '2025-04-15', 'pass', 62),
  evaluation('e5', U.u3, '2025-05-06', 'excellent', null),
];

/** 2025's official schedule: 劳动节 05-01–05-05 off, Sunday 04-27 worked (调休上班). */
const CAL = new WorkCalendar(chineseDaysSeed());
const ALL: FigureData = { inspections: INSPECTIONS, interviews: INTERVIEWS, evaluations: EVALUATIONS, calendar: CAL };
/** What the service loads for org A without 含下级. */
const ONLY_A: FigureData = {
  inspections: INSPECTIONS.filter((i) => i.orgId === A.orgId),
  interviews: INTERVIEWS.filter((v) => v.orgId === A.orgId),
  evaluations: EVALUATIONS.filter((e) => e.orgId === A.orgId),
};

const period = (from: string, to: string, today = TODAY): Period => ({ from, to, today });
const Q1 = period('2025-01-01', '2025-03-31');
const APR = period('2025-04-01', '2025-04-30');
const MAY = period('2025-05-01', '2025-05-31'); // as of today, 05-12
const H1 = period('2025-01-01', '2025-06-30');
const day = (d: string) => period(d, d);

const keysOf = (name: FigureName, d: FigureData, p: Period) =>
  FIGURES[name]
    .fn(d, p)
    .map((r) => r.key)
    .sort();

describe('the figures, counted by hand', () => {
  // [figure, data, period, expected record keys, why]
  const cases: [FigureName, 'all' | 'A', Period, string[], string][] = [
    // 检查次数: signed_on in the period, any source.
    ['inspectionsDone', 'all', Q1, ['i01', 'i02', 'i03', 'i07'], 'signed 03-06, 03-14, 03-31 (last day included), 03-21'],
    ['inspectionsDone', 'A', Q1, ['i01', 'i02', 'i03'], 'i07 is B’s'],
    [
      'inspectionsDone',
      'all',
      APR,
      ['i04', 'i06', 'i08', 'i10'],
      '04-01 (first day), 04-24 (回头看 counts too), 04-30 (last day), 04-10; i11 never carried out',
    ],
    ['inspectionsDone', 'all', MAY, [], 'i12 is on site 05-08 but unsigned; i05, i09 planned'],
    ['inspectionsDone', 'all', day('2025-03-13'), [], 'i02 was on site 03-13 but signed 03-14: the signing day counts'],
    ['inspectionsDone', 'all', day('2025-03-14'), ['i02'], 'signed 03-14'],
    ['inspectionsDone', 'all', H1, ['i01', 'i02', 'i03', 'i04', 'i06', 'i07', 'i08', 'i10'], 'every signed record'],
    // 检查单位数: distinct units of inspectionsDone (u2 and u4 are two directory entries).
    ['unitsInspected', 'all', Q1, ['u1', 'u2', 'u3', 'u4'], 'i01 u1, i02 u2, i03 u3, i07 u4'],
    ['unitsInspected', 'all', APR, ['u1', 'u2', 'u3', 'u5'], 'i04 u1, i10 u2, i06 u3, i08 u5'],
    ['unitsInspected', 'all', H1, ['u1', 'u2', 'u3', 'u4', 'u5'], 'u1 twice (i01, i04), u2 twice (i02, i10), u3 twice (i03, i06): once each'],
    ['unitsInspected', 'A', H1, ['u1', 'u2', 'u3'], 'A’s own directory'],
    // 反馈意见书: feedback_on in the period, with or without items.
    ['feedbackLetters', 'all', Q1, ['i01', 'i02', 'i07'], '03-07, 03-14 (no items), 03-24; i03 was signed 03-31 but its letter is 04-01'],
    ['feedbackLetters', 'all', APR, ['i03', 'i04', 'i06', 'i08', 'i10'], '04-01, 04-02, 04-25, 04-30, 04-11'],
    ['feedbackLetters', 'all', day('2025-03-31'), [], 'no letter that day'],
    // 回头看: source follow_up, signed in the period.
    ['followUps', 'all', Q1, [], 'none signed in Q1'],
    ['followUps', 'all', APR, ['i06'], 'i06 signed 04-24'],
    ['followUps', 'all', day('2025-04-23'), [], 'the day before'],
    // 约谈: held_on in the period.
    ['interviews', 'all', APR, ['iv1', 'iv3'], '04-18 and 04-30 (last day)'],
    ['interviews', 'all', MAY, ['iv2'], '05-09'],
    ['interviews', 'A', MAY, [], 'iv2 is B’s'],
    // 整改事项（提出）: items of the letters issued in the period.
    ['rectificationRaised', 'all', Q1, ['i01:x1', 'i01:x2', 'i07:x5'], 'letters 03-07 (2 items), 03-14 (none), 03-24 (1 item)'],
    ['rectificationRaised', 'all', APR, ['i03:x3', 'i04:x4', 'i04:x7', 'i08:x6'], 'letters 04-01, 04-02 (2 items), 04-30; i06 and i10 had none'],
    ['rectificationRaised', 'all', MAY, [], 'no letter in May'],
    // 整改通过: the first accepting review in the period (returns do not count).
    ['rectificationClosed', 'all', Q1, ['i01:x1', 'i07:x5'], 'x1 03-20, x5 03-31 (last day); x2 was returned 03-20'],
    ['rectificationClosed', 'all', APR, ['i01:x2', 'i04:x4'], 'x2 04-02, x4 04-30 (after two returns); x7 only returned; x3 (closed by hand) never accepted'],
    ['rectificationClosed', 'all', day('2025-03-31'), ['i07:x5'], 'x5 accepted that day'],
    ['rectificationClosed', 'all', MAY, [], 'x3’s inspection was closed by hand 05-06 without acceptance: not counted'],
    // 整改逾期: a stock on A = min(to, today): letter by A, due < A, not accepted by A, not closed by hand by A.
    ['rectificationOverdue', 'all', Q1, [], 'A = 03-31: i01 is due 03-31 itself (not yet overdue); the rest are due later'],
    ['rectificationOverdue', 'all', day('2025-04-01'), ['i01:x2'], 'A = 04-01: i01 due 03-31; x1 accepted 03-20, x2 only on 04-02'],
    [
      'rectificationOverdue',
      'all',
      period('2025-04-01', '2025-04-29'),
      ['i03:x3', 'i04:x4', 'i04:x7'],
      'A = 04-29: i03 due 04-15, i04 due 04-16, x4 accepted only 04-30; i07’s x5 accepted 03-31',
    ],
    ['rectificationOverdue', 'all', APR, ['i03:x3', 'i04:x7'], 'A = 04-30: x4 accepted that day; i08 issued 04-30 is due 05-07'],
    ['rectificationOverdue', 'all', period('2025-05-01', '2025-05-05'), ['i03:x3', 'i04:x7'], 'A = 05-05: i03 is closed by hand only 05-06'],
    ['rectificationOverdue', 'all', day('2025-05-06'), ['i04:x7'], 'A = 05-06: i03 closed by hand that day; i08 due 05-07 not yet'],
    ['rectificationOverdue', 'all', MAY, ['i04:x7', 'i08:x6'], 'A = today 05-12 (to 05-31 is later): i08 due 05-07, x6 reported but not reviewed'],
    ['rectificationOverdue', 'all', period('2025-05-12', '2025-12-31'), ['i04:x7', 'i08:x6'], '`from` does not apply to a stock; A = today'],
    ['rectificationOverdue', 'A', MAY, ['i04:x7'], 'i08 is B’s'],
    // 检查结果分布: the signed inspections of the period by whether any entry is 不符合.
    ['resultDistribution', 'all', Q1, ['i01', 'i02', 'i03', 'i07'], 'as inspectionsDone'],
    ['resultDistribution', 'all', APR, ['i04', 'i06', 'i08', 'i10'], 'as inspectionsDone'],
    // 考评等级分布: evaluated_on in the period.
    ['gradeDistribution', 'all', Q1, ['e1'], '03-28'],
    ['gradeDistribution', 'all', APR, ['e2', 'e3', 'e4'], '04-01 (first day), 04-30 (last day), 04-15'],
    ['gradeDistribution', 'A', APR, ['e2', 'e3'], 'e4 is B’s'],
    ['gradeDistribution', 'all', MAY, ['e5'], '05-06'],
  ];

  for (const [name, scope, p, keys, why] of cases) {
    it(`${name} (${scope === 'all' ? 'both orgs' : 'org A'}) ${p.from}…${p.to} = ${keys.length}: ${why}`, () => {
      const records = FIGURES[name].fn(scope === 'all' ? ALL : ONLY_A, p);
      // The value the page shows is the number of records the drill-down lists.
      expect(records.map((r) => r.key).sort()).toEqual(keys);
      expect(new Set(records.map((r) => r.key)).size).toBe(records.length);
    });
  }

  it('distributions: the bucket of each record', () => {
    const bucketsOf = (name: FigureName, p: Period) => Object.fromEntries(FIGURES[name].fn(ALL, p).map((r) => [r.key, r.bucket]));
    // i01 has two 不符合, i03 and i07 one; i02 has 符合 and 不适用 only → all compliant.
    expect(bucketsOf('resultDistribution', Q1)).toEqual({ i01: 'non_compliant', i02: 'compliant', i03: 'non_compliant', i07: 'non_compliant' });
    // i04 and i08 have 不符合; i06 and i10 none.
    expect(bucketsOf('resultDistribution', APR)).toEqual({ i04: 'non_compliant', i06: 'compliant', i08: 'non_compliant', i10: 'compliant' });
    expect(FIGURES.resultDistribution.fn(ALL, Q1).find((r) => r.key === 'i01')).toMatchObject({ bucketLabel: '有不符合项', note: '不符合 2 项' });
    expect(FIGURES.resultDistribution.fn(ALL, Q1).find((r) => r.key === 'i02')).toMatchObject({ bucketLabel: '全部符合', note: null });
    expect(bucketsOf('gradeDistribution', APR)).toEqual({ e2: 'good', e3: 'fail', e4: 'pass' });
    const e3 = FIGURES.gradeDistribution.fn(ALL, APR).find((r) => r.key === 'e3')!;
    expect(e3).toMatchObject({ bucketLabel: '不合格', evaluationId: 'e3', unitType: 'soe', date: '2025-04-30', note: '得分 85/100' });
    // Without a unit, without a score.
    expect(FIGURES.gradeDistribution.fn(ALL, APR).find((r) => r.key === 'e2')).toMatchObject({ unitId: null, unitType: null });
    expect(FIGURES.gradeDistribution.fn(ALL, MAY)[0]).toMatchObject({ key: 'e5', bucket: 'excellent', note: null });
    // Every bucket key is one the figure declares.
    for (const name of ['resultDistribution', 'gradeDistribution'] as const) {
      const declared = Object.keys(FIGURES[name].buckets);
      for (const p of [Q1, APR, MAY, H1]) for (const r of FIGURES[name].fn(ALL, p)) expect(declared).toContain(r.bucket);
    }
    expect(Object.keys(FIGURES.gradeDistribution.buckets)).toEqual(['excellent', 'good', 'pass', 'fail']);
  });

  it('what each record says: the counting day, the unit’s latest inspection, the overdue days', () => {
    // u1 was inspected twice in H1: one record, dated by and linked to the later one (i04).
    const u1 = FIGURES.unitsInspected.fn(ALL, H1).find((r) => r.key === 'u1')!;
    expect(u1).toMatchObject({ inspectionId: 'i04', date: '2025-04-01', note: '本期检查 2 次：J-2025-001、J-2025-004' });
    // i02 counts on its signing day, not its on-site day.
    expect(FIGURES.inspectionsDone.fn(ALL, Q1).find((r) => r.key === 'i02')).toMatchObject({
      date: '2025-03-14',
      dateLabel: '签字日期',
      sourceLabel: '专项/临时检查',
    });
    expect(FIGURES.followUps.fn(ALL, APR)[0]).toMatchObject({ key: 'i06', note: '回头看 J-2025-003', sourceLabel: '回头看' });
    expect(FIGURES.feedbackLetters.fn(ALL, APR).find((r) => r.key === 'i04')).toMatchObject({ date: '2025-04-02', note: '城档检〔2025〕4号，整改事项 2 项' });
    expect(FIGURES.rectificationClosed.fn(ALL, APR).find((r) => r.key === 'i04:x4')).toMatchObject({
      date: '2025-04-30',
      itemCode: 'A2-02',
      itemStatusLabel: '已通过',
    });
    // Working days (the rectification clock's unit), by hand: (05-07, 05-12] = 05-08, 05-09, 05-12 → 3;
    // (04-16, 05-12] = 04-17, 18, 21–25, 27 (调休上班), 28–30, 05-06–05-09, 05-12 → 16 (05-01–05-05 劳动节).
    const overdue = FIGURES.rectificationOverdue.fn(ALL, MAY);
    expect(overdue.find((r) => r.key === 'i08:x6')).toMatchObject({
      date: '2025-05-07',
      dateLabel: '整改期限',
      itemStatusLabel: '已报送',
      note: '截至 2025-05-12 逾期 3 个工作日',
    });
    expect(overdue.find((r) => r.key === 'i04:x7')).toMatchObject({ date: '2025-04-16', itemStatusLabel: '已退回', note: '截至 2025-05-12 逾期 16 个工作日' });
    expect(FIGURES.interviews.fn(ALL, MAY)[0]).toMatchObject({ key: 'iv2', inspectionCode: 'J-2025-008', orgId: B.orgId, date: '2025-05-09' });
  });

  it('the as-of day is the earlier of the period’s end and today; acceptance is the first accepting review', () => {
    expect(asOfDay(MAY)).toBe('2025-05-12');
    expect(asOfDay(APR)).toBe('2025-04-30');
    expect(asOfDay(period('2025-01-01', '2025-05-12'))).toBe('2025-05-12');
    expect(acceptedOn(i01.rectificationItems[1]!)).toBe('2025-04-02');
    expect(acceptedOn(i04.rectificationItems[1]!)).toBeNull();
  });

  it('records sort by the counting day (latest first), then code', () => {
    const sorted = sortRecords(FIGURES.inspectionsDone.fn(ALL, H1));
    expect(sorted.map((r) => r.key)).toEqual(['i08', 'i06', 'i10', 'i04', 'i03', 'i07', 'i02', 'i01']);
  });

  it('every figure of the page is a named function with a definition', () => {
    expect(FIGURE_NAMES).toEqual([
      'inspectionsDone',
      'unitsInspected',
      'feedbackLetters',
      'followUps',
      'interviews',
      'rectificationRaised',
      'rectificationClosed',
      'rectificationOverdue',
      'resultDistribution',
      'gradeDistribution',
    ]);
    for (const name of FIGURE_NAMES) expect(FIGURES[name].definition.length).toBeGreaterThan(10);
    // The stock figure says it is taken on one day and ignores `from`; the count of units says how units are told apart.
    expect(FIGURES.rectificationOverdue.definition).toMatch(/较早的一天.*时点数，不受起始日期限制/);
    expect(FIGURES.unitsInspected.definition).toMatch(/同一检查对象多次检查只计一家/);
    expect(FIGURES.rectificationClosed.definition).toMatch(/首次“通过”审核之日.*未经审核通过而办结的事项不计/);
    expect(keysOf('inspectionsDone', ALL, H1)).toHaveLength(8);
  });
});

describe('重复检查（多头检查）', () => {
  // The day of an inspection: on site, else planned (i02: 03-13 though signed 03-14; i12: 05-08 unsigned).
  // Groups by credit code: u1 {i01 03-06, i04 04-01, i05 05-20}; u2+u4 {i02 03-13 A, i07 03-20 B, i10 04-10 A, i09 06-10 A};
  // u3 {i03 03-31, i06 04-24 回头看 of i03, i11 04-28}; u5 {i08 04-30, i12 05-08}.
  const warn = (list: FigureInspection[], days: number, p: Pick<Period, 'from' | 'to'>) =>
    repeatInspections(list, days, p).map((w) => [w.later.id, w.earlier.id, w.days]);

  it('within 30 days, both orgs: five pairs, latest first', () => {
    expect(warn(INSPECTIONS, 30, H1)).toEqual([
      ['i12', 'i08', 8], // 04-30 → 05-08, unsigned record
      ['i11', 'i06', 4], // 04-24 → 04-28; i06 itself is i03’s 回头看, which is no repeat
      ['i10', 'i07', 21], // nearest earlier of the credit code is B’s i07 (03-20), not A’s i02
      ['i04', 'i01', 26], // 03-06 → 04-01
      ['i07', 'i02', 7], // 多头: B inspects u4 a week after A inspected u2 (same credit code), 03-13 → 03-20
    ]);
  });

  it('org A alone: the other org’s inspection is not seen', () => {
    expect(warn(ONLY_A.inspections, 30, H1)).toEqual([
      ['i11', 'i06', 4],
      ['i10', 'i02', 28], // without i07 the nearest is i02, 03-13 → 04-10
      ['i04', 'i01', 26],
    ]);
  });

  it('N is inclusive: 26 keeps i04, 25 drops it; 7 keeps the 7-day pair only with 4', () => {
    expect(warn(INSPECTIONS, 26, H1).map(([x]) => x)).toEqual(['i12', 'i11', 'i10', 'i04', 'i07']);
    expect(warn(INSPECTIONS, 25, H1).map(([x]) => x)).toEqual(['i12', 'i11', 'i10', 'i07']);
    expect(warn(INSPECTIONS, 7, H1)).toEqual([
      ['i11', 'i06', 4],
      ['i07', 'i02', 7],
    ]);
    // 90 days adds i05 (04-01 → 05-20 = 49) and i09 (04-10 → 06-10 = 61).
    expect(warn(INSPECTIONS, 90, H1).map(([x, y, d]) => `${x}/${y}/${d}`)).toEqual([
      'i09/i10/61',
      'i05/i04/49',
      'i12/i08/8',
      'i11/i06/4',
      'i10/i07/21',
      'i04/i01/26',
      'i07/i02/7',
    ]);
  });

  it('the later inspection’s day must lie in the period; the earlier one may lie before it', () => {
    // April: i04 (04-01, its earlier i01 is in March), i10, i11; i07 (03-20) and i12 (05-08) are outside.
    expect(warn(INSPECTIONS, 30, APR)).toEqual([
      ['i11', 'i06', 4],
      ['i10', 'i07', 21],
      ['i04', 'i01', 26],
    ]);
    expect(warn(INSPECTIONS, 30, day('2025-03-19'))).toEqual([]);
  });

  it('says when and by whom the unit was inspected', () => {
    const ws = repeatInspections(INSPECTIONS, 30, H1);
    const byLater = (id: string) => ws.find((w) => w.later.id === id)!;
    // The on-site day of i02, not its signing day.
    expect(byLater('i07')).toMatchObject({
      unitId: 'u4',
      earlier: { code: 'J-2025-002', orgName: '城区档案局', date: '2025-03-13', done: true, sourceLabel: '专项/临时检查' },
      later: { code: 'J-2025-007', orgName: '开发区档案局', date: '2025-03-20', done: true, sourceLabel: '双随机抽查' },
      message: 'J-2025-007：该单位已于 2025-03-13 接受检查（J-2025-002），7 日内重复检查',
    });
    expect(byLater('i12')).toMatchObject({
      later: { date: '2025-05-08', done: false },
      message: 'J-2025-012：该单位已于 2025-04-30 接受检查（J-2025-008），8 日内重复检查',
    });
    expect(byLater('i11').message).toBe('J-2025-011：该单位已于 2025-04-24 接受检查（J-2025-006），4 日内重复检查');
    // An inspection not yet carried out is "arranged"; the same day is said so.
    expect(repeatMessage(i09, 61)).toBe('该单位已安排于 2025-06-10 检查（J-2025-009），61 日内重复检查');
    expect(repeatMessage(i12, 0)).toBe('该单位已于 2025-05-08 接受检查（J-2025-012），同日重复检查');
    expect([i02, i12, i09].map(effectiveDate)).toEqual(['2025-03-13', '2025-05-08', '2025-06-10']);
  });
});

describe('整改逾期 (the monitor, today)', () => {
  it('not closed, the deadline before today, the items not accepted; earliest deadline first', () => {
    const list = overdueRectifications(INSPECTIONS, TODAY, CAL);
    // i04: due 04-16, x4 accepted, x7 returned once → 16 working days; i08: due 05-07, x6 reported → 3 working days.
    // i03 (x3 never accepted) is closed by hand; i01 and i07 closed by themselves.
    expect(list.map((o) => [o.code, o.rectificationDue, o.daysOverdue, o.items.map((x) => [x.code, x.status, x.returnCount])])).toEqual([
      ['J-2025-004', '2025-04-16', 16, [['A5-04', 'returned', 1]]],
      ['J-2025-008', '2025-05-07', 3, [['A3-06', 'reported', 0]]],
    ]);
    expect(list[1]).toMatchObject({ orgName: '开发区档案局', unitName: '开发区管委会', feedbackOn: '2025-04-30', items: [{ statusLabel: '已报送' }] });
  });

  it('the deadline itself is not overdue; the day after is (working days: 04-16 → 05-07 is 13, → 05-08 is 14)', () => {
    expect(overdueRectifications(INSPECTIONS, '2025-05-07', CAL).map((o) => [o.code, o.daysOverdue])).toEqual([['J-2025-004', 13]]);
    expect(overdueRectifications(INSPECTIONS, '2025-05-08', CAL).map((o) => [o.code, o.daysOverdue])).toEqual([
      ['J-2025-004', 14],
      ['J-2025-008', 1],
    ]);
    expect(overdueRectifications(ONLY_A.inspections, TODAY, CAL).map((o) => o.code)).toEqual(['J-2025-004']);
  });

  it('agrees with the 整改逾期 figure taken today', () => {
    const monitor = overdueRectifications(INSPECTIONS, TODAY, CAL).flatMap((o) => o.items.map((x) => `${o.inspectionId}:${x.id}`));
    expect(monitor.sort()).toEqual(keysOf('rectificationOverdue', ALL, period('2025-01-01', TODAY)));
  });
});

describe('执法人员工作量', () => {
  // Who took part: for a signed record those present (i03: 王 马, not 林), else the team.
  const load = (list: FigureInspection[], max: number, p: Period) =>
    Object.fromEntries(
      inspectorWorkload(list, max, p).map((x) => [
        x.name,
        { done: x.done, upcoming: x.upcoming, months: x.months.map((m) => `${m.month}:${m.codes.join(',')}`), warning: x.warning },
      ]),
    );

  it('April, at most 2 a month: 王执法 has 3 (i04, i10, i06) and is warned; 孙立新 has exactly 2', () => {
    const w = inspectorWorkload(INSPECTIONS, 2, APR);
    expect(w.map((x) => x.name).slice(0, 2)).toEqual(['王执法', '孙立新']);
    expect(load(INSPECTIONS, 2, APR)).toEqual({
      王执法: { done: 3, upcoming: 0, months: ['2025-04:J-2025-004,J-2025-006,J-2025-010'], warning: '2025-04 检查 3 次，超过每月 2 次' },
      孙立新: { done: 2, upcoming: 0, months: ['2025-04:J-2025-004,J-2025-006'], warning: null },
      // i11 (planned 04-28, never carried out) counts in April but is neither done nor upcoming on 05-12.
      林志强: { done: 1, upcoming: 0, months: ['2025-04:J-2025-010,J-2025-011'], warning: null },
      马红梅: { done: 0, upcoming: 0, months: ['2025-04:J-2025-011'], warning: null },
      彭文: { done: 1, upcoming: 0, months: ['2025-04:J-2025-008'], warning: null },
      齐磊: { done: 1, upcoming: 0, months: ['2025-04:J-2025-008'], warning: null },
    });
    expect(w[0]!.overloaded).toEqual([{ month: '2025-04', count: 3 }]);
  });

  it('the half year: two overloaded months for 王执法; upcoming = unsigned, planned today or later', () => {
    expect(load(INSPECTIONS, 2, H1)).toEqual({
      王执法: {
        done: 6,
        upcoming: 1, // i05 planned 05-20
        months: ['2025-03:J-2025-001,J-2025-002,J-2025-003', '2025-04:J-2025-004,J-2025-006,J-2025-010', '2025-05:J-2025-005'],
        warning: '2025-03 检查 3 次、2025-04 检查 3 次，超过每月 2 次',
      },
      孙立新: { done: 3, upcoming: 1, months: ['2025-03:J-2025-001', '2025-04:J-2025-004,J-2025-006', '2025-05:J-2025-005'], warning: null },
      // 林志强 was on i03’s team but not present: March has i02 only.
      林志强: { done: 2, upcoming: 1, months: ['2025-03:J-2025-002', '2025-04:J-2025-010,J-2025-011', '2025-06:J-2025-009'], warning: null },
      马红梅: { done: 1, upcoming: 1, months: ['2025-03:J-2025-003', '2025-04:J-2025-011', '2025-06:J-2025-009'], warning: null },
      // i12’s unsigned record lists only 彭文 present: until signed the team counts.
      彭文: { done: 2, upcoming: 0, months: ['2025-03:J-2025-007', '2025-04:J-2025-008', '2025-05:J-2025-012'], warning: null },
      齐磊: { done: 2, upcoming: 0, months: ['2025-03:J-2025-007', '2025-04:J-2025-008', '2025-05:J-2025-012'], warning: null },
    });
    // After 06-10 nothing is upcoming any more.
    expect(Object.values(load(INSPECTIONS, 2, period('2025-01-01', '2025-06-30', '2025-06-11'))).map((x) => x.upcoming)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('the maximum is a setting: 3 warns nobody, 1 warns every month above one', () => {
    expect(inspectorWorkload(INSPECTIONS, 3, H1).filter((x) => x.warning)).toEqual([]);
    const one = inspectorWorkload(INSPECTIONS, 1, H1).filter((x) => x.warning);
    expect(one.map((x) => [x.name, x.overloaded.map((m) => `${m.month}:${m.count}`)])).toEqual([
      ['王执法', ['2025-03:3', '2025-04:3']],
      ['孙立新', ['2025-04:2']],
      ['林志强', ['2025-04:2']],
    ]);
  });
});
