/**
 * 一公开 through HTTP: the 20-working-day publication clock from the feedback letter, publishing
 * once (late allowed, the clock then missed), correction with a reason, 典型 with a note, and the
 * portal's /api/public/inspections (only published results, only the public fields).
 *
 * Demo data at 2025-09-15 (Monday). Inspections are driven to the feedback letter: on site on
 * Thursday 2025-09-25, letter on Friday 2025-09-26.
 *
 * Publication due, counted by hand from the State Council's 2025 schedule (国庆节、中秋节 10-01…10-08
 * off; Sunday 09-28 and Saturday 10-11 are 调休上班 working days), 20 working days after 09-26:
 *   09-28 (1), 09-29 (2), 09-30 (3), [10-01…10-08 off], 10-09 (4), 10-10 (5), 10-11 Sat (6),
 *   10-13…17 (7–11), 10-20…24 (12–16), 10-27 (17), 10-28 (18), 10-29 (19), 10-30 (20) → 2025-10-30.
 * Rectification due (on-site 09-25 + 30 working days): 09-26 (1), 09-28 (2), 09-29, 09-30 (4), 10-09,
 *   10-10, 10-11 (7), 10-13…17 (12), 10-20…24 (17), 10-27…31 (22), 11-03…07 (27), 11-10, 11-11, 11-12 (30)
 *   → 2025-11-12.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, setupOrg, signInDemo, ok, refused } from '../../../test/harness.js';
import { rectificationProgress } from './publication.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const NOW = '2025-09-15T02:00:00Z';
const ON_SITE = '2025-09-25T02:00:00Z';
const FEEDBACK = '2025-09-26T02:00:00Z';
const PNG_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

type Publication = {
  inspectionId: string;
  code: string;
  feedbackOn: string | null;
  clock: { due: string; state: string; daysLeft: number | null } | null;
  published: boolean;
  publishedOn: string | null;
  publicResult: string | null;
  defaultText: string | null;
  exemplary: boolean;
  exemplaryNote: string | null;
  exemplaryOn: string | null;
  rectification: { code: string; label: string; accepted: number; total: number; due: string | null };
  allowedActions: string[];
};
type PublicItem = Record<string, unknown> & {
  id: string;
  conclusion: string;
  rectification: { label: string; code: string };
  exemplary: boolean;
  exemplaryNote: string | null;
};

const q1 = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows[0] as T;
async function at<T>(when: string, fn: (c: Client) => Promise<T>): Promise<T> {
  env.setNow(when);
  try {
    const c = new Client(env.app);
    ok(await c.login('admin', 'Admin-Pass-2024'));
    return await fn(c);
  } finally {
    env.setNow(NOW);
    admin = new Client(env.app);
    ok(await admin.login('admin', 'Admin-Pass-2024'));
  }
}
const written = async () => ({
  inspections: await q1<{ n: number }>(`SELECT count(*)::int AS n FROM inspections WHERE published_on IS NOT NULL OR exemplary`),
  clocks: await countRows(env, 'clocks'),
  audit: await countRows(env, 'audit_events'),
});

let versionId: string;
let units: { id: string; name: string; type: string }[];
const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
const codes: Record<string, string> = {};

/** An ad-hoc inspection of `unitId`, noticed today; unless `stop`, on site 09-25 (item 2 不符合 unless `clean`) and the letter on 09-26. */
async function drive(unitId: string, opts: { clean?: boolean; stop?: boolean } = {}): Promise<string> {
  const team = (
    await env.database.pool.query<{ id: string }>(
      `SELECT i.id FROM inspectors i WHERE i.org_id = $1 AND i.status = 'active' AND i.cert_issued_on <= '2025-09-15' AND i.cert_expires_on >= '2025-12-31'
         AND NOT EXISTS (SELECT 1 FROM inspector_conflicts c WHERE c.inspector_id = i.id AND c.unit_id = $2) ORDER BY i.name LIMIT 2`,
      [setup.org.id, unitId],
    )
  ).rows.map((r) => r.id);
  const d = ok<{ id: string; code: string; items: { entryId: string; code: string }[] }>(
    await admin.post('/api/inspections', { unitId, inspectorIds: team, checklistVersionId: versionId, plannedDate: '2025-09-25', reason: '专项检查' }),
  );
  codes[d.id] = d.code;
  ok(await admin.post(`/api/inspections/${d.id}/notice`, {}));
  if (opts.stop) return d.id;
  await at(ON_SITE, async (c) => {
    ok(
      await c.put(`/api/inspections/${d.id}/record`, {
        onSiteDate: '2025-09-25',
        items: d.items.map((e, i) => ({
          entryId: e.entryId,
          result: i === 1 && !opts.clean ? 'non_compliant' : 'compliant',
          note: i === 1 && !opts.clean ? '制度汇编未更新' : null,
        })),
        inspectorsPresent: team,
        representative: { name: '张主任', title: '办公室主任' },
        findings: '张主任陪同检查。',
      }),
    );
    ok(
      await c.post(`/api/inspections/${d.id}/sign`, {
        inspectors: team.map((t) => ({ inspectorId: t, signature: PNG_URL })),
        representative: { signature: PNG_URL },
      }),
    );
  });
  await at(FEEDBACK, async (c) => ok(await c.post(`/api/inspections/${d.id}/feedback`, {})));
  return d.id;
}

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  versionId = (await q1<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`)).checklist_version_id;
  units = (
    await env.database.pool.query<{ id: string; name: string; type: string }>(
      `SELECT id, name, type FROM units WHERE org_id = $1 AND status = 'active' ORDER BY name LIMIT 4`,
      [setup.org.id],
    )
  ).rows;
  ids.A = await drive(units[0]!.id); // 1 不符合 → 已反馈, rectification due 2025-11-12
  ids.B = await drive(units[1]!.id, { clean: true }); // nothing to rectify → 已办结 at once
  ids.C = await drive(units[2]!.id, { stop: true }); // notified only
  ids.D = await drive(units[3]!.id); // letter issued, never published
});
afterAll(async () => env.close());

describe('the publication clock', () => {
  it('starts with the feedback letter: 20 working days across 国庆 2025 → 2025-10-30, on the dashboard', async () => {
    await at(FEEDBACK, async (c) => {
      for (const id of [ids.A, ids.B, ids.D]) {
        const p = ok<Publication>(await c.get(`/api/inspections/${id}/publication`));
        expect(p).toMatchObject({ feedbackOn: '2025-09-26', published: false, clock: { due: '2025-10-30', state: 'running', daysLeft: 20 } });
      }
      const dash = ok<{ items: { kind: string; kindLabel: string; entityId: string; due: string; label: string }[] }>(await c.get('/api/dashboard'));
      const pub = dash.items.filter((i) => i.kind === 'inspection.publication');
      expect(pub.map((i) => i.entityId).sort()).toEqual([ids.A, ids.B, ids.D].sort());
      const a = pub.find((i) => i.entityId === ids.A)!;
      expect(a).toMatchObject({ kindLabel: '检查结果公开', due: '2025-10-30', label: `公开检查结果（${codes[ids.A]}，${units[0]!.name}）` });
    });
    // No letter, no clock.
    expect(ok<Publication>(await admin.get(`/api/inspections/${ids.C}/publication`)).clock).toBeNull();
  });

  it('offers a default text from the record, and the actions by the flow', async () => {
    const p = ok<Publication>(await admin.get(`/api/inspections/${ids.A}/publication`));
    const title = (await q1<{ title: string }>(`SELECT title FROM checklist_version_items WHERE version_id = $1 AND code = 'A1-02'`, [versionId])).title;
    expect(p.defaultText).toBe(
      `2025年9月25日，测试市档案局依据《中华人民共和国档案法》第四十二条，对${units[0]!.name}档案工作开展了行政检查（专项/临时检查）。` +
        '检查事项 37 项，涉及档案工作责任制和管理制度落实情况、档案库房、设施、设备配置使用情况、档案工作人员管理情况、档案收集、整理、保管、提供利用等情况、档案信息化建设和信息安全保障情况、对所属单位等的档案工作监督和指导情况。' +
        '检查结果：符合 36 项，不符合 1 项，不适用 0 项。' +
        `发现的问题：A1-02 ${title}。已责令限期整改，整改期限至2025年11月12日。`,
    );
    expect(p.defaultText).not.toContain('张主任');
    expect(p.rectification).toEqual({
      code: 'in_progress',
      label: '整改中（0/1 项已通过）',
      accepted: 0,
      total: 1,
      due: '2025-11-12',
      provisional: false,
      provisionalYears: [],
    });
    // Not yet published: 典型 is not offered (it needs a published result).
    expect(p.allowedActions).toEqual(['publish']);
    expect(ok<Publication>(await admin.get(`/api/inspections/${ids.B}/publication`)).defaultText).toMatch(
      /符合 37 项，不符合 0 项，不适用 0 项。未发现需要整改的问题。$/,
    );
    expect(ok<Publication>(await admin.get(`/api/inspections/${ids.C}/publication`))).toMatchObject({ defaultText: null, allowedActions: [] });
    const leader = await signInDemo(env.app, setup, 'leader');
    expect(ok<Publication>(await leader.get(`/api/inspections/${ids.A}/publication`)).allowedActions).toEqual([]);
  });
});

describe('publishing', () => {
  it('refuses before the letter, a date after today or before the letter, an empty text; other org 404, no right 403; nothing written', async () => {
    await at('2025-10-09T02:00:00Z', async (c) => {
      // Signing in is on the record too: sign in first.
      const county = await signInDemo(env.app, setup, 'county.admin');
      const leader = await signInDemo(env.app, setup, 'leader');
      const before = await written();
      const early = await c.post(`/api/inspections/${ids.C}/publish`, {});
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toMatch(/当前状态为“已通知”，不能公开检查结果（仅在“已反馈”、“整改中”、“已办结”状态下可以）/);
      const future = await c.post(`/api/inspections/${ids.A}/publish`, { publishedOn: '2025-10-10' });
      expect(future.statusCode).toBe(400);
      expect(future.json().error.fields.publishedOn).toBe('公开日期 2025-10-10 晚于今天（2025-10-09）');
      const beforeLetter = await c.post(`/api/inspections/${ids.A}/publish`, { publishedOn: '2025-09-25' });
      expect(beforeLetter.statusCode).toBe(400);
      expect(beforeLetter.json().error.fields.publishedOn).toBe('公开日期 2025-09-25 早于反馈意见书出具日期 2025-09-26（检查结果形成之日）');
      const empty = await c.post(`/api/inspections/${ids.A}/publish`, { publicResult: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.fields.publicResult).toBe('请填写公开的检查结果');
      expect((await county.post(`/api/inspections/${ids.A}/publish`, {})).statusCode).toBe(404);
      expect((await county.get(`/api/inspections/${ids.A}/publication`)).statusCode).toBe(404);
      expect((await county.put(`/api/inspections/${ids.A}/publication`, { publicResult: 'x', reason: 'y' })).statusCode).toBe(404);
      expect((await county.post(`/api/inspections/${ids.A}/exemplary`, { exemplary: true, note: 'x' })).statusCode).toBe(404);
      expect((await leader.post(`/api/inspections/${ids.A}/publish`, {})).statusCode).toBe(403);
      expect(await written()).toEqual(before);
    });
  });

  it('publishes on 2025-10-09 with the default text: the clock is met and leaves the dashboard; twice is refused', async () => {
    await at('2025-10-09T02:00:00Z', async (c) => {
      const expected = ok<Publication>(await c.get(`/api/inspections/${ids.A}/publication`)).defaultText;
      const p = ok<Publication>(await c.post(`/api/inspections/${ids.A}/publish`, {}));
      expect(p).toMatchObject({ published: true, publishedOn: '2025-10-09', publicResult: expected, clock: { due: '2025-10-30', state: 'met' } });
      // Published: correction (the same step) and now 典型.
      expect(p.allowedActions).toEqual(['publish', 'markExemplary']);
      const dash = ok<{ items: { kind: string; entityId: string }[] }>(await c.get('/api/dashboard'));
      expect(
        dash.items
          .filter((i) => i.kind === 'inspection.publication')
          .map((i) => i.entityId)
          .sort(),
      ).toEqual([ids.B, ids.D].sort());
      expect(
        (await q1<{ closed: boolean }>(`SELECT closed_at IS NOT NULL AS closed FROM clocks WHERE entity_id = $1 AND kind = 'inspection.publication'`, [ids.A]))
          .closed,
      ).toBe(true);
      const before = await written();
      const twice = await c.post(`/api/inspections/${ids.A}/publish`, {});
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.message).toMatch(/已于 2025-10-09 公开，不能重复公开/);
      expect(await written()).toEqual(before);
      const detail = ok<{ publishedOn: string; allowedActions: string[] }>(await c.get(`/api/inspections/${ids.A}`));
      expect(detail.publishedOn).toBe('2025-10-09');
      // Published once: 公开 is no longer offered (a correction is PUT …/publication); 典型 now is.
      expect(detail.allowedActions).toContain('markExemplary');
      expect(detail.allowedActions).not.toContain('publish');
    });
  });

  it('publishing late is allowed; the clock shows missed', async () => {
    await at('2025-11-03T02:00:00Z', async (c) => {
      const p = ok<Publication>(await c.post(`/api/inspections/${ids.B}/publish`, { publicResult: '检查未发现问题。' }));
      expect(p).toMatchObject({ publishedOn: '2025-11-03', publicResult: '检查未发现问题。', clock: { due: '2025-10-30', state: 'missed' } });
      const ev = await q1<{ after: { clockState: string; defaultText: boolean } }>(
        `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'inspection.publish'`,
        [ids.B],
      );
      expect(ev.after).toMatchObject({ clockState: 'missed', defaultText: false });
    });
  });

  it('corrects the text with a reason; the record keeps both versions', async () => {
    const old = ok<Publication>(await admin.get(`/api/inspections/${ids.A}/publication`)).publicResult!;
    const before = await written();
    const noReason = await admin.put(`/api/inspections/${ids.A}/publication`, { publicResult: '更正后的结果' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toBeDefined();
    const same = await admin.put(`/api/inspections/${ids.A}/publication`, { publicResult: old, reason: '核对' });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields.publicResult).toBe('更正后的内容与已公开的内容相同');
    const unpublished = await admin.put(`/api/inspections/${ids.D}/publication`, { publicResult: 'x', reason: 'y' });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json().error.message).toMatch(/尚未公开，不能更正/);
    expect(await written()).toEqual(before);
    const text = `${old}（更正：整改期限以反馈意见书为准。）`;
    expect(ok<Publication>(await admin.put(`/api/inspections/${ids.A}/publication`, { publicResult: text, reason: '补充说明整改期限' })).publicResult).toBe(
      text,
    );
    const ev = await q1<{ before: { publicResult: string }; after: { publicResult: string; reason: string } }>(
      `SELECT before, after FROM audit_events WHERE entity_id = $1 AND action = 'inspection.publication.correct'`,
      [ids.A],
    );
    expect(ev).toEqual({ before: { publicResult: old }, after: { publicResult: text, reason: '补充说明整改期限' } });
  });
});

describe('典型', () => {
  it('needs a published result and a note; marked, unmarked (history in the record), marked again', async () => {
    const before = await written();
    const unpublished = await admin.post(`/api/inspections/${ids.D}/exemplary`, { exemplary: true, note: '整改迅速' });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json().error.message).toMatch(/结果尚未公开，不能标记典型/);
    const noNote = await admin.post(`/api/inspections/${ids.A}/exemplary`, { exemplary: true });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields.note).toBe('标记典型须写明理由（该单位为何可作为典型）');
    expect((await admin.post(`/api/inspections/${ids.A}/exemplary`, { exemplary: true, note: '  ' })).statusCode).toBe(400);
    expect((await admin.post(`/api/inspections/${ids.A}/exemplary`, { exemplary: 'yes' })).statusCode).toBe(400);
    const notMarked = await admin.post(`/api/inspections/${ids.A}/exemplary`, { exemplary: false });
    expect(notMarked.statusCode).toBe(409);
    expect(await written()).toEqual(before);

    const m = ok<Publication>(await admin.post(`/api/inspections/${ids.A}/exemplary`, { exemplary: true, note: '档案库房改造后达到标准，可供同类单位借鉴' }));
    expect(m).toMatchObject({ exemplary: true, exemplaryNote: '档案库房改造后达到标准，可供同类单位借鉴', exemplaryOn: '2025-09-15' });
    const pub = new Client(env.app);
    expect(ok<{ items: PublicItem[] }>(await pub.get('/api/public/inspections/exemplary')).items.map((i) => [i.id, i.exemplaryNote])).toEqual([
      [ids.A, '档案库房改造后达到标准，可供同类单位借鉴'],
    ]);
    const u = ok<Publication>(await admin.post(`/api/inspections/${ids.A}/exemplary`, { exemplary: false, note: '典型材料有误' }));
    expect(u).toMatchObject({ exemplary: false, exemplaryNote: null, exemplaryOn: null });
    expect(ok<{ items: PublicItem[] }>(await pub.get('/api/public/inspections/exemplary')).items).toEqual([]);
    ok(await admin.post(`/api/inspections/${ids.A}/exemplary`, { exemplary: true, note: '整改迅速，制度完善' }));
    const events = (
      await env.database.pool.query<{ action: string; before: unknown; after: unknown }>(
        `SELECT action, before, after FROM audit_events WHERE entity_id = $1 AND action LIKE 'inspection.exemplary.%' ORDER BY seq`,
        [ids.A],
      )
    ).rows;
    expect(events.map((e) => e.action)).toEqual(['inspection.exemplary.mark', 'inspection.exemplary.unmark', 'inspection.exemplary.mark']);
    expect(events[1]!.before).toEqual({ exemplary: true, exemplaryNote: '档案库房改造后达到标准，可供同类单位借鉴', exemplaryOn: '2025-09-15' });
    expect(events[1]!.after).toEqual({ exemplary: false, exemplaryNote: null, exemplaryOn: null, reason: '典型材料有误' });
    const timeline = ok<{ items: { action: string }[] }>(await admin.get(`/api/audit/timeline?entityType=inspection&entityId=${ids.A}`));
    expect(timeline.items.map((e) => e.action).slice(-5)).toEqual([
      'inspection.publish',
      'inspection.publication.correct',
      'inspection.exemplary.mark',
      'inspection.exemplary.unmark',
      'inspection.exemplary.mark',
    ]);
  });
});

describe('the portal (no sign-in)', () => {
  const KEYS = [
    'areas',
    'checklistName',
    'code',
    'conclusion',
    'draw',
    'exemplary',
    'exemplaryNote',
    'id',
    'itemsChecked',
    'onSiteDate',
    'orgName',
    'publishedOn',
    'rectification',
    'results',
    'sourceLabel',
    'unitName',
    'unitType',
    'unitTypeLabel',
  ];

  it('lists exactly the published results with the public fields; rectification status live', async () => {
    const pub = new Client(env.app);
    const page = ok<{ items: PublicItem[]; total: number; page: number; pageSize: number }>(await pub.get('/api/public/inspections'));
    expect(page.total).toBe(2);
    // B published 11-03 after A 10-09: newest first. C (noticed only) and D (letter, unpublished) are absent.
    expect(page.items.map((i) => i.id)).toEqual([ids.B, ids.A]);
    for (const i of page.items) expect(Object.keys(i).sort()).toEqual(KEYS);
    const a = page.items.find((i) => i.id === ids.A)!;
    expect(a).toMatchObject({
      code: codes[ids.A],
      orgName: '测试市档案局',
      unitName: units[0]!.name,
      unitType: units[0]!.type,
      sourceLabel: '专项/临时检查',
      draw: null,
      onSiteDate: '2025-09-25',
      itemsChecked: 37,
      results: { compliant: 36, nonCompliant: 1, notApplicable: 0 },
      publishedOn: '2025-10-09',
      exemplary: true,
      exemplaryNote: '整改迅速，制度完善',
      rectification: {
        code: 'in_progress',
        label: '整改中（0/1 项已通过）',
        accepted: 0,
        total: 1,
        due: '2025-11-12',
        provisional: false,
        provisionalYears: [],
      },
    });
    expect(a.conclusion).toMatch(/（更正：整改期限以反馈意见书为准。）$/);
    expect((a.areas as string[]).length).toBe(6);
    expect(page.items.find((i) => i.id === ids.B)!.rectification).toEqual({
      code: 'none',
      label: '无需整改',
      accepted: 0,
      total: 0,
      due: null,
      provisional: false,
      provisionalYears: [],
    });
    // Nothing personal: no representative, no signatures or photos, no inspectors.
    const text = JSON.stringify(page);
    for (const s of ['张主任', 'signature', '/files/', 'team', 'representative', 'findings']) expect(text).not.toContain(s);

    env.setNow('2025-11-13T02:00:00Z');
    try {
      const late = ok<{ items: PublicItem[] }>(await pub.get('/api/public/inspections')).items.find((i) => i.id === ids.A)!;
      expect(late.rectification).toMatchObject({ code: 'overdue', label: '逾期未完成（0/1 项已通过）' });
    } finally {
      env.setNow(NOW);
    }
  });

  it('filters by year, unit type and org; pages', async () => {
    const pub = new Client(env.app);
    const get = async (qs: string) => ok<{ items: PublicItem[]; total: number }>(await pub.get(`/api/public/inspections?${qs}`));
    expect((await get('year=2025')).total).toBe(2);
    expect((await get('year=2024')).total).toBe(0);
    const byType = await get(`unitType=${units[0]!.type}`);
    expect(byType.items.every((i) => i.unitType === units[0]!.type)).toBe(true);
    expect(byType.items.map((i) => i.id)).toContain(ids.A);
    const p1 = await get('page=1&pageSize=1');
    const p2 = await get('page=2&pageSize=1');
    const p3 = await get('page=3&pageSize=1');
    expect([p1.total, p2.total, p3.total, p3.items.length]).toEqual([2, 2, 2, 0]);
    expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual([ids.B, ids.A]);
    expect((await get(`orgId=${setup.org.id}`)).total).toBe(2);
    const county = (await q1<{ id: string }>(`SELECT id FROM orgs WHERE parent_id = $1`, [setup.org.id])).id;
    expect((await get(`orgId=${county}`)).total).toBe(0);
    expect((await pub.get('/api/public/inspections?year=abc')).statusCode).toBe(400);
    expect((await pub.get('/api/public/inspections?unitType=alien')).statusCode).toBe(400);
    const ex = ok<{ items: PublicItem[] }>(await pub.get('/api/public/inspections/exemplary'));
    expect(ex.items.map((i) => i.id)).toEqual([ids.A]);
    expect(Object.keys(ex.items[0]!).sort()).toEqual(KEYS);
  });

  it('pages the 典型 list: page 2 is the slice of the whole, with the total; a page of more than 200 is refused', async () => {
    const pub = new Client(env.app);
    ok(await admin.post(`/api/inspections/${ids.B}/exemplary`, { exemplary: true, note: '制度健全，可供借鉴' }));
    const ex = async (qs: string) =>
      ok<{ items: PublicItem[]; total: number; page: number; pageSize: number }>(await pub.get(`/api/public/inspections/exemplary?${qs}`));
    const all = await ex('pageSize=200');
    expect(all.total).toBe(2);
    expect(all.items.map((i) => i.id).sort()).toEqual([ids.A, ids.B].sort());
    const p2 = await ex('page=2&pageSize=1');
    expect(p2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(p2.items.map((i) => i.id)).toEqual([all.items[1]!.id]);
    // Past the last page: no rows, the total still right.
    expect(await ex('page=3&pageSize=1')).toMatchObject({ items: [], total: 2, page: 3 });
    expect((await ex('year=2024')).total).toBe(0);
    refused(await pub.get('/api/public/inspections/exemplary?pageSize=201'), 400, 'pageSize', /每页最多 200 条/);
    ok(await admin.post(`/api/inspections/${ids.B}/exemplary`, { exemplary: false }));
  });
});

describe('rectificationProgress', () => {
  const item = (status: 'open' | 'accepted' | 'reported') => ({ id: 'x', entryId: 'e', code: 'A1', title: 't', text: 't', status });
  it.each([
    [[], 'rectifying', '2025-11-20', 'none', '无需整改'],
    [[item('accepted'), item('open')], 'rectifying', '2025-11-20', 'in_progress', '整改中（1/2 项已通过）'],
    [[item('accepted'), item('reported')], 'rectifying', '2025-11-10', 'overdue', '逾期未完成（1/2 项已通过）'],
    [[item('accepted'), item('accepted')], 'closed', '2025-11-10', 'done', '已完成整改'],
    [[item('accepted'), item('open')], 'closed', '2025-11-10', 'closed', '已办结（1/2 项整改已通过）'],
  ] as const)('%j in %s due %s → %s', (items, status, due, code, label) => {
    expect(rectificationProgress([...items], due, status, '2025-11-12')).toMatchObject({ code, label });
  });
});
