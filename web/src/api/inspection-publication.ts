/**
 * Shapes of 一公开 (publication of inspection results) and 典型 as the pages read them — the bureau's
 * /api/inspections/:id/{publication,publish,exemplary} and the portal's /api/public/inspections —
 * see the server's src/modules/inspections/publication.service.ts and contracts.ts.
 */
import type { ClockView } from './inspections';
import type { UnitType } from './types';

/** The rectification status as the portal shows it (computed live from the items and the deadline). */
export interface RectificationProgress {
  code: 'none' | 'in_progress' | 'done' | 'closed' | 'overdue';
  label: string;
  accepted: number;
  total: number;
  due: string | null;
}

/** GET /api/inspections/:id/publication (and the answer of every write there). */
export interface PublicationView {
  inspectionId: string;
  code: string;
  /** 20 working days from the feedback letter. */
  requiredDays: number;
  feedbackOn: string | null;
  /** null before the feedback letter. */
  clock: ClockView | null;
  published: boolean;
  publishedOn: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
  publicResult: string | null;
  /** Generated from the record (no names of persons); null before the feedback letter. */
  defaultText: string | null;
  exemplary: boolean;
  exemplaryNote: string | null;
  exemplaryOn: string | null;
  rectification: RectificationProgress;
  /** 'publish' (also covers a correction once published) and 'markExemplary' (once published), for the bureau. */
  allowedActions: ('publish' | 'markExemplary')[];
}

/** POST /api/inspections/:id/publish */
export interface PublishBody {
  publicResult?: string;
  publishedOn?: string;
}
/** PUT /api/inspections/:id/publication */
export interface CorrectionBody {
  publicResult: string;
  reason: string;
}
/** POST /api/inspections/:id/exemplary */
export interface ExemplaryBody {
  exemplary: boolean;
  note?: string | null;
}

/** One published result on the portal (no persons, photos or signatures). */
export interface PublicInspection {
  id: string;
  code: string;
  orgName: string;
  unitName: string;
  unitType: UnitType;
  unitTypeLabel: string;
  sourceLabel: string;
  /** The published draw the inspection came from (id for /public/draws/$id). */
  draw: { id: string; drawId: string } | null;
  onSiteDate: string | null;
  checklistName: string;
  itemsChecked: number;
  areas: string[];
  results: { compliant: number; nonCompliant: number; notApplicable: number };
  /** The published text. */
  conclusion: string;
  rectification: RectificationProgress;
  publishedOn: string;
  exemplary: boolean;
  exemplaryNote: string | null;
}

/** Filters of GET /api/public/inspections (and …/exemplary, without the paging). */
export interface PublicInspectionFilter {
  year?: number;
  unitType?: UnitType;
  orgId?: string;
}

export interface PublicInspectionPage {
  items: PublicInspection[];
  total: number;
  page: number;
  pageSize: number;
}
