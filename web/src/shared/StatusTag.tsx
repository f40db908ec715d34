/** Coloured tags for the statuses the API returns. One map per kind, Chinese labels. */
import { Tag } from 'antd';
import { CERT_STATE_LABELS, DUE_STATE_LABELS, RISK_TIER_LABELS } from '../api/labels';

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
    active: { label: '正常', color: 'green' },
    disabled: { label: '已停用', color: 'default' },
    locked: { label: '已锁定', color: 'red' },
  },
  unit: {
    active: { label: '正常', color: 'green' },
    closed: { label: '已注销', color: 'default' },
  },
  inspector: {
    active: { label: '在岗', color: 'green' },
    inactive: { label: '停用', color: 'default' },
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
    'chinese-days': { label: '内置数据', color: 'blue' },
    admin: { label: '管理员录入', color: 'purple' },
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
