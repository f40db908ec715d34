/** Coloured tags for the statuses the API returns: the server's Chinese labels, the web's colours. One map per kind. */
import { Tag } from 'antd';
import { CALENDAR_SOURCE_LABELS, DUE_STATE_LABELS } from '@server/kernel/calendar/contracts';
import { CERT_STATE_LABELS, INSPECTOR_STATUS_LABELS, RISK_TIER_LABELS, UNIT_STATUS_LABELS, USER_STATUS_LABELS } from '@server/modules/orgs/contracts';

type Look = { label: string; color: string };

const KINDS = {
  due: {
    overdue: { label: DUE_STATE_LABELS.overdue, color: 'red' },
    due_soon: { label: DUE_STATE_LABELS.due_soon, color: 'orange' },
    running: { label: DUE_STATE_LABELS.running, color: 'blue' },
    paused: { label: DUE_STATE_LABELS.paused, color: 'default' },
    met: { label: DUE_STATE_LABELS.met, color: 'green' },
    missed: { label: DUE_STATE_LABELS.missed, color: 'volcano' },
  },
  user: {
    active: { label: USER_STATUS_LABELS.active, color: 'green' },
    disabled: { label: USER_STATUS_LABELS.disabled, color: 'default' },
    locked: { label: '已锁定', color: 'red' },
  },
  unit: {
    active: { label: UNIT_STATUS_LABELS.active, color: 'green' },
    closed: { label: UNIT_STATUS_LABELS.closed, color: 'default' },
  },
  inspector: {
    active: { label: INSPECTOR_STATUS_LABELS.active, color: 'green' },
    inactive: { label: INSPECTOR_STATUS_LABELS.inactive, color: 'default' },
  },
  cert: {
    valid: { label: CERT_STATE_LABELS.valid, color: 'green' },
    expiring: { label: CERT_STATE_LABELS.expiring, color: 'orange' },
    expired: { label: CERT_STATE_LABELS.expired, color: 'red' },
  },
  risk: {
    low: { label: RISK_TIER_LABELS.low, color: 'green' },
    medium: { label: RISK_TIER_LABELS.medium, color: 'gold' },
    high: { label: RISK_TIER_LABELS.high, color: 'red' },
  },
  calendarSource: {
    'chinese-days': { label: CALENDAR_SOURCE_LABELS['chinese-days'], color: 'blue' },
    admin: { label: CALENDAR_SOURCE_LABELS.admin, color: 'purple' },
    provisional: { label: CALENDAR_SOURCE_LABELS.provisional, color: 'gold' },
  },
} satisfies Record<string, Record<string, Look>>;

export type StatusKind = keyof typeof KINDS;

export function statusLabel(kind: StatusKind, value: string | null | undefined): string {
  if (!value) return '';
  return (KINDS[kind] as Record<string, Look>)[value]?.label ?? value;
}

/** Options for a filter select of one kind. */
export function statusOptions(kind: StatusKind): { value: string; label: string }[] {
  return Object.entries(KINDS[kind] as Record<string, Look>).map(([value, l]) => ({ value, label: l.label }));
}

export function StatusTag({ kind, value, label }: { kind: StatusKind; value: string | null | undefined; label?: string }) {
  if (!value) return null;
  const look = (KINDS[kind] as Record<string, Look>)[value];
  return (
    <Tag color={look?.color ?? 'default'} data-status={value}>
      {label ?? look?.label ?? value}
    </Tag>
  );
}
