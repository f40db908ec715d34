/** Where a dashboard item's record opens in the back office (web routing only: the server names the record). */
import type { DueItem } from '@server/modules/dashboard/contracts';

type Can = (a: 'inspection.read' | 'ownUnit.inspect' | 'disclosure.read' | 'inspector.read' | 'licensing.read' | 'enforcement.read') => boolean;

export type RecordLink =
  | {
      to: '/inspection/inspections/$id' | '/my/inspections/$id' | '/disclosure/applications/$id' | '/licensing/applications/$id' | '/enforcement/cases/$id';
      params: { id: string };
    }
  | { to: '/disclosure/register' | '/disclosure/annual-reports' | '/inspectors' };

/**
 * Where a due item's record opens: an inspection on the bureau's detail page, or — for a unit's archivist
 * (no `inspection.read`) — on its own 检查与整改 page; an application on its page; a certificate in the
 * inspector directory; a penalty case (its decision, hearing-request, publication and withdrawal clocks) on its page. Null: no page (the row is text only).
 */
export function recordLink(r: Pick<DueItem, 'entityType' | 'entityId'>, can: Can): RecordLink | null {
  switch (r.entityType) {
    case 'inspection':
      if (can('inspection.read')) return { to: '/inspection/inspections/$id', params: { id: r.entityId } } as const;
      if (can('ownUnit.inspect')) return { to: '/my/inspections/$id', params: { id: r.entityId } } as const;
      return null;
    case 'disclosureApplication':
      return can('disclosure.read') ? ({ to: '/disclosure/applications/$id', params: { id: r.entityId } } as const) : null;
    case 'disclosureAnnualReport':
      return can('disclosure.read') ? ({ to: '/disclosure/annual-reports' } as const) : null;
    case 'disclosureRegisterEntry':
      return can('disclosure.read') ? ({ to: '/disclosure/register' } as const) : null;
    case 'licensingApplication':
      return can('licensing.read') ? ({ to: '/licensing/applications/$id', params: { id: r.entityId } } as const) : null;
    case 'enforcementCase':
      return can('enforcement.read') ? ({ to: '/enforcement/cases/$id', params: { id: r.entityId } } as const) : null;
    case 'inspector':
      return can('inspector.read') ? ({ to: '/inspectors' } as const) : null;
    default:
      return null;
  }
}
