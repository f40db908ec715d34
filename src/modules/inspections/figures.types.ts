/**
 * The shapes figures.ts returns (a figure's records, the monitors' warnings), with no imports at all,
 * so the web app re-exports this very file (web/src/api/inspection-figures.ts) instead of repeating it.
 */

/** One record behind a figure: what placed it there (`date`), and the inspection or evaluation it links to. */
export interface FigureRecord {
  /** Unique within the figure (inspection id, `inspectionId:itemId`, unit id …). */
  key: string;
  orgId: string;
  orgName: string;
  inspectionId: string | null;
  inspectionCode: string | null;
  evaluationId: string | null;
  unitId: string | null;
  unitName: string | null;
  unitType: string | null;
  source: string | null;
  sourceLabel: string | null;
  /** The day that counts for the figure, and what it is. */
  date: string;
  dateLabel: string;
  /** Other dates of the record worth showing (签字、反馈、整改期限 …). */
  dates: Record<string, string | null>;
  itemCode: string | null;
  itemTitle: string | null;
  itemStatusLabel: string | null;
  /** A distribution's bucket. */
  bucket: string | null;
  bucketLabel: string | null;
  note: string | null;
}

/** One side of a repeat warning. */
export interface InspectionBrief {
  id: string;
  code: string;
  orgName: string;
  /** The day the unit was inspected: on site, else planned. */
  date: string;
  /** The on-site record is signed. */
  done: boolean;
  sourceLabel: string;
}

/** 重复检查: two inspections of one unit (by credit code) within the setting's days. */
export interface RepeatWarning {
  unitName: string;
  unitId: string;
  earlier: InspectionBrief;
  later: InspectionBrief;
  /** Days between the two. */
  days: number;
  message: string;
}

export interface OverdueRectification {
  inspectionId: string;
  code: string;
  orgName: string;
  unitId: string;
  unitName: string;
  feedbackOn: string | null;
  rectificationDue: string;
  daysOverdue: number;
  items: { id: string; code: string; title: string; status: string; statusLabel: string; returnCount: number }[];
}

export interface InspectorLoad {
  inspectorId: string;
  name: string;
  certificateNo: string;
  /** Signed inspections of the period the inspector was present at (到场并签字). */
  done: number;
  /** Not yet signed, not closed, planned today or later (within the period). */
  upcoming: number;
  /** Every inspection of the period by calendar month of its day (done or planned). */
  months: { month: string; count: number; codes: string[] }[];
  /** Months above the monthly maximum. */
  overloaded: { month: string; count: number }[];
  warning: string | null;
}
