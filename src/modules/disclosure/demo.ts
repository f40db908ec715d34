/**
 * Demo data of the disclosure module (演示数据, with the past work switched on): about a year and a half
 * of 政府信息公开申请 at the desk, through the same service functions as a user's writes, each under a
 * clock set to the day it happens — outcomes across the rows of the annual report, a correction, a
 * third party consulted, a fee noticed and paid, an extension the leader approves, three applications
 * still open today (one of them late) — two disputes (a reconsideration upheld, a lawsuit pending), and
 * last year's narrative written from the records' drafts, so the annual-report pages, the portal and
 * the dashboard show real numbers.
 */
import { addDays, addWorkingDays } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import type { ActorCtx } from '../../kernel/context.js';
import { atDay, type DemoRun } from '../../kernel/module.js';
import { orgRef } from '../../kernel/tenancy/index.js';
import { createDispute, updateDispute } from '../disputes/index.js';
import { getNarrative, narrativeDrafts, putNarrative } from './annual-report/narrative.service.js';
import {
  createApplication,
  decideApplication,
  endConsultation,
  extendApplication,
  receiveCorrected,
  sendCorrection,
  startConsultation,
} from './applications/applications.service.js';
import { markFeePaid, setFee } from './fees/fee.service.js';
import type { ApplicantType, Channel, OutcomeCode } from './labels.js';
import { accountActor } from '../../kernel/auth/account-actor.js';

/** What the desk received: who, how, and what they asked for. */
const REQUESTS: { name: string; type: ApplicantType; content: string }[] = [
  { name: '王建国', type: 'natural', content: '本人 1986 年原市第二纺织厂招工录用审批表及招工花名册' },
  { name: '杭州某建设工程有限公司', type: 'business', content: '2023 年度本市档案行政检查计划及检查结果' },
  { name: '李秀兰', type: 'natural', content: '1978 年知青回城安置相关政策文件' },
  { name: '某大学历史学院', type: 'research', content: '1950 年代本地区土地改革档案目录' },
  { name: '陈志强', type: 'natural', content: '某小区 2005 年建设工程竣工验收档案中的规划许可文件' },
  { name: '张丽', type: 'natural', content: '本局 2024 年度档案执法检查中对某医院的检查意见书' },
  { name: '某律师事务所', type: 'legal_service', content: '某企业 1998 年改制时的资产评估报告及批复' },
  { name: '赵明', type: 'natural', content: '本局档案行政许可事项办理流程及所需材料' },
  { name: '某环保志愿者协会', type: 'public_interest', content: '本市重点企业档案工作检查中涉及环境监测记录的内容' },
  { name: '刘芳', type: 'natural', content: '本人父亲 1965 年至 1980 年在原县农机厂的工作经历证明材料' },
  { name: '某档案数字化服务有限公司', type: 'business', content: '本局 2025 年档案数字化外包服务机构名录及评审标准' },
  { name: '周伟', type: 'natural', content: '本局对某街道档案工作约谈的记录' },
];

const CHANNELS: Channel[] = ['online', 'letter', 'in_person', 'online', 'fax_email', 'online'];

/** The outcomes in turn (with what the reply says); special scenarios by position below. */
const OUTCOMES: { outcome: OutcomeCode; reason?: string; holderAgency?: string }[] = [
  { outcome: 'disclosed' },
  { outcome: 'disclosed' },
  { outcome: 'unavailable.not_held', reason: '经检索，本机关未制作、获取该政府信息' },
  { outcome: 'partial', reason: '所申请信息中含有第三方个人信息，依法删除后公开其余部分' },
  { outcome: 'disclosed' },
  { outcome: 'unavailable.not_ours', holderAgency: '市住房和城乡建设局', reason: '该信息由市住房和城乡建设局负责公开' },
  { outcome: 'withheld.process_info', reason: '所申请信息属于行政执法过程中的讨论记录，依法不予公开' },
  { outcome: 'disclosed' },
  { outcome: 'not_processed.petition', reason: '所提请求属于信访事项，已告知通过信访渠道反映' },
  { outcome: 'disclosed' },
  { outcome: 'withheld.internal_affairs', reason: '所申请信息属于内部事务信息' },
  { outcome: 'disclosed' },
];

/** Positions with a scenario of their own. */
const CORRECTION = 2;
const CONSULTATION = 4;
const EXTENSION = 7;
const FEE = 10;

