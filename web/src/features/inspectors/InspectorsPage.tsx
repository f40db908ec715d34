/** 执法人员名录库: certified inspectors, certificate validity, conflicts of interest (回避). The list; the detail, the form and the conflicts are their own components. */
import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { CertState } from '@server/modules/orgs/contracts';
import type { InspectorView as Inspector } from '@server/modules/orgs/inspectors/contracts';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag, statusOptions } from '../../shared/StatusTag';
import { dash, fmtDate } from '../../shared/format';
import { useCan } from '../../app/auth';
import { DaysToExpiry } from './expiry';
import { InspectorDrawer } from './InspectorDrawer';
import { InspectorFormDrawer } from './InspectorForm';
import { INSPECTORS_URL } from './queries';

export function InspectorsPage() {
  const can = useCan();
  const write = can('inspector.write');
  const [detailId, setDetailId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Inspector | 'new' | null>(null);

  const columns: ColumnsType<Inspector> = [
    {
      title: '姓名',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (v: string, r) => (
        <Typography.Link onClick={() => setDetailId(r.id)} data-testid="inspector-name">
          {v}
        </Typography.Link>
      ),
    },
    { title: '执法证号', dataIndex: 'certificateNo', key: 'certificateNo', sorter: true, render: (v: string) => <span className="mono">{v}</span> },
    { title: '发证日期', dataIndex: 'certIssuedOn', key: 'certIssuedOn', sorter: true, render: fmtDate, responsive: ['lg'] },
    {
      title: '有效期至',
      dataIndex: 'certExpiresOn',
      key: 'certExpiresOn',
      sorter: true,
      render: (v: string) => (
        <Space orientation="vertical" size={0}>
          <span>{fmtDate(v)}</span>
          <DaysToExpiry date={v} />
        </Space>
      ),
    },
    {
      title: '证件状态',
      dataIndex: 'certState',
      key: 'certState',
      filters: statusOptions('cert').map((o) => ({ value: o.value, text: o.label })),
      render: (v: CertState, r) => <StatusTag kind="cert" value={v} label={r.certStateLabel} />,
    },
    {
      title: '回避单位',
      dataIndex: 'conflictCount',
      key: 'conflictCount',
      render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n} 个</Typography.Text> : <Typography.Text type="secondary">无</Typography.Text>),
    },
    { title: '科室', dataIndex: 'departmentName', render: (v: string | null | undefined) => dash(v), responsive: ['xl'] },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      filters: statusOptions('inspector').map((o) => ({ value: o.value, text: o.label })),
      render: (v: string) => <StatusTag kind="inspector" value={v} />,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDetailId(r.id)}>
            查看
          </Button>
          {write && (
            <Button type="link" size="small" onClick={() => setEditing(r)}>
              编辑
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="执法人员名录" description="持有行政执法证件的人员，是双随机抽查的执法人员库；与检查对象有利害关系的须登记回避。" />
      <ListPage<Inspector>
        url={INSPECTORS_URL}
        testId="inspectors-table"
        columns={columns}
        searchPlaceholder="搜索姓名或执法证号"
        defaultSort={{ sort: 'name', order: 'asc' }}
        actions={() =>
          write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建
            </Button>
          )
        }
      />
      <InspectorDrawer id={detailId} onClose={() => setDetailId(null)} write={write} onEdit={(i) => setEditing(i)} />
      <InspectorFormDrawer editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
