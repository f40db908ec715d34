/**
 * 检查统计 and 监测预警 through HTTP, over records built through the API day by day in the demo's
 * city bureau (测试市档案局, "city") and its county bureau (示例区档案局, "county"). Settings: both
 * rectificationDays = 5; the city's repeatInspectionDays = 30 and inspectorMonthlyMax = 2. The
 * demo's own inspections (planned 2025-03-17) and evaluation (2025-03-03) lie before every period
 * asked for below, and their units are not used.
 *
 * Rectification deadlines, 5 working days after the on-site day (2025 schedule: 05-01…05-05 off,
 * Sunday 04-27 a 调休 working day):
 *   on site 04-10 → 04-11, 04-14, 04-15, 04-16, 04-17 → 04-17
 *   on site 04-17 → 04-18, 04-21, 04-22, 04-23, 04-24 → 04-24
 *   on site 04-24 → 04-25, 04-27 (Sunday, worked), 04-28, 04-29, 04-30 → 04-30
 *   on site 05-08 → 05-09, 05-12, 05-13, 05-14, 05-15 → 05-15
 *
 * The records (s = signed, f = feedback letter):
 *   city   T1 U1 agency  team 王 孙    on site 04-10, s 04-10, f 04-11 (issued 04-15 with that date), 2 items:
 *                                     a reported 04-15, accepted 04-16; b reported 04-15, returned 04-16,
 *                                     reported 04-17, accepted 04-22 (after its deadline 04-17) → closed
 *          T2 U2 soe     team 王 林    on site 04-10, s 04-10, f 04-11, all 符合/不适用 → closed
 *          T3 U3 agency  team 王 马 林 on site 04-17, only 王 马 present, s 04-18, f 04-18, 1 item never
 *                                     reported → 约谈 04-28, 回头看 F3, 办结 by hand 05-19
 *          T4 U1 agency  team 孙 林    created 04-21 (a repeat warning: T1 28 days earlier), on site 05-08,
 *                                     s 05-08, f 05-09, 1 item never reported (due 05-15)
 *          F3 U3 回头看   team 王 孙    on site 05-15, s 05-15, f 05-16, all 符合 → closed
 *          T5 U4 private team 王 孙    planned 06-05, notified 05-19
 *   county C2 V2 soe (U2's credit code: 多头检查) team 彭 齐: on site 04-17, s 04-18, f 04-18, all 符合 → closed
 *          C1 V1         team 彭 齐    on site 04-24, s 04-25, f 04-25, 1 item never reported (due 04-30)
 *   evaluations (city): E1 U1 04-15 优秀 · E3 U4 (private) 04-21 良好 (75/100) · E2 U2 05-06 不合格 (veto item)
 * Figures and monitors are read on 2025-05-20.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, createTestEnv, setupOrg, signInDemo, ok } from '../../../test/harness.js';

let env: TestEnv;
let setup: SetupResponse;
const NOW = '2025-03-03T02:00:00Z';
const READ_DAY = '2025-05-20';
const PNG_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const UNIT_USER = { username: 'unit.figures', password: 'Unit-Pass-2025!' };

const q = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows as T[];

/**
 * Sign in as `username` on `day` (10:00 Beijing) and run `fn`; sessions time out across days. On the
 * reading day the clock stands still, so one session per user serves every test (sign-ins are rate-limited).
 */
const readers = new Map<string, Client>();
async function on<T>(day: string, username: string, fn: (c: Client) => Promise<T>): Promise<T> {
  env.setNow(`${day}T02:00:00Z`);
  let c = day === READ_DAY ? readers.get(username) : undefined;
  if (!c) {
    c = new Client(env.app);
    const password =
      username === 'admin'
        ? 'Admin-Pass-2024'
        : username === UNIT_USER.username
          ? UNIT_USER.password
          : setup.demoAccounts!.find((a) => a.username === username)!.password;
    ok(await c.login(username, password));
    if (day === READ_DAY) readers.set(username, c);
  }
  return fn(c);
}

