/** 执法人员名录库: certified inspectors, certificate validity, conflicts of interest (回避). */
import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Descriptions, Drawer, Empty, Form, Input, Popconfirm, Row, Select, Skeleton, Space, Table, Tabs, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { useDepartments } from '../../api/queries';
import type { CertState, Inspector, InspectorConflict, InspectorDetail, Page, User } from '../../api/types';
import { applyFieldErrors, FormDrawer } from '../../shared/FormDrawer';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag, statusOptions } from '../../shared/StatusTag';
import { AuditTimeline } from '../../shared/Timeline';
import { UnitPicker } from '../../shared/UnitPicker';
import { dash, fmtDate } from '../../shared/format';
import { useCan } from '../../app/auth';

type InspectorForm = {
  name: string;
  certificateNo: string;
  certIssuedOn: Dayjs;
  certExpiresOn: Dayjs;
  departmentId?: string | null;
  userId?: string | null;
  status?: 'active' | 'inactive';
};

function daysToExpiry(d: string) {
  const n = dayjs(d).startOf('day').diff(dayjs().startOf('day'), 'day');
  if (n < 0) return <Typography.Text type="danger">已过期 {-n} 天</Typography.Text>;
  if (n <= 60) return <Typography.Text type="warning">{n} 天后到期</Typography.Text>;
  return null;
}

export function InspectorsPage() {
  const can = useCan();
  const write = can('inspector.write');
  const qc = useQueryClient();
  const [detailId, setDetailId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Inspector | 'new' | null>(null);
  const reload = () => void qc.invalidateQueries({ queryKey: ['/api/inspectors'] });

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
          {daysToExpiry(v)}
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
        url="/api/inspectors"
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
      <InspectorDrawer id={detailId} onClose={() => setDetailId(null)} write={write} onEdit={(i) => setEditing(i)} onChanged={reload} />
      <InspectorFormDrawer editing={editing} onClose={() => setEditing(null)} onSaved={reload} />
    </>
  );
}

