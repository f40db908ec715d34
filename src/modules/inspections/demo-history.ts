/**
 * Demo data (演示数据), optional part: about eight months of past inspection work, so the figures
 * (检查统计), the monitors (监测预警), the portal's published results and the record have something to
 * show the day the demo is set up. Everything goes through the same service functions as a user's
 * writes, each under a clock set to the day it happens (the record's times are those days):
 *
 *   - a stratified draw (2 high, 3 medium, 1 low risk) about 250 days ago, executed and published two
 *     weeks before its date; its six inspections run the loop in six different ways:
 *       0 all compliant → feedback without items, closed, published, marked 典型;
 *       1 two findings, both rectified and accepted;
 *       2 one finding returned twice → 约谈 with a commitment → 回头看 (signed, all compliant) → accepted;
 *       3 two findings, one accepted, the other never reported: overdue (整改逾期 on the monitors);
 *       4 a serious finding handed to enforcement (移送立案); rectified; published late (the clock missed);
 *       5 one finding fixed within a week;
 *   - two ad-hoc inspections (专项): one after a complaint, one of unit 1 again within the repeat-
 *     inspection window (a 重复检查 warning on the monitors);
 *   - two more graded evaluations (考评).
 * The unit-side steps (自查, 整改报送) are taken by an archivist account of each unit, created for it
 * when the unit has none (username unit.<credit code>, a random password an admin can reset).
 * Which units the draw picks is random (server entropy); the scenarios go by the draw's order.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordEvent } from '../../kernel/audit/index.js';
import { generatePassword, hashPassword } from '../../kernel/auth/password.js';
import { addDays, addWorkingDays, weekdayOf, type WorkCalendar } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import { users } from '../../kernel/schema.js';
import { orgRef } from '../../kernel/tenancy/index.js';
import type { ActorCtx } from '../../kernel/context.js';
import { atDay } from '../../kernel/module.js';
import { inspectorConflicts, inspectors, units } from '../orgs/index.js';
import { signatureDataUrl } from './demo-signature.js';
import { createDraw, executeDraw, publishDraw } from './draws/draws.service.js';
import { getVersion } from './catalogue/checklists.service.js';
import { createEvaluation } from './evaluations/evaluations.service.js';
import { issueFeedback } from './loop/feedback.service.js';
import { createFollowUp, createInterview, referInspection } from './followup/followup.service.js';
import { createAdHoc, createFromDraw } from './loop/create.service.js';
import { getInspection } from './loop/detail.service.js';
import { saveSelfInspection, submitSelfInspection } from './loop/self-inspection.service.js';
import { sendNotice } from './loop/notices.service.js';
import { certificateProblem, lastWorkingDayOnOrBefore, latestNoticeDate } from './loop/loop.js';
import { publishResult, setExemplary } from './publication/publication.service.js';
import { saveRecord, signRecord } from './loop/record.service.js';
import { reportRectification, reviewRectification } from './loop/rectification.service.js';

type Org = { id: string; name: string };
type Result = 'compliant' | 'non_compliant' | 'not_applicable';
type Detail = Awaited<ReturnType<typeof getInspection>>;

/** Findings the scenarios use: checklist code → what the inspectors wrote, and what the unit reports back. */
const FINDINGS: Record<string, { note: string; fix: string }> = {
  'A2-03': { note: '库房温湿度记录自今年 1 月起中断，未见调控措施记录', fix: '已恢复每日两次温湿度记录，购置除湿机 2 台并建立调控台账（附记录表照片）' },
  'A4-05': { note: '部分 2023 年度档案未按规定装订编目，案卷目录与实体不一致', fix: '已对 2023 年度档案重新整理编目 326 件，目录与实体逐件核对一致' },
  'A2-02': { note: '库房未落实防虫、防鼠措施，墙角有虫蛀痕迹', fix: '已投放防虫药剂并安装挡鼠板，聘请专业机构完成消杀' },
  'A1-05': { note: '归档范围和保管期限表未报档案主管部门审查', fix: '已修订归档范围和保管期限表，报我局审查同意' },
  'A5-04': { note: '电子档案未异地备份，备份介质无检测记录', fix: '' },
  'A3-06': { note: '档案室负责人擅自将 2019 年度部分会计档案交外单位人员带离，未办理利用登记', fix: '已追回全部档案，补办登记，并对相关责任人批评教育' },
  'A4-01': { note: '部分业务部门 2024 年度文件材料未向档案室移交', fix: '已督促 4 个业务部门完成移交，移交清册附后' },
  'A2-04': { note: '库房灭火器已过有效期', fix: '已更换灭火器 6 具，并建立消防设施检查台账' },
};

