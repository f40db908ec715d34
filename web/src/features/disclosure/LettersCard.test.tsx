/**
 * The page renders what the server allows: the letters enabled are the detail's `lettersAvailable`
 * (not re-derived from the record), and the decision form's pre-check of an outcome is the server's
 * `outcomeGuards` for the record and the chosen reply date.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import { guardMessage } from './DecisionModal';
import { LettersCard } from './LettersCard';

const app = (over: Partial<ApplicationDetail>) =>
  ({ id: 'a1', trackingCode: 'GK2345678923', lettersAvailable: [{ kind: 'receipt' }], outcomeGuards: [], ...over }) as ApplicationDetail;

function renderCard(a: ApplicationDetail) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <App>
        <LettersCard application={a} />
      </App>
    </QueryClientProvider>,
  );
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('LettersCard', () => {
  beforeEach(() =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ items: [], total: 0, page: 1, pageSize: 10 })),
    ),
  );
  afterEach(() => vi.unstubAllGlobals());

  it('enables exactly the letters the server lists; the fee notice appears only when listed', () => {
    renderCard(app({ lettersAvailable: [{ kind: 'receipt' }, { kind: 'extension' }] }));
    const enabled = (kind: string) => !(screen.getByTestId(`letter-${kind}`) as HTMLButtonElement).disabled;
    expect(['receipt', 'correction', 'extension', 'reply'].map(enabled)).toEqual([true, false, true, false]);
    expect(screen.queryByTestId('letter-fee')).toBeNull();
  });

  it('a decided application with a fee notice: the reply and the fee notice', () => {
    renderCard(app({ lettersAvailable: [{ kind: 'receipt' }, { kind: 'fee' }, { kind: 'reply' }] }));
    expect((screen.getByTestId('letter-reply') as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByTestId('letter-fee') as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByTestId('letter-correction') as HTMLButtonElement).disabled).toBe(true);
  });

  it('pages the issued letters through the server: page 1 of 10, the total from the answer, page 2 on demand', async () => {
    const letter = (n: number) => ({
      kind: 'consultation',
      title: '征求意见函',
      consultationId: `c${n}`,
      docNumber: `测档公开〔2025〕${n}号`,
      issuedOn: '2025-04-09',
    });
    const fetchMock = vi.fn(async (url: string) => {
      const page = Number(new URL(url, 'http://x').searchParams.get('page'));
      const items = page === 1 ? Array.from({ length: 10 }, (_, i) => letter(i + 1)) : [letter(11), letter(12)];
      return json({ items, total: 12, page, pageSize: 10 });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderCard(app({}));
    expect(await screen.findByText('测档公开〔2025〕10号')).toBeTruthy();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/disclosure/applications/a1/letters?page=1&pageSize=10');
    fireEvent.click(screen.getByTitle('2'));
    expect(await screen.findByText('测档公开〔2025〕12号')).toBeTruthy();
    expect(fetchMock.mock.calls.at(-1)![0]).toBe('/api/disclosure/applications/a1/letters?page=2&pageSize=10');
  });
});

describe('guardMessage', () => {
  const a = app({
    outcomeGuards: [
      { outcome: 'other.no_correction', refused: '“逾期不补正”须先发出补正通知：本申请没有发出补正通知', onlyAfter: null },
      { outcome: 'other.unpaid_fee', refused: null, onlyAfter: { date: '2025-07-03', message: '缴费期限至 2025-07-03 届满，届满前不能按“逾期不缴费”处理' } },
    ],
  });
  it('refuses what the server refuses, whatever the date', () => {
    expect(guardMessage(a, 'other.no_correction', '2025-08-01')).toMatch(/须先发出补正通知/);
  });
  it('allows a dated outcome only after its day', () => {
    expect(guardMessage(a, 'other.unpaid_fee', '2025-07-03')).toBe('缴费期限至 2025-07-03 届满，届满前不能按“逾期不缴费”处理');
    expect(guardMessage(a, 'other.unpaid_fee', '2025-07-04')).toBeNull();
  });
  it('an outcome without a guard is free', () => {
    expect(guardMessage(a, 'disclosed', '2025-07-01')).toBeNull();
  });
});