type Detail = {
  id: string;
  code: string;
  status: string;
  items: { entryId: string; code: string }[];
  feedback: { rectificationDue: string | null; items: { id: string; code: string; status: string }[] } | null;
  warnings?: string[];
};
type Figure = {
  name: string;
  value: number;
  byOrg: { orgId: string; value: number }[];
  buckets: { key: string; value: number; byOrg: { orgId: string; value: number }[] }[] | null;
};
type Figures = { period: { from: string; to: string; asOf: string; today: string }; orgs: { id: string; name: string; depth: number }[]; figures: Figure[] };
type Rec = {
  key: string;
  orgId: string;
  inspectionId: string | null;
  inspectionCode: string | null;
  evaluationId: string | null;
  date: string;
  bucket: string | null;
  itemCode: string | null;
  note: string | null;
};
type Records = { total: number; items: Rec[]; page: number; pageSize: number; key: string | null; keyLabel: string | null; period: { asOf: string } };
type Monitors = {
  settings: { repeatInspectionDays: number; inspectorMonthlyMax: number };
  repeats: {
    unitName: string;
    earlier: { id: string; code: string; orgName: string; date: string };
    later: { id: string; code: string; orgName: string; date: string };
    days: number;
    message: string;
  }[];
  overdue: {
    inspectionId: string;
    code: string;
    rectificationDue: string;
    daysOverdue: number;
    overdueText: string;
    items: { id: string; code: string; status: string }[];
  }[];
  workload: {
    name: string;
    done: number;
    upcoming: number;
    months: { month: string; count: number; codes: string[] }[];
    overloaded: { month: string; count: number }[];
    warning: string | null;
  }[];
};

const ids = { city: '', county: '' };
type Unit = { id: string; name: string; type: string; credit_code: string };
const U: Record<'U1' | 'U2' | 'U3' | 'U4' | 'V1' | 'V2', Unit> = {} as never;
const who: Record<string, string> = {}; // inspector name → id
const T: Record<'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'F3' | 'C1' | 'C2', Detail> = {} as never;
const items: Record<'T1a' | 'T1b' | 'T3a' | 'T4a' | 'C1a', string> = {} as never;
const E: Record<'E1' | 'E2' | 'E3', string> = {} as never;
const warnings: Record<string, string[]> = {};
let cityVersion: string;
let countyVersion: string;

/** An inspection of `unit`, created and noticed today. */
async function create(c: Client, unit: Unit, team: string[], plannedDate: string, versionId: string): Promise<Detail> {
  const d = ok<Detail>(
    await c.post('/api/inspections', {
      unitId: unit.id,
      inspectorIds: team.map((n) => who[n]),
      checklistVersionId: versionId,
      plannedDate,
      reason: '专项检查',
    }),
  );
  warnings[d.code] = d.warnings ?? [];
  ok(await c.post(`/api/inspections/${d.id}/notice`, {}));
  return d;
}

/** The on-site record on `onSiteDate` (entries by position: nc = 不符合, na = 不适用, else 符合), signed today by those present. */
async function onSite(c: Client, d: Detail, onSiteDate: string, present: string[], nc: number[] = [], na: number[] = []) {
  const inspectorIds = present.map((n) => who[n]!);
  ok(
    await c.put(`/api/inspections/${d.id}/record`, {
      onSiteDate,
      items: d.items.map((e, i) => ({
        entryId: e.entryId,
        result: nc.includes(i) ? 'non_compliant' : na.includes(i) ? 'not_applicable' : 'compliant',
        note: nc.includes(i) ? '发现问题' : null,
      })),
      inspectorsPresent: inspectorIds,
      representative: { name: '张主任', title: '办公室主任' },
      findings: null,
    }),
  );
  ok(
    await c.post(`/api/inspections/${d.id}/sign`, {
      inspectors: inspectorIds.map((id) => ({ inspectorId: id, signature: PNG_URL })),
      representative: { signature: PNG_URL },
    }),
  );
}
const feedback = async (c: Client, d: Detail, issuedOn: string) => ok<Detail>(await c.post(`/api/inspections/${d.id}/feedback`, { issuedOn }));
const review = async (c: Client, d: Detail, list: [string, 'accepted' | 'returned'][]) =>
  ok<Detail>(
    await c.post(`/api/inspections/${d.id}/rectification/review`, {
      items: list.map(([itemId, decision]) => ({ itemId, decision, comment: decision === 'returned' ? '佐证材料不足' : null })),
    }),
  );
