/**
 * 执法人员名录库 through HTTP, on the demo data at a fixed clock: 2025-06-15 10:00 in Beijing.
 * The demo's 8 inspectors of 测试市档案局 (demo.ts): #2 高海燕's certificate expired 20 days ago
 * (2025-05-26); #7 罗建国's expires in 20 days (2025-07-05) — within the default 30-day warning;
 * the other 6 run for two years or more. #4 何丽娟 and #5 郭晓东 have one conflict each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, setupOrg, signInDemo } from '../../../test/harness.js';
import { todayInChina as chinaToday } from '../../../kernel/calendar/store.js';
import { certStateOf } from './cert-state.js';

const NOW = '2025-06-15T02:00:00Z';
let env: TestEnv;
let admin: Client;
let county: Client;
let setup: SetupResponse;
let countyOrgId: string;

type Item = Record<string, unknown> & { id: string; name: string; certState: string; conflictCount: number };
const list = async (c: Client, query = '') => {
  const res = await c.get(`/api/inspectors?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number; page: number; pageSize: number };
};
const auditCount = () => countRows(env, 'audit_events');
const signIn = (username: string) => signInDemo(env.app, setup, username);
const unitId = async (c: Client, name: string) => (await c.get(`/api/units?q=${encodeURIComponent(name)}`)).json().items[0].id as string;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  county = await signIn('county.admin');
  countyOrgId = (await county.get('/api/auth/me')).json().org.id;
});
afterAll(async () => env.close());

describe('certificate state (pure)', () => {
  it('takes today in China time and counts the expiry day and the warning window inclusively', () => {
    expect(chinaToday(new Date('2025-06-14T15:59:59Z'))).toBe('2025-06-14');
    expect(chinaToday(new Date('2025-06-14T16:00:00Z'))).toBe('2025-06-15');
    expect(certStateOf('2025-06-14', '2025-06-15', 30)).toBe('expired');
    expect(certStateOf('2025-06-15', '2025-06-15', 30)).toBe('expiring');
    expect(certStateOf('2025-07-15', '2025-06-15', 30)).toBe('expiring');
    expect(certStateOf('2025-07-16', '2025-06-15', 30)).toBe('valid');
    expect(certStateOf('2025-06-15', '2025-06-15', 0)).toBe('expiring');
    expect(certStateOf('2025-06-16', '2025-06-15', 0)).toBe('valid');
  });
});

describe('inspector list', () => {
  it('lists the 8 demo inspectors with certificate state and conflict counts', async () => {
    const all = await list(admin, 'pageSize=50&sort=certificateNo');
    expect(all.total).toBe(8);
    expect(all.items.map((i) => i.name)).toEqual(['王执法', '孙立新', '高海燕', '林志强', '何丽娟', '郭晓东', '马红梅', '罗建国']);
    expect(all.items.map((i) => i.certState)).toEqual(['valid', 'valid', 'expired', 'valid', 'valid', 'valid', 'valid', 'expiring']);
    expect(all.items.map((i) => i.conflictCount)).toEqual([0, 0, 0, 0, 1, 1, 0, 0]);
    expect(all.items[2]).toMatchObject({
      certExpiresOn: '2025-05-26',
      certStateLabel: '已过期',
      departmentName: '监督指导科',
      status: 'active',
      statusLabel: '在岗',
    });
    expect(all.items[7]).toMatchObject({ certExpiresOn: '2025-07-05', certStateLabel: '即将到期' });
    expect(all.items[0]).toMatchObject({ certStateLabel: '有效', username: 'inspector', certificateNo: '11010002021000' });
  });

  it('filters by certificate state, following the certificateWarnDays setting', async () => {
    expect((await list(admin, 'certState=valid')).total).toBe(6);
    expect((await list(admin, 'certState=expiring')).items.map((i) => i.name)).toEqual(['罗建国']);
    expect((await list(admin, 'certState=expired')).items.map((i) => i.name)).toEqual(['高海燕']);
    // 20 days left: expiring with a 20-day window (inclusive), valid with 19.
    expect((await admin.put('/api/settings', { certificateWarnDays: 20 })).statusCode).toBe(200);
    expect((await list(admin, 'certState=expiring')).total).toBe(1);
    expect((await admin.put('/api/settings', { certificateWarnDays: 19 })).statusCode).toBe(200);
    expect((await list(admin, 'certState=expiring')).total).toBe(0);
    expect((await list(admin, 'certState=valid')).total).toBe(7);
    const luo = (await list(admin, `q=${encodeURIComponent('罗建国')}`)).items[0]!;
    expect(luo.certState).toBe('valid');
    await admin.put('/api/settings', { certificateWarnDays: 30 });
    const bogus = await admin.get('/api/inspectors?certState=bogus');
    expect(bogus.statusCode).toBe(400);
    expect(Object.keys(bogus.json().error.fields)).toEqual(['certState']);
  });

  it('searches name and certificate number; pages and sorts', async () => {
    expect((await list(admin, `q=${encodeURIComponent('海燕')}`)).items.map((i) => i.name)).toEqual(['高海燕']);
    expect((await list(admin, 'q=02021017')).items.map((i) => i.name)).toEqual(['孙立新']); // 2021000 + 17
    expect((await list(admin, 'q=%25')).total).toBe(0);
    const page2 = await list(admin, 'page=2&pageSize=3&sort=certificateNo');
    expect(page2).toMatchObject({ total: 8, page: 2, pageSize: 3 });
    expect(page2.items.map((i) => i.name)).toEqual(['林志强', '何丽娟', '郭晓东']);
    const byExpiry = (await list(admin, 'sort=certExpiresOn&pageSize=2')).items.map((i) => i.name);
    expect(byExpiry).toEqual(['高海燕', '罗建国']);
    expect((await admin.get('/api/inspectors?sort=secret')).statusCode).toBe(400);
  });
});

describe('inspector writes', () => {
  let id: string;

  it('creates an inspector; refuses reversed dates and a duplicate certificate number without recording', async () => {
    const before = await auditCount();
    const reversed = await admin.post('/api/inspectors', {
      name: '新执法员',
      certificateNo: 'ZF-2025-001',
      certIssuedOn: '2025-06-01',
      certExpiresOn: '2025-06-01',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toEqual({ certExpiresOn: '执法证有效期截止日期须晚于发证日期' });
    const badDate = await admin.post('/api/inspectors', {
      name: '新执法员',
      certificateNo: 'ZF-2025-001',
      certIssuedOn: '2025-13-01',
      certExpiresOn: '2028-06-01',
    });
    expect(badDate.statusCode).toBe(400);
    expect(Object.keys(badDate.json().error.fields)).toEqual(['certIssuedOn']);
    const dup = await admin.post('/api/inspectors', {
      name: '新执法员',
      certificateNo: '11010002021000',
      certIssuedOn: '2025-06-01',
      certExpiresOn: '2028-06-01',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toEqual({ certificateNo: '执法证号已登记在执法人员“王执法”名下' });
    const inspectorUser = (await admin.get('/api/users?role=inspector')).json().items[0];
    const takenUser = await admin.post('/api/inspectors', {
      name: '新执法员',
      certificateNo: 'ZF-2025-001',
      certIssuedOn: '2025-06-01',
      certExpiresOn: '2028-06-01',
      userId: inspectorUser.id,
    });
    expect(takenUser.statusCode).toBe(409);
    expect(await auditCount()).toBe(before);

    const res = await admin.post('/api/inspectors', {
      name: '新执法员',
      certificateNo: 'ZF-2025-001',
      certIssuedOn: '2025-06-01',
      certExpiresOn: '2025-06-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '新执法员', certState: 'expiring', certStateLabel: '即将到期', conflictCount: 0, status: 'active' });
    id = res.json().id;
    expect(await auditCount()).toBe(before + 1);
    // The same number is free in another org.
    expect(
      (await county.post('/api/inspectors', { name: '区执法员', certificateNo: 'ZF-2025-001', certIssuedOn: '2025-06-01', certExpiresOn: '2028-06-01' }))
        .statusCode,
    ).toBe(200);
  });

  it('the certificate turns expired when the day passes in Beijing', async () => {
    env.setNow('2025-06-15T15:59:00Z'); // 23:59 in Beijing
    const c = await signIn('leader'); // sessions idle out when the clock jumps
    expect((await c.get(`/api/inspectors/${id}`)).json().certState).toBe('expiring');
    env.setNow('2025-06-15T16:00:00Z'); // 00:00 on 16 June in Beijing
    expect((await c.get(`/api/inspectors/${id}`)).json().certState).toBe('expired');
    env.setNow(NOW);
    admin = new Client(env.app);
    expect((await admin.login('admin', 'Admin-Pass-2024')).statusCode).toBe(200);
    county = await signIn('county.admin');
  });

  it('updates with before/after; checks dates against the stored ones; refuses a duplicate number', async () => {
    const before = await auditCount();
    const early = await admin.patch(`/api/inspectors/${id}`, { certExpiresOn: '2025-05-01' }); // before the stored issue date
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.certExpiresOn).toBe('执法证有效期截止日期须晚于发证日期');
    const dup = await admin.patch(`/api/inspectors/${id}`, { certificateNo: '11010002021000' });
    expect(dup.statusCode).toBe(409);
    expect(await auditCount()).toBe(before);
    expect((await admin.patch(`/api/inspectors/${id}`, {})).statusCode).toBe(200);
    expect(await auditCount()).toBe(before);

    const res = await admin.patch(`/api/inspectors/${id}`, { certExpiresOn: '2028-06-14', status: 'inactive' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ certExpiresOn: '2028-06-14', certState: 'valid', status: 'inactive', statusLabel: '停用' });
    const events = (await admin.get(`/api/audit/timeline?entityType=inspector&entityId=${id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['inspector.create', 'inspector.update']);
    expect([events[1].before.certExpiresOn, events[1].after.certExpiresOn]).toEqual(['2025-06-15', '2028-06-14']);
    expect((await list(admin, 'status=inactive')).items.map((i) => i.name)).toEqual(['新执法员']);
  });

  it('records conflicts of interest with units of the same org, once per pair, and removes them', async () => {
    const unit = await unitId(admin, '测试市第一中学');
    const countyUnit = await unitId(county, '示例区第一中学');
    const before = await auditCount();
    const res = await admin.post(`/api/inspectors/${id}/conflicts`, { unitId: unit, reason: '子女在该校任职' });
    expect(res.statusCode, res.body).toBe(200);
    const conflict = res.json();
    expect(conflict).toMatchObject({ inspectorId: id, unitId: unit, unitName: '测试市第一中学', reason: '子女在该校任职' });
    const dup = await admin.post(`/api/inspectors/${id}/conflicts`, { unitId: unit, reason: '重复登记' });
    expect(dup.statusCode).toBe(409);
    expect(Object.keys(dup.json().error.fields)).toEqual(['unitId']);
    const other = await admin.post(`/api/inspectors/${id}/conflicts`, { unitId: countyUnit, reason: '下级机构的单位' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields.unitId).toBe('单位不存在或不属于本机构的检查对象名录');
    const noReason = await admin.post(`/api/inspectors/${id}/conflicts`, { unitId: unit, reason: ' ' });
    expect(noReason.json().error.fields.reason).toBe('请填写回避事由');
    expect(await auditCount()).toBe(before + 1);

    const detail = (await admin.get(`/api/inspectors/${id}`)).json();
    expect(detail.conflictCount).toBe(1);
    expect(detail.conflicts).toEqual([
      {
        id: conflict.id,
        inspectorId: id,
        unitId: unit,
        unitName: '测试市第一中学',
        unitCreditCode: expect.any(String),
        reason: '子女在该校任职',
        createdAt: expect.any(String),
      },
    ]);

    // The demo's conflict of 何丽娟 with 测试市华信科技股份有限公司 (seed unit 24).
    const he = (await list(admin, `q=${encodeURIComponent('何丽娟')}`)).items[0]!;
    const heDetail = (await admin.get(`/api/inspectors/${he.id}`)).json();
    expect(heDetail.conflicts.map((c: { unitName: string; reason: string }) => [c.unitName, c.reason])).toEqual([
      ['测试市华信科技股份有限公司', '配偶在该单位任职'],
    ]);

    expect((await admin.delete(`/api/inspectors/${he.id}/conflicts/${conflict.id}`)).statusCode).toBe(404); // not this inspector's
    const del = await admin.delete(`/api/inspectors/${id}/conflicts/${conflict.id}`);
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ ok: true });
    expect((await admin.delete(`/api/inspectors/${id}/conflicts/${conflict.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/inspectors/${id}`)).json().conflicts).toEqual([]);
    const events = (await admin.get(`/api/audit/timeline?entityType=inspectorConflict&entityId=${conflict.id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['inspectorConflict.create', 'inspectorConflict.delete']);
    expect(events[1].before.reason).toBe('子女在该校任职');
    expect(await auditCount()).toBe(before + 2);
  });
});

describe('inspectors across orgs and roles', () => {
  it('the city reads the county’s inspectors but may not change them; the county cannot see the city’s', async () => {
    const countyList = await list(admin, `orgId=${countyOrgId}`);
    expect(countyList.items.map((i) => i.name)).toEqual(['区执法员']);
    const countyInspector = countyList.items[0]!.id;
    const cityInspector = (await list(admin, 'pageSize=1')).items[0]!.id;
    const countyUnit = await unitId(county, '示例区第一中学');
    const before = await auditCount();

    expect((await admin.get(`/api/inspectors/${countyInspector}`)).statusCode).toBe(200);
    expect((await admin.patch(`/api/inspectors/${countyInspector}`, { name: '改名' })).statusCode).toBe(403);
    expect((await admin.post(`/api/inspectors/${countyInspector}/conflicts`, { unitId: countyUnit, reason: '事由' })).statusCode).toBe(403);

    expect((await county.get(`/api/inspectors/${cityInspector}`)).statusCode).toBe(404);
    expect((await county.patch(`/api/inspectors/${cityInspector}`, { name: '改名' })).statusCode).toBe(404);
    expect((await county.post(`/api/inspectors/${cityInspector}/conflicts`, { unitId: countyUnit, reason: '事由' })).statusCode).toBe(404);
    expect((await county.get(`/api/inspectors?orgId=${setup.org.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/inspectors/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await auditCount()).toBe(before);

    // The county's own conflict: fine.
    const ok = await county.post(`/api/inspectors/${countyInspector}/conflicts`, { unitId: countyUnit, reason: '曾在该校任教' });
    expect(ok.statusCode).toBe(200);
    expect((await admin.get(`/api/inspectors/${countyInspector}`)).json().conflicts.map((c: { unitName: string }) => c.unitName)).toEqual(['示例区第一中学']);
  });

  it('only inspector.write may change the directory', async () => {
    const inspector = await signIn('inspector');
    expect((await inspector.get('/api/inspectors')).statusCode).toBe(200);
    expect(
      (await inspector.post('/api/inspectors', { name: '某人', certificateNo: 'ZF-9', certIssuedOn: '2025-01-01', certExpiresOn: '2027-01-01' })).statusCode,
    ).toBe(403);
    const unitUser = await signIn('unit');
    expect((await unitUser.get('/api/inspectors')).statusCode).toBe(403);
  });
});
