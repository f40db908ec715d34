/**
 * diffRows: what a timeline event changed, field by field, in the labels and values people read; and
 * AuditTimeline paging through the server, newest first, 加载更早的记录 for the next page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuditTimeline, TIMELINE_PAGE_SIZE, diffRows } from './Timeline';

describe('diffRows', () => {
  it('lists only the fields that changed, labelled, in the labels’ order', () => {
    const before = { name: '某某档案馆', riskTier: 'low', status: 'active', address: '人民路 1 号', updatedAt: '2026-01-01T00:00:00Z' };
    const after = { name: '某某市档案馆', riskTier: 'high', status: 'closed', address: '人民路 1 号', updatedAt: '2026-02-01T00:00:00Z' };
    expect(diffRows(before, after)).toEqual([
      { field: 'name', label: '名称', before: '某某档案馆', after: '某某市档案馆' },
      { field: 'riskTier', label: '风险等级', before: '低风险', after: '高风险' },
      { field: 'status', label: '状态', before: '正常', after: '已注销' },
    ]);
  });

  it('for a create, lists the fields set (empty ones left out) and hides ids, times and secrets', () => {
    const rows = diffRows(null, {
      id: 'u1',
      orgId: 'o1',
      username: 'zhang',
      roles: ['admin', 'legal'],
      departmentId: null,
      passwordHash: 'x',
      createdAt: 'now',
    });
    expect(rows).toEqual([
      { field: 'username', label: '用户名', before: '', after: 'zhang' },
      { field: 'roles', label: '角色', before: '', after: '系统管理员、法制科' },
    ]);
  });

  it('for a delete, lists what was there; unknown fields keep their own name', () => {
    expect(diffRows({ reason: '配偶在该单位任职', inspectorName: '王执法' }, null)).toEqual([
      { field: 'reason', label: '事由', before: '配偶在该单位任职', after: '' },
      { field: 'inspectorName', label: 'inspectorName', before: '王执法', after: '' },
    ]);
  });

  it('reads values by field and record: an inspection’s status, a clock state, booleans, empty values', () => {
    expect(diffRows({ status: 'notified' }, { status: 'closed' }, 'inspection')).toEqual([
      { field: 'status', label: '状态', before: '已通知', after: '已办结' },
    ]);
    expect(
      diffRows({ clockState: 'running', mustChangePassword: true, note: null }, { clockState: 'overdue', mustChangePassword: false, note: '补正' }),
    ).toEqual([
      { field: 'mustChangePassword', label: '须修改密码', before: '是', after: '否' },
      { field: 'note', label: '说明', before: '（空）', after: '补正' },
      { field: 'clockState', label: '期限状态', before: '进行中', after: '逾期' },
    ]);
  });

  it('counts the days of a calendar year instead of listing them', () => {
    const days = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节' },
    ];
    expect(diffRows(null, { days, recomputed: 12 }, 'calendarYear')).toEqual([
      { field: 'days', label: '节假日安排', before: '', after: '放假 1 天，调休上班 1 天' },
      { field: 'recomputed', label: '重新计算的期限', before: '', after: '12 个' },
    ]);
  });
});

describe('AuditTimeline', () => {
  afterEach(() => vi.unstubAllGlobals());
  const event = (seq: number) => ({
    seq,
    at: '2026-01-01T00:00:00Z',
    actorName: '管理员',
    action: 'unit.update',
    before: null,
    after: null,
    hash: `h${seq}`,
    prevHash: `h${seq - 1}`,
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
    expect(screen.getAllByTestId('timeline-event').at(-1)!.textContent).toContain('#1 ·');
  });
});
