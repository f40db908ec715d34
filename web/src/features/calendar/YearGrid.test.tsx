/** The year grid: holidays (休) and 调休上班 days (班) marked, weekends greyed, and clickable only when editable. */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render } from '@testing-library/react';
import { YearGrid } from './YearGrid';

const days = [
  { date: '2026-10-01', kind: 'holiday' as const, name: '国庆节、中秋节' },
  { date: '2026-10-10', kind: 'workday' as const, name: '国庆节、中秋节' },
];

const cell = (c: HTMLElement, date: string) => c.querySelector<HTMLElement>(`[data-date="${date}"]`)!;

describe('YearGrid', () => {
  it('draws twelve months, every day of the year once', () => {
    const { container } = render(<YearGrid year={2026} days={[]} />);
    expect(container.querySelectorAll('.month')).toHaveLength(12);
    expect(container.querySelectorAll('[data-date]')).toHaveLength(365);
    // Weeks start on Monday: 2026-02-01 is a Sunday, so six blank cells precede it.
    const feb = container.querySelectorAll('.month-days')[1]!;
    expect([...feb.children].slice(7, 14).map((c) => (c as HTMLElement).dataset.date ?? '')).toEqual(['', '', '', '', '', '', '2026-02-01']);
  });

  it('marks a holiday 休 and a 调休上班 day 班, with the name in the title', () => {
    const { container } = render(<YearGrid year={2026} days={days} />);
    expect(cell(container, '2026-10-01').className).toBe('day holiday');
    expect(cell(container, '2026-10-01').textContent).toBe('1休');
    expect(cell(container, '2026-10-01').title).toBe('2026-10-01 国庆节、中秋节 法定节假日');
    expect(cell(container, '2026-10-10').className).toBe('day workday');
    expect(cell(container, '2026-10-10').textContent).toBe('10班');
    expect(cell(container, '2026-10-11').className).toBe('day weekend');
    expect(cell(container, '2026-10-12').className).toBe('day ');
  });

  it('says 推算 on the days of a provisional year', () => {
    const { container } = render(<YearGrid year={2026} days={days} provisional />);
    expect(cell(container, '2026-10-01').title).toBe('2026-10-01 国庆节、中秋节 法定节假日（推算）');
  });

  it('is read-only without onDayClick, and hands the clicked date over when editable', () => {
    const ro = render(<YearGrid year={2026} days={days} />);
    expect(ro.container.querySelector('button')).toBeNull();
    ro.unmount();
    const onDayClick = vi.fn();
    const { container } = render(<YearGrid year={2026} days={days} onDayClick={onDayClick} />);
    fireEvent.click(cell(container, '2026-10-10'));
    expect(onDayClick).toHaveBeenCalledWith('2026-10-10');
  });
});
