/** Small pieces the disclosure pages share: status and clock tags, the outcome select, dates. */
import { Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { APPLICATION_STATUS_LABELS, OUTCOME_CHOICES, type ApplicationStatus } from '@server/modules/disclosure/labels';
import type { DueState } from '../../api/types';
import { StatusTag } from '../../shared/StatusTag';
import { DueDate } from '../../shared/DueDate';
import { APPLICATION_STATUS_COLORS } from './status';

export const day = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** A date picker's `disabledDate` for things that happened: nothing after today. */
export const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function ApplicationStatusTag({ status, label }: { status: ApplicationStatus; label?: string }) {
  return (
    <Tag color={APPLICATION_STATUS_COLORS[status] ?? 'default'} data-status={status} data-testid="application-status">
      {label ?? APPLICATION_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

/** Due date (预计 when it depends on a year not yet announced) with the clock's state (running / paused / due soon / overdue / met / missed). */
export function DueCell({
  due,
  state,
  provisional,
  provisionalYears,
}: {
  due: string | null;
  state: DueState | 'unknown';
  provisional?: boolean;
  provisionalYears?: readonly number[];
}) {
  if (state === 'unknown') return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {state === 'paused' ? (
        <Typography.Text type="secondary">计时暂停</Typography.Text>
      ) : (
        <DueDate due={due} provisional={!!provisional} {...(provisionalYears ? { provisionalYears } : {})} testId="due-date" />
      )}{' '}
      <StatusTag kind="due" value={state} />
    </span>
  );
}

/** The statutory outcomes, grouped as section 三 of the annual report; one choice only. */
export const OUTCOME_OPTIONS = OUTCOME_CHOICES.map((g) => ({
  label: g.label,
  title: g.label,
  options: g.outcomes.map((o) => ({ value: o.code, label: g.outcomes.length > 1 ? `${g.label.slice(3)} ${o.label}` : g.label.slice(3), basis: o.basis })),
}));

export function OutcomeSelect(props: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
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
