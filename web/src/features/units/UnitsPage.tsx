/** 检查对象名录库: regulated units — list, detail with 时间线, create/edit, import and export. */
import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { RiskTier, UnitType } from '@server/modules/orgs/contracts';
import type { UnitView as Unit } from '@server/modules/orgs/units/contracts';
import { download, errorMessage } from '../../api/client';
import { FormDrawer } from '../../shared/FormDrawer';
import { ListPage, type ListParams } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { fmtDateTime } from '../../shared/format';
import { useCan } from '../../app/auth';
import { ImportModal } from './ImportModal';
import { UnitDetailDrawer } from './UnitDetail';
import { UNITS_URL, useSaveUnit } from './queries';
import { UnitFormFields, riskOptions, unitBody, unitStatusOptions, unitTypeOptions, type UnitFormValues } from './UnitForm';

export function UnitsPage() {
  const can = useCan();
  const write = can('unit.write');
  const saveUnit = useSaveUnit();
  const { message } = App.useApp();
  const [detailId, setDetailId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async (p: ListParams) => {
    setExporting(true);
    try {
      const { page: _page, pageSize: _size, ...filters } = p;
      await download(`${UNITS_URL}/export.xlsx`, filters, '检查对象名录.xlsx');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<Unit> = [
    {
      title: '单位名称',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (v: string, u) => (
        <Typography.Link onClick={() => setDetailId(u.id)} data-testid="unit-name">
          {v}
        </Typography.Link>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'creditCode', key: 'creditCode', sorter: true, render: (v: string) => <span className="mono">{v}</span> },
    {
      title: '类型',
      dataIndex: 'type',
      key: 'type',
      sorter: true,
      filters: unitTypeOptions.map((o) => ({ value: o.value, text: o.label })),
      render: (_: UnitType, u) => u.typeLabel,
    },
    { title: '行业', dataIndex: 'industry', key: 'industry', render: (v: string | null) => v ?? '—', responsive: ['lg'] },
    {
      title: '风险等级',
      dataIndex: 'riskTier',
      key: 'riskTier',
      sorter: true,
      filters: riskOptions.map((o) => ({ value: o.value, text: o.label })),
      render: (v: RiskTier, u) => <StatusTag kind="risk" value={v} label={u.riskTierLabel} />,
    },
    {
      title: '联系人',
      dataIndex: 'contactName',
      render: (v: string | null, u) => (v ? `${v}${u.contactPhone ? ` ${u.contactPhone}` : ''}` : '—'),
      responsive: ['xl'],
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      filters: unitStatusOptions.map((o) => ({ value: o.value, text: o.label })),
      render: (v: string) => <StatusTag kind="unit" value={v} />,
    },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', sorter: true, render: fmtDateTime, responsive: ['lg'] },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDetailId(u.id)}>
            查看
          </Button>
          {u.allowedActions.includes('edit') && (
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              编辑
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="检查对象名录" description="本机构监管的立档单位（检查对象名录库），是双随机抽查的对象池。" />
      <ListPage<Unit>
        url={UNITS_URL}
        testId="units-table"
        columns={columns}
        searchPlaceholder="搜索单位名称或信用代码"
        orgFilter
        defaultSort={{ sort: 'name', order: 'asc' }}
        actions={(p) => (
          <>
            {write && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新建
              </Button>
            )}
            {write && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx(p)}>
              导出
            </Button>
          </>
        )}
      />
      <UnitDetailDrawer id={detailId} onClose={() => setDetailId(null)} onEdit={write ? (u) => setEditing(u) : undefined} />
      <FormDrawer<UnitFormValues>
        open={!!editing}
        title={editing === 'new' ? '新建检查对象' : `编辑：${editing?.name ?? ''}`}
        width={560}
        onClose={() => setEditing(null)}
        initialValues={
          editing && editing !== 'new'
            ? {
                name: editing.name,
                creditCode: editing.creditCode,
                type: editing.type,
                industry: editing.industry,
                address: editing.address,
                contactName: editing.contactName,
                contactPhone: editing.contactPhone,
                riskTier: editing.riskTier,
                status: editing.status,
              }
            : { riskTier: 'medium' }
        }
        onSubmit={(v) => saveUnit.mutateAsync(editing === 'new' ? { create: unitBody(v) } : { id: (editing as Unit).id, patch: unitBody(v) })}
        successMessage={editing === 'new' ? '已新建检查对象' : '已保存'}
      >
        <UnitFormFields editing={editing !== 'new'} />
      </FormDrawer>
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
