/** A due date with its 预计 tag: shown only when the date is provisional, with the sentence that says why. */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { DueDate, ProvisionalTag, provisionalSentence } from './DueDate';

describe('provisionalSentence', () => {
  it('names the years whose schedule is not published, like the server’s provisionalNote', () => {
    expect(provisionalSentence([2027])).toBe(
      '2027年节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》规定的法定节假日推算，为预计日期；国务院公布2027年节假日安排后，以据此重新计算的日期为准。',
    );
    expect(provisionalSentence([2027, 2028])).toMatch(/^2027、2028年节假日安排尚未公布/);
  });

  it('says 相关年度 when no year is given', () => {
    expect(provisionalSentence(undefined)).toMatch(/^相关年度节假日安排尚未公布/);
    expect(provisionalSentence([])).toMatch(/国务院公布相关年度节假日安排后/);
  });
});

describe('DueDate', () => {
  it('shows a firm date without a tag', () => {
    const { container } = render(<DueDate due="2026-03-09" testId="due" />);
    expect(screen.getByTestId('due').textContent).toBe('2026-03-09');
    expect(screen.getByTestId('due').dataset.provisional).toBe('false');
    expect(container.querySelector('[data-testid="provisional"]')).toBeNull();
  });

  it('tags a provisional date 预计 and explains it in the tooltip (the server’s note first)', async () => {
    render(<DueDate due="2027-01-18" provisional provisionalYears={[2027]} provisionalNote="服务器给出的说明" testId="due" />);
    const due = screen.getByTestId('due');
    expect(due.dataset.provisional).toBe('true');
    expect(due.dataset.due).toBe('2027-01-18');
    const tag = screen.getByTestId('provisional');
    expect(tag.textContent).toBe('预计');
    fireEvent.mouseEnter(tag);
    expect((await screen.findByRole('tooltip')).textContent).toBe('服务器给出的说明');
  });

  it('without a note, the tooltip is the sentence for the years', async () => {
    render(<ProvisionalTag years={[2028]} />);
    fireEvent.mouseEnter(screen.getByTestId('provisional'));
    expect((await screen.findByRole('tooltip')).textContent).toBe(provisionalSentence([2028]));
  });

  it('writes the long form 2027年1月18日 星期一 when asked', () => {
    render(<DueDate due="2027-01-18" format="long" testId="due" />);
    expect(screen.getByTestId('due').textContent).toMatch(/^2027年1月18日 /);
  });

  it('shows the empty text when there is no date (a paused clock)', () => {
    render(<DueDate due={null} empty="暂停计时" />);
    expect(screen.getByText('暂停计时')).toBeTruthy();
    expect(screen.queryByTestId('provisional')).toBeNull();
  });
});