const report = async (c: Client, d: Detail, list: string[]) =>
  ok(await c.put(`/api/my/inspections/${d.id}/rectification`, { items: list.map((itemId) => ({ itemId, text: '已整改，附佐证。' })) }));

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  let admin: Client;
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  ids.city = setup.org.id;
  ids.county = (await q<{ id: string }>(`SELECT id FROM orgs WHERE name = '示例区档案局'`))[0]!.id;
  const county = await signInDemo(env.app, setup, 'county.admin');
  ok(await admin.put('/api/settings', { rectificationDays: 5, repeatInspectionDays: 30, inspectorMonthlyMax: 2 }));
  ok(await county.put('/api/settings', { rectificationDays: 5 }));

  // City units no demo inspection, conflict or account touches, by type.
  const free = await q<Unit>(
    `SELECT id, name, type, credit_code FROM units u WHERE org_id = $1 AND status = 'active'
       AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.unit_id = u.id) AND NOT EXISTS (SELECT 1 FROM inspector_conflicts c WHERE c.unit_id = u.id)
       AND NOT EXISTS (SELECT 1 FROM users x WHERE x.unit_id = u.id) ORDER BY name`,
    [ids.city],
  );
  const ofType = (t: string) => free.filter((u) => u.type === t);
  [U.U1, U.U3] = ofType('agency') as [Unit, Unit];
  U.U2 = ofType('soe')[0]!;
  U.U4 = ofType('private')[0]!;
  for (const r of await q<{ id: string; name: string }>(`SELECT id, name FROM inspectors WHERE org_id = $1`, [ids.city])) who[r.name] = r.id;
  cityVersion = (await q<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`))[0]!.checklist_version_id;
  ok(await admin.post('/api/users', { username: UNIT_USER.username, displayName: '档案员甲', password: UNIT_USER.password, roles: ['unit'], unitId: U.U1.id }));
  await on(NOW.slice(0, 10), UNIT_USER.username, async (c) =>
    ok(await c.post('/api/auth/password', { current: UNIT_USER.password, next: UNIT_USER.password })),
  ); // the initial password first

  // The county: its own inspectors, a three-item checklist, and U2's legal person in its directory.
  for (const [name, cert] of [
    ['彭文', '11010299000101'],
    ['齐磊', '11010299000102'],
  ]) {
    who[name!] = ok<{ id: string }>(
      await county.post('/api/inspectors', { name, certificateNo: cert, certIssuedOn: '2024-01-01', certExpiresOn: '2027-12-31' }),
    ).id;
  }
  const itemIds: string[] = [];
  for (const [code, area, title] of [
    ['Q1-01', 'a1', '档案工作责任制落实'],
    ['Q2-01', 'a2', '档案库房设施设备'],
    ['Q4-01', 'a4', '档案收集整理'],
  ]) {
    itemIds.push(ok<{ id: string }>(await county.post('/api/inspections/items', { code, area, title, legalBasis: '《中华人民共和国档案法》第四十二条' })).id);
  }
  const checklist = ok<{ versions: { id: string }[] }>(await county.post('/api/inspections/checklists', { name: '区档案行政检查表', kind: 'inspection' }));
  countyVersion = checklist.versions[0]!.id;
  ok(await county.put(`/api/inspections/checklist-versions/${countyVersion}/items`, { items: itemIds.map((itemId) => ({ itemId })) }));
  ok(await county.post(`/api/inspections/checklist-versions/${countyVersion}/publish`, {}));
  U.V1 = (await q<Unit>(`SELECT id, name, type, credit_code FROM units WHERE org_id = $1 AND type = 'institution' ORDER BY name LIMIT 1`, [ids.county]))[0]!;
  const v2 = ok<{ id: string }>(await county.post('/api/units', { name: U.U2.name, creditCode: U.U2.credit_code, type: 'soe' }));
  U.V2 = { id: v2.id, name: U.U2.name, type: 'soe', credit_code: U.U2.credit_code };

  // Evaluations (考评) of the city with the demo's 100-point checklist (V-01 is the veto item).
  const evalVersion = (
    await q<{ id: string }>(`SELECT v.id FROM checklist_versions v JOIN checklists c ON c.id = v.checklist_id WHERE c.kind = 'evaluation' AND c.org_id = $1`, [
      ids.city,
    ])
  )[0]!.id;
  const entries = ok<{ items: { id: string; code: string; points: number }[] }>(await admin.get(`/api/inspections/checklist-versions/${evalVersion}`)).items;
  const evaluate = async (unitId: string, evaluatedOn: string, failed: string[], grade: string) => {
    const e = ok<{ id: string; grade: string }>(
      await admin.post('/api/inspections/evaluations', {
        checklistVersionId: evalVersion,
        unitId,
        title: `考评 ${evaluatedOn}`,
        evaluatedOn,
        results: entries.map((x) => ({ entryId: x.id, result: failed.includes(x.code) ? 'non_compliant' : 'compliant' })),
      }),
    );
    expect(e.grade).toBe(grade);
    return e.id;
  };
  E.E1 = await evaluate(U.U1.id, '2025-04-15', [], 'excellent');
  E.E3 = await evaluate(U.U4.id, '2025-04-21', ['A4-01', 'A2-02', 'A1-03'], 'good'); // 100 − 10 − 10 − 5 = 75 %
  E.E2 = await evaluate(U.U2.id, '2025-05-06', ['V-01'], 'fail'); // 95 % but the veto item failed

  // ---- the days ----
  await on('2025-03-31', 'admin', async (c) => {
    T.T1 = await create(c, U.U1, ['王执法', '孙立新'], '2025-04-10', cityVersion);
    T.T2 = await create(c, U.U2, ['王执法', '林志强'], '2025-04-10', cityVersion);
    T.T3 = await create(c, U.U3, ['王执法', '马红梅', '林志强'], '2025-04-17', cityVersion);
  });
  await on('2025-03-31', 'county.admin', async (c) => {
    T.C2 = await create(c, U.V2, ['彭文', '齐磊'], '2025-04-17', countyVersion);
    T.C1 = await create(c, U.V1, ['彭文', '齐磊'], '2025-04-24', countyVersion);
  });
  await on('2025-04-10', 'admin', async (c) => {
    await onSite(c, T.T1, '2025-04-10', ['王执法', '孙立新'], [0, 1]);
    await onSite(c, T.T2, '2025-04-10', ['王执法', '林志强'], [], [2]);
  });
  await on('2025-04-15', 'admin', async (c) => {
    const d = await feedback(c, T.T1, '2025-04-11');
    expect(d.feedback!.rectificationDue).toBe('2025-04-17');
    [items.T1a, items.T1b] = d.feedback!.items.map((x) => x.id) as [string, string];
    expect((await feedback(c, T.T2, '2025-04-11')).status).toBe('closed');
  });
  await on('2025-04-15', UNIT_USER.username, (c) => report(c, T.T1, [items.T1a, items.T1b]));
  await on('2025-04-16', 'admin', (c) =>
    review(c, T.T1, [
      [items.T1a, 'accepted'],
      [items.T1b, 'returned'],
    ]),
  );
  await on('2025-04-17', UNIT_USER.username, (c) => report(c, T.T1, [items.T1b]));
  await on('2025-04-18', 'admin', async (c) => {
    await onSite(c, T.T3, '2025-04-17', ['王执法', '马红梅'], [3]);
    const d = await feedback(c, T.T3, '2025-04-18');
    expect(d.feedback!.rectificationDue).toBe('2025-04-24');
    items.T3a = d.feedback!.items[0]!.id;
  });
  await on('2025-04-18', 'county.admin', async (c) => {
    await onSite(c, T.C2, '2025-04-17', ['彭文', '齐磊']);
    expect((await feedback(c, T.C2, '2025-04-18')).status).toBe('closed');
  });
  await on('2025-04-21', 'admin', async (c) => {
    T.T4 = await create(c, U.U1, ['孙立新', '林志强'], '2025-05-08', cityVersion);
  });
  await on('2025-04-22', 'admin', async (c) => expect((await review(c, T.T1, [[items.T1b, 'accepted']])).status).toBe('closed'));
  await on('2025-04-25', 'county.admin', async (c) => {
    await onSite(c, T.C1, '2025-04-24', ['彭文', '齐磊'], [0]);
    const d = await feedback(c, T.C1, '2025-04-25');
    expect(d.feedback!.rectificationDue).toBe('2025-04-30');
    items.C1a = d.feedback!.items[0]!.id;
  });
  await on('2025-04-28', 'admin', async (c) => {
    ok(
      await c.post(`/api/inspections/${T.T3.id}/interviews`, {
        heldOn: '2025-04-28',
        place: '市档案局三楼会议室',
        interviewerIds: [who['王执法'], who['孙立新']],
        attendees: [{ name: '李主任', title: '办公室主任' }],
        itemIds: [items.T3a],
        content: '整改逾期未报送，约谈单位负责人。',
        commitments: '两周内完成整改。',
        commitmentDue: '2025-05-12',
      }),
    );
    T.F3 = ok<Detail>(
      await c.post(`/api/inspections/${T.T3.id}/follow-ups`, { plannedDate: '2025-05-15', inspectorIds: [who['王执法'], who['孙立新']], itemIds: [items.T3a] }),
    );
    ok(await c.post(`/api/inspections/${T.F3.id}/notice`, {}));
  });
  await on('2025-05-08', 'admin', (c) => onSite(c, T.T4, '2025-05-08', ['孙立新', '林志强'], [4], [5]));
  await on('2025-05-15', 'admin', async (c) => {
    const d = await feedback(c, T.T4, '2025-05-09');
    expect(d.feedback!.rectificationDue).toBe('2025-05-15');
    items.T4a = d.feedback!.items[0]!.id;
    await onSite(c, T.F3, '2025-05-15', ['王执法', '孙立新']);
  });
  await on('2025-05-19', 'admin', async (c) => {
    expect((await feedback(c, T.F3, '2025-05-16')).status).toBe('closed');
    expect(ok<Detail>(await c.post(`/api/inspections/${T.T3.id}/close`, { note: '已约谈并回头看，整改到位。', closedOn: '2025-05-19' })).status).toBe('closed');
    T.T5 = await create(c, U.U4, ['王执法', '孙立新'], '2025-06-05', cityVersion);
  });
}, 120_000);
afterAll(async () => env?.close());

const value = (f: Figures, name: string) => f.figures.find((x) => x.name === name)!;
const values = (f: Figures) =>
  Object.fromEntries(f.figures.map((x) => [x.name, x.buckets ? Object.fromEntries(x.buckets.map((b) => [b.key, b.value])) : x.value]));
const byOrg = (f: Figures) =>
  Object.fromEntries(
    f.figures.map((x) => [
      x.name,
      x.byOrg.map((o) => (o.orgId === ids.city ? `city:${o.value}` : o.orgId === ids.county ? `county:${o.value}` : `?:${o.value}`)).join(' '),
    ]),
  );
const url = (path: string, params: Record<string, string | number | boolean>) =>
  `${path}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;

describe('creating an inspection warns of a repeat (重复检查)', () => {
  it('T4 of U1, planned 05-08: T1 was on site 04-10, 28 days earlier (≤ 30); others have none', () => {
    expect(warnings[T.T4.code]).toEqual([`该单位已于 2025-04-10 接受检查（${T.T1.code}），28 日内重复检查`]);
    expect(warnings[T.T1.code]).toEqual([]);
    expect(warnings[T.T5.code]).toEqual([]);
    // U2's legal person in the county (V2) is another directory entry: the county is not warned at creation; the roll-up monitor shows it.
    expect(warnings[T.C2.code]).toEqual([]);
  });
});

describe('GET /api/inspections/figures', () => {
  it('April, the city alone: counted by hand', async () => {
    await on(READ_DAY, 'admin', async (c) => {
      const f = ok<Figures>(await c.get(url('/api/inspections/figures', { from: '2025-04-01', to: '2025-04-30' })));
      expect(f.period).toEqual({ from: '2025-04-01', to: '2025-04-30', asOf: '2025-04-30', today: READ_DAY });
      expect(f.orgs.map((o) => o.id)).toEqual([ids.city]);
      expect(values(f)).toEqual({
        inspectionsDone: 3, // T1, T2 signed 04-10; T3 signed 04-18
        unitsInspected: 3, // U1, U2, U3
        feedbackLetters: 3, // T1, T2 04-11; T3 04-18
        followUps: 0, // F3 is signed in May
        interviews: 1, // T3's, 04-28
        rectificationRaised: 3, // T1 a, b; T3 a
        rectificationClosed: 2, // T1 a 04-16, T1 b 04-22
        rectificationOverdue: 1, // on 04-30: T3 a (due 04-24); T1 b was accepted 04-22
        resultDistribution: { non_compliant: 2, compliant: 1 }, // T1, T3 | T2 (符合 and 不适用)
        gradeDistribution: { excellent: 1, good: 1, pass: 0, fail: 0 }, // E1 04-15, E3 04-21
      });
    });
  });

  it('含下级 as the city admin and the superior: the county adds C2 and C1, by org', async () => {
    for (const user of ['admin', 'superior']) {
      await on(READ_DAY, user, async (c) => {
        const f = ok<Figures>(await c.get(url('/api/inspections/figures', { from: '2025-04-01', to: '2025-04-30', includeDescendants: true })));
        expect(f.orgs).toEqual([
          { id: ids.city, name: '测试市档案局', depth: 0 },
          { id: ids.county, name: '示例区档案局', depth: 1 },
        ]);
        expect(values(f)).toMatchObject({
          inspectionsDone: 5,
          unitsInspected: 5,
          feedbackLetters: 5,
          rectificationRaised: 4,
          // C1's item is due 04-30 itself: not yet overdue on 04-30.
          rectificationOverdue: 1,
          resultDistribution: { non_compliant: 3, compliant: 2 },
        });
        expect(byOrg(f)).toMatchObject({
          inspectionsDone: 'city:3 county:2', // C2 signed 04-18, C1 04-25
          unitsInspected: 'city:3 county:2',
          feedbackLetters: 'city:3 county:2',
          interviews: 'city:1 county:0',
          rectificationRaised: 'city:3 county:1',
          rectificationClosed: 'city:2 county:0',
          rectificationOverdue: 'city:1 county:0',
        });
        expect(value(f, 'resultDistribution').buckets!.map((b) => [b.key, b.byOrg.map((o) => o.value)])).toEqual([
          ['non_compliant', [2, 1]],
          ['compliant', [1, 1]],
        ]);
      });
    }
  });

  it('May as of today (05-20): T4 and the 回头看; the overdue stock after the hand closure', async () => {
    await on(READ_DAY, 'superior', async (c) => {
      const f = ok<Figures>(await c.get(url('/api/inspections/figures', { from: '2025-05-01', to: '2025-05-31', includeDescendants: true })));
      expect(f.period.asOf).toBe(READ_DAY);
      expect(values(f)).toEqual({
        inspectionsDone: 2, // T4 05-08, F3 05-15
        unitsInspected: 2, // U1, U3
        feedbackLetters: 2, // T4 05-09, F3 05-16
        followUps: 1, // F3
        interviews: 0,
        rectificationRaised: 1, // T4 a
        rectificationClosed: 0,
        rectificationOverdue: 2, // T4 a (due 05-15), C1 a (due 04-30); T3 a left with the closure on 05-19
        resultDistribution: { non_compliant: 1, compliant: 1 }, // T4 | F3
        gradeDistribution: { excellent: 0, good: 0, pass: 0, fail: 1 }, // E2
      });
      expect(byOrg(f).rectificationOverdue).toBe('city:1 county:1');
    });
  });

  it('boundaries: the signing day counts, the overdue stock moves with the as-of day', async () => {
    await on(READ_DAY, 'admin', async (c) => {
      const get = async (from: string, to: string) => values(ok<Figures>(await c.get(url('/api/inspections/figures', { from, to }))));
      // T3 was on site 04-17 but signed 04-18.
      expect((await get('2025-04-01', '2025-04-17')).inspectionsDone).toBe(2);
      expect((await get('2025-04-18', '2025-04-18')).inspectionsDone).toBe(1);
      // 04-21: T1 b (due 04-17) not yet accepted; 04-22 accepted, T3 a (due 04-24) not yet overdue.
      expect((await get('2025-04-21', '2025-04-21')).rectificationOverdue).toBe(1);
      expect((await get('2025-04-22', '2025-04-22')).rectificationOverdue).toBe(0);
      // 05-18: T3 a (closed 05-19) and T4 a (due 05-15); 05-19: T4 a only.
      expect((await get('2025-05-01', '2025-05-18')).rectificationOverdue).toBe(2);
      expect((await get('2025-05-01', '2025-05-19')).rectificationOverdue).toBe(1);
      // from > to is refused.
      const bad = await c.get(url('/api/inspections/figures', { from: '2025-05-02', to: '2025-05-01' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/起始日期不能晚于截止日期/);
    });
  });

  it('the unit type filter: by the unit of each record, evaluations too', async () => {
    await on(READ_DAY, 'admin', async (c) => {
      const get = async (unitType: string, includeDescendants = false) =>
        values(ok<Figures>(await c.get(url('/api/inspections/figures', { from: '2025-04-01', to: '2025-05-31', unitType, includeDescendants }))));
      const agency = await get('agency');
      expect(agency).toMatchObject({ inspectionsDone: 4, unitsInspected: 2, interviews: 1, followUps: 1, rectificationRaised: 4 }); // T1, T3, T4, F3 of U1 and U3
      expect(agency.gradeDistribution).toEqual({ excellent: 1, good: 0, pass: 0, fail: 0 }); // E1 only: E3 is of a private enterprise
      const soe = await get('soe');
      expect(soe).toMatchObject({ inspectionsDone: 1, rectificationRaised: 0, gradeDistribution: { excellent: 0, good: 0, pass: 0, fail: 1 } }); // T2; E2
      expect((await get('soe', true)).inspectionsDone).toBe(2); // + C2 (V2 is soe)
      expect((await get('private')).inspectionsDone).toBe(0); // T5 is only planned
      const bad = await c.get(url('/api/inspections/figures', { unitType: 'bank' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.unitType).toBe('单位类型不正确');
    });
  });
});

describe('GET /api/inspections/figures/:name/records', () => {
  it('pages the records latest first, and agrees with the figure', async () => {
    await on(READ_DAY, 'admin', async (c) => {
      const page = async (n: number) =>
        ok<Records>(await c.get(url('/api/inspections/figures/inspectionsDone/records', { from: '2025-04-01', to: '2025-05-31', pageSize: 2, page: n })));
      const pages = [await page(1), await page(2), await page(3)];
      expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
      // F3 05-15, T4 05-08, T3 04-18, then T1 and T2 (both 04-10) by code.
      expect(pages.map((p) => p.items.map((r) => r.inspectionId))).toEqual([[T.F3.id, T.T4.id], [T.T3.id, T.T1.id], [T.T2.id]]);
      expect(pages[1]!.items[0]).toMatchObject({ date: '2025-04-18', inspectionCode: T.T3.code, orgId: ids.city });
      const f = ok<Figures>(await c.get(url('/api/inspections/figures', { from: '2025-04-01', to: '2025-05-31' })));
      for (const fig of f.figures) {
        const r = ok<Records>(await c.get(url(`/api/inspections/figures/${fig.name}/records`, { from: '2025-04-01', to: '2025-05-31', pageSize: 200 })));
        expect(r.total, fig.name).toBe(fig.value);
        expect(r.items).toHaveLength(fig.value);
      }
    });
  });

  it('a bucket, an org of the roll-up, the overdue items with their deadline', async () => {
    await on(READ_DAY, 'superior', async (c) => {
      const base = { from: '2025-04-01', to: '2025-04-30', includeDescendants: true };
      const nc = ok<Records>(await c.get(url('/api/inspections/figures/resultDistribution/records', { ...base, key: 'non_compliant' })));
      expect(nc).toMatchObject({ key: 'non_compliant', keyLabel: '有不符合项', total: 3 });
      expect(nc.items.map((r) => r.inspectionId).sort()).toEqual([T.T1.id, T.T3.id, T.C1.id].sort());
      const county = ok<Records>(await c.get(url('/api/inspections/figures/inspectionsDone/records', { ...base, recordOrgId: ids.county })));
      expect(county.items.map((r) => [r.inspectionId, r.date])).toEqual([
        [T.C1.id, '2025-04-25'],
        [T.C2.id, '2025-04-18'],
      ]);
      const grades = ok<Records>(await c.get(url('/api/inspections/figures/gradeDistribution/records', { ...base, key: 'good' })));
      expect(grades.items.map((r) => r.evaluationId)).toEqual([E.E3]);
      const overdue = ok<Records>(
        await c.get(url('/api/inspections/figures/rectificationOverdue/records', { from: '2025-05-01', to: '2025-05-31', includeDescendants: true })),
      );
      expect(overdue.period.asOf).toBe(READ_DAY);
      expect(overdue.items.map((r) => [r.key, r.date, r.note])).toEqual([
        // Working days (the clock's unit): (05-15, 05-20] = 16, 19, 20 → 3; (04-30, 05-20] = 05-06–09, 12–16, 19, 20 → 11 (05-01–05-05 劳动节).
        [`${T.T4.id}:${items.T4a}`, '2025-05-15', '截至 2025-05-20 逾期 3 个工作日'],
        [`${T.C1.id}:${items.C1a}`, '2025-04-30', '截至 2025-05-20 逾期 11 个工作日'],
      ]);
    });
  });

  it('refuses a bad key or figure (400), another org (404), the unit’s archivist (403)', async () => {
    await on(READ_DAY, 'admin', async (c) => {
      const badKey = await c.get(url('/api/inspections/figures/resultDistribution/records', { key: 'bogus' }));
      expect(badKey.statusCode).toBe(400);
      expect(badKey.json().error).toMatchObject({ message: '“检查结果”没有分组“bogus”', fields: { key: '应为 non_compliant、compliant 之一' } });
      const noBuckets = await c.get(url('/api/inspections/figures/inspectionsDone/records', { key: 'compliant' }));
      expect(noBuckets.statusCode).toBe(400);
      expect(noBuckets.json().error).toMatchObject({ message: '“检查次数”没有分组“compliant”', fields: { key: '该统计项不分组' } });
      const badName = await c.get('/api/inspections/figures/nothing/records');
      expect(badName.statusCode).toBe(400);
      expect(badName.json().error.fields.name).toBe('没有这项统计');
      // The county is outside the city's scope without 含下级.
      expect((await c.get(url('/api/inspections/figures/inspectionsDone/records', { recordOrgId: ids.county }))).statusCode).toBe(404);
    });
    await on(READ_DAY, 'county.admin', async (c) => {
      for (const path of ['/api/inspections/figures', '/api/inspections/figures/inspectionsDone/records', '/api/inspections/monitors']) {
        const res = await c.get(url(path, { orgId: ids.city }));
        expect(res.statusCode, path).toBe(404);
      }
      // Its own org works, and sees nothing of the city.
      const own = ok<Figures>(await c.get(url('/api/inspections/figures', { from: '2025-04-01', to: '2025-04-30', includeDescendants: true })));
      expect(own.orgs.map((o) => o.id)).toEqual([ids.county]);
      expect(value(own, 'inspectionsDone').value).toBe(2);
    });
    await on(READ_DAY, UNIT_USER.username, async (c) => {
      for (const path of ['/api/inspections/figures', '/api/inspections/figures/inspectionsDone/records', '/api/inspections/monitors']) {
        expect((await c.get(path)).statusCode, path).toBe(403);
      }
    });
  });
});

describe('GET /api/inspections/monitors', () => {
  const PERIOD = { from: '2025-04-01', to: '2025-06-30' };

  it('含下级 on 05-20: repeats, overdue items, workload over the monthly maximum', async () => {
    await on(READ_DAY, 'admin', async (c) => {
      const m = ok<Monitors>(await c.get(url('/api/inspections/monitors', { ...PERIOD, includeDescendants: true })));
      expect(m.settings).toEqual({ repeatInspectionDays: 30, inspectorMonthlyMax: 2 });
      // T4 of U1 28 days after T1; C2 of the county 7 days after the city's T2 (on site 04-10 → 04-17), same credit code.
      // F3 re-inspects U3 28 days after T3 but is its 回头看: no warning.
      expect(m.repeats.map((r) => [r.later.id, r.earlier.id, r.days])).toEqual([
        [T.T4.id, T.T1.id, 28],
        [T.C2.id, T.T2.id, 7],
      ]);
      expect(m.repeats[1]).toMatchObject({
        earlier: { orgName: '测试市档案局', date: '2025-04-10' },
        later: { orgName: '示例区档案局', date: '2025-04-17' },
        message: `${T.C2.code}：该单位已于 2025-04-10 接受检查（${T.T2.code}），7 日内重复检查`,
      });
      // Earliest deadline first: C1 (04-30, 11 working days), T4 (05-15, 3 working days); T3 is closed, T1 all accepted.
      expect(m.overdue.map((o) => [o.inspectionId, o.rectificationDue, o.daysOverdue, o.items.map((x) => [x.id, x.status])])).toEqual([
        [T.C1.id, '2025-04-30', 11, [[items.C1a, 'open']]],
        [T.T4.id, '2025-05-15', 3, [[items.T4a, 'open']]],
      ]);
      expect(m.overdue.map((o) => o.overdueText)).toEqual(['逾期 11 个工作日', '逾期 3 个工作日']);
      const load = Object.fromEntries(
        m.workload.map((w) => [w.name, { done: w.done, upcoming: w.upcoming, months: w.months.map((x) => `${x.month}:${x.count}`), warning: w.warning }]),
      );
      expect(load).toEqual({
        // April: T1, T2, T3; May: F3; June: T5 (planned 06-05).
        王执法: { done: 4, upcoming: 1, months: ['2025-04:3', '2025-05:1', '2025-06:1'], warning: '2025-04 检查 3 次，超过每月 2 次' },
        孙立新: { done: 3, upcoming: 1, months: ['2025-04:1', '2025-05:2', '2025-06:1'], warning: null },
        // On T3's team but not present at it.
        林志强: { done: 2, upcoming: 0, months: ['2025-04:1', '2025-05:1'], warning: null },
        马红梅: { done: 1, upcoming: 0, months: ['2025-04:1'], warning: null },
        彭文: { done: 2, upcoming: 0, months: ['2025-04:2'], warning: null },
        齐磊: { done: 2, upcoming: 0, months: ['2025-04:2'], warning: null },
      });
      expect(m.workload[0]!.name).toBe('王执法');
      expect(m.workload[0]!.months[0]!.codes).toEqual([T.T1.code, T.T2.code, T.T3.code].sort());
    });
  });

  it('the city alone sees neither the county’s repeat nor its overdue items; the superior sees the roll-up', async () => {
    await on(READ_DAY, 'superior', async (c) => {
      const own = ok<Monitors>(await c.get(url('/api/inspections/monitors', PERIOD)));
      expect(own.repeats.map((r) => r.later.id)).toEqual([T.T4.id]);
      expect(own.overdue.map((o) => o.inspectionId)).toEqual([T.T4.id]);
      expect(own.workload.map((w) => w.name).sort()).toEqual(['孙立新', '林志强', '王执法', '马红梅'].sort());
      const all = ok<Monitors>(await c.get(url('/api/inspections/monitors', { ...PERIOD, includeDescendants: true })));
      expect(all.repeats).toHaveLength(2);
      expect(all.overdue).toHaveLength(2);
    });
  });

  it('the settings decide: 20 days drops T4/T1 (28) but keeps C2/T2 (7); a maximum of 3 warns nobody', async () => {
    await on(READ_DAY, 'admin', async (c) => {
      const bad = await c.put('/api/settings', { inspectorMonthlyMax: 0 });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toMatch(/不能少于 1 次/);
      ok(await c.put('/api/settings', { repeatInspectionDays: 20, inspectorMonthlyMax: 3 }));
      try {
        const m = ok<Monitors>(await c.get(url('/api/inspections/monitors', { ...PERIOD, includeDescendants: true })));
        expect(m.settings).toEqual({ repeatInspectionDays: 20, inspectorMonthlyMax: 3 });
        expect(m.repeats.map((r) => [r.later.id, r.days])).toEqual([[T.C2.id, 7]]);
        expect(m.workload.filter((w) => w.warning)).toEqual([]);
      } finally {
        ok(await c.put('/api/settings', { repeatInspectionDays: 30, inspectorMonthlyMax: 2 }));
      }
    });
  });

  it('the period: May alone has T4’s repeat and no overload', async () => {
    await on(READ_DAY, 'admin', async (c) => {
      const m = ok<Monitors>(await c.get(url('/api/inspections/monitors', { from: '2025-05-01', to: '2025-05-31', includeDescendants: true })));
      expect(m.repeats.map((r) => r.later.id)).toEqual([T.T4.id]);
      expect(m.workload.filter((w) => w.warning)).toEqual([]);
      expect(m.workload.find((w) => w.name === '孙立新')).toMatchObject({ done: 2, upcoming: 0, months: [{ month: '2025-05', count: 2 }] });
    });
  });
});
