/**
 * 移送立案 and the 案件线索 inbox through HTTP: an inspection hands non-compliant entries of its
 * signed on-site record to enforcement (POST /api/inspections/:id/referrals); the inbox
 * (GET /api/enforcement/referrals…) lists them as R-YYYY-NNN per org and year; a pending one may be
 * declined with a reason, after which the entry may be referred again. The unit never sees them.
 *
 * Demo data at 2025-03-03 10:00 Beijing (Monday). One ad-hoc inspection of the demo `unit` account's
 * unit, on site Thursday 2025-03-20 with A1-02, A3-06, A5-04 不符合 and the A6 entries 不适用; the
 * feedback letter on 03-21 sets the rectification deadline at 30 working days after 03-20, counted by
 * hand (2025 schedule: 清明 04-04…06 off, 劳动节 05-01…05 off, Sunday 04-27 调休上班):
 *   03-21 (1); 03-24…28 (6); 03-31…04-03 (10); 04-07…11 (15); 04-14…18 (20); 04-21…25 (25);
 *   04-27 (26); 04-28…30 (29); 05-06 (30) → 2025-05-06, so the items are overdue on 2025-05-07.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, setupOrg, signInDemo, ok as okJson, refused } from '../../test/harness.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const NOW = '2025-03-03T02:00:00Z';
const PNG_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const BAD = ['A1-02', 'A3-06', 'A5-04'];

type Entry = { entryId: string; code: string; title: string; legalBasis: string };
type Referral = {
  id: string;
  orgId: string;
  code: string;
  sourceType: string;
  sourceLabel: string;
  sourceId: string;
  sourceRef: string;
  unitId: string;
  unitName: string;
  referredOn: string;
  facts: string;
  entries: (Entry & { note: string | null })[];
  suspectedBasis: string | null;
  status: string;
  statusLabel: string;
  caseId: string | null;
  decisionNote: string | null;
  createdByName: string | null;
};
type Detail = {
  id: string;
  code: string;
  unitName: string;
  status: string;
  allowedActions: string[];
  items: Entry[];
  referrals: Omit<Referral, 'orgId' | 'sourceType' | 'sourceLabel' | 'sourceId' | 'sourceRef' | 'unitId' | 'unitName' | 'createdByName' | 'caseId'>[];
  referralEntryIds: string[];
  flags: { code: string; addressedBy: { referrals: { code: string; status: string }[] } }[];
};
type Page = { items: Referral[]; total: number };

/** `ok` of the harness, reading a Detail unless told otherwise. */
const ok = <T = Detail>(res: Parameters<typeof okJson>[0], status = 200): T => okJson<T>(res, status);
const q1 = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows[0] as T;
/** One signed-in client per user and day (10:00 Beijing): sessions time out when idle, sign-ins are rate-limited. */
const clients = new Map<string, Client>();
async function as(user: string, day: string): Promise<Client> {
  env.setNow(`${day}T02:00:00Z`);
  const key = `${user}@${day}`;
  let c = clients.get(key);
  if (!c) {
    if (user === 'admin') {
      c = new Client(env.app);
      ok(await c.login('admin', 'Admin-Pass-2024'));
    } else c = await signInDemo(env.app, setup, user);
    clients.set(key, c);
  }
  return c;
}
async function at<T>(day: string, fn: (c: Client) => Promise<T>): Promise<T> {
  try {
    return await fn(await as('admin', day));
  } finally {
    env.setNow(NOW);
  }
}
/** Row counts plus fingerprints of the referrals and inspections: a refused request changes none of it. */
const written = async () => ({
  referrals: (
    await q1<{ f: string | null }>(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || status || coalesce(decision_note, '') || updated_at::text, ',' ORDER BY id)), '') AS f FROM enforcement_referrals`,
    )
  ).f,
  inspections: (await q1<{ f: string }>(`SELECT md5(string_agg(id::text || status || updated_at::text, ',' ORDER BY id)) AS f FROM inspections`)).f,
  audit: await countRows(env, 'audit_events'),
});

let unitUnitId: string;
let ids: Record<string, string>;
let insp: Detail;
const entry = (code: string) => insp.items.find((e) => e.code === code)!;
const byCode: Record<string, Referral> = {};

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  clients.set('admin@2025-03-03', admin);
  const versionId = (await q1<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`)).checklist_version_id;
  unitUnitId = (await q1<{ unit_id: string }>(`SELECT unit_id FROM users WHERE username = 'unit'`)).unit_id;
  ids = Object.fromEntries((await env.database.pool.query<{ id: string; name: string }>('SELECT id, name FROM inspectors')).rows.map((r) => [r.name, r.id]));
  insp = ok(
    await admin.post('/api/inspections', {
      unitId: unitUnitId,
      inspectorIds: [ids['王执法'], ids['孙立新']],
      checklistVersionId: versionId,
      plannedDate: '2025-03-20',
      reason: '群众举报',
    }),
  );
  ok(await admin.post(`/api/inspections/${insp.id}/notice`, {}));
});
afterAll(async () => env.close());

