/** Small pieces the disclosure pages share: status and clock tags, the outcome select, dates. */
import { Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { APPLICATION_STATUS_COLORS, APPLICATION_STATUS_LABELS, OUTCOME_GROUPS, type ApplicationStatus } from '../../api/disclosure-types';
import type { DueState } from '../../api/types';
import { StatusTag } from '../../shared/StatusTag';

export const day = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

export function ApplicationStatusTag({ status, label }: { status: ApplicationStatus; label?: string }) {
  return (
    <Tag color={APPLICATION_STATUS_COLORS[status] ?? 'default'} data-status={status} data-testid="application-status">
      {label ?? APPLICATION_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

/** Due date with the clock's state (running / paused / due soon / overdue / met / missed). */
export function DueCell({ due, state }: { due: string | null; state: DueState | 'unknown' }) {
  if (state === 'unknown') return <Typography.Text type="secondary">日历未录入</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {state === 'paused' ? <Typography.Text type="secondary">计时暂停</Typography.Text> : <span className="mono">{due ?? '—'}</span>} <StatusTag kind="due" value={state} />
    </span>
  );
}

/** The statutory outcomes, grouped as section 三 of the annual report; one choice only. */
export const OUTCOME_OPTIONS = OUTCOME_GROUPS.map((g) => ({
  label: g.label,
  title: g.label,
  options: g.items.map((i) => ({ value: i.code, label: g.items.length > 1 ? `${g.label.slice(3)} ${i.label}` : g.label.slice(3), basis: i.basis })),
}));

export function OutcomeSelect(props: { value?: string; onChange?: (v: string) => void; id?: string; allowClear?: boolean; placeholder?: string; style?: React.CSSProperties }) {
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? '选择一个法定办理结果'}
      options={OUTCOME_OPTIONS}
      style={props.style}
      showSearch={{ optionFilterProp: 'label' }}
      listHeight={360}
      popupMatchSelectWidth={false}
      optionRender={(o) => (
        <div>
          <span>{o.label}</span>
          {(o.data as { basis?: string }).basis && (
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {(o.data as { basis?: string }).basis}
            </Typography.Text>
          )}
        </div>
      )}
    />
  );
}
