/**
 * Users API through HTTP: create, refuse duplicates and weak passwords, change roles, disable
 * (sessions end, sign-in refused), reset the password, the account notice (.docx), and the
 * tenancy rules between the city 测试市档案局 and its county 示例区档案局 (demo data).
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, refused, setupOrg } from '../../../test/harness.js';
import { letterLayout } from '../../../kernel/documents/test-letter.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
let county: Client;
let countyOrgId: string;
let userId: string; // zhang.san, created below
const PASSWORD = 'Zhang-San-2024';

const auditCount = () => countRows(env, 'audit_events');
async function sessionsOf(id: string): Promise<number> {
  const r = await env.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM sessions WHERE user_id = $1', [id]);
  return Number(r.rows[0]!.n);
}
async function signIn(username: string, password: string): Promise<Client> {
  const c = new Client(env.app);
  const res = await c.login(username, password);
  expect(res.statusCode, res.body).toBe(200);
  return c;
}

beforeAll(async () => {
  env = await createTestEnv();
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  const countyAccount = setup.demoAccounts!.find((a) => a.username === 'county.admin')!;
  county = await signIn(countyAccount.username, countyAccount.password);
  countyOrgId = (await county.get('/api/auth/me')).json().org.id;
});
afterAll(async () => env.close());

describe('users', () => {
  it('creates a user; refuses a duplicate username, a weak password and a bad username without recording anything', async () => {
    const office = (await admin.get('/api/departments')).json().items.find((d: { name: string }) => d.name === '办公室');
    const before = await auditCount();
    const weak = await admin.post('/api/users', { username: 'zhang.san', displayName: '张三', password: 'short', roles: ['staff'] });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual({ password: '密码至少 10 位' });
    const oneClass = await admin.post('/api/users', { username: 'zhang.san', displayName: '张三', password: 'abcdefghijkl', roles: ['staff'] });
    expect(oneClass.json().error.fields.password).toBe('密码须包含大写字母、小写字母、数字、符号中的至少 3 类');
    const badName = await admin.post('/api/users', { username: '1zhang', displayName: '张三', password: PASSWORD, roles: ['staff'] });
    expect(badName.statusCode).toBe(400);
    expect(Object.keys(badName.json().error.fields)).toEqual(['username']);
    const noRole = await admin.post('/api/users', { username: 'zhang.san', displayName: '张三', password: PASSWORD, roles: [] });
    expect(noRole.json().error.fields.roles).toBe('至少选择一个角色');
    expect(await auditCount()).toBe(before);

    const res = await admin.post('/api/users', { username: 'zhang.san', displayName: '张三', password: PASSWORD, roles: ['staff'], departmentId: office.id });
    expect(res.statusCode, res.body).toBe(200);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'zhang.san',
      displayName: '张三',
      roles: ['staff'],
      status: 'active',
      departmentName: '办公室',
      orgId: setup.org.id,
    });
    expect(user.passwordHash).toBeUndefined();
    userId = user.id;
    expect(await auditCount()).toBe(before + 1);

    const dup = await admin.post('/api/users', { username: 'zhang.san', displayName: '另一个张三', password: PASSWORD, roles: ['staff'] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toEqual({ username: '用户名已被使用' });
    // Usernames are unique across orgs: they sign in without naming their org.
    expect((await county.post('/api/users', { username: 'zhang.san', displayName: '张三', password: PASSWORD, roles: ['staff'] })).statusCode).toBe(409);
    expect(await auditCount()).toBe(before + 1);

    const listed = (await admin.get('/api/users?q=zhang')).json();
    expect(listed.total).toBe(1);
    expect(listed.items[0].username).toBe('zhang.san');
  });

  it("changes roles: the user's sessions end, and the new roles apply at the next sign-in", async () => {
    const u = await signIn('zhang.san', PASSWORD);
    expect((await u.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    expect((await u.post('/api/units', { name: '某单位', creditCode: '9111010000005CWG1K', type: 'private' })).statusCode).toBe(403);

    const res = await admin.patch(`/api/users/${userId}`, { roles: ['inspector'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['inspector']);
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);
    const again = await signIn('zhang.san', PASSWORD);
    const me = (await again.get('/api/auth/me')).json();
    expect(me.user.roleLabels).toEqual(['执法人员']);
    expect(me.actions).toContain('unit.write');
    // the initial password first (the server refuses anything else until then; the same one will do here)
    expect((await again.post('/api/units', { name: '某单位', creditCode: '9111010000005CWG1K', type: 'private' })).statusCode).toBe(403);
    expect((await again.post('/api/auth/password', { current: PASSWORD, next: PASSWORD })).statusCode).toBe(200);
    expect((await again.post('/api/units', { name: '某单位', creditCode: '9111010000005CWG1K', type: 'private' })).statusCode).toBe(200);

    const events = (await admin.get(`/api/audit/timeline?entityType=user&entityId=${userId}`)).json().items;
    const last = events.findLast((e: { action: string }) => e.action === 'user.update');
    expect(events[events.length - 1].action).toBe('user.password_change'); // the user's own change came after
    expect([last.before.roles, last.after.roles]).toEqual([['staff'], ['inspector']]);
    expect(last.after.passwordHash).toBe('[已隐去]');

    const me2 = (await admin.get('/api/auth/me')).json();
    const self = await admin.patch(`/api/users/${me2.user.id}`, { roles: ['staff'] });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('不能取消自己的系统管理员角色');
  });

  it('disabling ends the user’s sessions and refuses sign-in; enabling lets them back', async () => {
    const u = await signIn('zhang.san', PASSWORD);
    expect(await sessionsOf(userId)).toBeGreaterThan(0);
    const res = await admin.post(`/api/users/${userId}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('disabled');
    expect(await sessionsOf(userId)).toBe(0);
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);
    const refused = await new Client(env.app).login('zhang.san', PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toBe('账号已停用，请联系系统管理员');
    expect((await admin.get('/api/users?status=disabled')).json().items.map((x: { username: string }) => x.username)).toEqual(['zhang.san']);

    const self = await admin.post(`/api/users/${(await admin.get('/api/auth/me')).json().user.id}/disable`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('不能停用自己的账号');

    expect((await admin.post(`/api/users/${userId}/enable`)).json().status).toBe('active');
    await signIn('zhang.san', PASSWORD);
  });

  it('resets the password: the old one fails, the new one works, sessions end, the record holds no password', async () => {
    const u = await signIn('zhang.san', PASSWORD);
    const res = await admin.post(`/api/users/${userId}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { password } = res.json();
    expect(password).toMatch(/^.{16}$/);
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Client(env.app).login('zhang.san', PASSWORD)).statusCode).toBe(401);
    const fresh = await signIn('zhang.san', password);
    expect((await fresh.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    const leaked = await env.database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE before::text LIKE $1 OR after::text LIKE $1`, [
      `%${password}%`,
    ]);
    expect(Number(leaked.rows[0]!.n)).toBe(0);
    const events = (await admin.get(`/api/audit/timeline?entityType=user&entityId=${userId}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toContain('user.reset_password');
  });

  it('renders the account notice (.docx) with the account, never the password', async () => {
    const res = await admin.request('GET', `/api/users/${userId}/notice.docx`, undefined, { host: 'lantai.example.gov.cn' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('账号开通通知-zhang.san.docx')}`);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      '账号开通通知',
      '张三同志：',
      'zhang.san',
      '测试市档案局',
      '办公室',
      '执法人员',
      'http://lantai.example.gov.cn/',
      '初始密码由系统管理员另行告知，首次登录后请立即修改',
      '密码至少 10 位，须包含大写字母、小写字母、数字、符号中的至少 3 类',
      '连续登录失败 5 次，账号将被锁定 15 分钟',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(PASSWORD);
    // Laid out by the GB/T 9704 renderer: 22 lines × 28 characters grid, 仿宋_GB2312 body.
    expect(xml).toContain('w:docGrid w:type="lines" w:linePitch="579"');
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('仿宋_GB2312');

    const unitAccount = (await admin.get('/api/users?role=unit')).json().items[0];
    const unitNotice = await admin.get(`/api/users/${unitAccount.id}/notice.docx`);
    const unitText = (await (await JSZip.loadAsync(unitNotice.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(unitText).toContain('立档单位');
    expect(unitText).toContain('测试市人民政府办公室'); // 所属单位
    expect((await admin.get('/api/users/00000000-0000-4000-8000-000000000000/notice.docx')).statusCode).toBe(404);
  });
});

describe('users across orgs', () => {
  it('the county cannot see the city’s users (404)', async () => {
    const before = await auditCount();
    expect((await county.get(`/api/users/${userId}`)).statusCode).toBe(404);
    expect((await county.get(`/api/users?orgId=${setup.org.id}`)).statusCode).toBe(404);
    expect((await county.patch(`/api/users/${userId}`, { displayName: '改名' })).statusCode).toBe(404);
    expect((await county.post(`/api/users/${userId}/disable`)).statusCode).toBe(404);
    expect((await county.post(`/api/users/${userId}/reset-password`)).statusCode).toBe(404);
    expect((await county.get(`/api/users/${userId}/notice.docx`)).statusCode).toBe(404);
    const own = (await county.get('/api/users')).json();
    expect(own.items.map((u: { username: string }) => u.username)).toEqual(['county.admin']);
    expect(await auditCount()).toBe(before);
  });

  it('the city reads the county’s users but may not change them (403)', async () => {
    const listed = (await admin.get(`/api/users?orgId=${countyOrgId}`)).json();
    expect(listed.total).toBe(1);
    const countyAdmin = listed.items[0];
    expect(countyAdmin.username).toBe('county.admin');
    expect((await admin.get(`/api/users/${countyAdmin.id}`)).json().displayName).toBe('刘管理员');
    const before = await auditCount();
    expect((await admin.patch(`/api/users/${countyAdmin.id}`, { displayName: '改名' })).statusCode).toBe(403);
    expect((await admin.post(`/api/users/${countyAdmin.id}/disable`)).statusCode).toBe(403);
    expect((await admin.post(`/api/users/${countyAdmin.id}/reset-password`)).statusCode).toBe(403);
    expect((await admin.get(`/api/users/${countyAdmin.id}/notice.docx`)).statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
    expect((await county.get('/api/auth/me')).statusCode).toBe(200); // still signed in
  });

  it('roles without user.manage read at most', async () => {
    const leaderAccount = setup.demoAccounts!.find((a) => a.username === 'leader')!;
    const leader = await signIn(leaderAccount.username, leaderAccount.password);
    expect((await leader.get('/api/users')).statusCode).toBe(200);
    expect((await leader.post('/api/users', { username: 'li.si', displayName: '李四', password: PASSWORD, roles: ['staff'] })).statusCode).toBe(403);
    expect((await leader.post(`/api/users/${userId}/disable`)).statusCode).toBe(403);
    const staffAccount = setup.demoAccounts!.find((a) => a.username === 'staff')!;
    const staff = await signIn(staffAccount.username, staffAccount.password);
    expect((await staff.get('/api/users')).statusCode).toBe(403);
  });
});

describe('联系电话 (printed in the 附注 of the letters a user issues)', () => {
  type Change = { label: string; before: string; after: string };
  const changesOf = async (c: Client, id: string) =>
    ((await c.get(`/api/audit/timeline?entityType=user&entityId=${id}&order=desc`)).json().items as { action: string; changes: Change[] }[])[0]!;

  it.each([
    ['12345', false],
    ['0931-123456', false], // 6-digit local number
    ['931-1234567', false], // no leading 0
    ['0931-0234567', false], // a local number does not start with 0
    ['12912345678', false], // not a mobile prefix
    ['0931-1234567', false], // a local number does not start with 1
    ['电话 0931-8812345', false],
    ['0931-8812345', '0931-8812345'],
    ['09318812345', '0931-8812345'],
    ['0931 8812345', '0931-8812345'],
    ['010-62345678', '010-62345678'],
    ['02162345678', '021-62345678'],
    ['0931-8812345-801', '0931-8812345-801'],
    ['0931-8812345转801', '0931-8812345转801'],
    ['13912345678', '13912345678'],
    [' 13912345678 ', '13912345678'],
    ['', null],
    [null, null],
  ] as const)('an admin sets %j → %j (or 400 naming 联系电话, nothing recorded)', async (input, stored) => {
    const before = await auditCount();
    const res = await admin.patch(`/api/users/${userId}`, { telephone: input });
    if (stored === false) {
      refused(res, 400, 'telephone', /^请求内容有误：联系电话 应为带区号的固定电话（如 0931-8812345）或 11 位手机号码/);
      expect(await auditCount()).toBe(before);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().telephone).toBe(stored);
  });

  it('is set on creation, listed, and each change is in the user’s record under 联系电话', async () => {
    const created = await admin.post('/api/users', {
      username: 'wang.wu',
      displayName: '王五',
      password: PASSWORD,
      roles: ['staff'],
      telephone: '13912345678',
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().telephone).toBe('13912345678');
    refused(
      await admin.post('/api/users', { username: 'zhao.liu', displayName: '赵六', password: PASSWORD, roles: ['staff'], telephone: 'x' }),
      400,
      'telephone',
      /联系电话/,
    );
    const listed = (await admin.get('/api/users?q=wang.wu')).json().items[0];
    expect(listed.telephone).toBe('13912345678');
    expect((await admin.patch(`/api/users/${created.json().id}`, { telephone: '0931-8812345' })).statusCode).toBe(200);
    const e = await changesOf(admin, created.json().id);
    expect(e.action).toBe('user.update');
    expect(e.changes).toContainEqual({ label: '联系电话', before: '13912345678', after: '0931-8812345' });
  });

  it('a user sets their own in 本人账号, recorded; the org’s 办公电话 is shown beside it', async () => {
    const staffAccount = setup.demoAccounts!.find((a) => a.username === 'staff')!;
    const staff = await signIn(staffAccount.username, staffAccount.password);
    expect((await staff.get('/api/account')).json()).toEqual({
      username: 'staff',
      displayName: '赵利用',
      telephone: '0931-8810004',
      officeTelephone: '0931-8810000',
    });
    const before = await auditCount();
    refused(await staff.patch('/api/account', { telephone: '8810004' }), 400, 'telephone', /联系电话/);
    expect(await auditCount()).toBe(before);
    const res = await staff.patch('/api/account', { telephone: '0931-8819999' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().telephone).toBe('0931-8819999');
    expect(await auditCount()).toBe(before + 1);
    const me = (await staff.get('/api/auth/me')).json().user.id;
    expect((await changesOf(admin, me)).changes).toEqual([{ label: '联系电话', before: '0931-8810004', after: '0931-8819999' }]);
    // The same value again changes nothing and records nothing.
    expect((await staff.patch('/api/account', { telephone: '0931-8819999' })).statusCode).toBe(200);
    expect(await auditCount()).toBe(before + 1);
    expect((await new Client(env.app).get('/api/account')).statusCode).toBe(401);
  });

  it('办公电话 is a setting of the org, checked like a telephone and recorded under its name', async () => {
    refused(await admin.put('/api/settings', { officeTelephone: '8810000' }), 400, 'officeTelephone', /^请求内容有误：办公电话 应为带区号的固定电话/);
    const setting = (await admin.get('/api/settings')).json().items.find((i: { key: string }) => i.key === 'officeTelephone');
    expect(setting).toMatchObject({ value: '0931-8810000', default: '' });
    expect(setting.label).toMatch(/^办公电话/);
  });

  it('the account notice is sealed and names the admin who issues it: her telephone, else the 办公电话, else refused', async () => {
    const notice = async () => admin.get(`/api/users/${userId}/notice.docx`);
    // The admin created at setup has no telephone: the org's 办公电话 (demo).
    expect(await letterLayout((await notice()).rawPayload)).toEqual({
      format: 'document',
      sealed: true,
      note: '（联系人：管理员，联系电话：0931-8810000）',
    });
    expect((await admin.put('/api/settings', { officeTelephone: '' })).statusCode).toBe(200);
    refused(await notice(), 400, 'telephone', /管理员尚未填写联系电话.*“用户管理”.*“系统设置”中填写本机关的“办公电话”/);
    expect((await admin.patch('/api/account', { telephone: '0931-8812000' })).statusCode).toBe(200);
    expect((await letterLayout((await notice()).rawPayload)).note).toBe('（联系人：管理员，联系电话：0931-8812000）');
    expect((await admin.put('/api/settings', { officeTelephone: '0931-8810000' })).statusCode).toBe(200);
  });
});