describe('移送立案 from an inspection', () => {
  it('is refused before the on-site record is signed', async () => {
    const before = await written();
    refused(
      await admin.post(`/api/inspections/${insp.id}/referrals`, { entryIds: [entry('A1-02').entryId], facts: '事实' }),
      409,
      null,
      /当前状态为“已通知”，不能移送立案/,
    );
    expect(await written()).toEqual(before);
    await at('2025-03-20', async (c) => {
      ok(
        await c.put(`/api/inspections/${insp.id}/record`, {
          onSiteDate: '2025-03-20',
          items: insp.items.map((e) => ({
            entryId: e.entryId,
            result: BAD.includes(e.code) ? 'non_compliant' : e.code.startsWith('A6') ? 'not_applicable' : 'compliant',
            note: BAD.includes(e.code) ? `${e.code} 现场发现问题` : null,
          })),
          inspectorsPresent: [ids['王执法'], ids['孙立新']],
          representative: { name: '刘主任', title: '办公室主任' },
        }),
      );
      const d = ok(
        await c.post(`/api/inspections/${insp.id}/sign`, {
          inspectors: [ids['王执法'], ids['孙立新']].map((id) => ({ inspectorId: id, signature: PNG_URL })),
          representative: { signature: PNG_URL },
        }),
      );
      expect(d.allowedActions).toEqual(['issueFeedback', 'refer']);
    });
  });

  it('takes only non-compliant entries of the record, each once; anything else is refused naming the entry, nothing written', async () => {
    await at('2025-03-21', async (c) => {
      const leader = await as('leader', '2025-03-21');
      const unit = await as('unit', '2025-03-21');
      const county = await as('county.admin', '2025-03-21');
      const before = await written();
      const body = (entryIds: string[], patch: Record<string, unknown> = {}) => ({ entryIds, facts: '档案管理制度未按新档案法修订。', ...patch });
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [body([entry('A1-01').entryId]), 'entryIds.0', /检查项 A1-01 在现场检查记录中为“符合”，只有不符合项可以移送立案/],
        [body([entry('A1-02').entryId, entry('A6-01').entryId]), 'entryIds.1', /检查项 A6-01 在现场检查记录中为“不适用”，只有不符合项可以移送立案/],
        [body([UNKNOWN]), 'entryIds.0', /该检查项不属于本次检查/],
        [body([entry('A1-02').entryId, entry('A1-02').entryId]), 'entryIds.1', /检查项 A1-02 选了两次/],
        [body([]), 'entryIds', /请选择移送的不符合项/],
        [body([entry('A1-02').entryId], { facts: ' ' }), 'facts', /请填写违法事实/],
        [body(['not-a-uuid']), 'entryIds', /检查项 ID 格式不正确/],
      ];
      for (const [b, fieldName, message] of cases) refused(await c.post(`/api/inspections/${insp.id}/referrals`, b), 400, fieldName, message);
      // A leader reads but may not refer; the unit never; another org does not see the inspection.
      expect((await leader.post(`/api/inspections/${insp.id}/referrals`, body([entry('A1-02').entryId]))).statusCode).toBe(403);
      expect((await unit.post(`/api/inspections/${insp.id}/referrals`, body([entry('A1-02').entryId]))).statusCode).toBe(403);
      expect((await county.post(`/api/inspections/${insp.id}/referrals`, body([entry('A1-02').entryId]))).statusCode).toBe(404);
      expect(await written()).toEqual(before);
    });
  });

  it('hands an entry over as R-2025-001; the same entry again is refused while it is pending', async () => {
    await at('2025-03-21', async (c) => {
      const d = ok(
        await c.post(`/api/inspections/${insp.id}/referrals`, {
          entryIds: [entry('A1-02').entryId],
          facts: '档案管理制度未按新档案法修订，经责令仍未改正。',
          suspectedBasis: '《中华人民共和国档案法》第四十八条',
        }),
      );
      expect(d.referrals).toEqual([
        {
          id: expect.any(String),
          code: 'R-2025-001',
          referredOn: '2025-03-21',
          status: 'pending',
          statusLabel: '待立案',
          facts: '档案管理制度未按新档案法修订，经责令仍未改正。',
          suspectedBasis: '《中华人民共和国档案法》第四十八条',
          entries: [
            { entryId: entry('A1-02').entryId, code: 'A1-02', title: entry('A1-02').title, legalBasis: entry('A1-02').legalBasis, note: 'A1-02 现场发现问题' },
          ],
          decisionNote: null,
        },
      ]);
      expect(d.referralEntryIds).toEqual([entry('A1-02').entryId]);
      expect(d.allowedActions).toEqual(['issueFeedback', 'refer']); // A3-06 and A5-04 are left

      const before = await written();
      refused(
        await c.post(`/api/inspections/${insp.id}/referrals`, { entryIds: [entry('A3-06').entryId, entry('A1-02').entryId], facts: '再次移送' }),
        400,
        'entryIds.1',
        /检查项 A1-02 已于 2025-03-21 移送（R-2025-001，待立案）/,
      );
      expect(await written()).toEqual(before);
    });
    // The inspector (王执法) may refer too: R-2025-002.
    const inspector = await as('inspector', '2025-03-21');
    const d = ok(await inspector.post(`/api/inspections/${insp.id}/referrals`, { entryIds: [entry('A3-06').entryId], facts: '库房未配备温湿度调控设备。' }));
    env.setNow(NOW);
    expect(d.referrals.map((r) => [r.code, r.entries.map((e) => e.code)])).toEqual([
      ['R-2025-001', ['A1-02']],
      ['R-2025-002', ['A3-06']],
    ]);
    expect(d.allowedActions).toEqual(['issueFeedback', 'refer']);
  });
});