/** Per scenario: the findings, and what happens after the feedback letter (working days counted from it). */
const SCENARIOS: { findings: string[]; selfInspect: boolean }[] = [
  { findings: [], selfInspect: true },
  { findings: ['A2-03', 'A4-05'], selfInspect: true },
  { findings: ['A2-02'], selfInspect: false },
  { findings: ['A1-05', 'A5-04'], selfInspect: true },
  { findings: ['A3-06', 'A4-01'], selfInspect: false },
  { findings: ['A2-04'], selfInspect: true },
];

export { atDay };

export interface HistoryDates {
  /** The draw's planned date: the first working Thursday on or after today − 250 days. */
  drawDate: string;
  /** When its pool is frozen, drawn and published: two weeks earlier (a working day). */
  drawnOn: string;
}

export function historyDates(cal: WorkCalendar, today: string): HistoryDates {
  const drawDate = workingThursdayOnOrAfter(cal, addDays(today, -250));
  return { drawDate, drawnOn: lastWorkingDayOnOrBefore(cal, addDays(drawDate, -14)) };
}

function workingThursdayOnOrAfter(cal: WorkCalendar, day: string): string {
  let d = day;
  while (weekdayOf(d) !== 4 || !cal.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/**
 * Load the history. `planId` is a published plan of the draw date's year, `versions` the published
 * inspection and evaluation checklist versions; `c` is the admin's context.
 */
export async function loadInspectionHistory(c: ActorCtx, org: Org, planId: string, versions: { inspection: string; evaluation: string }): Promise<void> {
  const cal = await loadWorkCalendar(c.db);
  const { drawDate, drawnOn } = historyDates(cal, todayInChina(c.now()));
  // Each step under a clock set to its day, from 10:00 Beijing time, two minutes after the step before on that day.
  const on = (day: string) => atDay(c, day);
  const wd = (day: string, n: number) => addWorkingDays(cal, day, n).due;
  const thursdayAfter = (day: string) => workingThursdayOnOrAfter(cal, day);
  /** The notice a few days before the latest day the rule allows (≥ inspectionNoticeDays working days ahead). */
  const noticeFor = (planned: string) => lastWorkingDayOnOrBefore(cal, addDays(latestNoticeDate(cal, planned, 5), -2));

  // The agenda: every step with its day, run in day order (steps of one day in the order they were added),
  // so the whole-process record reads as the year happened.
  const agenda: { day: string; n: number; run: (at: ActorCtx) => Promise<unknown> }[] = [];
  const step = (day: string, run: (at: ActorCtx) => Promise<unknown>) => agenda.push({ day, n: agenda.length, run });

  const draw = await createDraw(on(drawnOn), planId, { plannedDate: drawDate, teamSize: 2, entropySource: 'server', strataK: { high: 2, medium: 3, low: 1 } });
  await executeDraw(on(drawnOn), draw.id, { entropySource: 'server' });
  await publishDraw(on(drawnOn), draw.id);
  const created = await createFromDraw(on(drawnOn), draw.id);
  const noticeOn = noticeFor(drawDate);

  const unitActor = archivists(c, org);
  const loop = loopSteps(unitActor);

  for (const [i, summary] of created.items.entries()) {
    const s = SCENARIOS[i % SCENARIOS.length]!;
    const onSite = thursdayAfter(addDays(drawDate, 7 * Math.floor(i / 2)));
    const fb = wd(onSite, 1);
    // What earlier steps learn, for the later ones.
    let d: Detail;
    let items: { id: string; code: string }[] = [];
    const item = (code: string) => items.find((x) => x.code === code)!.id;
    const accept = (codes?: string[]) => ({
      items: items.filter((x) => !codes || codes.includes(x.code)).map((x) => ({ itemId: x.id, decision: 'accepted' as const })),
    });

    step(noticeOn, (at) => sendNotice(at, summary.id, { noticeOn }));
    if (s.selfInspect) step(wd(noticeOn, 2), (at) => loop.selfInspect(at, summary.id, summary.unitId, s.findings.slice(0, 1)));
    step(onSite, async (at) => (d = await loop.onSite(at, summary.id, onSite, s.findings)));
    step(fb, async (at) => {
      const letter = await issueFeedback(at, summary.id, {
        conclusion: s.findings.length ? '该单位档案工作总体规范，存在以下问题需限期整改。' : '该单位档案工作规范，未发现需要整改的问题。',
      });
      items = (letter.feedback?.items ?? []) as { id: string; code: string }[];
    });
    const publish = (day: string) => step(day, (at) => publishResult(at, summary.id, {}));
    const report = (day: string, codes: string[]) => step(day, (at) => loop.report(at, summary.id, summary.unitId, codes));
    const review = (day: string, input: () => Parameters<typeof reviewRectification>[2]) => step(day, (at) => reviewRectification(at, summary.id, input()));

    switch (i % SCENARIOS.length) {
      case 0:
        publish(wd(fb, 3));
        step(wd(fb, 4), (at) =>
          setExemplary(at, summary.id, { exemplary: true, note: '档案工作责任制健全，库房“八防”设施齐全，档案整理规范，可作为同类单位学习的典型。' }),
        );
        break;
      case 1:
        publish(wd(fb, 5));
        report(wd(fb, 12), s.findings);
        review(wd(fb, 14), () => accept());
        break;
      case 2: {
        publish(wd(fb, 6));
        report(wd(fb, 8), ['A2-02']);
        review(wd(fb, 9), () => ({ items: [{ itemId: item('A2-02'), decision: 'returned', comment: '未附消杀记录和现场照片，请补充' }] }));
        report(wd(fb, 12), ['A2-02']);
        review(wd(fb, 13), () => ({ items: [{ itemId: item('A2-02'), decision: 'returned', comment: '挡鼠板仍未安装，整改不到位' }] }));
        // Returned twice: 约谈 with a commitment, then 回头看.
        const heldOn = wd(fb, 15);
        step(heldOn, (at) =>
          createInterview(at, summary.id, {
            heldOn,
            place: '局三楼会议室',
            interviewerIds: d.team.map((t) => t.id),
            attendees: [
              { name: '孙明', title: '分管副主任' },
              { name: d.record?.representative?.name ?? '档案室负责人', title: d.record?.representative?.title ?? '档案室主任' },
            ],
            itemIds: [item('A2-02')],
            content: '指出该单位库房防虫、防鼠措施两次整改不到位，要求单位负责人高度重视，限期落实整改并书面报告。',
            commitments: '10 个工作日内安装挡鼠板、完成消杀，并建立库房巡查记录。',
            commitmentDue: addDays(heldOn, 14),
          }),
        );
        const followPlanned = thursdayAfter(wd(heldOn, 8));
        const ffb = wd(followPlanned, 1);
        let followId = '';
        step(wd(heldOn, 1), async (at) => {
          followId = (await createFollowUp(at, summary.id, { plannedDate: followPlanned, inspectorIds: d.team.map((t) => t.id), itemIds: [item('A2-02')] })).id;
          await sendNotice(at, followId, {});
        });
        report(wd(heldOn, 5), ['A2-02']);
        step(followPlanned, (at) => loop.onSite(at, followId, followPlanned, []));
        step(ffb, (at) => issueFeedback(at, followId, { conclusion: '回头看：库房防虫、防鼠措施已落实，整改到位。' }));
        review(ffb, () => ({ items: [{ itemId: item('A2-02'), decision: 'accepted', comment: '经回头看现场核实，整改到位' }] }));
        step(wd(ffb, 2), (at) => publishResult(at, followId, {}));
        break;
      }
      case 3:
        publish(wd(fb, 4));
        report(wd(fb, 10), ['A1-05']);
        review(wd(fb, 11), () => accept(['A1-05']));
        // A5-04 is never reported: overdue from the deadline on (整改逾期).
        break;
      case 4:
        step(fb, (at) =>
          referInspection(at, summary.id, {
            entryIds: [d.items.find((x) => x.code === 'A3-06')!.entryId],
            facts: `${FINDINGS['A3-06']!.note}，涉嫌违反《中华人民共和国档案法》第四十八条第（二）项。`,
            suspectedBasis: '《中华人民共和国档案法》第四十八条第（二）项、第四十九条',
          }),
        );
        report(wd(fb, 10), s.findings);
        review(wd(fb, 12), () => accept());
        // Published after the 20 working days: the clock shows as missed.
        publish(wd(fb, 25));
        break;
      default:
        publish(wd(fb, 2));
        report(wd(fb, 5), s.findings);
        review(wd(fb, 6), () => accept());
    }
  }

  // 专项检查 (ad hoc): created the working day before the notice, run like the draw's.
  const unitRows = await c.db
    .select()
    .from(units)
    .where(and(eq(units.orgId, org.id), eq(units.status, 'active')))
    .orderBy(asc(units.name));
  const drawn = new Set(created.items.map((x) => x.unitId));
  const adHoc = (unitId: string, day: string, reason: string, findings: string[]) => {
    const notice = noticeFor(day);
    const fb = wd(day, 1);
    let id = '';
    let items: { id: string; code: string }[] = [];
    step(lastWorkingDayOnOrBefore(cal, addDays(notice, -1)), async (at) => {
      id = (
        await createAdHoc(at, {
          unitId,
          inspectorIds: await teamFor(at, org.id, unitId, day),
          checklistVersionId: versions.inspection,
          plannedDate: day,
          reason,
        })
      ).id;
    });
    step(notice, (at) => sendNotice(at, id, {}));
    step(day, (at) => loop.onSite(at, id, day, findings));
    step(fb, async (at) => {
      items = ((await issueFeedback(at, id, {})).feedback?.items ?? []) as { id: string; code: string }[];
    });
    step(wd(fb, 3), (at) => publishResult(at, id, {}));
    if (findings.length) {
      step(wd(fb, 8), (at) => loop.report(at, id, unitId, findings));
      step(wd(fb, 9), (at) => reviewRectification(at, id, { items: items.map((x) => ({ itemId: x.id, decision: 'accepted' as const })) }));
    }
  };
  const complained = unitRows.find((u) => u.type === 'archive_service' && !drawn.has(u.id));
  if (complained) adHoc(complained.id, thursdayAfter(addDays(drawDate, 70)), '群众投诉反映该公司承接档案整理业务时档案保管不规范，开展专项检查', ['A2-03']);
  // Unit 1 of the draw again within the repeat window (监测预警：重复检查).
  const again = created.items[1];
  if (again) adHoc(again.unitId, thursdayAfter(addDays(drawDate, 100)), '档案数字化外包服务安全专项检查（市局统一部署）', []);

  // Two graded evaluations (考评) in the period: one 优秀, one 合格.
  const version = await getVersion(c, versions.evaluation);
  const scored = unitRows.filter((u) => u.type === 'agency' && !drawn.has(u.id)).slice(1, 3);
  const evaluate = (unitId: string, day: string, failing: string[]) =>
    step(day, (at) =>
      createEvaluation(at, {
        checklistVersionId: versions.evaluation,
        unitId,
        title: '机关档案工作目标管理考评（年中）',
        evaluatedOn: day,
        results: version.items.map((e) => ({ entryId: e.id, result: failing.includes(e.code) ? ('non_compliant' as const) : ('compliant' as const) })),
      }),
    );
  if (scored[0]) evaluate(scored[0].id, wd(drawDate, 30), ['A2-03']);
  // 100 − (10 + 6 + 10 + 8) = 66 points → 合格; 100 − 6 = 94 → 优秀.
  if (scored[1]) evaluate(scored[1].id, wd(drawDate, 45), ['A2-02', 'A2-03', 'A4-01', 'A4-02']);

  agenda.sort((a, b) => a.day.localeCompare(b.day) || a.n - b.n);
  for (const a of agenda) await a.run(on(a.day));
}

/** The first two inspectors of the org, by name, certified on `day` and without a conflict with the unit (the draw's rules). */
export async function teamFor(c: ActorCtx, orgId: string, unitId: string, day: string): Promise<string[]> {
  const all = await c.db.select().from(inspectors).where(eq(inspectors.orgId, orgId)).orderBy(asc(inspectors.name));
  const conflicts = await c.db
    .select({ id: inspectorConflicts.inspectorId })
    .from(inspectorConflicts)
    .where(and(eq(inspectorConflicts.orgId, orgId), eq(inspectorConflicts.unitId, unitId)));
  const avoid = new Set(conflicts.map((r) => r.id));
  return all
    .filter((i) => !avoid.has(i.id) && !certificateProblem(i, day))
    .slice(0, 2)
    .map((i) => i.id);
}

/** The archivist account of a unit: the existing `unit` account, else one made for the demo. */
function archivists(c: ActorCtx, org: Org) {
  const cache = new Map<string, ActorCtx['actor']>();
  return async (unitId: string, at: ActorCtx): Promise<ActorCtx> => {
    let actor = cache.get(unitId);
    if (!actor) {
      const ref = await orgRef(c.db, org.id);
      const [existing] = await c.db
        .select({ id: users.id, username: users.username, displayName: users.displayName })
        .from(users)
        .where(and(eq(users.orgId, org.id), eq(users.unitId, unitId), sql`'unit' = ANY(${users.roles})`))
        .orderBy(asc(users.username))
        .limit(1);
      let u = existing;
      if (!u) {
        const [unit] = await c.db.select().from(units).where(eq(units.id, unitId));
        const row = {
          id: crypto.randomUUID(),
          orgId: org.id,
          username: `unit.${unit!.creditCode.toLowerCase()}`,
          displayName: `${unit!.contactName ?? '档案员'}`,
          passwordHash: await hashPassword(generatePassword()),
          roles: ['unit'],
          departmentId: null,
          unitId,
          status: 'active',
          mustChangePassword: true,
          createdAt: at.now(),
          updatedAt: at.now(),
        };
        await c.db.insert(users).values(row);
        await recordEvent(at, { orgId: org.id, action: 'user.create', entityType: 'user', entityId: row.id, after: { ...row, passwordHash: undefined } });
        u = row;
      }
      actor = { userId: u.id, username: u.username, displayName: u.displayName, orgId: org.id, orgPath: ref!.path, roles: ['unit'], unitId };
      cache.set(unitId, actor);
    }
    return { ...at, actor };
  };
}

/** The loop's steps as the history uses them; `at` is the bureau's context on the day. */
function loopSteps(unitActor: (unitId: string, at: ActorCtx) => Promise<ActorCtx>) {
  return {
    /** 自查表: everything compliant (a6 not applicable) but the `admitted` findings. */
    async selfInspect(at: ActorCtx, id: string, unitId: string, admitted: string[]) {
      const u = await unitActor(unitId, at);
      const d = await getInspection(at, id);
      await saveSelfInspection(u, id, {
        results: d.items.map((e) => ({
          entryId: e.entryId,
          result: admitted.includes(e.code) ? 'non_compliant' : e.area === 'a6' ? 'not_applicable' : 'compliant',
          note: admitted.includes(e.code) ? (FINDINGS[e.code]?.note ?? null) : null,
        })),
      });
      await submitSelfInspection(u, id);
    },
    /** 现场检查记录 with `findings` non-compliant, signed on the day by both inspectors and the unit's representative. */
    async onSite(at: ActorCtx, id: string, day: string, findings: string[]): Promise<Detail> {
      const d = await getInspection(at, id);
      const [unit] = await at.db.select({ contactName: units.contactName }).from(units).where(eq(units.id, d.unitId));
      const representative = { name: unit?.contactName ?? '档案室负责人', title: '档案室主任' };
      await saveRecord(at, id, {
        onSiteDate: day,
        items: d.items.map((e) => {
          const result: Result = findings.includes(e.code) ? 'non_compliant' : e.area === 'a6' ? 'not_applicable' : 'compliant';
          return { entryId: e.entryId, result, note: findings.includes(e.code) ? FINDINGS[e.code]!.note : null };
        }),
        inspectorsPresent: d.team.map((t) => t.id),
        representative,
        findings: findings.length ? findings.map((code) => FINDINGS[code]!.note).join('；') : '未发现问题。',
      });
      return (await signRecord(at, id, {
        inspectors: d.team.map((t) => ({ inspectorId: t.id, signature: signatureDataUrl(t.name) })),
        representative: { signature: signatureDataUrl(representative.name) },
      })) as Detail;
    },
    /** 整改报送 of the items with these checklist codes, by the unit's archivist. */
    async report(at: ActorCtx, id: string, unitId: string, codes: string[]) {
      const u = await unitActor(unitId, at);
      const d = await getInspection(at, id);
      const items = (d.feedback?.items ?? []) as { id: string; code: string }[];
      await reportRectification(u, id, {
        items: codes.map((code) => ({ itemId: items.find((x) => x.code === code)!.id, text: FINDINGS[code]?.fix || '已完成整改' })),
      });
    },
  };
}
