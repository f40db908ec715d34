/**
 * 全过程记录 of one record: `GET /api/audit/timeline?entityType&entityId` (newest first, paged), shown
 * as an antd Timeline, each event with who, when, what, and a diff of the fields it changed.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Empty, Skeleton, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { TIMELINE_PAGE_SIZE, type AuditEvent, type TimelinePage } from '@server/kernel/contracts';
import { ApiError, api, errorMessage } from '../api/client';
import { FIELD_LABELS, HIDDEN_FIELDS, actionLabel, valueLabel } from '../api/labels';
import { fmtDateTimeSec } from './format';

type Row = { field: string; label: string; before: string; after: string };

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Changed fields between before and after (for a create: the fields set; for a delete: the fields removed). */
export function diffRows(before: unknown, after: unknown, entityType?: string): Row[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]);
  const rows: Row[] = [];
  for (const k of keys) {
    if (HIDDEN_FIELDS.has(k)) continue;
    const bv = b?.[k];
    const av = a?.[k];
    if (b && a && same(bv, av)) continue;
    if (!b && (av === null || av === undefined || av === '')) continue;
    rows.push({ field: k, label: FIELD_LABELS[k] ?? k, before: b ? valueLabel(k, bv, entityType) : '', after: a ? valueLabel(k, av, entityType) : '' });
  }
  const order = Object.keys(FIELD_LABELS);
  const rank = (f: string) => (order.indexOf(f) < 0 ? order.length : order.indexOf(f));
  return rows.sort((x, y) => rank(x.field) - rank(y.field));
}

function colorOf(action: string): string {
  const verb = action.split('.').pop() ?? '';
  if (['create', 'import', 'create_child', 'enable'].includes(verb)) return 'green';
  if (['delete', 'disable', 'locked', 'login_failed', 'close', 'conflict_remove'].includes(verb)) return 'red';
  if (['login', 'logout'].includes(verb)) return 'gray';
  return 'blue';
}

function Diff({ event, entityType }: { event: AuditEvent; entityType?: string }) {
  const rows = diffRows(event.before, event.after, entityType);
  if (rows.length === 0) return null;
  const creating = !event.before && !!event.after;
  return (
    <Table<Row>
      className="tl-diff"
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={rows}
      columns={
        creating
          ? [
              { title: '字段', dataIndex: 'label', width: 140 },
              { title: '内容', dataIndex: 'after', render: (v: string) => <span className="diff-new">{v}</span> },
            ]
          : [
              { title: '字段', dataIndex: 'label', width: 140 },
              { title: '变更前', dataIndex: 'before', render: (v: string) => (v ? <span className="diff-old">{v}</span> : '—') },
              { title: '变更后', dataIndex: 'after', render: (v: string) => (v ? <span className="diff-new">{v}</span> : '—') },
            ]
      }
    />
  );
}

/** Events a page: the server's default for timelines (most records have fewer). */
export { TIMELINE_PAGE_SIZE };

/**
 * The newest events first, a page of 50 at a time from the server (`order=desc`); 加载更早的记录 asks
 * for the next page, until the total is reached.
 */
export function AuditTimeline({ entityType, entityId, orgId }: { entityType: string; entityId: string; orgId?: string }) {
  const q = useInfiniteQuery({
    queryKey: ['timeline', entityType, entityId, orgId],
    queryFn: ({ pageParam }) =>
      api.get<TimelinePage>('/api/audit/timeline', { entityType, entityId, orgId, order: 'desc', page: pageParam, pageSize: TIMELINE_PAGE_SIZE }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    retry: false,
  });
  if (q.isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (q.isError && !q.data) {
    if (q.error instanceof ApiError && q.error.status === 404) return <Empty description="该记录暂无全过程记录" />;
    return <Alert type="error" showIcon title="时间线加载失败" description={errorMessage(q.error)} />;
  }
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const total = q.data?.pages[0]?.total ?? 0;
  if (items.length === 0) return <Empty description="该记录暂无全过程记录" />;
  return (
    <>
      <Timeline
        data-testid="audit-timeline"
        items={items.map((e) => ({
          key: e.seq,
          color: colorOf(e.action),
          content: (
            <div data-testid="timeline-event">
              <div className="tl-head">
                <Typography.Text strong>{actionLabel(e.action, e.after)}</Typography.Text>
                <Tag>{e.actorName}</Tag>
                <span className="tl-time">{fmtDateTimeSec(e.at)}</span>
                <Tooltip
                  title={
                    <div className="mono" style={{ wordBreak: 'break-all' }}>
                      序号 {e.seq}
                      <br />
                      哈希 {e.hash}
                      <br />
                      前序 {e.prevHash}
                    </div>
                  }
                >
                  <span className="tl-hash">
                    #{e.seq} · {e.hash.slice(0, 10)}
                  </span>
                </Tooltip>
              </div>
              <Diff event={e} entityType={entityType} />
            </div>
          ),
        }))}
      />
      {q.isFetchNextPageError && <Alert type="error" showIcon title="更早的记录加载失败" description={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      {q.hasNextPage && (
        <div style={{ textAlign: 'center' }}>
          <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage} data-testid="timeline-more">
            加载更早的记录（已显示 {items.length} / {total} 条）
          </Button>
        </div>
      )}
    </>
  );
}

export function TimelineDrawer({
  open,
  onClose,
  entityType,
  entityId,
  title,
}: {
  open: boolean;
  onClose: () => void;
  entityType: string;
  entityId: string | null;
  title?: ReactNode;
}) {
  return (
    <Drawer open={open} onClose={onClose} title={title ?? '全过程记录'} size={640} destroyOnHidden>
      {entityId && <AuditTimeline entityType={entityType} entityId={entityId} />}
    </Drawer>
  );
}
