/** Org tree (机构) and departments (科室). */
import crypto from 'node:crypto';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTx, type Actor, type Ctx } from '../../kernel/context.js';
import { recordEvent } from '../../kernel/audit/index.js';
import { conflict, notFound, validation } from '../../kernel/http/errors.js';
import { authorize } from '../../kernel/auth/policy.js';
import { orgs } from '../../kernel/schema.js';
import { childPath } from '../../kernel/tenancy/index.js';
import { departments } from './schema.js';
import type { ChildOrgInput, DepartmentInput, OrgInput, OrgPatch } from './contracts.js';

type ActorCtx = Ctx & { actor: Actor };
const LEVEL_RANK = { province: 0, city: 1, county: 2 } as const;

export async function createOrg(ctx: Ctx, input: z.infer<typeof OrgInput> & { parentId?: string | null }) {
  const id = crypto.randomUUID();
  let parentPath: string | null = null;
  if (input.parentId) {
    const [parent] = await ctx.db.select().from(orgs).where(eq(orgs.id, input.parentId));
    if (!parent) throw notFound('上级机构');
    if (LEVEL_RANK[input.level] <= LEVEL_RANK[parent.level as keyof typeof LEVEL_RANK]) {
      throw validation('下级机构的层级必须低于上级机构', { level: '下级机构的层级必须低于上级机构' });
    }
    parentPath = parent.path;
  }
  const dup = await ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(input.parentId ? eq(orgs.parentId, input.parentId) : sql`${orgs.parentId} IS NULL`, eq(orgs.name, input.name)));
  if (dup.length) throw conflict('同一上级下已有同名机构', { name: '同一上级下已有同名机构' });
  const [row] = await ctx.db
    .insert(orgs)
    .values({ id, parentId: input.parentId ?? null, path: childPath(parentPath, id), name: input.name, level: input.level, regionCode: input.regionCode, createdAt: ctx.now(), updatedAt: ctx.now() })
    .returning();
  await recordEvent(ctx, { orgId: id, action: 'org.create', entityType: 'org', entityId: id, after: row });
  return row!;
}

export async function createChildOrg(ctx: ActorCtx, input: z.infer<typeof ChildOrgInput>) {
  const parent = await getOrg(ctx, input.parentId);
  // Creating an org below one's own org is an act of the parent org's admin.
  authorize(ctx.actor, 'org.manage', { orgId: parent.id, orgPath: parent.path });
  return inTx(ctx, async (tx) => {
    const row = await createOrg(tx, input);
    await recordEvent(tx, { orgId: parent.id, action: 'org.create_child', entityType: 'org', entityId: parent.id, after: { childId: row.id, name: row.name } });
    return row;
  });
}

export async function getOrg(ctx: ActorCtx, id: string) {
  const [row] = await ctx.db.select().from(orgs).where(eq(orgs.id, id));
  if (!row || !row.path.startsWith(ctx.actor.orgPath)) throw notFound('机构');
  return row;
}

export async function updateOrg(ctx: ActorCtx, id: string, patch: z.infer<typeof OrgPatch>) {
  const before = await getOrg(ctx, id);
  authorize(ctx.actor, 'org.manage', { orgId: before.id, orgPath: before.path });
  return inTx(ctx, async (tx) => {
    const [after] = await tx.db.update(orgs).set({ ...patch, updatedAt: tx.now() }).where(eq(orgs.id, id)).returning();
    await recordEvent(tx, { orgId: id, action: 'org.update', entityType: 'org', entityId: id, before, after });
    return after!;
  });
}

/** The actor's org and everything below it, as a tree. */
export async function orgTree(ctx: ActorCtx) {
  const rows = await ctx.db.select().from(orgs).where(like(orgs.path, `${ctx.actor.orgPath}%`)).orderBy(asc(orgs.path));
  type Node = (typeof rows)[number] & { children: Node[] };
  const byId = new Map<string, Node>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: Node[] = [];
  for (const n of byId.values()) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

export async function listDepartments(ctx: ActorCtx, orgId: string) {
  return ctx.db.select().from(departments).where(eq(departments.orgId, orgId)).orderBy(asc(departments.name));
}

export async function createDepartment(ctx: ActorCtx, input: z.infer<typeof DepartmentInput>) {
  return inTx(ctx, async (tx) => {
    const dup = await tx.db.select({ id: departments.id }).from(departments).where(and(eq(departments.orgId, ctx.actor.orgId), eq(departments.name, input.name)));
    if (dup.length) throw conflict('已有同名科室', { name: '已有同名科室' });
    const [row] = await tx.db.insert(departments).values({ orgId: ctx.actor.orgId, name: input.name, createdAt: tx.now(), updatedAt: tx.now() }).returning();
    await recordEvent(tx, { orgId: ctx.actor.orgId, action: 'department.create', entityType: 'department', entityId: row!.id, after: row });
    return row!;
  });
}

export async function renameDepartment(ctx: ActorCtx, id: string, input: z.infer<typeof DepartmentInput>) {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(departments).where(and(eq(departments.id, id), eq(departments.orgId, ctx.actor.orgId)));
    if (!before) throw notFound('科室');
    const dup = await tx.db.select({ id: departments.id }).from(departments).where(and(eq(departments.orgId, ctx.actor.orgId), eq(departments.name, input.name), sql`${departments.id} <> ${id}`));
    if (dup.length) throw conflict('已有同名科室', { name: '已有同名科室' });
    const [after] = await tx.db.update(departments).set({ name: input.name, updatedAt: tx.now() }).where(eq(departments.id, id)).returning();
    await recordEvent(tx, { orgId: ctx.actor.orgId, action: 'department.update', entityType: 'department', entityId: id, before, after });
    return after!;
  });
}

/** A department id given in input must belong to the actor's org. */
export async function assertDepartment(ctx: Ctx, orgId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const [d] = await ctx.db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, departmentId), eq(departments.orgId, orgId)));
  if (!d) throw validation('科室不存在', { departmentId: '科室不存在' });
}

/** Every bureau, by tree order, with only what the public portal needs (name and level). */
export async function publicOrgs(ctx: Ctx) {
  return ctx.db.select({ id: orgs.id, name: orgs.name, level: orgs.level, parentId: orgs.parentId }).from(orgs).orderBy(asc(orgs.path));
}
