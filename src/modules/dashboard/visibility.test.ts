/**
 * No leak through the dashboard (issue 11 §1): every due item passes the policy of the record it names.
 * One open clock of every kind the modules write (and one of a kind nobody declares, and one assigned
 * to somebody), plus the certificates, in the demo's top org; then role × kind → shown or not, for
 * every demo account. The unit's archivist sees only its own unit's 自查表, rectification and commitment;
 * an inspector only the inspections of the teams he is on (issue 13 §1); the archivist and the
 * inspector see no disclosure application (they did, before). The same accounts get
 * no disclosure figure, drill-down or timeline either.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, ok, setupOrg, signInDemo, type SetupResponse, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const accounts: Record<string, Client> = {};
const ACCOUNTS = ['admin', 'leader', 'legal', 'inspector', 'staff', 'unit', 'superior', 'county.admin'] as const;
type Account = (typeof ACCOUNTS)[number];

const DISCLOSURE: Account[] = ['admin', 'leader', 'legal', 'staff', 'superior']; // disclosure.read
const INSPECTION: Account[] = ['admin', 'leader', 'legal', 'staff', 'superior']; // inspection.oversee: every inspection's deadlines
// The inspector (inspection.read, not oversee): the inspections of the teams he is on — here `own`'s, not `other`'s.
const AUDITORS: Account[] = ['admin', 'leader', 'legal', 'superior']; // audit.read

/** Each due item of the test, by tag → the accounts whose dashboard shows it (county.admin: another org, none). */
const VISIBLE: Record<string, Account[]> = {
  'disclosure.reply': DISCLOSURE,
  'disclosure.reply (a real application)': DISCLOSURE,
  'disclosure.consultation': DISCLOSURE,
  'disclosure.proactive': DISCLOSURE,
  'inspection.notice': INSPECTION,
  'inspection.record (his team)': [...INSPECTION, 'inspector'],
  'inspection.record (another team)': INSPECTION,
  'inspection.publication': INSPECTION,
  'inspection.self (own unit)': [...INSPECTION, 'inspector', 'unit'],
  'inspection.self (other unit)': INSPECTION,
  'inspection.rectification (own unit)': [...INSPECTION, 'inspector', 'unit'],
  'inspection.rectification (other unit)': INSPECTION,
  'inspection.commitment (own unit)': [...INSPECTION, 'inspector', 'unit'],
  'inspection.commitment (other unit)': INSPECTION,
  // A kind no module declares: the record's auditors only.
  'undeclared.kind': AUDITORS,
  // Assigned to one user: that user only.
  'disclosure.reply (assigned to staff)': ['staff'],
  // Certificates: the admin keeps the directory (inspector.write) and sees all; an inspector their own.
  'certificate (the inspector’s own)': ['admin', 'inspector'],
  'certificate (another inspector’s)': ['admin'],
};

const tags = new Map<string, string>(); // entity id or clock label → tag
let applicationId = '';

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' }); // 10:00 Beijing time
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  accounts.admin = admin;
  for (const a of ACCOUNTS.filter((x) => x !== 'admin')) accounts[a] = await signInDemo(env.app, setup, a);

  const q = async <T>(text: string, params: unknown[] = []) => (await env.database.pool.query(text, params)).rows as T[];
  const org = setup.org.id;
  const [unitUser] = await q<{ id: string; unit_id: string }>(`SELECT id, unit_id FROM users WHERE username = 'unit'`);
  const [staffUser] = await q<{ id: string }>(`SELECT id FROM users WHERE username = 'staff'`);
  const [inspectorUser] = await q<{ id: string }>(`SELECT id FROM users WHERE username = 'inspector'`);
  const insp = await q<{ id: string; unit_id: string }>(`SELECT id, unit_id FROM inspections WHERE org_id = $1 ORDER BY code`, [org]);
  const own = insp.find((i) => i.unit_id === unitUser!.unit_id)!;
  const other = insp.find((i) => i.unit_id !== unitUser!.unit_id)!;
  expect(own && other, 'the demo has an inspection of the archivist’s unit and one of another').toBeTruthy();

  // The inspector is on `own`'s team and not on `other`'s.
  const [me] = await q<{ id: string }>(`SELECT id FROM inspectors WHERE user_id = $1`, [inspectorUser!.id]);
  await q(
    `UPDATE inspections SET team = team || jsonb_build_array(jsonb_build_object('id', $1::text)) WHERE id = $2 AND NOT team @> jsonb_build_array(jsonb_build_object('id', $1::text))`,
    [me!.id, own.id],
  );
  await q(`UPDATE inspections SET team = (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(team) e WHERE e->>'id' <> $1) WHERE id = $2`, [
    me!.id,
    other.id,
  ]);

  // One clock per record and kind: a demo clock of the same record and kind is replaced by the test's.
  const clock = async (tag: string, kind: string, entityType: string, entityId: string, assigneeId: string | null = null) => {
    const label = `测试期限：${tag}`;
    await env.database.pool.query(
      `INSERT INTO clocks (org_id, entity_type, entity_id, kind, label, spec, assignee_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (org_id, entity_type, entity_id, kind) DO UPDATE SET label = EXCLUDED.label, spec = EXCLUDED.spec, assignee_id = EXCLUDED.assignee_id, closed_at = NULL, due_stored = false`,
      [org, entityType, entityId, kind, label, JSON.stringify({ start: '2025-03-03', period: 20, unit: 'working' }), assigneeId],
    );
    tags.set(label, tag);
  };
  const uuid = () => crypto.randomUUID();
  await clock('disclosure.reply', 'disclosure.reply', 'disclosureApplication', uuid());
  await clock('disclosure.consultation', 'disclosure.consultation', 'disclosureApplication', uuid());
  await clock('disclosure.proactive', 'disclosure.proactive', 'disclosureRegisterEntry', uuid());
  // (the demo's inspections already carry notice clocks: one clock per record and kind)
  await clock('inspection.notice', 'inspection.notice', 'inspection', uuid());
  await clock('inspection.record (his team)', 'inspection.record', 'inspection', own.id);
  await clock('inspection.record (another team)', 'inspection.record', 'inspection', other.id);
  await clock('inspection.publication', 'inspection.publication', 'inspection', uuid());
  for (const kind of ['inspection.self', 'inspection.rectification', 'inspection.commitment']) {
    await clock(`${kind} (own unit)`, kind, 'inspection', own.id);
    await clock(`${kind} (other unit)`, kind, 'inspection', other.id);
  }
  await clock('undeclared.kind', 'undeclared.kind', 'somethingElse', uuid());
  await clock('disclosure.reply (assigned to staff)', 'disclosure.reply', 'disclosureApplication', uuid(), staffUser!.id);

  // The case of the issue: an application registered at the desk, its reply clock started by the service.
  const a = ok<{ application: { id: string } }>(
    await accounts.staff!.post('/api/disclosure/applications', {
      channel: 'in_person',
      applicantType: 'natural',
      applicantName: '王小明',
      content: '请公开本局2024年档案行政检查计划。',
      receivedOn: '2025-03-03',
    }),
  );
  applicationId = a.application.id;
  tags.set(applicationId, 'disclosure.reply (a real application)');

  // The inspector's own certificate expires in ten days (the demo links the `inspector` account to one).
  const [mine] = await q<{ id: string }>(`UPDATE inspectors SET cert_expires_on = '2025-03-13' WHERE user_id = $1 RETURNING id`, [inspectorUser!.id]);
  expect(mine, 'the demo links the inspector account to an inspector').toBeTruthy();
  tags.set(`certificate:${mine!.id}`, 'certificate (the inspector’s own)');
});
afterAll(async () => env.close());

