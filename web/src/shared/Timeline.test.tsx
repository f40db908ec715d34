/**
 * AuditTimeline: each event as the server presents it (a sentence and the changed fields in people's
 * words), the hash chain and raw data only under 技术复核 once opened; paging through the server,
 * newest first, 加载更早的记录 for the next page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuditTimeline, Changes, TIMELINE_PAGE_SIZE } from './Timeline';

function renderTimeline() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <AuditTimeline entityType="unit" entityId="u1" />
    </QueryClientProvider>,
  );
}

describe('AuditTimeline events', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads as sentences and changed fields; the sequence, hash, code and raw data only under 技术复核', async () => {
    const events = [
      {
        seq: 7,
        at: '2026-03-01T02:00:00Z',
        actorName: '赵利用（zhao）',
        action: 'disclosure.letter.issue',
        before: null,
        after: { kind: 'reply', docNumber: '测公开〔2026〕3号', applicationId: '8c0cfc90-7d74-42d1-abba-488dcbf92ed3' },
        hash: 'a'.repeat(64),
        prevHash: 'b'.repeat(64),
        summary: '赵利用 出具了文书',
        changes: [
          { label: '文书', before: '', after: '答复书' },
          { label: '文号', before: '', after: '测公开〔2026〕3号' },
        ],
      },
      {
        seq: 6,
        at: '2026-02-27T02:00:00Z',
        actorName: '王执法（wang）',
        action: 'inspection.record.save',
        before: { status: 'notified' },
        after: { status: 'on_site_signed' },
        hash: 'c'.repeat(64),
        prevHash: 'd'.repeat(64),
        summary: '王执法 保存了现场检查记录',
        changes: [
          { label: '状态', before: '已通知', after: '现场检查已签字' },
          { label: '事项', before: '', after: '符合 30 项，不符合 1 项，不适用 6 项\n第 3 项 A1-03 归档范围…：不符合 — 未报批' },
        ],
      },
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ items: events, total: 2, page: 1, pageSize: TIMELINE_PAGE_SIZE }), { status: 200 })),
    );
    renderTimeline();
    const [letter, record] = await screen.findAllByTestId('timeline-event');
    expect(letter!.textContent).toContain('赵利用 出具了文书');
    expect(letter!.textContent).toContain('答复书');
    // an event that only set fields shows one column of content
    expect(
      within(letter!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['事项', '内容']);
    expect(
      within(record!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['事项', '变更前', '变更后']);
    expect(record!.textContent).toContain('第 3 项 A1-03 归档范围…：不符合 — 未报批');
    // nothing technical in sight until asked for
    const text = document.body.textContent!;
    for (const leak of ['disclosure.letter.issue', 'aaaaaaaaaa', '8c0cfc90', '{', 'zhao', '#7']) expect(text).not.toContain(leak);
    fireEvent.click(within(letter!).getByTestId('timeline-tech'));
    const tech = within(letter!).getByTestId('timeline-tech-body');
    expect(tech.textContent).toContain('disclosure.letter.issue');
    expect(tech.textContent).toContain('a'.repeat(64));
    expect(tech.textContent).toContain('b'.repeat(64));
    expect(tech.textContent).toContain('"docNumber": "测公开〔2026〕3号"');
    expect(within(record!).queryByTestId('timeline-tech-body')).toBeNull();
  });
});

describe('Changes', () => {
  it('shows what a removal took away in one column', () => {
    render(<Changes changes={[{ label: '事由', before: '配偶在该单位任职', after: '' }]} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['事项', '原内容']);
    expect(screen.getByText('配偶在该单位任职')).toBeTruthy();
  });
});

describe('AuditTimeline', () => {
  afterEach(() => vi.unstubAllGlobals());
  const event = (seq: number) => ({
    seq,
    at: '2026-01-01T00:00:00Z',
    actorName: '管理员',
    action: 'unit.update',
    before: { riskTier: 'low' },
    after: { riskTier: 'high' },
    hash: `h${seq}`,
    prevHash: `h${seq - 1}`,
    summary: `管理员 修改了检查对象信息（第 ${seq} 次）`,
    changes: [{ label: '风险等级', before: '低风险', after: '高风险' }],
  });

  it('shows the newest page first and loads the earlier events on demand, until the total', async () => {
    const total = TIMELINE_PAGE_SIZE + 3;
    const fetchMock = vi.fn(async (url: string) => {
      const sp = new URL(url, 'http://x').searchParams;
      const page = Number(sp.get('page'));
      // newest first: page 1 is seq total … 4, page 2 is 3 … 1
      const seqs = Array.from({ length: total }, (_, i) => total - i).slice((page - 1) * TIMELINE_PAGE_SIZE, page * TIMELINE_PAGE_SIZE);
      return new Response(JSON.stringify({ items: seqs.map(event), total, page, pageSize: TIMELINE_PAGE_SIZE }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}>
        <AuditTimeline entityType="unit" entityId="u1" />
      </QueryClientProvider>,
    );
    expect(await screen.findAllByTestId('timeline-event')).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/audit/timeline?entityType=unit&entityId=u1&order=desc&page=1&pageSize=${TIMELINE_PAGE_SIZE}`);
    const more = screen.getByTestId('timeline-more');
    expect(more.textContent).toContain(`已显示 ${TIMELINE_PAGE_SIZE} / ${total} 条`);
    fireEvent.click(more);
    await vi.waitFor(() => expect(screen.getAllByTestId('timeline-event')).toHaveLength(total));
    expect(fetchMock.mock.calls.at(-1)![0]).toContain('order=desc&page=2');
    expect(screen.queryByTestId('timeline-more')).toBeNull();
    // newest on top, the oldest last
    expect(screen.getAllByTestId('timeline-event').at(-1)!.textContent).toContain('（第 1 次）');
  });
});
