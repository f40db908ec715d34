/**
 * Evidence quotas through HTTP (issue 11 §5): on-site photos and rectification evidence count against
 * a per-unit quota (across the unit's inspections) and a per-org quota, both settings in MB. A file
 * over either is refused with 413, naming the quota, the bytes used and the file's size; nothing is
 * stored and no audit event written. Concurrent uploads cannot both slip under a quota.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, ok, setupOrg, signInDemo } from '../../../test/harness.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const NOW = '2025-03-03T02:00:00Z';
const KB = 1024;
const MB = 1024 * KB;
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PNG_URL = `data:image/png;base64,${PNG_1PX.toString('base64')}`;
/** A "PNG" of exactly `n` bytes (the type is told by the magic bytes only). */
const png = (n: number) => Buffer.concat([PNG_1PX.subarray(0, 8), Buffer.alloc(n - 8, 7)]);
const REMEDY = '文件未保存。可压缩后重新上传，或请检查机关的系统管理员在“系统设置”中调整上限';

type Usage = { usedBytes: number; quotaBytes: number; text: string };
type Detail = {
  id: string;
  unitName: string;
  items: { entryId: string; code: string }[];
  evidenceUsage: { unit: Usage; org: Usage | null };
  feedback: { items: { id: string }[] } | null;
};

const q = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows as T[];
const stored = async () => ({ files: await countRows(env, 'inspection_files'), audit: await countRows(env, 'audit_events') });
const settings = async (values: Record<string, number>) => ok(await admin.put('/api/settings', values));

let unitIds: string[]; // four units of the org other than the demo unit account's
let demoUnitId: string;
let ids: Record<string, string>;
let versionId: string;

