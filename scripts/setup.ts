/**
 * `npm run setup -- [--demo [--no-history]] [--org 名称] [--level city] [--region 110100] [--admin admin] [--password …] [--name 管理员]`
 * First-run setup for scripts: the same use case as POST /api/setup.
 */
import { parseArgs } from 'node:util';
import { generatePassword } from '../src/kernel/auth/password.js';
import { SetupInput } from '../src/modules/orgs/orgs/contracts.js';
import { runSetup } from '../src/modules/orgs/orgs/setup.service.js';
import { withDatabase } from './db.js';

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    /** With --demo, leave out the past inspection work (demo-history.ts). */
    'no-history': { type: 'boolean', default: false },
    org: { type: 'string', default: '示例市档案局' },
    level: { type: 'string', default: 'city' },
    region: { type: 'string', default: '110100' },
    admin: { type: 'string', default: 'admin' },
    name: { type: 'string', default: '系统管理员' },
    password: { type: 'string' },
  },
});

const password = values.password ?? generatePassword();
const input = SetupInput.safeParse({
  org: { name: values.org, level: values.level, regionCode: values.region },
  admin: { username: values.admin, password, displayName: values.name },
  demo: values.demo,
  demoHistory: values.demo && !values['no-history'],
});
if (!input.success) {
  for (const i of input.error.issues) console.error(`${i.path.join('.')}: ${i.message}`);
  process.exit(2);
}

try {
  const result = await withDatabase((db) => runSetup({ db: db.db, actor: null, now: () => new Date() }, input.data));
  console.log(`已创建机构：${result.org.name}`);
  console.log(`管理员：${result.admin.username}  密码：${password}`);
  for (const a of result.demoAccounts ?? []) console.log(`演示账号：${a.username.padEnd(14)} ${a.password}  ${a.role}  ${a.displayName}（${a.org}）`);
  if (result.demoAccounts) console.log('以上密码仅显示一次，请妥善保存。');
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
