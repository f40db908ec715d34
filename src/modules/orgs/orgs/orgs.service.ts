/** Org tree (机构) and departments (科室). */
import crypto from 'node:crypto';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { conflict, fieldError, notFound } from '../../../kernel/http/errors.js';
import { authorize, can } from '../../../kernel/auth/policy.js';
import { orgs } from '../../../kernel/schema.js';
import { childPath, forgetOrgs, readableOrg } from '../../../kernel/tenancy/index.js';
import type { OrgLevel } from '../../../kernel/tenancy/labels.js';
import { departments } from '../schema.js';
import type { ChildOrgInput, Department, DepartmentInput, OrgAction, OrgInput, OrgNode, OrgPatch, OrgView } from './contracts.js';

type OrgRow = typeof orgs.$inferSelect;
type DepartmentRow = typeof departments.$inferSelect;
const LEVEL_RANK: Record<OrgLevel, number> = { province: 0, city: 1, county: 2 };

/** An org as the API sends it. */
export function presentOrg(r: OrgRow): OrgView {
  return { ...r, level: r.level as OrgLevel, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

const presentDepartment = (r: DepartmentRow): Department => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

/** Inserts an org (the first run's top org, a child org, the demo's) with its event; the caller holds the transaction. */
export async function createOrg(ctx: Ctx, input: OrgInput & { parentId?: string | null }): Promise<OrgRow> {
  const id = crypto.randomUUID();
  let parentPath: string | null = null;
  if (input.parentId) {
    const [parent] = await ctx.db.select().from(orgs).where(eq(orgs.id, input.parentId));
    if (!parent) throw notFound('上级机构');
    if (LEVEL_RANK[input.level] <= LEVEL_RANK[parent.level as OrgLevel]) throw fieldError('level', '下级机构的层级必须低于上级机构');
    parentPath = parent.path;
  }
  const dup = await ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(input.parentId ? eq(orgs.parentId, input.parentId) : sql`${orgs.parentId} IS NULL`, eq(orgs.name, input.name)));
  if (dup.length) throw conflict('同一上级下已有同名机构', { name: '同一上级下已有同名机构' });
  const [row] = await ctx.db
    .insert(orgs)
    .values({
      id,
      parentId: input.parentId ?? null,
      path: childPath(parentPath, id),
      name: input.name,
      level: input.level,
      regionCode: input.regionCode,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordEvent(ctx, { orgId: id, action: 'org.create', entityType: 'org', entityId: id, after: row });
  return row!;
}

export async function createChildOrg(ctx: ActorCtx, input: ChildOrgInput): Promise<OrgView> {
  const parent = await loadOrg(ctx, input.parentId);
  // Creating an org below one's own org is an act of the parent org's admin.
  authorize(ctx.actor, 'org.manage', { orgId: parent.id, orgPath: parent.path });
  return inTx(ctx, async (tx) => {
    const row = await createOrg(tx, input);
    await recordEvent(tx, { orgId: parent.id, action: 'org.create_child', entityType: 'org', entityId: parent.id, after: { childId: row.id, name: row.name } });
    return presentOrg(row);
  });
}

/** An org of the actor's tree (404 for any other). */
async function loadOrg(ctx: ActorCtx, id: string): Promise<OrgRow> {
  const [row] = await ctx.db.select().from(orgs).where(eq(orgs.id, id));
  if (!row || !row.path.startsWith(ctx.actor.orgPath)) throw notFound('机构');
  return row;
}

export async function getOrg(ctx: ActorCtx, id: string): Promise<OrgView> {
  return presentOrg(await loadOrg(ctx, id));
}

export async function updateOrg(ctx: ActorCtx, id: string, patch: OrgPatch): Promise<OrgView> {
  const before = await loadOrg(ctx, id);
  authorize(ctx.actor, 'org.manage', { orgId: before.id, orgPath: before.path });
  return inTx(ctx, async (tx) => {
    const [after] = await tx.db
      .update(orgs)
      .set({ ...patch, updatedAt: tx.now() })
      .where(eq(orgs.id, id))
      .returning();
    forgetOrgs();
    await recordEvent(tx, { orgId: id, action: 'org.update', entityType: 'org', entityId: id, before, after });
    return presentOrg(after!);
  }).finally(forgetOrgs);
}

/** The actor's org and everything below it, as a tree. */
export async function orgTree(ctx: ActorCtx): Promise<OrgNode[]> {
  const rows = await ctx.db
    .select()
    .from(orgs)
    .where(like(orgs.path, `${ctx.actor.orgPath}%`))
    .orderBy(asc(orgs.path));
  const actions = (r: OrgRow): OrgAction[] =>
    can(ctx.actor, 'org.manage', { orgId: r.id, orgPath: r.path }) ? ['edit', ...(r.level === 'county' ? [] : ['createChild' as const])] : [];
  const byId = new Map<string, OrgNode>(rows.map((r) => [r.id, { ...presentOrg(r), allowedActions: actions(r), children: [] }]));
  const roots: OrgNode[] = [];
  for (const n of byId.values()) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

/** The departments of the actor's org, or of a readable descendant it asks for. */
export async function listDepartments(ctx: ActorCtx, orgId?: string): Promise<Department[]> {
  const org = await readableOrg(ctx, orgId);
  const rows = await ctx.db.select().from(departments).where(eq(departments.orgId, org.id)).orderBy(asc(departments.name));
  return rows.map(presentDepartment);
}

export async function createDepartment(ctx: ActorCtx, input: DepartmentInput): Promise<Department> {
  return inTx(ctx, async (tx) => {
    const dup = await tx.db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, ctx.actor.orgId), eq(departments.name, input.name)));
    if (dup.length) throw conflict('已有同名科室', { name: '已有同名科室' });
    const [row] = await tx.db.insert(departments).values({ orgId: ctx.actor.orgId, name: input.name, createdAt: tx.now(), updatedAt: tx.now() }).returning();
    await recordEvent(tx, { orgId: ctx.actor.orgId, action: 'department.create', entityType: 'department', entityId: row!.id, after: row });
    return presentDepartment(row!);
  });
}

export async function renameDepartment(ctx: ActorCtx, id: string, input: DepartmentInput): Promise<Department> {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(departments)
      .where(and(eq(departments.id, id), eq(departments.orgId, ctx.actor.orgId)));
    if (!before) throw notFound('科室');
    const dup = await tx.db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, ctx.actor.orgId), eq(departments.name, input.name), sql`${departments.id} <> ${id}`));
    if (dup.length) throw conflict('已有同名科室', { name: '已有同名科室' });
    const [after] = await tx.db.update(departments).set({ name: input.name, updatedAt: tx.now() }).where(eq(departments.id, id)).returning();
    await recordEvent(tx, { orgId: ctx.actor.orgId, action: 'department.update', entityType: 'department', entityId: id, before, after });
    return presentDepartment(after!);
  });
}

/** A department id given in input must belong to the actor's org. */
export async function assertDepartment(ctx: Ctx, orgId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const [d] = await ctx.db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.orgId, orgId)));
  if (!d) throw fieldError('departmentId', '科室不存在');
}

/** Every bureau, by tree order, with only what the public portal needs (name and level). */
export async function publicOrgs(ctx: Ctx): Promise<{ id: string; name: string; level: OrgLevel; parentId: string | null }[]> {
  const rows = await ctx.db.select({ id: orgs.id, name: orgs.name, level: orgs.level, parentId: orgs.parentId }).from(orgs).orderBy(asc(orgs.path));
  return rows.map((r) => ({ ...r, level: r.level as OrgLevel }));
}
