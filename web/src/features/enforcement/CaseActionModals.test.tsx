/**
 * The case's step forms show what the statute asks the person to see: the reviewer (法制审核) sees the
 * proposal and the written discretion reason of a fine outside the recommended range; the decision form
 * starts from the notified penalties and asks for the reason again when outside; a refusal of the server
 * lands under its field.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import type { CaseDetail } from '@server/modules/enforcement/cases/contracts';
import { CaseActionModals } from './CaseActionModals';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const level = (circumstance: string, circumstanceLabel: string, min: number, max: number) => ({
  circumstance,
  circumstanceLabel,
  min,
  max,
  penalties: ['warning', 'fine'],
  penaltiesLabel: '警告、罚款',
  description: '',
});
const BENCHMARK = {
  id: 'b1',
  orgId: 'o1',
  orgName: '某某市档案局',
  code: 'a48_2',
  partyKind: 'unit',
  partyKindLabel: '单位',
  violation: '利用档案馆的档案，擅自提供、抄录、复制、公布属于国家所有的档案',
  breachBasis: '《中华人民共和国档案法》第四十八条第（二）项',
  penaltyBasis: '《中华人民共和国档案法》第四十九条第一款',
  statutoryMin: 10_000,
  statutoryMax: 100_000,
  confiscation: false,
  levels: [
    level('minor', '轻微', 10_000, 32_500),
    level('general', '一般', 32_500, 55_000),
    level('serious', '较重', 55_000, 77_500),
    level('grave', '严重', 77_500, 100_000),
  ],
};

const detail = (over: Partial<CaseDetail> = {}) =>
  ({
    id: 'c1',
    orgId: 'o1',
    caseNo: '某档罚立〔2025〕1号',
    violation: BENCHMARK.violation,
    benchmarkId: 'b1',
    officers: [],
    withdrawals: [],
    clocks: [],
    penalties: [],
    fineCollected: 0,
    reviewRequiredBecause: ['罚款数额达到单位较大数额标准'],
    proposal: {
      circumstance: 'general',
      circumstanceLabel: '一般',
      penalties: [
        { type: 'warning', typeLabel: '警告', amount: null, note: null },
        { type: 'fine', typeLabel: '罚款', amount: 60_000, note: null },
      ],
      discretionReason: '涉及档案数量较多',
      outsideRecommended: true,
      recommended: { min: 32_500, max: 55_000 },
    },
    ...over,
  }) as CaseDetail;

let answer: () => Response = () => json({});
const fetchMock = vi.fn(async (url: string) => {
  if (url === '/api/auth/csrf') return json({ token: 't' });
  if (url.startsWith('/api/enforcement/benchmarks')) return json({ items: [BENCHMARK] });
  return answer();
});

function renderModal(open: Parameters<typeof CaseActionModals>[0]['open'], c = detail()) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <App>
        <CaseActionModals c={c} open={open} onClose={() => {}} />
      </App>
    </QueryClientProvider>,
  );
}

describe('CaseActionModals', () => {
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockClear();
  });

  it('法制审核: the reviewer sees the proposal, the reason for review and the discretion reason outside the range', async () => {
    renderModal('review');
    const form = await screen.findByTestId('review-form');
    expect(within(form).getByTestId('proposal-summary').textContent).toContain('警告；罚款 60,000 元');
    expect(within(form).getByText('裁量理由（超出推荐幅度）')).toBeTruthy();
    expect(within(form).getByTestId('proposal-discretion').textContent).toBe('涉及档案数量较多');
    expect(form.textContent).toContain('罚款数额达到单位较大数额标准');
    expect(within(form).getByTestId('review-checklist').querySelectorAll('input[type=checkbox]')).toHaveLength(8);
  });

  it('决定: starts from the notified penalties and, the fine outside the range, shows why a reason is needed', async () => {
    renderModal('decide');
    const form = await screen.findByTestId('decide-form');
    expect(within(form).getAllByTestId('penalty-row')).toHaveLength(2);
    expect((within(form).getByTestId('discretion-reason') as HTMLTextAreaElement).value).toBe('涉及档案数量较多');
    expect((await within(form).findByTestId('outside-range')).textContent).toContain('32,500 元—55,000 元');
  });

  it('a refusal of the server lands under its field, with nothing else to read', async () => {
    answer = () =>
      json(
        {
          error: {
            code: 'validation',
            message: '罚款 60000 元不在“一般”情节的裁量基准（32500—55000 元）内，须书面说明理由',
            fields: { discretionReason: '罚款 60000 元不在“一般”情节的裁量基准（32500—55000 元）内，须书面说明理由' },
          },
        },
        400,
      );
    renderModal('decide', detail({ proposal: { ...detail().proposal!, discretionReason: null } }));
    const form = await screen.findByTestId('decide-form');
    // the form's own rule asks for the reason first; written, the server refuses it under the same field
    fireEvent.change(within(form).getByTestId('discretion-reason'), { target: { value: '理由' } });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/enforcement/cases/c1/decide', expect.objectContaining({ method: 'POST' })));
    const field = within(form).getByTestId('discretion-reason').closest('.ant-form-item')!;
    await waitFor(() => expect(field.querySelector('.ant-form-item-explain-error')?.textContent).toContain('须书面说明理由'));
  });
});
