/**
 * First run (初始化): create the top org and the first admin, optionally with demo data.
 * Refused once any org exists; an advisory lock makes two concurrent setups safe.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.js';
import { inTx } from '../../kernel/context.js';
import { recordEvent } from '../../kernel/audit/index.js';
import { AppError, validation } from '../../kernel/http/errors.js';
import { hashPassword, passwordProblem } from '../../kernel/auth/password.js';
import { orgs, users } from '../../kernel/schema.js';
import { createOrg } from './orgs.service.js';
import { loadDemoData, type DemoAccount } from './demo.js';
import type { SetupInput } from './contracts.js';

export async function needsSetup(ctx: Ctx): Promise<boolean> {
  const r = await ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(orgs);
  return (r[0]?.n ?? 0) === 0;
}

export interface SetupResult {
  org: { id: string; name: string; level: string };
  admin: { id: string; username: string; displayName: string };
  demoAccounts?: DemoAccount[];
}

export async function runSetup(ctx: Ctx, input: SetupInput): Promise<SetupResult> {
  const problem = passwordProblem(input.admin.password);
  if (problem) throw validation(problem, { 'admin.password': problem });
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
    const adminCtx: Ctx = {
      ...tx,
      actor: { userId: admin!.id, username: admin!.username, displayName: admin!.displayName, orgId: org.id, orgPath: org.path, roles: ['admin'], unitId: null },
    };
    await recordEvent(adminCtx, { orgId: org.id, action: 'user.create', entityType: 'user', entityId: admin!.id, after: admin });
    const demoAccounts = input.demo ? await loadDemoData(adminCtx, org, { history: input.demoHistory }) : undefined;
    return {
      org: { id: org.id, name: org.name, level: org.level },
      admin: { id: admin!.id, username: admin!.username, displayName: admin!.displayName },
      ...(demoAccounts ? { demoAccounts } : {}),
    };
  });
}
