/** Helpers shared by the inspection pages. */
import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { AREAS, AREA_LABELS, CHECKLIST_KIND_LABELS, type ChecklistKind, type ChecklistRow } from '../../api/inspections';

export const areaOptions = AREAS.map((a) => ({ value: a, label: `档案法第四十二条${AREA_LABELS[a]}` }));

const KIND_COLORS: Record<ChecklistKind, string> = { inspection: 'blue', self_inspection: 'cyan', evaluation: 'purple' };
export const kindTag = (k: ChecklistKind, label?: string) => <Tag color={KIND_COLORS[k]}>{label ?? CHECKLIST_KIND_LABELS[k]}</Tag>;

export function useChecklists() {
  return useQuery({ queryKey: ['/api/inspections/checklists'], queryFn: () => api.get<{ items: ChecklistRow[] }>('/api/inspections/checklists') });
}
