/**
 * 现场检查记录 (on-site record): per-item results with notes and photos, the inspectors present (the
 * team, each with certificate number), the unit's representative, findings; signatures drawn on
 * screen by every inspector present and the representative. Signing needs a complete record and
 * freezes it (409 afterwards). A clock (`inspection.record`, setting `inspectionRecordDays`, 3
 * working days from the on-site date) runs until the record is signed.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent } from '../../../kernel/audit/index.js';
import { syncClock } from '../../../kernel/calendar/clocks.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { sniffType, type Upload, type UploadOptions } from '../../../kernel/http/upload.js';
import { AppError, conflict, fieldError, notFound, validation } from '../../../kernel/http/errors.js';
import { getSetting } from '../../../kernel/settings.js';
import { inspectionFiles, inspections } from '../schema.js';
import type { InspectorSnapshot } from '../plans/contracts.js';
import type { InspectionDetail, RecordInput, SignInput } from './contracts.js';
import {
  CLOCK_ENTITY,
  CLOCK_KIND_RECORD,
  assertTransition,
  loadInspection,
  loadMine,
  syncSelfInspectionClock,
  unitNameOf,
  versionEntries,
  type InspectionRow,
} from './core.service.js';
import { getInspection } from './detail.service.js';
import { assertEvidenceQuota } from './evidence-quota.service.js';
import { recordClockSpec, type OnSiteRecord } from './loop.js';

/** Largest photo accepted (bytes); the app-wide upload limit applies too (413). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPE_MESSAGE = '照片必须是 JPEG、PNG 或 WebP 图片';
/** A photo of the on-site record as the route takes it (kernel `singleUpload`): JPEG, PNG or WebP by magic bytes (else 415), at most PHOTO_MAX_BYTES (else 413). */
export const PHOTO_UPLOAD: UploadOptions = {
  what: '照片',
  accept: ['image/jpeg', 'image/png', 'image/webp'],
  typeMessage: PHOTO_TYPE_MESSAGE,
  maxBytes: PHOTO_MAX_BYTES,
  defaultName: '照片',
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The image type by its magic bytes (JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, WebP RIFF….WEBP; kernel `sniffType`), or null. */
export function imageType(b: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const t = sniffType(b);
  return t === 'image/jpeg' || t === 'image/png' || t === 'image/webp' ? t : null;
}

async function syncRecordClock(ctx: Ctx, r: InspectionRow): Promise<void> {
  if (!r.onSiteDate) return;
  const days = await getSetting(ctx.db, r.orgId, 'inspectionRecordDays');
  await syncClock(ctx, {
    orgId: r.orgId,
    entityType: CLOCK_ENTITY,
    entityId: r.id,
    kind: CLOCK_KIND_RECORD,
    label: `现场检查记录签字归档（${r.code}，${await unitNameOf(ctx, r.unitId)}，检查日 ${r.onSiteDate}）`,
    spec: recordClockSpec(r.onSiteDate, days, r.signedOn),
    closed: !!r.signedOn,
  });
}

/**
 * Why an on-site date cannot stand: it is before the date the notice in force announced (the
 * inspection's planned date). Inspecting earlier needs the notice amended first (变更检查通知: a new
 * notice, sent `n` working days ahead of the new date). Null when the date is fine.
 */
export function beforeAnnounced(r: Pick<InspectionRow, 'plannedDate' | 'noticeOn' | 'noticeDocNumber'>, onSiteDate: string, n: number): string | null {
  if (!r.noticeOn || onSiteDate >= r.plannedDate) return null;
  return (
    `现场检查日期 ${onSiteDate} 早于检查通知书（${r.noticeDocNumber}）通知的检查日期 ${r.plannedDate}；` +
    `如需在此之前检查，应先变更检查通知（另行送达检查通知书，至迟于新的检查日期前 ${n} 个工作日送达）`
  );
}

function assertEditable(r: InspectionRow): void {
  if (r.signedOn) throw conflict(`检查 ${r.code} 的现场检查记录已于 ${r.signedOn} 签字，不能再修改`);
  assertTransition(r, 'editRecord');
}

/** Save the whole on-site record (a draft until signed). */
export async function saveRecord(ctx: ActorCtx, id: string, input: RecordInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertEditable(r);
    const today = todayInChina(tx.now());
    if (input.onSiteDate > today) throw fieldError('onSiteDate', `现场检查日期 ${input.onSiteDate} 晚于今天（${today}）`);
    const early = beforeAnnounced(r, input.onSiteDate, await getSetting(tx.db, r.orgId, 'inspectionNoticeDays'));
    if (early) throw fieldError('onSiteDate', early);
    if (r.noticeOn && input.onSiteDate < r.noticeOn) throw fieldError('onSiteDate', `现场检查日期 ${input.onSiteDate} 早于检查通知书送达日期 ${r.noticeOn}`);
    const entries = await versionEntries(tx, r.checklistVersionId);
    const known = new Set(entries.map((e) => e.id));
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    input.items.forEach((x, i) => {
      if (!known.has(x.entryId)) fields[`items.${i}.entryId`] = '该检查项不属于本次检查的检查表';
      else if (seen.has(x.entryId)) fields[`items.${i}.entryId`] = '同一检查项填写了两次';
      seen.add(x.entryId);
    });
    const team = r.team as InspectorSnapshot[];
    const teamIds = new Set(team.map((t) => t.id));
    if (new Set(input.inspectorsPresent).size !== input.inspectorsPresent.length) fields.inspectorsPresent = '到场执法人员有重复';
    const outsiders = input.inspectorsPresent.filter((x) => !teamIds.has(x));
    if (outsiders.length)
      fields.inspectorsPresent = `到场执法人员须为本次检查的检查组成员（${team.map((t) => t.name).join('、')}）；不在检查组：${outsiders.join('、')}`;
    if (Object.keys(fields).length) throw validation(`现场检查记录有 ${Object.keys(fields).length} 处错误：${Object.values(fields)[0]}`, fields);
    const given = new Map(input.items.map((x) => [x.entryId, x]));
    const record: OnSiteRecord = {
      onSiteDate: input.onSiteDate,
      items: entries
        .filter((e) => given.has(e.id))
        .map((e) => ({ entryId: e.id, result: given.get(e.id)!.result ?? null, note: given.get(e.id)!.note ?? null })),
      inspectorsPresent: input.inspectorsPresent,
      representative: input.representative ?? null,
      findings: input.findings ?? null,
    };
    const [row] = await tx.db
      .update(inspections)
      .set({ record, onSiteDate: input.onSiteDate, updatedAt: tx.now() })
      .where(eq(inspections.id, r.id))
      .returning();
    await syncRecordClock(tx, row!);
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.record.save',
      entityType: 'inspection',
      entityId: r.id,
      before: r.record ? { onSiteDate: r.onSiteDate, answered: (r.record as OnSiteRecord).items.filter((x) => x.result).length } : null,
      after: record,
    });
  });
  return getInspection(ctx, id);
}

