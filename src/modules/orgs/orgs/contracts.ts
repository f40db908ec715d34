/**
 * Contracts of the org tree (机构), departments (科室) and the first run (初始化). Zod and labels
 * only: the web imports this very file.
 */
import { z } from 'zod';
import { ROLES } from '../../../kernel/auth/labels.js';
import { Timestamp } from '../../../kernel/http/responses.js';
import { ORG_LEVELS } from '../../../kernel/tenancy/labels.js';
import { Password, RegionCode, requiredText, Username } from '../contracts.js';

// ---- requests ----

export const OrgInput = z.object({
  name: requiredText('机构名称'),
  level: z.enum(ORG_LEVELS, { error: '层级应为 province（省）、city（市）或 county（县）' }),
  regionCode: RegionCode,
});
export type OrgInput = z.infer<typeof OrgInput>;

export const SetupInput = z.object({
  org: OrgInput,
  admin: z.object({ username: Username, password: Password, displayName: requiredText('姓名', 40) }),
  demo: z.boolean().default(false),
  /** With `demo`: also about eight months of past inspection work (the inspections module's demo history). */
  demoHistory: z.boolean().default(false),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const ChildOrgInput = OrgInput.extend({ parentId: z.uuid('上级机构 ID 格式不正确') });
export type ChildOrgInput = z.infer<typeof ChildOrgInput>;
export const OrgPatch = OrgInput.partial();
export type OrgPatch = z.infer<typeof OrgPatch>;

export const DepartmentInput = z.object({ name: requiredText('科室名称', 40) });
export type DepartmentInput = z.infer<typeof DepartmentInput>;
export const DepartmentsQuery = z.object({ orgId: z.uuid().optional() });

// ---- responses ----

/** An org (档案局) as stored: its place in the tree (`path` = /root/…/id/), level and region. */
export const OrgView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  regionCode: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type OrgView = z.infer<typeof OrgView>;

/** What the actor may do with an org of its tree: an admin edits its own org and creates orgs below it (down to county). */
export const ORG_ACTIONS = ['edit', 'createChild'] as const;
export type OrgAction = (typeof ORG_ACTIONS)[number];

/** An org with the orgs below it, and what the actor may do with it. */
export interface OrgNode extends OrgView {
  allowedActions: OrgAction[];
  children: OrgNode[];
}
export const OrgNode: z.ZodType<OrgNode> = OrgView.extend({ allowedActions: z.array(z.enum(ORG_ACTIONS)), children: z.array(z.lazy(() => OrgNode)) });
export const OrgTreeResponse = z.object({ items: z.array(OrgNode) });

/** A bureau as the public portal lists it (name and level only). */
export const PublicOrg = z.object({ id: z.string(), name: z.string(), level: z.enum(ORG_LEVELS), parentId: z.string().nullable() });
export const PublicOrgsResponse = z.object({ items: z.array(PublicOrg) });

export const DepartmentView = z.object({ id: z.string(), orgId: z.string(), name: z.string(), createdAt: Timestamp, updatedAt: Timestamp });
export type Department = z.infer<typeof DepartmentView>;
export const DepartmentsResponse = z.object({ items: z.array(DepartmentView) });

export const SetupStatusResponse = z.object({ needsSetup: z.boolean() });

/** One demo account, shown once on the setup result page. */
export const DemoAccount = z.object({ username: z.string(), password: z.string(), role: z.enum(ROLES), displayName: z.string(), org: z.string() });
export type DemoAccount = z.infer<typeof DemoAccount>;

export const SetupResult = z.object({
  org: z.object({ id: z.string(), name: z.string(), level: z.enum(ORG_LEVELS) }),
  admin: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
  demoAccounts: z.array(DemoAccount).optional(),
});
export type SetupResult = z.infer<typeof SetupResult>;
