/**
 * Demo penalty cases (with the past work only), through the case services on their days, so the portal's
 * 行政执法公示 has decisions to show: a state-owned company fined for losing archives (published,
 * paid, closed); a person fined for copying and posting archives without permission (published, the
 * name masked on the portal); a registration centre whose decision was revoked on reconsideration and
 * whose publication was withdrawn within the 3 working days (listed as 已撤回, content gone).
 */
import { and, eq, inArray, like } from 'drizzle-orm';
import { addDays } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import type { ActorCtx } from '../../kernel/context.js';
import { atDay, type DemoRun } from '../../kernel/module.js';
import { inspectors, units } from '../orgs/index.js';
import {
  closeCase,
  decideCase,
  decideFiling,
  notifyCase,
  openCase,
  payFine,
  publishDecision,
  revokeDecision,
  serveCase,
  withdrawPublication,
} from './cases/cases.service.js';
import { enforcementBenchmarks } from './schema.js';
import { accountActor } from '../../kernel/auth/account-actor.js';

export async function seedDemoCases(c: ActorCtx, demo: DemoRun): Promise<void> {
  if (!demo.history) return;
  const orgId = demo.org.id;
  // one query after the other: the demo runs in the setup's transaction (one connection)
  const inspector = await accountActor(c, orgId, 'inspector');
  const leader = await accountActor(c, orgId, 'leader');
  const officers = await c.db
    .select({ id: inspectors.id, name: inspectors.name })
    .from(inspectors)
    .where(and(eq(inspectors.orgId, orgId), inArray(inspectors.name, ['王执法', '孙立新'])));
  const benchmarks = await c.db.select().from(enforcementBenchmarks).where(eq(enforcementBenchmarks.orgId, orgId));
  const unitNamed = async (suffix: string) =>
    (
      await c.db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.orgId, orgId), like(units.name, `%${suffix}`)))
    )[0]?.id;
  const [company, registry] = [await unitNamed('城市建设投资集团有限公司'), await unitNamed('不动产登记中心')];
  const benchmark = (code: string, kind: string) => benchmarks.find((b) => b.code === code && b.partyKind === kind)?.id;
  const lost = benchmark('a48_1', 'unit');
  const copiedUnit = benchmark('a48_2', 'unit');
  const copiedPerson = benchmark('a48_2', 'individual');
  if (!inspector || !leader || officers.length < 2 || !company || !registry || !lost || !copiedUnit || !copiedPerson) return;
  const officerIds = officers.map((o) => o.id);

  const cal = await loadWorkCalendar(c.db);
  const today = todayInChina(c.now());
  /** The n-th working day before today. */
  const wd = (n: number) => {
    let d = today;
    for (let k = 0; k < n;) {
      d = addDays(d, -1);
      if (cal.isWorkingDay(d)) k += 1;
    }
    return d;
  };
  const as = (actor: ActorCtx['actor'], day: string): ActorCtx => ({ ...atDay(c, day), actor });
  const by = (day: string) => as(inspector, day);

  /** 立案 (报请 and the head's approval the next working day), 告知 and 决定 with the notified penalties. */
  async function decided(
    day: { open: number; notify: number; decide: number },
    party: { partyKind: 'unit' | 'individual'; unitId?: string; partyName?: string; partyIdNo?: string; partyAddress?: string },
    benchmarkId: string,
    facts: string,
    fine: number,
  ): Promise<string> {
    const opened = await openCase(by(wd(day.open)), {
      source: 'own',
      ...party,
      benchmarkId,
      facts,
      officerIds,
      filedOn: wd(day.open),
      approverId: leader!.userId,
      major: false,
    });
    await decideFiling(as(leader!, wd(day.open - 1)), opened.id, { approve: true, decidedOn: wd(day.open - 1) });
    await notifyCase(by(wd(day.notify)), opened.id, {
      circumstance: 'general',
      penalties: [{ type: 'warning' }, { type: 'fine', amount: fine }],
      noticeOn: wd(day.notify),
      servedOn: wd(day.notify),
    });
    await decideCase(by(wd(day.decide)), opened.id, { result: 'penalty', decidedOn: wd(day.decide), firstViolation: false, payWithinDays: 15 });
    return opened.id;
  }

  // 1. A unit: lost archives of state ownership; fined, paid, published within the 7 working days, closed.
  const one = await decided(
    { open: 70, notify: 60, decide: 55 },
    { partyKind: 'unit', unitId: company },
    lost,
    '该公司在办公场所搬迁过程中未按规定交接，致使 2015—2017 年基建工程档案 46 卷丢失，经查找未能找回。',
    40_000,
  );
  await serveCase(by(wd(54)), one, { method: 'direct', servedOn: wd(54) });
  await payFine(by(wd(50)), one, { paidOn: wd(50), amount: 40_000 });
  await publishDecision(by(wd(50)), one, wd(50));
  await closeCase(by(wd(49)), one, wd(49));

  // 2. A person: copied archives in the reading room and posted them online without permission; the portal masks the name.
  const two = await decided(
    { open: 45, notify: 40, decide: 36 },
    { partyKind: 'individual', partyName: '李明华', partyIdNo: '620102198803214517', partyAddress: '兰州市城关区庆阳路 149 号' },
    copiedPerson,
    '当事人在档案馆查阅利用档案时，未经同意擅自翻拍馆藏档案 12 件，并在网络平台公布。',
    2_000,
  );
  await serveCase(by(wd(35)), two, { method: 'direct', servedOn: wd(35) });
  await payFine(by(wd(33)), two, { paidOn: wd(33), amount: 2_000 });
  await publishDecision(by(wd(32)), two, wd(32));
  await closeCase(by(wd(30)), two, wd(30));

  // 3. A unit: decided, published, then revoked on reconsideration; the publication withdrawn within 3 working days.
  const three = await decided(
    { open: 40, notify: 30, decide: 25 },
    { partyKind: 'unit', unitId: registry },
    copiedUnit,
    '该中心工作人员未经批准向无关人员提供不动产登记档案复制件 8 份。',
    35_000,
  );
  await serveCase(by(wd(24)), three, { method: 'mail', servedOn: wd(24) });
  await publishDecision(by(wd(20)), three, wd(20));
  await revokeDecision(by(wd(10)), three, { revokedOn: wd(10), reason: '行政复议机关以认定事实不清为由撤销该行政处罚决定' });
  await withdrawPublication(by(wd(8)), three, wd(8));
}
