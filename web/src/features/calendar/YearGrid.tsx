/**
 * Twelve month grids of a year with its holidays (休) and adjusted working days (班). Read-only, or
 * editable: clicking a day applies the chosen brush (a holiday, 调休上班, or clear) — the "pick dates on
 * a year grid" way of entering a schedule.
 */
import dayjs from 'dayjs';
import { DAY_KIND_LABELS, type CalendarDayView as CalendarDay } from '@server/kernel/calendar/contracts';

export interface YearGridProps {
  year: number;
  days: CalendarDay[];
  /** The days are computed from the statutory holidays, not the official notice. */
  provisional?: boolean;
  /** Makes the grid editable: called with the clicked date. */
  onDayClick?: (date: string) => void;
  testId?: string;
}

export function YearGrid({ year, days, provisional, onDayClick, testId }: YearGridProps) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <div className={`month-grid${onDayClick ? ' editable' : ''}${provisional ? ' provisional' : ''}`} data-testid={testId}>
      {Array.from({ length: 12 }, (_, m) => {
        const first = dayjs(new Date(year, m, 1));
        const lead = (first.day() + 6) % 7; // weeks start on Monday
        const n = first.daysInMonth();
        return (
          <div className="month" key={m}>
            <div className="month-title">{m + 1} 月</div>
            <div className="month-days">
              {['一', '二', '三', '四', '五', '六', '日'].map((w) => (
                <div className="wd" key={w}>
                  {w}
                </div>
              ))}
              {Array.from({ length: lead }, (_, i) => (
                <div key={`b${i}`} />
              ))}
              {Array.from({ length: n }, (_, i) => {
                const date = first.date(i + 1);
                const key = date.format('YYYY-MM-DD');
                const special = byDate.get(key);
                const weekend = date.day() === 0 || date.day() === 6;
                const cls = special ? special.kind : weekend ? 'weekend' : '';
                const title = special ? `${key} ${special.name} ${DAY_KIND_LABELS[special.kind]}${provisional ? '（推算）' : ''}` : key;
                const content = (
                  <>
                    {i + 1}
                    {special && <span className="mark">{special.kind === 'holiday' ? '休' : '班'}</span>}
                  </>
                );
                return onDayClick ? (
                  <button
                    type="button"
                    key={key}
                    className={`day ${cls}`}
                    title={title}
                    data-date={key}
                    data-kind={special?.kind ?? ''}
                    onClick={() => onDayClick(key)}
                  >
                    {content}
                  </button>
                ) : (
                  <div key={key} className={`day ${cls}`} title={title} data-date={key} data-kind={special?.kind ?? ''}>
                    {content}
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}

export function YearLegend({ provisional, note }: { provisional?: boolean; note?: string | null }) {
  return (
    <div className="legend" style={{ marginBottom: 12 }}>
      <span>
        <i style={{ background: '#fff1f0', border: provisional ? '1px dashed #ffa39e' : '1px solid #ffa39e' }} />
        {provisional ? '法定节假日及补假（推算）' : '法定节假日（休）'}
      </span>
      {!provisional && (
        <span>
          <i style={{ background: '#fff7e6', border: '1px solid #ffd591' }} />
          调休上班（班）
        </span>
      )}
      <span>
        <i style={{ background: '#fff', border: '1px solid #d9d9d9' }} />
        <span style={{ color: 'rgba(0,0,0,.4)' }}>灰色</span>为周末
      </span>
      {note && <span>依据：{note}</span>}
    </div>
  );
}
