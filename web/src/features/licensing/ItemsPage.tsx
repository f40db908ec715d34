/** 事项目录: the licensing items with their service guides (办事指南); the admin keeps them and abolishes an item whose basis is gone. */
import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemView } from '@server/modules/licensing/items/contracts';
import { ITEM_CATEGORIES, ITEM_CATEGORY_LABELS, type ItemCategory } from '@server/modules/licensing/labels';
import { errorMessage } from '../../api/client';
import { useCan } from '../../app/auth';
import { FormDrawer } from '../../shared/FormDrawer';
import { PageHeader } from '../../shared/PageHeader';
import { ActionModal } from '../disclosure/ActionModal';
import { day, ItemStatusTag } from './common';
import { ItemGuide } from './ItemGuide';
import { useAbolishItem, useDeleteItem, useItems, useSaveItem } from './queries';

interface ItemValues {
  name: string;
  code?: string;
  category: ItemCategory;
  department?: string;
  legalBasis: string;
  conditions: string;
  materials: { name: string; required: boolean; note?: string }[];
  procedure: string;
  statutoryDays: number;
  promisedDays?: number | null;
  fee: string;
  remedies: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

function ItemDrawer({ item, open, onClose }: { item: ItemView | null; open: boolean; onClose: () => void }) {
  const save = useSaveItem(item?.id ?? null);
  const initial: Partial<ItemValues> = item
    ? {
        ...item,
        code: item.code ?? undefined,
        department: item.department ?? undefined,
        validFrom: dayjs(item.validFrom),
        validTo: item.validTo ? dayjs(item.validTo) : null,
        promisedDays: item.promisedDays,
      }
    : { category: 'licensing', statutoryDays: 20, fee: '不收费', materials: [{ name: '', required: true }], validFrom: dayjs() };
  return (
    <FormDrawer<ItemValues>
      open={open}
      title={item ? `修改事项：${item.name}` : '新增许可事项'}
      width={720}
      onClose={onClose}
      initialValues={initial}
      testId="item-form"
      formName="item"
      onSubmit={(v) =>
        save.mutateAsync({
          name: v.name,
          code: v.code?.trim() || null,
          category: v.category,
          department: v.department?.trim() || null,
          legalBasis: v.legalBasis,
          conditions: v.conditions,
          materials: (v.materials ?? [])
            .filter((m) => m.name?.trim())
            .map((m) => ({ name: m.name.trim(), required: !!m.required, ...(m.note ? { note: m.note } : {}) })),
          procedure: v.procedure,
          statutoryDays: v.statutoryDays,
          promisedDays: v.promisedDays ?? null,
          fee: v.fee,
          remedies: v.remedies,
          validFrom: day(v.validFrom)!,
          validTo: day(v.validTo) ?? null,
        })
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="category" label="事项类别">
            <Select options={ITEM_CATEGORIES.map((c) => ({ value: c, label: ITEM_CATEGORY_LABELS[c] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="code" label="事项编码">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="department" label="承办科室">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="legalBasis" label="设定和实施依据" rules={[{ required: true, message: '请填写依据' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="conditions" label="申请条件" rules={[{ required: true, message: '请填写申请条件' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Typography.Text strong>申请材料</Typography.Text>
      <Form.List name="materials">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8, marginBottom: 16 }}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写材料名称' }]}>
                  <Input placeholder="材料名称" style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'note']}>
                  <Input placeholder="说明（份数、原件或复印件）" style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'required']} valuePropName="checked">
                  <Checkbox>必备</Checkbox>
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除材料" />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', required: true })}>
              添加材料
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="procedure" label="办理流程" rules={[{ required: true, message: '请填写办理流程' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="statutoryDays" label="法定办结时限（工作日）" rules={[{ required: true, message: '请填写法定办结时限' }]}>
            <InputNumber min={1} max={60} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="promisedDays" label="承诺办结时限（工作日）">
            <InputNumber min={1} max={60} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="fee" label="收费标准">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="remedies" label="救济途径" rules={[{ required: true, message: '请填写救济途径' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="validFrom" label="施行日期" rules={[{ required: true, message: '请选择施行日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="validTo" label="有效期至（不填为长期有效）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}

function AbolishModal({ item, onClose }: { item: ItemView; onClose: () => void }) {
  const abolish = useAbolishItem(item.id);
  return (
    <ActionModal<{ abolishedOn: Dayjs; reason: string }>
      open
      title={`取消事项：${item.name}`}
      testId="abolish-form"
      onClose={onClose}
      initialValues={{ abolishedOn: dayjs() }}
      success="已取消该事项，此后不能再申请"
      onSubmit={(v) => abolish.mutateAsync({ abolishedOn: day(v.abolishedOn)!, reason: v.reason })}
    >
      <Form.Item name="abolishedOn" label="取消日期" rules={[{ required: true, message: '请选择取消日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label="取消依据" rules={[{ required: true, message: '请填写取消依据（决定或文件的名称、文号）' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </ActionModal>
  );
}

export function ItemsPage() {
  const can = useCan();
  const manage = can('licensing.manage');
  const q = useItems();
  const [guide, setGuide] = useState<ItemView | null>(null);
  const [editing, setEditing] = useState<{ item: ItemView | null } | null>(null);
  const [abolishing, setAbolishing] = useState<ItemView | null>(null);
  const remove = useDeleteItem();
  const { message, modal } = App.useApp();
  const confirmDelete = (r: ItemView) =>
    modal.confirm({
      title: `删除事项：${r.name}`,
      content: '只能删除误录且没有任何申请的事项；不再实施的事项请“取消事项”，以保留历史。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: () =>
        remove.mutateAsync(r.id).then(
          () => void message.success('已删除'),
          (e: unknown) => void message.error(errorMessage(e)),
        ),
    });
  return (
    <>
      <PageHeader
        title="事项目录"
        description="本机关实施的行政许可事项及其办事指南。已取消的事项保留在目录中，但不能再申请；历史数据导入按事项名称对应。"
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ item: null })} data-testid="item-add">
              新增事项
            </Button>
          )
        }
      />
      <Card variant="borderless">
        {q.isError && <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>}
        <Table<ItemView>
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={false}
          data-testid="items-table"
          columns={[
            {
              title: '事项名称',
              dataIndex: 'name',
              render: (v: string, r) => (
                <a onClick={() => setGuide(r)} data-testid="item-guide-link">
                  {v}
                </a>
              ),
            },
            { title: '类别', dataIndex: 'categoryLabel', responsive: ['lg'] },
            { title: '法定时限', dataIndex: 'statutoryDays', render: (v: number) => `${v} 个工作日`, responsive: ['md'] },
            { title: '承诺时限', dataIndex: 'promisedDays', render: (v: number | null) => (v ? `${v} 个工作日` : '—'), responsive: ['md'] },
            { title: '施行日期', dataIndex: 'validFrom', responsive: ['xl'], render: (v: string) => <span className="mono">{v}</span> },
            {
              title: '状态',
              dataIndex: 'status',
              render: (_: unknown, r) => (
                <Space size={4}>
                  <ItemStatusTag status={r.status} />
                  {r.abolishedOn && <Typography.Text type="secondary">{r.abolishedOn}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '操作',
              key: 'ops',
              render: (_: unknown, r) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setGuide(r)}>
                    办事指南
                  </Button>
                  {manage && (
                    <Button type="link" size="small" onClick={() => setEditing({ item: r })}>
                      修改
                    </Button>
                  )}
                  {manage && r.status === 'active' && (
                    <Button type="link" size="small" danger onClick={() => setAbolishing(r)}>
                      取消事项
                    </Button>
                  )}
                  {manage && (
                    <Button type="link" size="small" danger onClick={() => confirmDelete(r)}>
                      删除
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Drawer open={!!guide} title="办事指南" size={640} onClose={() => setGuide(null)} destroyOnHidden>
        {guide && <ItemGuide item={guide} />}
      </Drawer>
      <ItemDrawer item={editing?.item ?? null} open={!!editing} onClose={() => setEditing(null)} />
      {abolishing && <AbolishModal item={abolishing} onClose={() => setAbolishing(null)} />}
    </>
  );
}
