/**
 * What a reader may do with a checklist or a version now, from its state and whether the reader
 * manages inspections of its org: the pages offer exactly these (the services refuse the rest).
 */
import type { ChecklistAction, VersionAction, VersionStatus } from '../labels.js';

/** A draft is edited and published; a published version never changes. */
export function versionActions(status: VersionStatus, manage: boolean): VersionAction[] {
  return manage && status === 'draft' ? ['edit', 'publish'] : [];
}

/** A new draft starts from the latest published version, one draft at a time. */
export function checklistActions(versions: readonly { status: VersionStatus }[], manage: boolean): ChecklistAction[] {
  const draft = versions.some((v) => v.status === 'draft');
  const published = versions.some((v) => v.status === 'published');
  return manage && !draft && published ? ['newDraft'] : [];
}
