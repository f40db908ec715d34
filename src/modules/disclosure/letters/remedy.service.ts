/**
 * The org's 复议机关 and court as the reply letters name them: the stored settings
 * (`disclosureReviewOrgan`, `disclosureCourt`), else the defaults from its name and level (remedy.ts);
 * read and set by an admin (/api/disclosure/remedy-settings), every change recorded.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { inTx, requireActor, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import type { DbOrTx } from '../../../kernel/db/index.js';
import { orgs, settings } from '../../../kernel/schema.js';
import type { RemedySettings, RemedySettingsInput } from './contracts.js';
import { COURT_KEY, defaultRemedyOrgans, remedySentences, REVIEW_ORGAN_KEY, type RemedyOrgans } from './remedy.js';

async function orgAndParent(db: DbOrTx, orgId: string) {
  const [org] = await db.select({ name: orgs.name, level: orgs.level, parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw new Error(`org ${orgId} not found`);
  const [parent] = org.parentId ? await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, org.parentId)) : [];
  return { org, parent: parent ?? null };
}

/** The org's 复议机关 and court: the stored settings, else the defaults from its name and level. */
export async function remedyOrgansOf(db: DbOrTx, orgId: string): Promise<RemedyOrgans & { defaults: RemedyOrgans }> {
  const { org, parent } = await orgAndParent(db, orgId);
  const defaults = defaultRemedyOrgans(org, parent);
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(and(eq(settings.orgId, orgId), inArray(settings.key, [REVIEW_ORGAN_KEY, COURT_KEY])));
  const stored = (key: string) => {
    const v = rows.find((r) => r.key === key)?.value;
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  };
  return { reviewOrgan: stored(REVIEW_ORGAN_KEY) ?? defaults.reviewOrgan, court: stored(COURT_KEY) ?? defaults.court, defaults };
}

/** GET /api/disclosure/remedy-settings: the actor's org's organs, their defaults and an example sentence. */
export async function getRemedySettings(ctx: Ctx): Promise<RemedySettings> {
  const orgId = requireActor(ctx).orgId;
  const organs = await remedyOrgansOf(ctx.db, orgId);
  return {
    reviewOrgan: organs.reviewOrgan,
    court: organs.court,
    defaults: organs.defaults,
    examples: { refusal: remedySentences('withheld.state_secret', '你', organs), other: remedySentences('disclosed', '你', organs) },
  };
}

/** PUT: set either organ; an empty text restores the default. Recorded. */
export async function putRemedySettings(ctx: Ctx, input: RemedySettingsInput): Promise<RemedySettings> {
  const orgId = requireActor(ctx).orgId;
  await inTx(ctx, async (tx) => {
    const before = await remedyOrgansOf(tx.db, orgId);
    for (const [key, value] of [
      [REVIEW_ORGAN_KEY, input.reviewOrgan],
      [COURT_KEY, input.court],
    ] as const) {
      if (value === undefined) continue;
      if (!value) {
        await tx.db.delete(settings).where(and(eq(settings.orgId, orgId), eq(settings.key, key)));
        continue;
      }
      await tx.db
        .insert(settings)
        .values({ orgId, key, value, updatedAt: tx.now() })
        .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value, updatedAt: tx.now() } });
    }
    const after = await remedyOrgansOf(tx.db, orgId);
    await recordEvent(tx, {
      orgId,
      action: 'disclosure.remedy_settings.update',
      entityType: 'settings',
      entityId: orgId,
      before: { reviewOrgan: before.reviewOrgan, court: before.court },
      after: { reviewOrgan: after.reviewOrgan, court: after.court },
    });
  });
  return getRemedySettings(ctx);
}