interface Item {
  kind: string;
  label: string;
  entityId: string;
}
/** The tags of the test's items on an account's dashboard (the demo's own notice clocks aside). */
async function seen(account: Account): Promise<string[]> {
  const items = ok<{ items: Item[]; total: number }>(await accounts[account]!.get('/api/dashboard?pageSize=200')).items;
  const out = new Set<string>();
  for (const i of items) {
    if (i.kind === 'certificate') out.add(tags.get(`certificate:${i.entityId}`) ?? 'certificate (another inspector’s)');
    else {
      const tag = tags.get(i.label) ?? tags.get(i.entityId);
      if (tag) out.add(tag);
    }
  }
  return [...out].sort();
}

describe('the dashboard shows a due item only to whoever may read its record (issue 11 §1)', () => {
  it.each(ACCOUNTS.map((a) => [a]))('%s', async (account) => {
    const expected = Object.entries(VISIBLE)
      .filter(([, who]) => who.includes(account))
      .map(([tag]) => tag)
      .sort();
    expect(await seen(account)).toEqual(expected);
  });

  it('covers every due-item kind the modules declare', async () => {
    const kinds = new Set(Object.keys(VISIBLE).map((t) => t.split(' ')[0]));
    for (const k of [
      'disclosure.reply',
      'disclosure.consultation',
      'disclosure.proactive',
      'inspection.notice',
      'inspection.record',
      'inspection.self',
      'inspection.rectification',
      'inspection.commitment',
      'inspection.publication',
      'certificate',
    ])
      expect(kinds).toContain(k);
  });

  it.each([['unit'], ['inspector']] as const)('%s: no disclosure application in figures, drill-downs or timelines either', async (account) => {
    const c = accounts[account]!;
    const figures = ok<{ figures: Record<string, unknown> }>(await c.get('/api/figures?from=2025-01-01&to=2025-03-03'));
    expect(Object.keys(figures.figures).filter((k) => k.startsWith('disclosure.'))).toEqual([]);
    expect((await c.get('/api/figures/disclosure.received/records?from=2025-01-01&to=2025-03-03')).statusCode).toBe(404);
    expect((await c.get(`/api/audit/timeline?entityType=disclosureApplication&entityId=${applicationId}`)).statusCode).toBe(404);
    expect((await c.get(`/api/disclosure/applications/${applicationId}`)).statusCode).toBe(403);
    // …while the desk has them all.
    const staff = accounts.staff!;
    expect(ok<{ figures: Record<string, unknown> }>(await staff.get('/api/figures?from=2025-01-01&to=2025-03-03')).figures).toHaveProperty([
      'disclosure.received',
    ]);
    ok(await staff.get(`/api/audit/timeline?entityType=disclosureApplication&entityId=${applicationId}`));
  });

  it('the unit archivist gets no inspection figure (its own inspections only, through /api/my)', async () => {
    const figures = ok<{ figures: Record<string, unknown> }>(await accounts.unit!.get('/api/figures?from=2025-01-01&to=2025-03-03'));
    expect(Object.keys(figures.figures)).toEqual([]);
    expect((await accounts.unit!.get('/api/figures/inspections.rectificationRaised/records?from=2025-01-01&to=2025-03-03')).statusCode).toBe(404);
  });
});