/** What a record lacks before it can be signed (Chinese, one phrase each). */
export function recordGaps(record: OnSiteRecord | null, entries: { id: string; code: string }[]): string[] {
  if (!record) return ['尚未填写现场检查记录'];
  const gaps: string[] = [];
  const answered = new Set(record.items.filter((x) => x.result).map((x) => x.entryId));
  const open = entries.filter((e) => !answered.has(e.id));
  if (open.length)
    gaps.push(
      `${open.length} 项未填写检查结果（${open
        .slice(0, 10)
        .map((e) => e.code)
        .join('、')}${open.length > 10 ? ' 等' : ''}）`,
    );
  if (!record.representative) gaps.push('未填写被检查单位代表（姓名、职务）');
  if (record.inspectorsPresent.length < 2) gaps.push(`到场执法人员只有 ${record.inspectorsPresent.length} 名，至少 2 名`);
  return gaps;
}

function pngOf(dataUrl: string, what: string, key: string): Buffer {
  const buf = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (imageType(buf) !== 'image/png') throw fieldError(key, `${what}的签名不是 PNG 图片`);
  return buf;
}

/** Sign on screen: every inspector present and the representative; the record is frozen afterwards. */
export async function signRecord(ctx: ActorCtx, id: string, input: SignInput): Promise<InspectionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    if (r.signedOn) throw conflict(`检查 ${r.code} 的现场检查记录已于 ${r.signedOn} 签字`);
    assertTransition(r, 'sign');
    const record = r.record as OnSiteRecord | null;
    const gaps = recordGaps(record, await versionEntries(tx, r.checklistVersionId));
    if (gaps.length) throw new AppError('unprocessable', `现场检查记录不完整，不能签字：${gaps.join('；')}`, { fields: { record: gaps.join('；') } });
    const rec = record!;
    const early = beforeAnnounced(r, rec.onSiteDate, await getSetting(tx.db, r.orgId, 'inspectionNoticeDays'));
    if (early) throw new AppError('unprocessable', `不能签字：${early}`, { fields: { onSiteDate: early } });
    const team = new Map((r.team as InspectorSnapshot[]).map((t) => [t.id, t]));
    const byInspector = new Map(input.inspectors.map((s) => [s.inspectorId, s.signature]));
    const unsigned = rec.inspectorsPresent.filter((x) => !byInspector.has(x)).map((x) => team.get(x)?.name ?? x);
    const strangers = input.inspectors.filter((s) => !rec.inspectorsPresent.includes(s.inspectorId)).map((s) => team.get(s.inspectorId)?.name ?? s.inspectorId);
    const missing: string[] = [];
    if (unsigned.length) missing.push(`执法人员 ${unsigned.join('、')} 未签字`);
    if (!input.representative) missing.push(`被检查单位代表 ${rec.representative!.name} 未签字`);
    if (missing.length) throw new AppError('unprocessable', `缺少签字：${missing.join('；')}`, { fields: { signatures: missing.join('；') } });
    if (strangers.length) throw fieldError('inspectors', `签字人不在到场执法人员之列：${strangers.join('、')}`);
    const now = tx.now();
    const today = todayInChina(now);
    const files = [
      ...rec.inspectorsPresent.map((iid, i) => ({
        inspectorId: iid as string | null,
        signerName: team.get(iid)!.name,
        png: pngOf(byInspector.get(iid)!, team.get(iid)!.name, `inspectors.${i}.signature`),
      })),
      {
        inspectorId: null,
        signerName: rec.representative!.name,
        png: pngOf(input.representative!.signature, rec.representative!.name, 'representative.signature'),
      },
    ];
    for (const f of files) {
      await tx.db.insert(inspectionFiles).values({
        orgId: r.orgId,
        inspectionId: r.id,
        kind: 'signature',
        inspectorId: f.inspectorId,
        signerName: f.signerName,
        mime: 'image/png',
        size: f.png.length,
        sha256: sha256(f.png),
        data: f.png,
        createdBy: tx.actor.userId,
        createdAt: now,
      });
    }
    const [row] = await tx.db
      .update(inspections)
      .set({ status: 'on_site_signed', signedOn: today, signedAt: now, updatedAt: now })
      .where(eq(inspections.id, r.id))
      .returning();
    await syncRecordClock(tx, row!);
    // Signed on site without a 自查表: the unit's self-inspection clock is off its 工作台.
    if (r.status === 'notified') await syncSelfInspectionClock(tx, row!, await unitNameOf(tx, r.unitId));
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.sign',
      entityType: 'inspection',
      entityId: r.id,
      before: { status: r.status },
      after: {
        status: 'on_site_signed',
        signedOn: today,
        signatures: files.map((f) => ({ signer: f.signerName, inspectorId: f.inspectorId, sha256: sha256(f.png) })),
      },
    });
  });
  return getInspection(ctx, id);
}

