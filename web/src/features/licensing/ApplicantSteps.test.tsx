/**
 * The applicant's steps on the tracking page show what the server offers (`applicantActions`,
 * `letters`) and nothing else; a withdrawal without a reason is not sent, one with a reason is posted
 * by tracking code.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import type { PortalTrackResult } from '@server/modules/licensing/applications/contracts';
import { PortalCorrection, PortalLetters, PortalWithdraw } from './ApplicantSteps';

const track = (over: Partial<PortalTrackResult>) =>
  ({
    trackingCode: 'XK23456789AB',
    status: 'submitted',
    letters: [],
    applicantActions: ['withdraw'],
    correctionMaterials: [],
    ...over,
  }) as PortalTrackResult;

function renderAll(t: PortalTrackResult) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <App>
        <PortalCorrection track={t} />
        <PortalLetters track={t} />
        <PortalWithdraw track={t} />
      </App>
    </QueryClientProvider>,
  );
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
let calls: { url: string; init?: RequestInit }[] = [];

describe('the applicant’s steps', () => {
  beforeEach(() => {
    calls = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        if (url.startsWith('/api/auth/csrf')) return json({ token: 't' });
        return json(track({ status: 'withdrawn', applicantActions: [] }));
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('before a correction list: only the withdrawal; no letters, no upload', () => {
    renderAll(track({}));
    expect(screen.queryByTestId('licensing-track-correct')).toBeNull();
    expect(screen.queryByTestId('licensing-track-letters')).toBeNull();
    expect(screen.getByTestId('track-withdraw')).toBeTruthy();
  });

  it('with a correction list: the upload offers the guide’s materials and the list’s items, and the letter to download', () => {
    renderAll(
      track({
        status: 'correcting',
        applicantActions: ['correct', 'withdraw'],
        correctionMaterials: ['延期移交档案目录', '目录缺少 2010 年案卷，请补齐'],
        letters: [{ doc: 'correction', label: '补正材料通知书', docNumber: '测档许补〔2025〕1号', issuedOn: '2025-03-05' }],
      }),
    );
    expect(screen.getByTestId('licensing-track-correct')).toBeTruthy();
    expect(screen.getByTestId('track-letter-correction')).toBeTruthy();
    expect(screen.getByText('补正材料通知书')).toBeTruthy();
    // nothing chosen: not sent
    fireEvent.click(screen.getByTestId('correct-submit'));
    expect(screen.getByTestId('licensing-correct-error').textContent).toContain('请选择要上传的补正材料');
    expect(calls).toEqual([]);
  });

  it('after the decision: neither step, only the letters', () => {
    renderAll(
      track({
        status: 'decided',
        applicantActions: [],
        letters: [{ doc: 'decision', label: '准予行政许可决定书', docNumber: '测档许〔2025〕1号', issuedOn: '2025-03-10' }],
      }),
    );
    expect(screen.queryByTestId('track-withdraw')).toBeNull();
    expect(screen.queryByTestId('licensing-track-correct')).toBeNull();
    expect(screen.getByTestId('track-letter-decision')).toBeTruthy();
  });

  it('a withdrawal needs its reason, then posts it by tracking code', async () => {
    renderAll(track({}));
    fireEvent.click(screen.getByTestId('track-withdraw'));
    await screen.findByTestId('track-withdraw-form');
    fireEvent.click(screen.getByRole('button', { name: /确认撤回/ }));
    await screen.findByText('请填写撤回理由');
    expect(calls).toEqual([]);
    fireEvent.change(screen.getByLabelText('撤回理由'), { target: { value: '项目调整' } });
    fireEvent.click(screen.getByRole('button', { name: /确认撤回/ }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/withdraw'))).toBe(true));
    const post = calls.find((c) => c.url.endsWith('/withdraw'))!;
    expect(post.url).toBe('/api/public/licensing/applications/XK23456789AB/withdraw');
    expect(JSON.parse(String(post.init!.body))).toEqual({ reason: '项目调整' });
  });
});