function InspectorFormDrawer({ editing, onClose, onSaved }: { editing: Inspector | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const can = useCan();
  const qc = useQueryClient();
  const deps = useDepartments(undefined, can('org.read'));
  const users = useQuery({
    queryKey: ['/api/users', 'inspector-accounts'],
    queryFn: () => api.get<Page<User>>('/api/users', { role: 'inspector', pageSize: 200, status: 'active' }),
    enabled: !!editing && can('user.read'),
  });
  const e = editing && editing !== 'new' ? editing : null;
  return (
    <FormDrawer<InspectorForm>
      open={!!editing}
      title={e ? `编辑执法人员：${e.name}` : '新建执法人员'}
      onClose={onClose}
      initialValues={
        e
          ? { name: e.name, certificateNo: e.certificateNo, certIssuedOn: dayjs(e.certIssuedOn), certExpiresOn: dayjs(e.certExpiresOn), departmentId: e.departmentId, userId: e.userId, status: e.status }
          : {}
      }
      onSubmit={(v) => {
        const body = {
          name: v.name.trim(),
          certificateNo: v.certificateNo.trim(),
          certIssuedOn: v.certIssuedOn.format('YYYY-MM-DD'),
          certExpiresOn: v.certExpiresOn.format('YYYY-MM-DD'),
          departmentId: v.departmentId ?? null,
          userId: v.userId ?? null,
          ...(e && v.status ? { status: v.status } : {}),
        };
        return e ? api.patch(`/api/inspectors/${e.id}`, body) : api.post('/api/inspectors', body);
      }}
      onSuccess={() => {
        onSaved();
        if (e) void qc.invalidateQueries({ queryKey: ['/api/inspectors', 'detail', e.id] });
      }}
      successMessage={e ? '已保存' : '已新建执法人员'}
    >
      <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 40, message: '不能超过 40 个字' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="执法证号" name="certificateNo" rules={[{ required: true, whitespace: true, message: '请填写执法证号' }, { min: 4, message: '请填写完整的执法证号' }, { max: 40, message: '不能超过 40 位' }]}>
        <Input className="mono" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="发证日期" name="certIssuedOn" rules={[{ required: true, message: '请选择发证日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="有效期至"
            name="certExpiresOn"
            dependencies={['certIssuedOn']}
            rules={[
              { required: true, message: '请选择有效期截止日期' },
              ({ getFieldValue }) => ({
                validator: (_r, v: Dayjs | undefined) => {
                  const from = getFieldValue('certIssuedOn') as Dayjs | undefined;
                  return !v || !from || v.isAfter(from) ? Promise.resolve() : Promise.reject(new Error('有效期截止日期应晚于发证日期'));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="科室" name="departmentId">
        <Select allowClear placeholder="选择所在科室" options={(deps.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item label="关联登录账号" name="userId" extra="执法人员角色的账号；关联后该人员可在系统中办理检查。">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择账号（可不选）"
          loading={users.isLoading}
          options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
        />
      </Form.Item>
      {e && (
        <Form.Item label="状态" name="status">
          <Select options={statusOptions('inspector')} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}

function InspectorDrawer({ id, onClose, write, onEdit, onChanged }: { id: string | null; onClose: () => void; write: boolean; onEdit: (i: Inspector) => void; onChanged: () => void }) {
  const q = useQuery({ queryKey: ['/api/inspectors', 'detail', id], queryFn: () => api.get<InspectorDetail>(`/api/inspectors/${id}`), enabled: !!id });
  const d = q.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={d ? `执法人员：${d.name}` : '执法人员详情'}
      extra={
        write &&
        d && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(d)}>
            编辑
          </Button>
        )
      }
    >
      {q.isLoading && <Skeleton active />}
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {d && (
        <Tabs
          items={[
            {
              key: 'info',
              label: '基本信息',
              children: (
                <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label="姓名">{d.name}</Descriptions.Item>
                  <Descriptions.Item label="执法证号">
                    <span className="mono">{d.certificateNo}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="发证日期">{fmtDate(d.certIssuedOn)}</Descriptions.Item>
                  <Descriptions.Item label="有效期至">
                    {fmtDate(d.certExpiresOn)} {daysToExpiry(d.certExpiresOn)}
                  </Descriptions.Item>
                  <Descriptions.Item label="证件状态">
                    <StatusTag kind="cert" value={d.certState} label={d.certStateLabel} />
                  </Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <StatusTag kind="inspector" value={d.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label="科室">{dash(d.departmentName)}</Descriptions.Item>
                  <Descriptions.Item label="回避单位">{d.conflicts.length} 个</Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'conflicts',
              label: `回避关系（${d.conflicts.length}）`,
              children: <Conflicts inspector={d} write={write} onChanged={onChanged} />,
            },
            { key: 'timeline', label: '时间线', children: <AuditTimeline entityType="inspector" entityId={d.id} /> },
          ]}
        />
      )}
    </Drawer>
  );
}

function Conflicts({ inspector, write, onChanged }: { inspector: InspectorDetail; write: boolean; onChanged: () => void }) {
  const [form] = Form.useForm<{ unitId: string; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['/api/inspectors', 'detail', inspector.id] });
    onChanged();
  };
  const add = async (v: { unitId: string; reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/inspectors/${inspector.id}/conflicts`, { unitId: v.unitId, reason: v.reason.trim() });
      message.success('已登记回避关系');
      form.resetFields();
      await refresh();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (c: InspectorConflict) => {
    try {
      await api.delete(`/api/inspectors/${inspector.id}/conflicts/${c.id}`);
      message.success('已解除回避关系');
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">登记了回避关系的单位，随机抽取时不会为其匹配该执法人员。</Typography.Paragraph>
      {write && (
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)} style={{ marginBottom: 16 }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Row gutter={12}>
            <Col xs={24} md={11}>
              <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
                <UnitPicker />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item name="reason" label="回避事由" rules={[{ required: true, whitespace: true, message: '请填写回避事由' }, { max: 200, message: '不能超过 200 个字' }]}>
                <Input placeholder="如：配偶在该单位任职" />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item label=" ">
                <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} block>
                  登记
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
      <Table<InspectorConflict>
        size="small"
        rowKey="id"
        dataSource={inspector.conflicts}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无回避关系" /> }}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '回避事由', dataIndex: 'reason' },
          ...(write
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, c: InspectorConflict) => (
                    <Popconfirm title="解除该回避关系？" okText="解除" okButtonProps={{ danger: true }} onConfirm={() => remove(c)}>
                      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                        解除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
