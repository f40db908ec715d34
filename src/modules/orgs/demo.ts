/**
 * Demo data (演示数据): a county bureau under the top org, departments, one user per role (each with a
 * 联系电话, and each bureau with its 办公电话, so every letter's 附注 names a telephone), ~60 regulated
 * units of every type with valid credit codes, 8 inspectors (one certificate expired, two with a
 * conflict of interest). Everything goes through the record like any other write.
 */
import crypto from 'node:crypto';
import type { ActorCtx, Ctx } from '../../kernel/context.js';
import { recordEvent } from '../../kernel/audit/index.js';
import { generatePassword, hashPassword } from '../../kernel/auth/password.js';
import type { Role } from '../../kernel/auth/labels.js';
import type { DemoRun } from '../../kernel/module.js';
import { settings, users } from '../../kernel/schema.js';
import { invalidateSettings } from '../../kernel/settings.js';
import type { UnitType } from './labels.js';
import { createOrg } from './orgs/orgs.service.js';
import type { DemoAccount } from './orgs/contracts.js';
import { departments, inspectorConflicts, inspectors, units } from './schema.js';
import { makeCreditCode } from './units/credit-code.js';

type Org = { id: string; path: string; name: string; level: string; regionCode: string };

const DEPARTMENTS = ['办公室', '科教法制科', '监督指导科', '档案利用科', '档案接收征集科'];

/** name stem, type, credit-code prefix (登记管理部门码 + 机构类别码), industry */
const UNIT_SEEDS: [string, UnitType, string, string][] = [
  ['人民政府办公室', 'agency', '11', '公共管理'],
  ['发展和改革委员会', 'agency', '11', '公共管理'],
  ['教育局', 'agency', '11', '教育'],
  ['公安局', 'agency', '11', '公共安全'],
  ['民政局', 'agency', '11', '社会保障'],
  ['财政局', 'agency', '11', '公共管理'],
  ['人力资源和社会保障局', 'agency', '11', '社会保障'],
  ['自然资源局', 'agency', '11', '公共管理'],
  ['住房和城乡建设局', 'agency', '11', '建筑'],
  ['卫生健康委员会', 'agency', '11', '卫生'],
  ['市场监督管理局', 'agency', '11', '公共管理'],
  ['第一人民医院', 'institution', '12', '卫生'],
  ['中医医院', 'institution', '12', '卫生'],
  ['第一中学', 'institution', '12', '教育'],
  ['实验小学', 'institution', '12', '教育'],
  ['图书馆', 'institution', '12', '文化'],
  ['不动产登记中心', 'institution', '12', '公共管理'],
  ['公证处', 'institution', '12', '法律服务'],
  ['城市建设投资集团有限公司', 'soe', '91', '建筑'],
  ['水务集团有限公司', 'soe', '91', '公用事业'],
  ['公交集团有限公司', 'soe', '91', '交通运输'],
  ['国有资本投资运营有限公司', 'soe', '91', '金融'],
  ['燃气有限公司', 'soe', '91', '公用事业'],
  ['文化旅游发展集团有限公司', 'soe', '91', '文化'],
  ['华信科技股份有限公司', 'private', '91', '信息技术'],
  ['恒达建设工程有限公司', 'private', '91', '建筑'],
  ['瑞丰食品有限公司', 'private', '91', '制造业'],
  ['远航物流有限公司', 'private', '91', '交通运输'],
  ['明德教育咨询有限公司', 'private', '91', '教育'],
  ['康宁医药连锁有限公司', 'private', '91', '卫生'],
  ['鼎盛房地产开发有限公司', 'private', '91', '房地产'],
  ['兰台档案数字化服务有限公司', 'archive_service', '91', '档案服务'],
  ['典藏档案寄存管理有限公司', 'archive_service', '91', '档案服务'],
  ['卷宗档案整理服务有限公司', 'archive_service', '91', '档案服务'],
  ['鸿图信息技术服务有限公司', 'archive_service', '91', '档案服务'],
  ['安信档案科技有限公司', 'archive_service', '91', '档案服务'],
  ['东湖社区居民委员会', 'community', '54', '基层自治'],
  ['西园社区居民委员会', 'community', '54', '基层自治'],
  ['南苑社区居民委员会', 'community', '54', '基层自治'],
  ['北关社区居民委员会', 'community', '54', '基层自治'],
  ['滨河社区居民委员会', 'community', '54', '基层自治'],
  ['城关镇人民政府', 'township', '11', '公共管理'],
  ['青山镇人民政府', 'township', '11', '公共管理'],
  ['柳河乡人民政府', 'township', '11', '公共管理'],
  ['石桥镇人民政府', 'township', '11', '公共管理'],
  ['桃源村村民委员会', 'township', '54', '基层自治'],
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '海燕', '志强', '丽娟', '明', '静', '伟', '芳', '晓东', '红梅', '立新', '秀英'];

