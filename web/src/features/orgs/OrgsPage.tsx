/** 机构与科室: the org tree (own org and subordinates) and the departments of the selected org. */
import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { ORG_LEVELS, ORG_LEVEL_LABELS, type OrgLevel } from '@server/kernel/contracts';
import type { Department, OrgNode } from '@server/modules/orgs/orgs/contracts';
import { errorMessage } from '../../api/client';
import { useDepartments, useOrgTree } from '../../api/queries';
import { FormDrawer } from '../../shared/FormDrawer';
import { PageHeader } from '../../shared/PageHeader';
import { TimelineDrawer } from '../../shared/Timeline';
import { useMe } from '../../app/auth';
import { useSaveDepartment, useSaveOrg } from './queries';

const LEVELS = ORG_LEVELS;
const RANK: Record<OrgLevel, number> = { province: 0, city: 1, county: 2 };

type OrgForm = { name: string; level: OrgLevel; regionCode: string };
type OrgEditing = { mode: 'create'; parent: OrgNode } | { mode: 'edit'; org: OrgNode };

export function OrgsPage() {
  const me = useMe();
  const saveOrg = useSaveOrg();
  const tree = useOrgTree();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<OrgEditing | null>(null);
  const [timeline, setTimeline] = useState<{ type: string; id: string; title: string } | null>(null);

  const roots = tree.data?.items ?? [];
  const flat: OrgNode[] = [];
  const walk = (ns: OrgNode[]) => ns.forEach((n) => (flat.push(n), walk(n.children ?? [])));
  walk(roots);
  const selected = flat.find((o) => o.id === (selectedId ?? me.org.id)) ?? roots[0] ?? null;

  // antd Table treats an empty children array as expandable; drop empty ones.
  const strip = (ns: OrgNode[]): OrgNode[] => ns.map((n) => ({ ...n, children: n.children?.length ? strip(n.children) : (undefined as unknown as OrgNode[]) }));

  return (
    <>
      <PageHeader title="机构与科室" description="本机构及下级机构；上级机关可查看下级机构的数据，只能修改本机构的信息。" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title="机构">
            {tree.isError && <Alert type="error" showIcon title={errorMessage(tree.error)} style={{ marginBottom: 12 }} />}
            <Table<OrgNode>
              data-testid="org-tree"
              rowKey="id"
              size="middle"
              loading={tree.isLoading}
              dataSource={strip(roots)}
              pagination={false}
              expandable={{ defaultExpandAllRows: true }}
              key={roots.length ? 'loaded' : 'loading'}
              scroll={{ x: 'max-content' }}
              rowClassName={(r) => (r.id === selected?.id ? 'row-active' : '')}
              onRow={(r) => ({ onClick: () => setSelectedId(r.id), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: '机构名称',
                  dataIndex: 'name',
                  render: (v: string, r) => (
                    <Space>
                      <span>{v}</span>
                      {r.id === me.org.id && <Tag color="blue">本机构</Tag>}
                    </Space>
                  ),
                },
                { title: '层级', dataIndex: 'level', render: (v: OrgLevel) => ORG_LEVEL_LABELS[v] ?? v },
                { title: '行政区划代码', dataIndex: 'regionCode', render: (v: string) => <span className="mono">{v}</span> },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, r) => (
                    <Space size={0} onClick={(e) => e.stopPropagation()}>
                      {r.allowedActions.includes('createChild') && (
                        <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parent: r })}>
                          新建下级
                        </Button>
                      )}
                      {r.allowedActions.includes('edit') && (
                        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', org: r })}>
                          编辑
                        </Button>
                      )}
                      <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setTimeline({ type: 'org', id: r.id, title: r.name })}>
                        时间线
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {selected && (
            <Departments
              org={selected}
              editable={selected.allowedActions.includes('edit')}
              onTimeline={(d) => setTimeline({ type: 'department', id: d.id, title: d.name })}
            />
          )}
        </Col>
      </Row>

      <FormDrawer<OrgForm>
        open={!!editing}
        title={editing?.mode === 'create' ? `新建下级机构（上级：${editing.parent.name}）` : '编辑机构信息'}
        onClose={() => setEditing(null)}
        initialValues={
          editing?.mode === 'edit'
            ? { name: editing.org.name, level: editing.org.level, regionCode: editing.org.regionCode }
            : { level: editing?.mode === 'create' ? LEVELS[RANK[editing.parent.level] + 1] : undefined }
        }
        onSubmit={(v) =>
          saveOrg.mutateAsync(
            editing?.mode === 'create'
              ? { create: { parentId: editing.parent.id, name: v.name.trim(), level: v.level, regionCode: v.regionCode.trim() } }
              : { id: editing!.mode === 'edit' ? editing!.org.id : '', patch: { name: v.name.trim(), regionCode: v.regionCode.trim() } },
          )
        }
        successMessage={editing?.mode === 'create' ? '已新建下级机构' : '已保存'}
      >
        <Form.Item
          label="机构名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请填写机构名称' },
            { max: 100, message: '不能超过 100 个字' },
          ]}
        >
          <Input placeholder="如：某某区档案局" />
        </Form.Item>
        <Form.Item label="层级" name="level" rules={[{ required: true, message: '请选择层级' }]}>
          <Select
            disabled={editing?.mode === 'edit'}
            options={LEVELS.filter((l) => editing?.mode !== 'create' || RANK[l] > RANK[editing.parent.level]).map((l) => ({
              value: l,
              label: ORG_LEVEL_LABELS[l],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="行政区划代码"
          name="regionCode"
          rules={[
            { required: true, message: '请填写行政区划代码' },
            { pattern: /^\d{6}$/, message: '行政区划代码应为 6 位数字' },
          ]}
        >
          <Input maxLength={6} inputMode="numeric" placeholder="6 位数字" />
        </Form.Item>
      </FormDrawer>

      <TimelineDrawer
        open={!!timeline}
        onClose={() => setTimeline(null)}
        entityType={timeline?.type ?? 'org'}
        entityId={timeline?.id ?? null}
        title={`全过程记录 · ${timeline?.title ?? ''}`}
      />
    </>
  );
}

function Departments({ org, editable, onTimeline }: { org: OrgNode; editable: boolean; onTimeline: (d: Department) => void }) {
  const me = useMe();
  const deps = useDepartments(org.id === me.org.id ? undefined : org.id);
  const saveDepartment = useSaveDepartment();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  return (
    <Card
      variant="borderless"
      title={
        <span>
          科室{' '}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {org.name}
          </Typography.Text>
        </span>
      }
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增科室
          </Button>
        )
      }
    >
      {deps.isError && <Alert type="error" showIcon title={errorMessage(deps.error)} />}
      <Table<Department>
        data-testid="departments"
        rowKey="id"
        size="middle"
        loading={deps.isLoading}
        dataSource={deps.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未设置科室" /> }}
        columns={[
          { title: '科室名称', dataIndex: 'name' },
          {
            title: '操作',
            key: 'actions',
            width: 180,
            render: (_: unknown, d) => (
              <Space size={0}>
                {editable && (
                  <Button type="link" size="small" onClick={() => setEditing(d)}>
                    重命名
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => onTimeline(d)}>
                  时间线
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormDrawer<{ name: string }>
        open={!!editing}
        title={editing === 'new' ? '新增科室' : '重命名科室'}
        width={420}
        onClose={() => setEditing(null)}
        initialValues={editing && editing !== 'new' ? { name: editing.name } : {}}
        onSubmit={(v) => saveDepartment.mutateAsync({ id: editing === 'new' ? undefined : (editing as Department).id, body: { name: v.name.trim() } })}
      >
        <Form.Item
          label="科室名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请填写科室名称' },
            { max: 40, message: '不能超过 40 个字' },
          ]}
        >
          <Input placeholder="如：监督指导科" />
        </Form.Item>
      </FormDrawer>
    </Card>
  );
}
