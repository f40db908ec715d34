/** Helpers shared by the catalogue and checklist pages: the 档案法第四十二条 options, the checklist kind's tag, a picker's note. */
import { Tag } from 'antd';
import { AREAS, AREA_LABELS, CHECKLIST_KIND_LABELS, type ChecklistKind } from '@server/modules/inspections/labels';

export const areaOptions = AREAS.map((a) => ({ value: a, label: `档案法第四十二条${AREA_LABELS[a]}` }));

const KIND_COLORS: Record<ChecklistKind, string> = { inspection: 'blue', self_inspection: 'cyan', evaluation: 'purple' };
export const kindTag = (k: ChecklistKind, label?: string) => <Tag color={KIND_COLORS[k]}>{label ?? CHECKLIST_KIND_LABELS[k]}</Tag>;

/** What a picker that loaded only the first page of a longer list says under it (nothing when it has them all). */
export function firstPageNote(list: { items: unknown[]; total: number } | undefined, what: string): string | undefined {
  if (!list || list.total <= list.items.length) return undefined;
  return `仅列出前 ${list.items.length} 个${what}（共 ${list.total} 个）`;
}