async function adHoc(unitId: string, c = admin): Promise<Detail> {
  const d = ok<Detail>(
    await c.post('/api/inspections', {
      unitId,
      inspectorIds: [ids['马红梅']!, ids['孙立新']!],
      checklistVersionId: versionId,
      plannedDate: '2025-03-20',
      reason: '专项检查',
    }),
  );
  ok(await c.post(`/api/inspections/${d.id}/notice`, {}));
  return d;
}
const photoUrl = (d: Detail) => `/api/inspections/${d.id}/photos?entryId=${d.items[0]!.entryId}`;
const usage = async (d: Detail) => ok<Detail>(await admin.get(`/api/inspections/${d.id}`)).evidenceUsage;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  demoUnitId = (await q<{ unit_id: string }>(`SELECT unit_id FROM users WHERE username = 'unit'`))[0]!.unit_id;
  unitIds = (
    await q<{ id: string }>(
      `SELECT id FROM units WHERE org_id = $1 AND id <> $2 AND status = 'active'
         AND id NOT IN (SELECT unit_id FROM inspector_conflicts) ORDER BY name LIMIT 4`,
      [setup.org.id, demoUnitId],
    )
  ).map((r) => r.id);
  expect(unitIds).toHaveLength(4);
  versionId = (await q<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`))[0]!.checklist_version_id;
  ids = Object.fromEntries((await q<{ id: string; name: string }>('SELECT id, name FROM inspectors')).map((r) => [r.name, r.id]));
});
afterAll(async () => env.close());

describe('settings', () => {
  it('defaults to 200 MB per unit and 20480 MB per org, and refuses a quota below 1 MB', async () => {
    const s = ok<Record<string, unknown>>(await admin.get('/api/settings'));
    expect(JSON.stringify(s)).toContain('evidenceQuotaPerUnitMb');
    const d = await adHoc(unitIds[3]!);
    expect(await usage(d)).toEqual({
      unit: { usedBytes: 0, quotaBytes: 200 * MB, text: '已用 0 MB / 200 MB' },
      org: { usedBytes: 0, quotaBytes: 20480 * MB, text: '已用 0 MB / 20480 MB' },
    });
    const bad = await admin.put('/api/settings', { evidenceQuotaPerUnitMb: 0 });
    expect(bad.statusCode, bad.body).toBe(400);
  });
});

describe('on-site photos against the unit and org quotas', () => {
  let a1: Detail; // unit 0, first inspection
  let a2: Detail; // unit 0, second inspection
  let b: Detail; // unit 1

  beforeAll(async () => {
    await settings({ evidenceQuotaPerUnitMb: 1, evidenceQuotaPerOrgMb: 2 });
    a1 = await adHoc(unitIds[0]!);
    a2 = await adHoc(unitIds[0]!);
    b = await adHoc(unitIds[1]!);
  });

  it('takes files up to the quota (equal is fine) and refuses the one over it, across the unit’s inspections; nothing stored', async () => {
    const cases: { d: () => Detail; bytes: number; refused?: RegExp; usedAfter: number }[] = [
      { d: () => a1, bytes: 400 * KB, usedAfter: 400 * KB },
      { d: () => a1, bytes: 400 * KB, usedAfter: 800 * KB },
      { d: () => a2, bytes: 300 * KB, refused: /将超过 1 MB 上限（已用 800\.0 KB，本文件 300\.0 KB）/, usedAfter: 800 * KB },
      { d: () => a2, bytes: 224 * KB, usedAfter: MB },
      { d: () => a1, bytes: 8, refused: /将超过 1 MB 上限（已用 1\.0 MB，本文件 0\.1 KB）/, usedAfter: MB },
    ];
    for (const [i, c] of cases.entries()) {
      const before = await stored();
      const res = await admin.upload(photoUrl(c.d()), 'file', `${i}.png`, png(c.bytes));
      if (c.refused) {
        expect(res.statusCode, res.body).toBe(413);
        const err = res.json().error;
        expect(err.code).toBe('payload_too_large.quota');
        expect(err.message).toMatch(c.refused);
        expect(err.message.startsWith(`被检查单位“${a1.unitName}”的现场照片和整改佐证材料加上本文件`)).toBe(true);
        expect(err.message.endsWith(REMEDY)).toBe(true);
        expect(err.fields.file).toBe(err.message);
        expect(err.details).toEqual({ quota: 'unit', quotaBytes: MB, usedBytes: c.usedAfter, fileBytes: c.bytes });
        expect(await stored(), `case ${i}`).toEqual(before);
      } else {
        expect(res.statusCode, `case ${i}: ${res.body}`).toBe(200);
        expect(await stored()).toEqual({ files: before.files + 1, audit: before.audit + 1 });
      }
      expect((await usage(a1)).unit.usedBytes, `case ${i}`).toBe(c.usedAfter);
    }
    expect((await usage(a2)).unit).toEqual({ usedBytes: MB, quotaBytes: MB, text: '已用 1.0 MB / 1 MB' });
    // Another unit has its own quota.
    expect((await usage(b)).unit.usedBytes).toBe(0);
  });

  it('refuses a file over the org quota though the unit has room', async () => {
    ok(await admin.upload(photoUrl(b), 'file', 'b1.png', png(900 * KB)));
    const c = await adHoc(unitIds[3]!);
    const before = await stored();
    const res = await admin.upload(photoUrl(c), 'file', 'c.png', png(200 * KB));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.message).toBe(`检查机关的现场照片和整改佐证材料加上本文件将超过 2 MB 上限（已用 1.9 MB，本文件 200.0 KB），${REMEDY}`);
    expect(res.json().error.details).toEqual({ quota: 'org', quotaBytes: 2 * MB, usedBytes: MB + 900 * KB, fileBytes: 200 * KB });
    expect(await stored()).toEqual(before);
    expect(await usage(c)).toEqual({
      unit: { usedBytes: 0, quotaBytes: MB, text: '已用 0 MB / 1 MB' },
      org: { usedBytes: MB + 900 * KB, quotaBytes: 2 * MB, text: '已用 1.9 MB / 2 MB' },
    });
  });

  it('takes effect at once when an admin raises a quota', async () => {
    // The unit is full at 1 MB: raising the unit quota lets it add up to the org's remaining 124 KB.
    await settings({ evidenceQuotaPerUnitMb: 2 });
    ok(await admin.upload(photoUrl(a1), 'file', 'c1.png', png(124 * KB)));
    expect((await admin.upload(photoUrl(a1), 'file', 'c2.png', png(8))).json().error.details.quota).toBe('org');
    await settings({ evidenceQuotaPerOrgMb: 20480 });
    ok(await admin.upload(photoUrl(a1), 'file', 'c3.png', png(8)));
    expect((await usage(a1)).unit.usedBytes).toBe(MB + 124 * KB + 8);
  });

  it('lets only as many concurrent uploads through as fit', async () => {
    await settings({ evidenceQuotaPerUnitMb: 1, evidenceQuotaPerOrgMb: 20480 });
    const d = await adHoc(unitIds[2]!);
    const before = await stored();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => admin.upload(photoUrl(d), 'file', `p${i}.png`, png(300 * KB))));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 413, 413, 413]);
    expect((await usage(d)).unit.usedBytes).toBe(900 * KB);
    expect(await stored()).toEqual({ files: before.files + 3, audit: before.audit + 3 });
  });
});

describe('rectification evidence from the unit’s own account', () => {
  let d: Detail;
  let unit: Client;

  beforeAll(async () => {
    await settings({ evidenceQuotaPerUnitMb: 1, evidenceQuotaPerOrgMb: 20480 });
    d = await adHoc(demoUnitId);
    env.setNow('2025-03-20T02:00:00Z');
    const c = new Client(env.app);
    ok(await c.login('admin', 'Admin-Pass-2024'));
    ok(
      await c.put(`/api/inspections/${d.id}/record`, {
        onSiteDate: '2025-03-20',
        items: d.items.map((e, i) => ({ entryId: e.entryId, result: i === 0 ? 'non_compliant' : 'compliant' })),
        inspectorsPresent: [ids['马红梅'], ids['孙立新']],
        representative: { name: '陈档案员', title: '档案员' },
      }),
    );
    ok(
      await c.post(`/api/inspections/${d.id}/sign`, {
        inspectors: [
          { inspectorId: ids['马红梅'], signature: PNG_URL },
          { inspectorId: ids['孙立新'], signature: PNG_URL },
        ],
        representative: { signature: PNG_URL },
      }),
    );
    d = ok<Detail>(await c.post(`/api/inspections/${d.id}/feedback`, {}));
    env.setNow('2025-03-24T02:00:00Z');
    unit = await signInDemo(env.app, setup, 'unit');
    admin = new Client(env.app);
    ok(await admin.login('admin', 'Admin-Pass-2024'));
  });

  it('counts evidence (not signatures), shows the unit its own usage only, and refuses evidence over the unit quota', async () => {
    const url = `/api/my/inspections/${d.id}/rectification/evidence?itemId=${d.feedback!.items[0]!.id}`;
    const mine = async () => ok<Detail>(await unit.get(`/api/my/inspections/${d.id}`)).evidenceUsage;
    expect(await mine()).toEqual({ unit: { usedBytes: 0, quotaBytes: MB, text: '已用 0 MB / 1 MB' }, org: null });
    ok(await unit.upload(url, 'file', '整改.pdf', Buffer.concat([Buffer.from('%PDF-1.7 '), Buffer.alloc(700 * KB - 9)])));
    expect((await mine()).unit.usedBytes).toBe(700 * KB);
    const before = await stored();
    const res = await unit.upload(url, 'file', '照片.png', png(400 * KB));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.message).toBe(
      `被检查单位“${d.unitName}”的现场照片和整改佐证材料加上本文件将超过 1 MB 上限（已用 700.0 KB，本文件 400.0 KB），${REMEDY}`,
    );
    expect(await stored()).toEqual(before);
    expect((await usage(d)).unit.usedBytes).toBe(700 * KB);
  });
});
