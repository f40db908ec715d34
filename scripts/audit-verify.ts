/** `npm run audit:verify`: recompute every org's hash chain; exit 1 and name the first broken event. */
import { verifyAudit } from '../src/kernel/audit/index.js';
import { withDatabase } from './db.js';

try {
  const r = await withDatabase((db) => verifyAudit(db.db));
  if (r.intact) {
    console.log(`全过程记录完整：${r.orgs} 个机构，${r.events} 条记录，哈希链校验通过。`);
  } else {
    const b = r.firstBroken!;
    console.log(`全过程记录已被改动：机构 ${b.orgId} 第 ${b.seq} 条（id ${b.id}）：${b.reason}`);
    process.exit(1);
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
