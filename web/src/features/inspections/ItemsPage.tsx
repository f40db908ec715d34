/** 检查事项清单: the catalogue of inspection items, each citing 档案法第四十二条（一）…（六） and its article. */
import { useState } from 'react';
import { App, Button, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { ItemView } from '@server/modules/inspections/catalogue/contracts';
import { AREAS, AREA_LABELS, areaShort, type Area } from '@server/modules/inspections/labels';
import { errorMessage } from '../../api/client';
import { FormDrawer } from '../../shared/FormDrawer';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { dash } from '../../shared/format';
import { useCan } from '../../app/auth';
import { ITEMS_URL, useSaveItem } from './queries';
import { areaOptions } from './shared';

type ItemForm = { code: string; title: string; area: Area; legalBasis: string; method?: string | null; evidenceHint?: string | null };

export function ItemsPage() {
  const can = useCan();
  const manage = can('inspection.manage');
  const { message } = App.useApp();
  const save = useSaveItem();
  const [editing, setEditing] = useState<ItemView | 'new' | null>(null);

  const setStatus = async (it: ItemView, status: 'active' | 'retired') => {
    try {
      await save.mutateAsync({ id: it.id, body: { status } });
      message.success(status === 'retired' ? `已停用：${it.code}` : `已启用：${it.code}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<ItemView> = [
    { title: '编号', dataIndex: 'code', key: 'code', render: (v: string) => <span className="mono">{v}</span>, width: 90 },
    {
      title: '检查事项',
      dataIndex: 'title',
      key: 'title',
      render: (v: string, r) => (
        <div style={{ minWidth: 220, maxWidth: 380 }}>
          <div>{v}</div>
          {(r.method || r.evidenceHint) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.method ? `方式：${r.method}` : ''}
              {r.method && r.evidenceHint ? '；' : ''}
              {r.evidenceHint ? `材料：${r.evidenceHint}` : ''}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: '检查内容（档案法第四十二条）',
      dataIndex: 'area',
      key: 'area',
      filters: AREAS.map((a) => ({ value: a, text: AREA_LABELS[a] })),
      render: (v: Area) => (
        <Tag color="blue" title={AREA_LABELS[v]}>
          {areaShort(v)}
        </Tag>
      ),
    },
    { title: '法律依据', dataIndex: 'legalBasis', key: 'legalBasis', render: (v: string) => <div style={{ maxWidth: 280 }}>{v}</div>, responsive: ['lg'] },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      filters: [
        { value: 'active', text: '启用' },
        { value: 'retired', text: '停用' },
      ],
      render: (v: string, r) => <Tag color={v === 'active' ? 'green' : 'default'}>{r.statusLabel}</Tag>,
    },
    ...(manage
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, r: ItemView) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(r)}>
                  编辑
                </Button>
                {r.status === 'active' ? (
                  <Popconfirm
                    title={`停用“${r.code}”？`}
                    description="停用后不能再加入检查表；已发布的检查表版本不受影响。"
                    okText="停用"
                    cancelText="取消"
                    onConfirm={() => void setStatus(r, 'retired')}
                  >
                    <Button type="link" size="small" danger>
                      停用
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => void setStatus(r, 'active')}>
                    启用
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const e = editing && editing !== 'new' ? editing : null;
  return (
    <>
      <PageHeader title="检查事项清单" description="每个检查事项注明《档案法》第四十二条规定的检查内容类别和具体法律依据。修改事项不影响已发布的检查表版本。" />
      <ListPage<ItemView>
        url={ITEMS_URL}
        testId="items-table"
        columns={columns}
        searchPlaceholder="搜索编号、事项或依据"
        defaultPageSize={50}
        actions={() =>
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建事项
            </Button>
          )
        }
      />
      <FormDrawer<ItemForm>
        open={!!editing}
        title={e ? `编辑检查事项：${e.code}` : '新建检查事项'}
        width={600}
        formName="item"
        onClose={() => setEditing(null)}
        initialValues={
          e
            ? { code: e.code, title: e.title, area: e.area, legalBasis: e.legalBasis, method: e.method, evidenceHint: e.evidenceHint }
            : { legalBasis: '《中华人民共和国档案法》第' }
        }
        onSubmit={(v) => {
          const opt = (s?: string | null) => (s && s.trim() ? s.trim() : null);
          const body = {
            code: v.code.trim(),
            title: v.title.trim(),
            area: v.area,
            legalBasis: v.legalBasis.trim(),
            method: opt(v.method),
            evidenceHint: opt(v.evidenceHint),
          };
          return save.mutateAsync({ id: e?.id, body });
        }}
        successMessage={e ? '已保存' : '已新建检查事项'}
      >
        <Form.Item
          label="事项编号"
          name="code"
          rules={[
            { required: true, whitespace: true, message: '请填写事项编号' },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/, message: '1–20 位字母、数字、点或连字符' },
          ]}
        >
          <Input className="mono" placeholder="如 A2-07" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="检查事项"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写检查事项' },
            { max: 200, message: '不能超过 200 个字' },
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="检查内容类别" name="area" rules={[{ required: true, message: '请选择档案法第四十二条的检查内容类别' }]}>
          <Select options={areaOptions} placeholder="请选择" />
        </Form.Item>
        <Form.Item
          label="法律依据"
          name="legalBasis"
          rules={[
            { required: true, whitespace: true, message: '请填写法律依据' },
            { max: 500, message: '不能超过 500 个字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="检查方式" name="method" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
          <Input placeholder="如：查阅资料、实地查看、询问" />
        </Form.Item>
        <Form.Item
          label="应备材料"
          name="evidenceHint"
          rules={[{ max: 500, message: '不能超过 500 个字' }]}
          extra={e ? `当前：${dash(e.evidenceHint)}` : undefined}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
