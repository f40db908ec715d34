/** 检查表: checklists (检查表 / 自查表 / 考评表) and their versions, paged by the server. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ChecklistDetail, ChecklistRow } from '@server/modules/inspections/catalogue/contracts';
import { CHECKLIST_KINDS, CHECKLIST_KIND_LABELS, type ChecklistKind } from '@server/modules/inspections/labels';
import { errorMessage } from '../../api/client';
import { FormDrawer } from '../../shared/FormDrawer';
import { useServerPaging } from '../../shared/pagination';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDate } from '../../shared/format';
import { useCan } from '../../app/auth';
import { useChecklists, useCreateChecklist } from './queries';
import { kindTag } from './shared';

export function ChecklistsPage() {
  const can = useCan();
  const manage = can('inspection.manage');
  const navigate = useNavigate();
  const { page, pagination } = useServerPaging();
  const q = useChecklists(page.current, page.pageSize);
  const create = useCreateChecklist();
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<ChecklistRow> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (v: string, r) => (
        <Link to="/inspection/checklists/$id" params={{ id: r.id }} data-testid="checklist-link">
          {v}
        </Link>
      ),
    },
    { title: '类型', dataIndex: 'kind', render: (v: ChecklistKind, r) => kindTag(v, r.kindLabel) },
    {
      title: '现行版本',
      dataIndex: 'latestPublished',
      render: (v: ChecklistRow['latestPublished']) =>
        v ? (
          <Space size={4}>
            <span>第 {v.version} 版</span>
            <Tag color="green">已发布</Tag>
            <Typography.Text type="secondary">
              {v.itemCount} 项 · {fmtDate(v.publishedAt)}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">尚未发布</Typography.Text>
        ),
    },
    {
      title: '草稿',
      dataIndex: 'draft',
      render: (v: ChecklistRow['draft']) =>
        v ? (
          <Space size={4}>
            <span>第 {v.version} 版</span>
            <Tag color="orange">草稿</Tag>
            <Typography.Text type="secondary">{v.itemCount} 项</Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    { title: '说明', dataIndex: 'description', render: (v: string | null) => <div style={{ maxWidth: 420 }}>{v ?? '—'}</div>, responsive: ['xl'] },
  ];

  return (
    <>
      <PageHeader
        title="检查表"
        description="检查表、自查表和考评表按版本管理：草稿可修改，发布后不可更改；修改须新建草稿版本，已做的检查和考评始终指向当时的版本。"
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建检查表
            </Button>
          )
        }
      />
      <Card variant="borderless">
        {q.isError && <Alert type="error" showIcon title="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 16 }} />}
        <Table<ChecklistRow>
          rowKey="id"
          data-testid="checklists-table"
          loading={q.isFetching}
          columns={columns}
          dataSource={q.data?.items ?? []}
          pagination={pagination(q.data?.total, '个')}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '还没有检查表' }}
        />
      </Card>
      <FormDrawer<{ name: string; kind: ChecklistKind; description?: string }>
        open={creating}
        title="新建检查表"
        formName="checklist"
        onClose={() => setCreating(false)}
        initialValues={{ kind: 'inspection' }}
        successMessage="已新建，第 1 版为草稿"
        onSubmit={(v) => create.mutateAsync({ name: v.name.trim(), kind: v.kind, description: v.description?.trim() || null })}
        onSuccess={(r) => void navigate({ to: '/inspection/checklists/$id', params: { id: (r as ChecklistDetail).id } })}
      >
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请填写检查表名称' },
            { max: 100, message: '不能超过 100 个字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="类型"
          name="kind"
          rules={[{ required: true }]}
          extra="考评表按得分率评定等级（默认 优秀 ≥ 80%、良好 ≥ 70%、合格 ≥ 60%），可设否决项。"
        >
          <Select options={CHECKLIST_KINDS.map((k) => ({ value: k, label: CHECKLIST_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="说明" name="description" rules={[{ max: 1000, message: '不能超过 1000 个字' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
