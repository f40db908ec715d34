/** 一公开 and 典型 on the bureau's inspection detail (being built). */
import type { InspectionDetail } from '../../api/inspections';

export function PublicationCard(_props: { d: InspectionDetail; onDone: (d?: InspectionDetail) => void }) {
  return null;
}
