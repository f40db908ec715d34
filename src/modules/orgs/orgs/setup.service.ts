/**
 * First run (初始化): create the top org and the first admin, optionally with demo data.
 * Refused once any org exists; an advisory lock makes two concurrent setups safe.
 */
import { sql } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { AppError, fieldError } from '../../../kernel/http/errors.js';
import { hashPassword, passwordProblem } from '../../../kernel/auth/password.js';
import { runDemo, type DemoRun } from '../../../kernel/module.js';
import { orgs, users } from '../../../kernel/schema.js';
import type { OrgLevel } from '../../../kernel/tenancy/labels.js';
import { createOrg } from './orgs.service.js';
import type { DemoAccount, SetupInput, SetupResult } from './contracts.js';

export async function needsSetup(ctx: Ctx): Promise<boolean> {
  const r = await ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(orgs);
  return (r[0]?.n ?? 0) === 0;
}

export async function runSetup(ctx: Ctx, input: SetupInput): Promise<SetupResult> {
  const problem = passwordProblem(input.admin.password);
  if (problem) throw fieldError('admin.password', problem);
  const passwordHash = await hashPassword(input.admin.password);
  return inTx(ctx, async (tx) => {
    await tx.db.execute(sql`SELECT pg_advisory_xact_lock(7261001)`);
    if (!(await needsSetup(tx))) throw new AppError('conflict', '系统已完成初始化，不能再次初始化');
    const org = await createOrg(tx, { ...input.org, parentId: null });
    const [admin] = await tx.db
      .insert(users)
      .values({
        orgId: org.id,
        username: input.admin.username,
        displayName: input.admin.displayName,
        passwordHash,
        roles: ['admin'],
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    const adminCtx: ActorCtx = {
      ...tx,
      actor: {
        userId: admin!.id,
        username: admin!.username,
        displayName: admin!.displayName,
        orgId: org.id,
        orgPath: org.path,
        roles: ['admin'],
        unitId: null,
      },
    };
    await recordEvent(adminCtx, { orgId: org.id, action: 'user.create', entityType: 'user', entityId: admin!.id, after: admin });
    let demoAccounts: DemoAccount[] | undefined;
    if (input.demo) {
      // Every module's demo step, in module order (orgs first); the kernel runs them.
      const demo: DemoRun = { org, history: !!input.demoHistory, accounts: [], shared: {} };
      await runDemo(adminCtx, demo);
      demoAccounts = demo.accounts as DemoAccount[];
    }
    return {
      org: { id: org.id, name: org.name, level: org.level as OrgLevel },
      admin: { id: admin!.id, username: admin!.username, displayName: admin!.displayName },
      ...(demoAccounts ? { demoAccounts } : {}),
    };
  });
}