async function insertWithEvent<T extends { id: string }>(ctx: Ctx, orgId: string, entityType: string, row: T, insert: () => Promise<unknown>) {
  await insert();
  await recordEvent(ctx, { orgId, action: `${entityType}.create`, entityType, entityId: row.id, after: row });
}

/** Departments and regulated units of one demo org; a subordinate county bureau gets a smaller directory. */
async function seedOrgPeople(ctx: Ctx, org: Org, seedOffset: number, subordinate = false) {
  const now = ctx.now();
  const deptIds: Record<string, string> = {};
  for (const name of DEPARTMENTS) {
    const row = { id: crypto.randomUUID(), orgId: org.id, name, createdAt: now, updatedAt: now };
    deptIds[name] = row.id;
    await insertWithEvent(ctx, org.id, 'department', row, () => ctx.db.insert(departments).values(row));
  }
  const unitIds: string[] = [];
  const seeds = subordinate ? UNIT_SEEDS.slice(0, 14) : UNIT_SEEDS;
  const prefixName = org.name.replace(/档案局$/, '');
  const tiers = ['low', 'medium', 'medium', 'high'] as const;
  for (let i = 0; i < seeds.length; i++) {
    const [stem, type, prefix, industry] = seeds[i]!;
    const row = {
      id: crypto.randomUUID(),
      orgId: org.id,
      name: `${prefixName}${stem}`,
      creditCode: makeCreditCode(prefix, org.regionCode, 4_000_000 + seedOffset * 1000 + i * 37),
      type,
      industry,
      address: `${prefixName}${['人民路', '建设大街', '解放路', '中山路', '和平街'][i % 5]}${10 + i * 3}号`,
      contactName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
      contactPhone: `0${(10 + (i % 80)).toString()}-${(6000000 + i * 1373).toString()}`,
      riskTier: tiers[i % tiers.length]!,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    unitIds.push(row.id);
    await insertWithEvent(ctx, org.id, 'unit', row, () => ctx.db.insert(units).values(row));
  }
  return { deptIds, unitIds };
}

/**
 * The orgs module's demo step (run first by the kernel's `runDemo`): the county bureau, departments,
 * units, one user per role and the inspectors. The modules after it find them in the database.
 */
export async function seedOrgsDemo(ctx: ActorCtx, demo: DemoRun): Promise<void> {
  demo.accounts.push(...(await loadDemoData(ctx, demo.org)));
}

async function loadDemoData(ctx: Ctx, top: Org): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  // The county bureau under the top org (under a demo city when the top org is a province; none
  // when the top org is itself a county bureau).
  let parent = top;
  if (top.level === 'province') {
    parent = await createOrg(ctx, { name: '示例市档案局', level: 'city', regionCode: `${top.regionCode.slice(0, 2)}0100`, parentId: top.id });
  }
  const county =
    top.level === 'county'
      ? null
      : await createOrg(ctx, { name: '示例区档案局', level: 'county', regionCode: `${parent.regionCode.slice(0, 4)}02`, parentId: parent.id });

  const main = await seedOrgPeople(ctx, top, 1);
  const sub = county ? await seedOrgPeople(ctx, county, 2, true) : null;

  const now = ctx.now();
  const shift = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

  async function addUser(
    org: Org,
    username: string,
    displayName: string,
    roles: Role[],
    telephone: string,
    extra: { departmentId?: string; unitId?: string } = {},
  ) {
    const password = generatePassword();
    const row = {
      id: crypto.randomUUID(),
      orgId: org.id,
      username,
      displayName,
      passwordHash: await hashPassword(password),
      roles,
      departmentId: extra.departmentId ?? null,
      unitId: extra.unitId ?? null,
      telephone,
      status: 'active',
      mustChangePassword: false,
      createdAt: now,
      updatedAt: now,
    };
    await insertWithEvent(ctx, org.id, 'user', row, () => ctx.db.insert(users).values(row));
    accounts.push({ username, password, role: roles[0]!, displayName, org: org.name });
    return row;
  }

  await addUser(top, 'leader', '张局长', ['leader'], '0931-8810001', { departmentId: main.deptIds['办公室'] });
  await addUser(top, 'legal', '李法制', ['legal'], '0931-8810002', { departmentId: main.deptIds['科教法制科'] });
  const inspectorUser = await addUser(top, 'inspector', '王执法', ['inspector'], '0931-8810003', { departmentId: main.deptIds['监督指导科'] });
  await addUser(top, 'staff', '赵利用', ['staff'], '0931-8810004', { departmentId: main.deptIds['档案利用科'] });
  await addUser(top, 'unit', '陈档案员', ['unit'], '13909310005', { unitId: main.unitIds[0] });
  await addUser(top, 'superior', '周督导', ['superior'], '0931-8810006', { departmentId: main.deptIds['监督指导科'] });
  if (county && sub) await addUser(county, 'county.admin', '刘管理员', ['admin'], '0931-8820001', { departmentId: sub.deptIds['办公室'] });
  // 办公电话: what letters give when their issuer (such as the admin created at setup) has no telephone of their own.
  await setOfficeTelephone(ctx, top.id, '0931-8810000');
  if (county) await setOfficeTelephone(ctx, county.id, '0931-8820000');

  // 8 inspectors: #3's certificate expired; #5 and #6 have conflicts of interest.
  const names = ['王执法', '孙立新', '高海燕', '林志强', '何丽娟', '郭晓东', '马红梅', '罗建国'];
  const inspectorIds: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const expired = i === 2;
    const row = {
      id: crypto.randomUUID(),
      orgId: top.id,
      userId: i === 0 ? inspectorUser.id : null,
      departmentId: main.deptIds['监督指导科']!,
      name: names[i]!,
      certificateNo: `${top.regionCode}${String(2021000 + i * 17).padStart(8, '0')}`,
      certIssuedOn: expired ? shift(-5 * 365) : shift(-400 - i * 30),
      certExpiresOn: expired ? shift(-20) : i === 7 ? shift(20) : shift(3 * 365 - i * 40),
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    inspectorIds.push(row.id);
    await insertWithEvent(ctx, top.id, 'inspector', row, () => ctx.db.insert(inspectors).values(row));
  }
  const conflicts = [
    { inspector: 4, unit: 24, reason: '配偶在该单位任职' },
    { inspector: 5, unit: 31, reason: '曾在该单位工作，离职未满三年' },
  ];
  for (const c of conflicts) {
    const row = {
      id: crypto.randomUUID(),
      orgId: top.id,
      inspectorId: inspectorIds[c.inspector]!,
      unitId: main.unitIds[c.unit]!,
      reason: c.reason,
      createdAt: now,
    };
    await insertWithEvent(ctx, top.id, 'inspectorConflict', row, () => ctx.db.insert(inspectorConflicts).values(row));
  }
  return accounts;
}

/** Sets an org's 办公电话 (setting `officeTelephone`), recorded like a change on 系统设置. */
async function setOfficeTelephone(ctx: Ctx, orgId: string, telephone: string): Promise<void> {
  await ctx.db.insert(settings).values({ orgId, key: 'officeTelephone', value: telephone, updatedAt: ctx.now() });
  invalidateSettings();
  await recordEvent(ctx, { orgId, action: 'settings.update', entityType: 'settings', entityId: orgId, after: { officeTelephone: telephone } });
}
