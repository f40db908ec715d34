import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Figure, FiguresResult } from '@server/modules/inspections/figures/contracts';
import type { Drill } from '../queries';
import { Num } from './FigureCards';

type OrgRow = { id: string; name: string; depth: number; total?: boolean };

/** 含下级: each org's own records (本级) per figure and bucket, and the total of the scope. */
export function ByOrgTable({ data, onOpen }: { data: FiguresResult; onOpen: (d: Drill) => void }) {
  const cell = (figure: Figure, value: (org: string) => number, key?: { key: string; label: string }) => (_: unknown, r: OrgRow) => {
    const v = r.total ? (key ? (figure.buckets?.find((b) => b.key === key.key)?.value ?? 0) : figure.value) : value(r.id);
    return (
      <Num
        value={v}
        testId={`by-org-${figure.name}${key ? `-${key.key}` : ''}-${r.total ? 'total' : r.id}`}
        onClick={() =>
          onOpen({
            name: figure.name,
            label: figure.label,
            value: v,
            key: key?.key,
            keyLabel: key?.label,
            recordOrgId: r.total ? undefined : r.id,
            orgName: r.total ? undefined : r.name,
          })
        }
      />
    );
  };
  const columns: ColumnsType<OrgRow> = [
    {
      title: '机构',
      key: 'org',
      fixed: 'left',
      width: 180,
      render: (_: unknown, r) => (r.total ? <strong>合计</strong> : <span style={{ paddingLeft: r.depth * 16 }}>{r.name}</span>),
    },
    ...data.figures.map((x) =>
      x.buckets
        ? {
            title: x.label,
            key: x.name,
            children: x.buckets.map((b) => ({
              title: b.label,
              key: `${x.name}-${b.key}`,
              align: 'center' as const,
              render: cell(x, (org) => b.byOrg.find((o) => o.orgId === org)?.value ?? 0, b),
            })),
          }
        : { title: x.label, key: x.name, align: 'center' as const, render: cell(x, (org) => x.byOrg.find((o) => o.orgId === org)?.value ?? 0) },
    ),
  ];
  const rows: OrgRow[] = [...data.orgs, { id: 'total', name: '合计', depth: 0, total: true }];
  return (
    <Card variant="borderless" title="按机构分列（各机构本级的记录）" data-testid="by-org">
      <Table<OrgRow> bordered size="small" rowKey="id" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
