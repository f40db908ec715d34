/**
 * 全过程记录 of one record: `GET /api/audit/timeline?entityType&entityId` (newest first, paged), shown
 * as an antd Timeline. Each event reads as the server presents it — one sentence (who did what) and
 * the fields it changed under their Chinese names, values as people know them; the sequence number,
 * hash, action code and raw snapshots only under a 技术复核 fold per event, rendered when opened.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Grid, Skeleton, Table, Timeline, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { TIMELINE_PAGE_SIZE, type AuditEvent, type TimelinePage } from '@server/kernel/contracts';
import { ApiError, api, errorMessage } from '../api/client';
import { fmtDateTimeSec } from './format';

type Change = AuditEvent['changes'][number];

function colorOf(action: string): string {
  const verb = action.split('.').pop() ?? '';
  if (['create', 'import', 'create_child', 'enable'].includes(verb)) return 'green';
  if (['delete', 'disable', 'locked', 'login_failed', 'close', 'conflict_remove'].includes(verb)) return 'red';
  if (['login', 'logout'].includes(verb)) return 'gray';
  return 'blue';
}

const lines = (v: string) => <span style={{ whiteSpace: 'pre-line' }}>{v}</span>;

/** The fields an event changed; for an event that only set fields (a new record), one column of content. */
export function Changes({ changes }: { changes: Change[] }) {
  // on a phone the field names take less room, so the values are not broken every two characters
  const phone = Grid.useBreakpoint().sm === false;
  const label = phone ? 84 : 128;
  if (changes.length === 0) return null;
  const setting = changes.every((c) => c.before === '');
  const removing = !setting && changes.every((c) => c.after === '');
  return (
    <Table<Change>
      className="tl-diff"
      size="small"
      pagination={false}
      rowKey="label"
      dataSource={changes}
      columns={
        removing
          ? [
              { title: '事项', dataIndex: 'label', width: label },
              { title: '原内容', dataIndex: 'before', render: (v: string) => <span className="diff-old">{lines(v)}</span> },
            ]
          : setting
            ? [
                { title: '事项', dataIndex: 'label', width: label },
                { title: '内容', dataIndex: 'after', render: (v: string) => <span className="diff-new">{lines(v)}</span> },
              ]
            : [
                { title: '事项', dataIndex: 'label', width: label },
                {
                  title: '变更前',
                  dataIndex: 'before',
                  width: phone ? undefined : '38%',
                  render: (v: string) => (v ? <span className="diff-old">{lines(v)}</span> : '—'),
                },
                { title: '变更后', dataIndex: 'after', render: (v: string) => (v ? <span className="diff-new">{lines(v)}</span> : '—') },
              ]
      }
    />
  );
}

const RAW = { margin: 0, maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 11 } as const;
const json = (v: unknown) => (v === null || v === undefined ? '（无）' : JSON.stringify(v, null, 2));

/** 技术复核: the event's place in the hash chain and its raw data, for checking, folded until asked for. */
function TechnicalReview({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  return (
    <div style={{ marginTop: 4, fontSize: 12 }}>
      <Typography.Link onClick={() => setOpen(!open)} data-testid="timeline-tech" aria-expanded={open}>
        {open ? '收起技术复核' : '技术复核'}
      </Typography.Link>
      {open && (
        <Descriptions size="small" column={1} bordered className="mono" style={{ marginTop: 6 }} data-testid="timeline-tech-body">
          <Descriptions.Item label="序号">{event.seq}</Descriptions.Item>
          <Descriptions.Item label="操作代码">{event.action}</Descriptions.Item>
          <Descriptions.Item label="操作人（账号）">{event.actorName}</Descriptions.Item>
          <Descriptions.Item label="记录时间">{event.at}</Descriptions.Item>
          <Descriptions.Item label="哈希">
            <span style={{ wordBreak: 'break-all' }}>{event.hash}</span>
          </Descriptions.Item>
          <Descriptions.Item label="前序哈希">
            <span style={{ wordBreak: 'break-all' }}>{event.prevHash}</span>
          </Descriptions.Item>
          <Descriptions.Item label="变更前原始数据">
            <pre style={RAW}>{json(event.before)}</pre>
          </Descriptions.Item>
          <Descriptions.Item label="变更后原始数据">
            <pre style={RAW}>{json(event.after)}</pre>
          </Descriptions.Item>
        </Descriptions>
      )}
    </div>
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
                <Typography.Text strong>{e.summary}</Typography.Text>
                <span className="tl-time">{fmtDateTimeSec(e.at)}</span>
              </div>
              <Changes changes={e.changes} />
              <TechnicalReview event={e} />
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