export async function loadDisclosureDemo(c: ActorCtx, demo: DemoRun): Promise<void> {
  if (!demo.history) return;
  const orgId = demo.org.id;
  // one after another: the demo runs in one transaction, whose connection takes one query at a time
  const staff = await accountActor(c, orgId, 'staff');
  const leader = await accountActor(c, orgId, 'leader');
  const legal = await accountActor(c, orgId, 'legal');
  if (!staff || !leader || !legal) return; // the org's demo accounts are what the history acts as
  const cal = await loadWorkCalendar(c.db);
  const today = todayInChina(c.now());
  const as = (actor: ActorCtx['actor'], day: string): ActorCtx => ({ ...atDay(c, day), actor });
  const wd = (day: string, n: number) => addWorkingDays(cal, day, n).due;
  const workingOnOrAfter = (day: string) => (cal.isWorkingDay(day) ? day : wd(day, 1));

  // The agenda: every step with its day, run in day order so the record reads as the months happened.
  const agenda: { day: string; n: number; run: () => Promise<unknown> }[] = [];
  const step = (day: string, run: () => Promise<unknown>) => {
    if (day < today) agenda.push({ day, n: agenda.length, run });
  };
  const ids = new Map<number, string>();
  const idOf = (i: number) => ids.get(i)!;

  // One application every two weeks from about 520 days ago; the last three stay open (the oldest of them late).
  const first = addDays(today, -520);
  const count = Math.floor(530 / 14);
  for (let i = 0; i < count; i++) {
    const receivedOn = workingOnOrAfter(addDays(first, i * 14));
    const req = REQUESTS[i % REQUESTS.length]!;
    const open = i >= count - 3;
    step(receivedOn, async () => {
      const r = await createApplication(as(staff, receivedOn), {
        channel: CHANNELS[i % CHANNELS.length]!,
        receivedOn,
        applicantType: req.type,
        applicantName: req.name,
        content: req.content,
        contact: `1380000${String(1000 + i).slice(-4)}`,
      });
      ids.set(i, r.application.id);
    });
    if (open) continue;
    const o = OUTCOMES[i % OUTCOMES.length]!;
    let decideOn = wd(receivedOn, 8 + (i % 9));
    if (i === CORRECTION) {
      const sentOn = wd(receivedOn, 2);
      const correctedOn = wd(receivedOn, 6);
      step(sentOn, () =>
        sendCorrection(as(staff, sentOn), idOf(i), {
          sentOn,
          deadline: wd(sentOn, 15),
          items: '请明确所需信息的形成年份和文件名称',
        }),
      );
      step(correctedOn, () => receiveCorrected(as(staff, correctedOn), idOf(i), { receivedOn: correctedOn }));
      decideOn = wd(correctedOn, 12);
    }
    if (i === CONSULTATION) {
      const startedOn = wd(receivedOn, 3);
      const endedOn = wd(receivedOn, 9);
      let consultationId = '';
      step(startedOn, async () => {
        const d = await startConsultation(as(staff, startedOn), idOf(i), {
          kind: 'third_party',
          party: '某某置业有限公司',
          partyType: 'organisation',
          startedOn,
        });
        consultationId = d.consultations[0]!.id;
      });
      step(endedOn, () => endConsultation(as(staff, endedOn), idOf(i), consultationId, { endedOn }));
      decideOn = wd(receivedOn, 15);
    }
    if (i === EXTENSION) {
      const approvedOn = wd(receivedOn, 17);
      step(approvedOn, () =>
        extendApplication(as(leader, approvedOn), idOf(i), { days: 15, reason: '所需档案分散在多个全宗，需逐卷调阅核对', approvedOn, noticeOn: approvedOn }),
      );
      decideOn = wd(receivedOn, 30);
    }
    if (i === FEE) {
      const noticeOn = wd(receivedOn, 4);
      const paidOn = wd(noticeOn, 5);
      step(noticeOn, () => setFee(as(staff, noticeOn), idOf(i), { method: 'page', pages: 150, noticeOn }));
      step(paidOn, () => markFeePaid(as(staff, paidOn), idOf(i), { paidOn }));
      decideOn = wd(paidOn, 5);
    }
    step(decideOn, () =>
      decideApplication(as(staff, decideOn), idOf(i), {
        decidedOn: decideOn,
        outcome: i === FEE || i === EXTENSION ? 'disclosed' : i === CONSULTATION ? 'partial' : o.outcome,
        ...(o.reason && i !== FEE && i !== EXTENSION && i !== CONSULTATION ? { reason: o.reason } : {}),
        ...(i === CONSULTATION ? { reason: '第三方不同意公开其商业信息，依法删除后公开其余部分' } : {}),
        ...(o.holderAgency && i !== FEE && i !== EXTENSION && i !== CONSULTATION ? { holderAgency: o.holderAgency, holderContact: '0571-12345678' } : {}),
      }),
    );
    // The refusal of position 6 is taken to reconsideration (upheld); that of position 18 to court (pending).
    if (i === 6 || i === 18) {
      const filedOn = wd(decideOn, 20);
      const closedOn = wd(filedOn, 40);
      const upheld = i === 6 && closedOn < today;
      let disputeId = '';
      step(filedOn, async () => {
        const d = await createDispute(as(legal, filedOn), {
          kind: i === 6 ? 'reconsideration' : 'litigation_direct',
          filedOn,
          outcome: 'pending',
          applicationId: idOf(i),
          caseNo: i === 6 ? `政复〔${filedOn.slice(0, 4)}〕12号` : `（${filedOn.slice(0, 4)}）行初字第 35 号`,
          subject: i === 6 ? '申请人不服不予公开的答复' : '申请人认为答复理由不成立',
        });
        disputeId = d.id;
      });
      if (upheld) step(closedOn, () => updateDispute(as(legal, closedOn), disputeId, { outcome: 'upheld', closedOn }));
    }
  }

  // Last year's narrative, written in January from the records' drafts.
  const year = Number(today.slice(0, 4)) - 1;
  const narrativeOn = wd(`${year + 1}-01-05`, 5);
  step(narrativeOn, () => writeNarrative(as(staff, narrativeOn), year, orgId));

  agenda.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.n - b.n));
  for (const s of agenda) await s.run();
}

/** The year's 一 and 六 from the records' drafts and a 五 as a bureau would write it. */
async function writeNarrative(at: ActorCtx, year: number, orgId: string): Promise<void> {
  const current = await getNarrative(at, year);
  if (current.overview.trim()) return;
  const drafts = await narrativeDrafts(at, year, orgId, (await orgRef(at.db, orgId))!.name);
  await putNarrative(at, year, {
    overview: drafts.overview,
    problems:
      '一是主动公开的及时性有待提高，部分执法检查结果公开晚于规定时限；二是依申请公开答复文书的说理还不够充分。' +
      '下一年度将建立主动公开按月检查制度，规范答复文书格式，加强业务培训。',
    other: drafts.other,
  });
}