/** A photo for one checklist entry, already read and typed by the route (`PHOTO_UPLOAD`). */
export async function addPhoto(ctx: ActorCtx, id: string, entryId: string, file: Upload) {
  const mime = file.type;
  return inTx(ctx, async (tx) => {
    const r = await loadInspection(tx, id, 'inspection.manage', true);
    assertEditable(r);
    const entries = await versionEntries(tx, r.checklistVersionId);
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) throw fieldError('entryId', '该检查项不属于本次检查的检查表');
    await assertEvidenceQuota(tx, r, file.data.length);
    const hash = sha256(file.data);
    const [row] = await tx.db
      .insert(inspectionFiles)
      .values({
        orgId: r.orgId,
        inspectionId: r.id,
        kind: 'photo',
        entryId: entry.id,
        fileName: file.fileName,
        mime,
        size: file.data.length,
        sha256: hash,
        data: file.data,
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning({ id: inspectionFiles.id });
    await recordEvent(tx, {
      orgId: r.orgId,
      action: 'inspection.photo.add',
      entityType: 'inspection',
      entityId: r.id,
      after: { photoId: row!.id, entryId: entry.id, code: entry.code, fileName: file.fileName, mime, size: file.data.length, sha256: hash },
    });
    return { id: row!.id, entryId: entry.id, mime, size: file.data.length, sha256: hash };
  });
}

/** One photo, signature image or piece of evidence (read access to the inspection). */
export async function getFile(ctx: ActorCtx, id: string, fileId: string) {
  return fileOf(ctx, await loadInspection(ctx, id, 'inspection.read'), fileId);
}

/** The same for the inspected unit's archivist: only files of their own unit's inspections. */
export async function getMyFile(ctx: ActorCtx, id: string, fileId: string) {
  return fileOf(ctx, await loadMine(ctx, id), fileId);
}

async function fileOf(ctx: ActorCtx, r: { id: string }, fileId: string) {
  const [f] = await ctx.db
    .select()
    .from(inspectionFiles)
    .where(and(eq(inspectionFiles.id, fileId), eq(inspectionFiles.inspectionId, r.id)));
  if (!f) throw notFound('文件');
  return { data: f.data, mime: f.mime, fileName: f.fileName ?? `${f.kind}-${f.id}.${f.mime.split('/')[1]}` };
}
