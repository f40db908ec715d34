/** 约谈, 回头看, 移送立案 and 办结 on the bureau's inspection detail (being built). */
import type { InspectionDetail } from '../../api/inspections';

export function FollowUpSection(_props: { d: InspectionDetail; onDone: (d?: InspectionDetail) => void }) {
  return null;
}
