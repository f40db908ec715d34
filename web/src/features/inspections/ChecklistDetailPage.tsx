/** One checklist: its versions; a version's items with points and veto; a draft edited and published. */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, InputNumber, Popconfirm, Result, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowLeftOutlined, ArrowUpOutlined, DeleteOutlined, LockOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { api, errorMessage } from '../../api/client';
import { areaShort, pct, type ChecklistDetail, type InspectionItem, type VersionDetail, type VersionEntry } from '../../api/inspections';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { useCan } from '../../app/auth';
import { kindTag } from './shared';

type Row = { itemId: string; code: string; title: string; area: VersionEntry['area']; legalBasis: string; points: number | null; veto: boolean };

export function ChecklistDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const can = useCan();
  const manage = can('inspection.manage');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const cl = useQuery({ queryKey: ['/api/inspections/checklists', id], queryFn: () => api.get<ChecklistDetail>(`/api/inspections/checklists/${id}`) });
  const [picked, setPicked] = useState<string | null>(null);
  const versionId = picked ?? cl.data?.versions[0]?.id ?? null;
  const ver = useQuery({
    queryKey: ['/api/inspections/checklist-versions', versionId],
    queryFn: () => api.get<VersionDetail>(`/api/inspections/checklist-versions/${versionId}`),
    enabled: !!versionId,
  });
  const [busy, setBusy] = useState<string | null>(null);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['/api/inspections/checklists'] });
    void qc.invalidateQueries({ queryKey: ['/api/inspections/checklist-versions'] });
  };
  const act = async (what: string, fn: () => Promise<unknown>, ok: string) => {
    setBusy(what);
    try {
      const r = await fn();
      message.success(ok);
      refresh();
      return r;
    } catch (e) {
      message.error(errorMessage(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  if (cl.isLoading) return <Skeleton active />;
  if (cl.isError || !cl.data) return <Result status="error" title="加载失败" subTitle={errorMessage(cl.error)} />;
  const c = cl.data;
  const hasDraft = c.versions.some((v) => v.status === 'draft');
  const hasPublished = c.versions.some((v) => v.status === 'published');

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {c.name}
            {kindTag(c.kind, c.kindLabel)}
          </Space>
        }
        description={c.description}
        extra={
          <Space wrap>
            <Link to="/inspection/checklists">
              <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
            </Link>
            {manage && !hasDraft && hasPublished && (
              <Button
                icon={<PlusOutlined />}
                loading={busy === 'new'}
                data-testid="new-draft"
                onClick={() =>
                  void act('new', () => api.post<VersionDetail>(`/api/inspections/checklists/${id}/versions`), '已新建草稿版本（以现行版本为基础，已停用的事项不带入）').then((v) => {
                    if (v) setPicked((v as VersionDetail).id);
                  })
                }
              >
                新建草稿版本
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <Card variant="borderless" title="版本" size="small">
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="versions">
              {c.versions.map((v) => (
                <Button key={v.id} block type={v.id === versionId ? 'primary' : 'default'} ghost={v.id === versionId} onClick={() => setPicked(v.id)} style={{ textAlign: 'left', height: 'auto', padding: '6px 10px' }}>
                  <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                    <Space size={4}>
                      第 {v.version} 版 {v.status === 'published' ? <Tag color="green">已发布</Tag> : <Tag color="orange">草稿</Tag>}
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {v.itemCount ?? 0} 项 · {v.status === 'published' ? fmtDateTime(v.publishedAt) : `创建于 ${fmtDateTime(v.createdAt)}`}
                    </Typography.Text>
                  </Space>
                </Button>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          {ver.isLoading && <Skeleton active />}
          {ver.isError && <Alert type="error" showIcon title={errorMessage(ver.error)} />}
          {ver.data && <VersionView key={ver.data.id + ver.data.items.length + String(ver.dataUpdatedAt)} v={ver.data} manage={manage} busy={busy} act={act} />}
        </Col>
      </Row>
    </>
  );
}

function VersionView({
  v,
  manage,
  busy,
  act,
}: {
  v: VersionDetail;
  manage: boolean;
  busy: string | null;
  act: (what: string, fn: () => Promise<unknown>, ok: string) => Promise<unknown>;
}) {
  const draft = v.status === 'draft';
  const editable = draft && manage;
  const scored = v.checklist.kind === 'evaluation';
  const initial: Row[] = v.items.map((e) => ({ itemId: e.itemId, code: e.code, title: e.title, area: e.area, legalBasis: e.legalBasis, points: e.points, veto: e.veto }));
  const [rows, setRows] = useState<Row[]>(initial);
  const [adding, setAdding] = useState<string[]>([]);
  const dirty = JSON.stringify(rows.map((r) => [r.itemId, r.points, r.veto])) !== JSON.stringify(initial.map((r) => [r.itemId, r.points, r.veto]));
  const catalogue = useQuery({
    queryKey: ['/api/inspections/items', { status: 'active' }],
    queryFn: () => api.get<{ items: InspectionItem[] }>('/api/inspections/items', { status: 'active' }),
    enabled: editable,
  });
  const available = (catalogue.data?.items ?? []).filter((i) => !rows.some((r) => r.itemId === i.id));
  const move = (i: number, d: -1 | 1) =>
    setRows((rs) => {
      const a = [...rs];
      const j = i + d;
      if (j < 0 || j >= a.length) return a;
      [a[i], a[j]] = [a[j]!, a[i]!];
      return a;
    });
  const total = rows.reduce((s, r) => s + (r.points ?? 0), 0);

  const save = () =>
    act('save', () => api.put(`/api/inspections/checklist-versions/${v.id}/items`, { items: rows.map((r) => ({ itemId: r.itemId, points: r.points, veto: r.veto })) }), `已保存第 ${v.version} 版的 ${rows.length} 项`);

  return (
    <Card
      variant="borderless"
      size="small"
      title={
        <Space wrap>
          第 {v.version} 版
          {draft ? (
            <Tag color="orange" data-testid="version-status">
              草稿（可修改）
            </Tag>
          ) : (
            <Tag color="green" icon={<LockOutlined />} data-testid="version-status">
              已发布 · 只读
            </Tag>
          )}
          <Typography.Text type="secondary">{rows.length} 项</Typography.Text>
          {scored && <Typography.Text type="secondary">合计 {total} 分</Typography.Text>}
        </Space>
      }
      extra={
        editable && (
          <Space wrap>
            <Button icon={<SaveOutlined />} disabled={!dirty} loading={busy === 'save'} onClick={() => void save()} data-testid="save-version">
              保存
            </Button>
            <Popconfirm
              title={`发布第 ${v.version} 版？`}
              description="发布后不可修改；如需修改须新建草稿版本。"
              okText="发布"
              cancelText="取消"
              disabled={dirty}
              onConfirm={() => void act('publish', () => api.post(`/api/inspections/checklist-versions/${v.id}/publish`), `第 ${v.version} 版已发布`)}
            >
              <Button type="primary" disabled={dirty} loading={busy === 'publish'} title={dirty ? '请先保存修改' : undefined} data-testid="publish-version">
                发布
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {!draft && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`本版本已于 ${fmtDateTime(v.publishedAt)} 发布，内容冻结，不能修改。${manage ? '如需修改，请“新建草稿版本”。' : ''}`} />}
      {draft && !manage && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="草稿版本，尚未发布。" />}
      {scored && v.thresholds && (
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="优秀">≥ {pct(v.thresholds.excellent)}</Descriptions.Item>
          <Descriptions.Item label="良好">≥ {pct(v.thresholds.good)}</Descriptions.Item>
          <Descriptions.Item label="合格">≥ {pct(v.thresholds.pass)}</Descriptions.Item>
        </Descriptions>
      )}
      {editable && (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Select
            mode="multiple"
            allowClear
            style={{ width: '100%' }}
            placeholder="从检查事项清单添加（可多选，可输入编号或名称搜索）"
            value={adding}
            onChange={setAdding}
            loading={catalogue.isLoading}
            optionFilterProp="label"
            options={available.map((i) => ({ value: i.id, label: `${i.code} ${i.title}` }))}
            aria-label="从检查事项清单添加"
          />
          <Button
            icon={<PlusOutlined />}
            disabled={adding.length === 0}
            onClick={() => {
              const add = adding.map((id) => catalogue.data!.items.find((i) => i.id === id)!).filter(Boolean);
              setRows((rs) => [...rs, ...add.map((i) => ({ itemId: i.id, code: i.code, title: i.title, area: i.area, legalBasis: i.legalBasis, points: scored ? 5 : null, veto: false }))]);
              setAdding([]);
            }}
          >
            添加
          </Button>
        </Space.Compact>
      )}
      {rows.length === 0 ? (
        <Empty description={editable ? '还没有检查项，请从检查事项清单添加' : '没有检查项'} />
      ) : (
        <Table<Row>
          size="small"
          rowKey="itemId"
          data-testid="version-items"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          columns={[
            { title: '序', key: 'n', width: 44, render: (_: unknown, __: Row, i: number) => i + 1 },
            { title: '编号', dataIndex: 'code', render: (x: string) => <span className="mono">{x}</span> },
            { title: '检查事项', dataIndex: 'title', render: (x: string, r) => <div style={{ minWidth: 240, maxWidth: 460 }}>{x}{r.veto && <Tag color="red" style={{ marginLeft: 6 }}>否决项</Tag>}</div> },
            ...(scored || rows.some((r) => r.points !== null)
              ? [
                  {
                    title: '分值',
                    dataIndex: 'points',
                    render: (p: number | null, _r: Row, i: number) =>
                      editable ? (
                        <InputNumber size="small" min={0} max={1000} value={p} style={{ width: 80 }} onChange={(x) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, points: typeof x === 'number' ? x : null } : r)))} aria-label="分值" />
                      ) : (
                        (p ?? '—')
                      ),
                  },
                ]
              : []),
            ...(scored
              ? [
                  {
                    title: '否决项',
                    dataIndex: 'veto',
                    render: (x: boolean, _r: Row, i: number) =>
                      editable ? <Checkbox checked={x} onChange={(e) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, veto: e.target.checked } : r)))} aria-label="否决项" /> : x ? '是' : '—',
                  },
                ]
              : []),
            { title: '类别', dataIndex: 'area', render: (a: Row['area']) => <Tag color="blue">{areaShort(a)}</Tag>, responsive: ['md'] },
            { title: '法律依据', dataIndex: 'legalBasis', render: (x: string) => <div style={{ maxWidth: 240, fontSize: 12 }}>{x}</div>, responsive: scored ? ['xxl'] : ['xl'] },
            ...(editable
              ? [
                  {
                    title: '调整',
                    key: 'ops',
                    fixed: 'right' as const,
                    render: (_: unknown, __: Row, i: number) => (
                      <Space size={0}>
                        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移" />
                        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label="下移" />
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => setRows((rs) => rs.filter((_x, j) => j !== i))} aria-label="移除" />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editable && dirty && <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>有未保存的修改。</Typography.Paragraph>}
    </Card>
  );
}