describe('the 案件线索 inbox', () => {
  it('lists the referrals newest first with their source, unit and author; filters by status and text; pages', async () => {
    const list = ok<Page>(await admin.get('/api/enforcement/referrals'));
    expect(list.total).toBe(2);
    expect(list.items.map((r) => r.code)).toEqual(['R-2025-002', 'R-2025-001']);
    for (const r of list.items) byCode[r.code] = r;
    expect(byCode['R-2025-001']).toMatchObject({
      orgId: setup.org.id,
      sourceType: 'inspection',
      sourceLabel: '行政检查',
      sourceId: insp.id,
      sourceRef: insp.code,
      unitId: unitUnitId,
      unitName: insp.unitName,
      referredOn: '2025-03-21',
      status: 'pending',
      statusLabel: '待立案',
      caseId: null,
      decisionNote: null,
      createdByName: '管理员',
    });
    expect(byCode['R-2025-002']!.createdByName).toBe('王执法');

    const codes = async (query: string) => ok<Page>(await admin.get(`/api/enforcement/referrals?${query}`)).items.map((r) => r.code);
    expect(await codes('status=pending')).toEqual(['R-2025-002', 'R-2025-001']);
    expect(await codes('status=declined')).toEqual([]);
    expect(await codes('q=R-2025-001')).toEqual(['R-2025-001']);
    expect(await codes(`q=${encodeURIComponent(insp.code)}`)).toEqual(['R-2025-002', 'R-2025-001']);
    expect(await codes(`q=${encodeURIComponent(insp.unitName.slice(0, 4))}`)).toEqual(['R-2025-002', 'R-2025-001']);
    expect(await codes(`q=${encodeURIComponent('没有这个单位')}`)).toEqual([]);
    const page2 = ok<Page>(await admin.get('/api/enforcement/referrals?pageSize=1&page=2'));
    expect([page2.total, page2.items.map((r) => r.code)]).toEqual([2, ['R-2025-001']]);
    refused(
      await admin.get('/api/enforcement/referrals?status=closed'),
      400,
      'status',
      /状态应为 pending（待立案）、accepted（已立案）或 declined（不予立案）/,
    );

    expect(ok<Referral>(await admin.get(`/api/enforcement/referrals/${byCode['R-2025-001']!.id}`))).toEqual(byCode['R-2025-001']);
    expect((await admin.get(`/api/enforcement/referrals/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await admin.get('/api/enforcement/referrals/not-a-uuid')).statusCode).toBe(400);
  });

  it('every staff role of the org reads it; the unit may not; another org gets 404 for each referral', async () => {
    const id = byCode['R-2025-001']!.id;
    for (const user of ['legal', 'leader', 'staff', 'inspector', 'superior']) {
      const c = await as(user, '2025-03-03');
      expect(ok<Page>(await c.get('/api/enforcement/referrals')).total, user).toBe(2);
      expect((await c.get(`/api/enforcement/referrals/${id}`)).statusCode, user).toBe(200);
    }
    const unit = await as('unit', '2025-03-03');
    expect((await unit.get('/api/enforcement/referrals')).statusCode).toBe(403);
    expect((await unit.get(`/api/enforcement/referrals/${id}`)).statusCode).toBe(403);
    expect((await unit.post(`/api/enforcement/referrals/${id}/decline`, { reason: '无' })).statusCode).toBe(403);

    const county = await as('county.admin', '2025-03-03');
    expect(ok<Page>(await county.get('/api/enforcement/referrals')).total).toBe(0);
    expect((await county.get(`/api/enforcement/referrals?orgId=${setup.org.id}`)).statusCode).toBe(404);
    const before = await written();
    expect((await county.get(`/api/enforcement/referrals/${id}`)).statusCode).toBe(404);
    expect((await county.post(`/api/enforcement/referrals/${id}/decline`, { reason: '不属于本机关管辖' })).statusCode).toBe(404);
    expect((await county.get(`/api/audit/timeline?entityType=enforcementReferral&entityId=${id}`)).statusCode).toBe(404);
    expect(await written()).toEqual(before);
  });
});

describe('the unit’s own view', () => {
  it('never shows the referrals, not even as what addressed an overdue item', async () => {
    await at('2025-03-21', async (c) => {
      const f = ok<Detail & { feedback: { rectificationDue: string } }>(await c.post(`/api/inspections/${insp.id}/feedback`, {}));
      expect(f.feedback.rectificationDue).toBe('2025-05-06');
    });
    const [bureau, unit] = [await as('admin', '2025-05-07'), await as('unit', '2025-05-07')];
    try {
      const d = ok(await bureau.get(`/api/inspections/${insp.id}`));
      expect(d.flags.map((f) => [f.code, f.addressedBy.referrals.map((r) => r.code)])).toEqual([
        ['A1-02', ['R-2025-001']],
        ['A3-06', ['R-2025-002']],
        ['A5-04', []],
      ]);
      // A5-04 is neither referred nor otherwise addressed: no 办结 yet; it may still be referred.
      expect(d.allowedActions).toEqual(['interview', 'followUp', 'refer', 'publish']);

      const res = await unit.get(`/api/my/inspections/${insp.id}`);
      const mine = ok(res);
      expect(mine.flags.map((f) => [f.code, f.addressedBy.referrals])).toEqual([
        ['A1-02', []],
        ['A3-06', []],
        ['A5-04', []],
      ]);
      expect(mine.referrals).toEqual([]);
      expect(mine.referralEntryIds).toEqual([]);
      expect(res.body).not.toMatch(/R-2025-/);
      for (const r of Object.values(byCode)) expect(res.body).not.toContain(r.id);
      expect(mine.allowedActions).toEqual(['reportRectification']);
    } finally {
      env.setNow(NOW);
    }
  });
});

describe('不予立案', () => {
  it('needs a reason and the right to manage referrals; nothing written otherwise', async () => {
    const id = byCode['R-2025-001']!.id;
    const legal = await as('legal', '2025-05-07');
    const leader = await as('leader', '2025-05-07');
    const before = await written();
    refused(await legal.post(`/api/enforcement/referrals/${id}/decline`, { reason: '  ' }), 400, 'reason', /请填写不予立案的理由/);
    refused(await legal.post(`/api/enforcement/referrals/${id}/decline`, {}), 400, 'reason', /.+/);
    expect((await leader.post(`/api/enforcement/referrals/${id}/decline`, { reason: '情节轻微' })).statusCode).toBe(403);
    expect((await legal.post(`/api/enforcement/referrals/${UNKNOWN}/decline`, { reason: '情节轻微' })).statusCode).toBe(404);
    expect(await written()).toEqual(before);
    env.setNow(NOW);
  });

  it('declines once; the entry counts as unreferred again, so it may be referred anew (R-2025-003)', async () => {
    const id = byCode['R-2025-001']!.id;
    const legal = await as('legal', '2025-05-07');
    const r = ok<Referral>(
      await legal.post(`/api/enforcement/referrals/${id}/decline`, { reason: '初次违法且已改正，危害后果轻微，依法不予立案，已进行教育。' }),
    );
    expect(r).toMatchObject({
      code: 'R-2025-001',
      status: 'declined',
      statusLabel: '不予立案',
      decisionNote: '初次违法且已改正，危害后果轻微，依法不予立案，已进行教育。',
    });
    const before = await written();
    refused(
      await legal.post(`/api/enforcement/referrals/${id}/decline`, { reason: '再次' }),
      409,
      null,
      /^案件线索 R-2025-001 当前为“不予立案”，只有待立案的线索可以作不予立案处理/,
    );
    expect(await written()).toEqual(before);
    expect(ok<Page>(await legal.get('/api/enforcement/referrals?status=declined')).items.map((x) => x.code)).toEqual(['R-2025-001']);

    await at('2025-05-07', async (c) => {
      const d = ok(await c.get(`/api/inspections/${insp.id}`));
      expect(d.referrals.map((x) => [x.code, x.status, x.decisionNote])).toEqual([
        ['R-2025-001', 'declined', '初次违法且已改正，危害后果轻微，依法不予立案，已进行教育。'],
        ['R-2025-002', 'pending', null],
      ]);
      expect(d.referralEntryIds).toEqual([entry('A3-06').entryId]);
      expect(d.flags.find((f) => f.code === 'A1-02')!.addressedBy.referrals).toEqual([]);
      const again = ok(
        await c.post(`/api/inspections/${insp.id}/referrals`, { entryIds: [entry('A1-02').entryId, entry('A5-04').entryId], facts: '逾期仍未整改。' }),
      );
      expect(again.referrals.map((x) => [x.code, x.status, x.entries.map((e) => e.code)])).toEqual([
        ['R-2025-001', 'declined', ['A1-02']],
        ['R-2025-002', 'pending', ['A3-06']],
        ['R-2025-003', 'pending', ['A1-02', 'A5-04']],
      ]);
      // Every flag is addressed by a live referral: 办结 is offered, nothing is left to refer.
      expect(again.allowedActions).toEqual(['interview', 'followUp', 'close', 'publish']);
      expect(ok<Page>(await c.get('/api/enforcement/referrals?status=pending')).items.map((x) => x.code)).toEqual(['R-2025-003', 'R-2025-002']);
    });
  });

  it('an accepted referral (已立案: a case picked it up) keeps the entry referred and cannot be declined', async () => {
    // No API sets 已立案 yet (the enforcement case module will): set it as a case would.
    await env.database.pool.query(
      `UPDATE enforcement_referrals SET status = 'accepted', case_id = gen_random_uuid(), updated_at = now() WHERE code = 'R-2025-002'`,
    );
    await at('2025-05-07', async (c) => {
      const legal = await as('legal', '2025-05-07');
      const before = await written();
      refused(
        await c.post(`/api/inspections/${insp.id}/referrals`, { entryIds: [entry('A3-06').entryId], facts: '再次移送' }),
        400,
        'entryIds.0',
        /检查项 A3-06 已于 2025-03-21 移送（R-2025-002，已立案）/,
      );
      refused(
        await legal.post(`/api/enforcement/referrals/${byCode['R-2025-002']!.id}/decline`, { reason: '不予立案' }),
        409,
        null,
        /^案件线索 R-2025-002 当前为“已立案”，只有待立案的线索可以作不予立案处理/,
      );
      expect(await written()).toEqual(before);
      const d = ok(await c.get(`/api/inspections/${insp.id}`));
      expect(d.flags.find((f) => f.code === 'A3-06')!.addressedBy.referrals.map((r) => [r.code, r.status])).toEqual([['R-2025-002', 'accepted']]);
      expect(d.allowedActions).toEqual(['interview', 'followUp', 'close', 'publish']);
      expect(ok<Page>(await c.get('/api/enforcement/referrals?status=accepted')).items.map((x) => [x.code, x.statusLabel])).toEqual([['R-2025-002', '已立案']]);
    });
  });

  it('everything is on the whole-process record: the referral’s own timeline and the inspection’s', async () => {
    const legal = await as('legal', '2025-03-03');
    const t = ok<{ items: { action: string; actorName: string; after: Record<string, unknown> }[] }>(
      await legal.get(`/api/audit/timeline?entityType=enforcementReferral&entityId=${byCode['R-2025-001']!.id}`),
    ).items;
    expect(t.map((e) => e.action)).toEqual(['enforcement.referral.create', 'enforcement.referral.decline']);
    expect(t[0]!.after).toMatchObject({
      code: 'R-2025-001',
      sourceType: 'inspection',
      sourceRef: insp.code,
      referredOn: '2025-03-21',
      status: 'pending',
      entries: [expect.objectContaining({ code: 'A1-02' })],
    });
    expect(t[1]!.after).toEqual({ status: 'declined', reason: '初次违法且已改正，危害后果轻微，依法不予立案，已进行教育。', decidedOn: '2025-05-07' });
    expect(t[1]!.actorName).toMatch(/李法制/);
    const events = ok<{ items: { action: string; after: Record<string, unknown> }[] }>(
      await admin.get(`/api/audit/timeline?entityType=inspection&entityId=${insp.id}`),
    ).items;
    expect(events.map((e) => e.action)).toEqual([
      'inspection.create',
      'inspection.notify',
      'inspection.record.save',
      'inspection.sign',
      'inspection.refer',
      'inspection.refer',
      'inspection.feedback',
      'inspection.refer',
    ]);
    expect(events.filter((e) => e.action === 'inspection.refer').map((e) => [e.after.referralCode, e.after.entries])).toEqual([
      ['R-2025-001', ['A1-02']],
      ['R-2025-002', ['A3-06']],
      ['R-2025-003', ['A1-02', 'A5-04']],
    ]);
  });

  it('numbers per year: the first referral of 2026 is R-2026-001', async () => {
    const versionId = (await q1<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`)).checklist_version_id;
    await at('2026-01-05', async (first) => {
      let c = first;
      const d = ok(
        await c.post('/api/inspections', {
          unitId: unitUnitId,
          inspectorIds: [ids['王执法'], ids['孙立新']],
          checklistVersionId: versionId,
          plannedDate: '2026-01-13',
          reason: '专项检查',
        }),
      );
      ok(await c.post(`/api/inspections/${d.id}/notice`, {}));
      c = await as('admin', '2026-01-13');
      ok(
        await c.put(`/api/inspections/${d.id}/record`, {
          onSiteDate: '2026-01-13',
          items: d.items.map((e) => ({ entryId: e.entryId, result: e.code === 'A2-01' ? 'non_compliant' : 'compliant' })),
          inspectorsPresent: [ids['王执法'], ids['孙立新']],
          representative: { name: '刘主任', title: '办公室主任' },
        }),
      );
      ok(
        await c.post(`/api/inspections/${d.id}/sign`, {
          inspectors: [ids['王执法'], ids['孙立新']].map((id) => ({ inspectorId: id, signature: PNG_URL })),
          representative: { signature: PNG_URL },
        }),
      );
      const r = ok(
        await c.post(`/api/inspections/${d.id}/referrals`, { entryIds: [d.items.find((e) => e.code === 'A2-01')!.entryId], facts: '库房不符合要求。' }),
      );
      expect(r.referrals.map((x) => [x.code, x.referredOn])).toEqual([['R-2026-001', '2026-01-13']]);
    });
    expect(ok<Page>(await admin.get('/api/enforcement/referrals')).items.map((r) => r.code)).toEqual(['R-2026-001', 'R-2025-003', 'R-2025-002', 'R-2025-001']);
  });
});
