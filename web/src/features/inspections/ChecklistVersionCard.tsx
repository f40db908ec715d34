/** A checklist version: its items with points and veto; a draft edited (add, reorder, remove, score) and published. */
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, LockOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { ItemView, VersionDetail, VersionEntry } from '@server/modules/inspections/catalogue/contracts';
import { areaShort, percent as pct } from '@server/modules/inspections/labels';
import { errorMessage } from '../../api/client';
import { fmtDateTime } from '../../shared/format';
import { useActiveItems, usePublishVersion, useSaveVersionItems } from './queries';

type Row = { itemId: string; code: string; title: string; area: VersionEntry['area']; legalBasis: string; points: number | null; veto: boolean };

export function ChecklistVersionCard({ v, manage }: { v: VersionDetail; manage: boolean }) {
  const { message } = App.useApp();
  const saveItems = useSaveVersionItems(v.id);
  const publish = usePublishVersion(v.id);
  const draft = v.status === 'draft';
  const editable = v.allowedActions.includes('edit');
  const scored = v.checklist.kind === 'evaluation';
  const initial: Row[] = v.items.map((e) => ({
    itemId: e.itemId,
    code: e.code,
    title: e.title,
    area: e.area,
    legalBasis: e.legalBasis,
    points: e.points,
    veto: e.veto,
  }));
  const [rows, setRows] = useState<Row[]>(initial);
  const [adding, setAdding] = useState<string[]>([]);
  const dirty = JSON.stringify(rows.map((r) => [r.itemId, r.points, r.veto])) !== JSON.stringify(initial.map((r) => [r.itemId, r.points, r.veto]));
  // The catalogue is searched on the server (code, title or basis), the first 200 matches at a time;
  // the items picked so far are kept by id, so a new search does not lose them.
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const catalogue = useActiveItems(editable, term);
  const [picked, setPicked] = useState<Map<string, ItemView>>(new Map());
  const found = catalogue.data?.items ?? [];
  const available = [...found, ...[...picked.values()].filter((p) => !found.some((i) => i.id === p.id))].filter((i) => !rows.some((r) => r.itemId === i.id));
  const more = catalogue.data && catalogue.data.total > found.length ? catalogue.data.total - found.length : 0;
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
    saveItems.mutate(
      { items: rows.map((r) => ({ itemId: r.itemId, points: r.points, veto: r.veto })) },
      { onSuccess: () => message.success(`已保存第 ${v.version} 版的 ${rows.length} 项`), onError: (e) => message.error(errorMessage(e)) },
    );

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
            <Button icon={<SaveOutlined />} disabled={!dirty} loading={saveItems.isPending} onClick={save} data-testid="save-version">
              保存
            </Button>
            {v.allowedActions.includes('publish') && (
              <Popconfirm
                title={`发布第 ${v.version} 版？`}
                description="发布后不可修改；如需修改须新建草稿版本。"
                okText="发布"
                cancelText="取消"
                disabled={dirty}
                onConfirm={() =>
                  publish.mutate(undefined, { onSuccess: () => message.success(`第 ${v.version} 版已发布`), onError: (e) => message.error(errorMessage(e)) })
                }
              >
                <Button type="primary" disabled={dirty} loading={publish.isPending} title={dirty ? '请先保存修改' : undefined} data-testid="publish-version">
                  发布
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {!draft && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本版本已于 ${fmtDateTime(v.publishedAt)} 发布，内容冻结，不能修改。${manage ? '如需修改，请“新建草稿版本”。' : ''}`}
        />
      )}
      {draft && !editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="草稿版本，尚未发布。" />}
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
            placeholder="从检查事项清单添加（可多选，可输入编号、名称或依据搜索）"
            value={adding}
            onChange={(ids: string[]) => {
              setAdding(ids);
              setPicked((m) => new Map([...m, ...available.filter((i) => ids.includes(i.id)).map((i) => [i.id, i] as const)]));
            }}
            loading={catalogue.isFetching}
            showSearch={{
              filterOption: false,
              searchValue: search,
              onSearch: (v: string) => {
                setSearch(v);
                if (timer.current) clearTimeout(timer.current);
                timer.current = setTimeout(() => setTerm(v.trim()), 300);
              },
            }}
            options={available.map((i) => ({ value: i.id, label: `${i.code} ${i.title}` }))}
            popupRender={(menu) => (
              <>
                {menu}
                {more > 0 && (
                  <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px' }} data-testid="catalogue-more">
                    另有 {more} 项未列出，请输入编号、名称或依据缩小范围
                  </Typography.Text>
                )}
              </>
            )}
            aria-label="从检查事项清单添加"
          />
          <Button
            icon={<PlusOutlined />}
            disabled={adding.length === 0}
            onClick={() => {
              const add = adding.map((id) => picked.get(id) ?? found.find((i) => i.id === id)).filter((i): i is ItemView => !!i);
              setRows((rs) => [
                ...rs,
                ...add.map((i) => ({
                  itemId: i.id,
                  code: i.code,
                  title: i.title,
                  area: i.area,
                  legalBasis: i.legalBasis,
                  points: scored ? 5 : null,
                  veto: false,
                })),
              ]);
              setAdding([]);
              setPicked(new Map());
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
            {
              title: '检查事项',
              dataIndex: 'title',
              render: (x: string, r) => (
                <div style={{ minWidth: 240, maxWidth: 460 }}>
                  {x}
                  {r.veto && (
                    <Tag color="red" style={{ marginLeft: 6 }}>
                      否决项
                    </Tag>
                  )}
                </div>
              ),
            },
            ...(scored || rows.some((r) => r.points !== null)
              ? [
                  {
                    title: '分值',
                    dataIndex: 'points',
                    render: (p: number | null, _r: Row, i: number) =>
                      editable ? (
                        <InputNumber
                          size="small"
                          min={0}
                          max={1000}
                          value={p}
                          style={{ width: 80 }}
                          onChange={(x) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, points: typeof x === 'number' ? x : null } : r)))}
                          aria-label="分值"
                        />
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
                      editable ? (
                        <Checkbox
                          checked={x}
                          onChange={(e) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, veto: e.target.checked } : r)))}
                          aria-label="否决项"
                        />
                      ) : x ? (
                        '是'
                      ) : (
                        '—'
                      ),
                  },
                ]
              : []),
            { title: '类别', dataIndex: 'area', render: (a: Row['area']) => <Tag color="blue">{areaShort(a)}</Tag>, responsive: ['md'] },
            {
              title: '法律依据',
              dataIndex: 'legalBasis',
              render: (x: string) => <div style={{ maxWidth: 240, fontSize: 12 }}>{x}</div>,
              responsive: scored ? ['xxl'] : ['xl'],
            },
            ...(editable
              ? [
                  {
                    title: '调整',
                    key: 'ops',
                    fixed: 'right' as const,
                    render: (_: unknown, __: Row, i: number) => (
                      <Space size={0}>
                        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移" />
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          disabled={i === rows.length - 1}
                          onClick={() => move(i, 1)}
                          aria-label="下移"
                        />
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => setRows((rs) => rs.filter((_x, j) => j !== i))}
                          aria-label="移除"
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editable && dirty && (
        <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
          有未保存的修改。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
