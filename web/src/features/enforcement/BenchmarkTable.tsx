/**
 * The 裁量基准 as a table, for the back office and the portal alike: each violation with the party it
 * applies to, its legal basis and statutory range, and the four circumstances (轻微/一般/较重/严重) each
 * with its recommended fine range and penalty types.
 */
import type { ReactNode } from 'react';
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { BenchmarkView } from '@server/modules/enforcement/benchmarks/contracts';
import { CIRCUMSTANCE_LABELS, CIRCUMSTANCES } from '@server/modules/enforcement/labels';

const yuan = (n: number) => n.toLocaleString('zh-CN');

export function BenchmarkTable({
  items,
  loading,
  showOrg,
  action,
  pagination,
  testId,
}: {
  items: BenchmarkView[];
  loading?: boolean;
  showOrg?: boolean;
  /** A last column (修改) for those who may edit. */
  action?: (b: BenchmarkView) => ReactNode;
  pagination?: false | { current: number; pageSize: number; total: number; onChange: (p: number) => void };
  testId?: string;
}) {
  const columns: ColumnsType<BenchmarkView> = [
    ...(showOrg ? [{ title: '实施机关', dataIndex: 'orgName', key: 'orgName', width: 140 }] : []),
    {
      title: '违法行为',
      key: 'violation',
      width: 210,
      render: (_: unknown, b) => (
        <div>
          <div>{b.violation}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            适用于{b.partyKindLabel}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '法律依据',
      key: 'basis',
      width: 190,
      render: (_: unknown, b) => (
        <div style={{ fontSize: 13 }}>
          <div>违反：{b.breachBasis}</div>
          <div>处罚：{b.penaltyBasis}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            法定幅度 {yuan(b.statutoryMin)}—{yuan(b.statutoryMax)} 元{b.confiscation ? '，并没收违法所得' : ''}
          </Typography.Text>
        </div>
      ),
    },
    ...CIRCUMSTANCES.map((c) => ({
      title: CIRCUMSTANCE_LABELS[c],
      key: c,
      width: 140,
      render: (_: unknown, b: BenchmarkView) => {
        const l = b.levels.find((x) => x.circumstance === c);
        if (!l) return '—';
        return (
          <Tooltip title={l.description}>
            <div data-testid={`benchmark-level-${c}`}>
              <span className="mono" style={{ whiteSpace: 'nowrap', fontSize: 13 }}>
                {yuan(l.min)}—{yuan(l.max)} 元
              </span>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {l.penaltiesLabel}
                </Typography.Text>
              </div>
            </div>
          </Tooltip>
        );
      },
    })),
    ...(action ? [{ title: '操作', key: 'action', width: 80, fixed: 'right' as const, render: (_: unknown, b: BenchmarkView) => action(b) }] : []),
  ];
  return (
    <Table<BenchmarkView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      scroll={{ x: 'max-content' }}
      pagination={pagination ?? false}
      data-testid={testId}
    />
  );
}
