/**
 * Evidence quotas (issue 11 §5: uploads that cannot fill the server): the bytes of on-site photos and
 * rectification evidence kept for one inspected unit across its inspections (setting
 * `evidenceQuotaPerUnitMb`) and for the bureau owning the inspections (`evidenceQuotaPerOrgMb`).
 * Signatures do not count: signing needs them and they are small.
 *
 * An upload checks both in the transaction that inserts the file, under a per-org advisory lock taken
 * before the sums, so two concurrent uploads of one org cannot both slip under a quota (a unit's files
 * are all in its bureau's org, so the org's lock covers the unit's quota too). The sums read the stored
 * `size` column (written as the byte length with every row) through the index
 * `inspection_files_org_kind_size_idx`, never the bytes themselves.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/http/errors.js';
import { getSetting } from '../../../kernel/settings.js';
import type { EvidenceUsage } from './contracts.js';
import { unitNameOf, type InspectionRow } from './core.service.js';

const MB = 1024 * 1024;

/** 70 → 0.1 KB, 1_258_291 → 1.2 MB (binary units, one decimal, never "0.0" for a file that has bytes). */
export function formatBytes(n: number): string {
  if (n <= 0) return '0 MB';
  if (n < MB) return `${Math.max(0.1, Math.round((n / 1024) * 10) / 10).toFixed(1)} KB`;
  return `${(Math.round((n / MB) * 10) / 10).toFixed(1)} MB`;
}

/** Bytes of photos and evidence stored for a unit (within its bureau's org) and for the whole org. */
export async function evidenceBytes(ctx: Ctx, orgId: string, unitId: string): Promise<{ unit: number; org: number }> {
  const res = await ctx.db.execute<{ unit: string; org: string }>(sql`
    SELECT
      (SELECT coalesce(sum(f.size), 0) FROM inspection_files f
        WHERE f.org_id = ${orgId} AND f.kind IN ('photo', 'evidence')
          AND f.inspection_id IN (SELECT i.id FROM inspections i WHERE i.org_id = ${orgId} AND i.unit_id = ${unitId})) AS unit,
      (SELECT coalesce(sum(f.size), 0) FROM inspection_files f WHERE f.org_id = ${orgId} AND f.kind IN ('photo', 'evidence')) AS org`);
  const row = res.rows[0]!;
  return { unit: Number(row.unit), org: Number(row.org) };
}

async function quotas(ctx: Ctx, orgId: string): Promise<{ unit: number; org: number }> {
  return {
    unit: (await getSetting(ctx.db, orgId, 'evidenceQuotaPerUnitMb')) * MB,
    org: (await getSetting(ctx.db, orgId, 'evidenceQuotaPerOrgMb')) * MB,
  };
}

const REMEDY = '文件未保存。可压缩后重新上传，或请检查机关的系统管理员在“系统设置”中调整上限';

/**
 * Refuses (413, nothing written) a file that would take the unit's or the org's photos and evidence
 * over its quota. Call inside the upload's transaction, before the insert: it takes the org's lock.
 */
export async function assertEvidenceQuota(tx: Ctx, r: InspectionRow, fileBytes: number): Promise<void> {
  await tx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`inspection_files.quota:${r.orgId}`}, 0))`);
  const used = await evidenceBytes(tx, r.orgId, r.unitId);
  const limit = await quotas(tx, r.orgId);
  const over = (scope: 'unit' | 'org', who: string) => {
    const message =
      `${who}的现场照片和整改佐证材料加上本文件将超过 ${limit[scope] / MB} MB 上限` +
      `（已用 ${formatBytes(used[scope])}，本文件 ${formatBytes(fileBytes)}），${REMEDY}`;
    return new AppError('payload_too_large.quota', message, {
      fields: { file: message },
      details: { quota: scope, quotaBytes: limit[scope], usedBytes: used[scope], fileBytes },
    });
  };
  if (used.unit + fileBytes > limit.unit) throw over('unit', `被检查单位“${await unitNameOf(tx, r.unitId)}”`);
  if (used.org + fileBytes > limit.org) throw over('org', '检查机关');
}

/** The usage the detail shows under the upload buttons; the org's part only to the bureau's readers. */
export async function evidenceUsage(ctx: Ctx, r: InspectionRow, withOrg: boolean): Promise<EvidenceUsage> {
  const used = await evidenceBytes(ctx, r.orgId, r.unitId);
  const limit = await quotas(ctx, r.orgId);
  const part = (scope: 'unit' | 'org') => ({
    usedBytes: used[scope],
    quotaBytes: limit[scope],
    text: `已用 ${formatBytes(used[scope])} / ${limit[scope] / MB} MB`,
  });
  return { unit: part('unit'), org: withOrg ? part('org') : null };
}
