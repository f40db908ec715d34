/**
 * The inspection loop's statuses, actions, sources and their Chinese names, with no imports at all:
 * loop.ts (the state machine), the contracts and the web all read them from here.
 */

export const INSPECTION_STATUSES = ['planned', 'notified', 'self_inspected', 'on_site_signed', 'feedback_issued', 'rectifying', 'closed'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  planned: '待通知',
  notified: '已通知',
  self_inspected: '已自查',
  on_site_signed: '现场检查已签字',
  feedback_issued: '已反馈',
  rectifying: '整改中',
  closed: '已办结',
};

/** The actions of INSPECTION_FLOW (loop.ts), in its order: what `allowedActions` lists. */
export const FLOW_ACTIONS = [
  'notify',
  'amendNotice',
  'saveSelfInspection',
  'submitSelfInspection',
  'editRecord',
  'sign',
  'issueFeedback',
  'reportRectification',
  'reviewRectification',
  'interview',
  'followUp',
  'refer',
  'close',
  'publish',
  'markExemplary',
] as const;
export type FlowActionName = (typeof FLOW_ACTIONS)[number];

/** Where an inspection came from. */
export const INSPECTION_SOURCES = ['draw', 'ad_hoc', 'follow_up'] as const;
export type InspectionSource = (typeof INSPECTION_SOURCES)[number];
export const INSPECTION_SOURCE_LABELS: Record<InspectionSource, string> = { draw: '双随机抽查', ad_hoc: '专项/临时检查', follow_up: '回头看' };

/** A rectification item: open → reported → accepted, or returned (→ reported again …). */
export const RECTIFICATION_ITEM_STATUSES = ['open', 'reported', 'accepted', 'returned'] as const;
export type RectificationItemStatus = (typeof RECTIFICATION_ITEM_STATUSES)[number];
export const RECTIFICATION_ITEM_STATUS_LABELS: Record<RectificationItemStatus, string> = {
  open: '待整改',
  reported: '已报送',
  accepted: '已通过',
  returned: '已退回',
};
