/**
 * A due date as people read it: the date, and — when it depends on a year whose holiday schedule the
 * State Council has not published yet (RULES.md §1, 暂定日历) — a 预计 tag whose tooltip says why.
 * Every page that shows a statutory due date uses this, so "provisional" looks the same everywhere.
 */
import { Tag, Tooltip, Typography } from 'antd';
import { fmtLongDate } from './format';

/** The one sentence that explains a provisional date: the same text as the server's `provisionalNote` (kernel/calendar/clock.ts). */
export function provisionalSentence(years: readonly number[] | undefined): string {
  const ys = (years ?? []).length ? `${(years ?? []).join('、')}年` : '相关年度';
  return `${ys}节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》规定的法定节假日推算，为预计日期；国务院公布${ys}节假日安排后，以据此重新计算的日期为准。`;
}

export function ProvisionalTag({ years, note }: { years?: readonly number[]; note?: string | null }) {
  return (
    <Tooltip title={note ?? provisionalSentence(years)}>
      <Tag color="gold" data-testid="provisional" style={{ marginInlineStart: 4, cursor: 'help' }}>
        预计
      </Tag>
    </Tooltip>
  );
}

export interface DueDateProps {
  due: string | null | undefined;
  provisional?: boolean;
  provisionalYears?: readonly number[];
  provisionalNote?: string | null;
  /** `long` = 2027年1月8日 星期五; `short` (default) = 2027-01-08. */
  format?: 'long' | 'short';
  /** Shown when there is no date (e.g. a paused clock). */
  empty?: React.ReactNode;
  testId?: string;
}

export function DueDate({ due, provisional, provisionalYears, provisionalNote, format = 'short', empty = '—', testId }: DueDateProps) {
  if (!due) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={testId} data-due={due} data-provisional={provisional ? 'true' : 'false'}>
      <span className="mono">{format === 'long' ? fmtLongDate(due) : due}</span>
      {provisional && <ProvisionalTag {...(provisionalYears ? { years: provisionalYears } : {})} {...(provisionalNote ? { note: provisionalNote } : {})} />}
    </span>
  );
}
