/** One draw: the frozen pool (listHash), execution, publication, redraw, result with teams, verification. */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Empty, Form, Input, Modal, Popconfirm, Result, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, GlobalOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { api, errorMessage } from '../../api/client';
import type { DrawDetail } from '../../api/inspections';
import type { RiskTier } from '../../api/types';
import { UNIT_TYPE_LABELS } from '../../api/labels';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { AuditTimeline } from '../../shared/Timeline';
import { fmtDate, fmtDateTime } from '../../shared/format';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { useCan } from '../../app/auth';
import { DrawFormDrawer } from './DrawForm';
import { DrawStatusTag } from './DrawStatusTag';
import { VerifyPanel } from './VerifyPanel';

export function DrawDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const can = useCan();
  const manage = can('inspection.manage');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['/api/inspections/draws', id], queryFn: () => api.get<DrawDetail>(`/api/inspections/draws/${id}`) });
  const [executing, setExecuting] = useState(false);
  const [redrawing, setRedrawing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [generating, setGenerating] = useState(false);

  const refresh = (d?: DrawDetail) => {
    if (d) qc.setQueryData(['/api/inspections/draws', id], d);
    void qc.invalidateQueries({ queryKey: ['/api/inspections/draws'] });
    void qc.invalidateQueries({ queryKey: ['/api/inspections/plans'] });
  };

  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data) return <Result status="error" title="加载失败" subTitle={errorMessage(q.error)} />;
  const d = q.data;
  const unitName = new Map(d.units.map((u) => [u.id, u.name]));
  const inspectorName = new Map(d.inspectorPool.map((i) => [i.id, `${i.name}（${i.certificateNo}）`]));
  const names = (x: string) => unitName.get(x) ?? inspectorName.get(x);
  const superseded = !!d.supersededById;

  const generate = async () => {
    setGenerating(true);
    try {
      const r = await api.post<{ items: { id: string }[] }>(`/api/inspections/draws/${id}/inspections`);
      message.success(`已按批次 ${d.drawId} 生成 ${r.items.length} 项检查任务`);
      void qc.invalidateQueries({ queryKey: ['/api/inspections'] });
      void navigate({ to: '/inspection/inspections' });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setGenerating(false);
    }
  };

  const publish = async () => {
    setPublishing(true);
    try {
      refresh(await api.post<DrawDetail>(`/api/inspections/draws/${id}/publish`));
      message.success(`批次 ${d.drawId} 已公布`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setPublishing(false);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            <span>
              抽取批次 <span className="mono">{d.drawId}</span>
            </span>
            <DrawStatusTag status={d.status} label={d.statusLabel} />
            {superseded && (
              <Tag color="default" data-testid="superseded-tag">
                已被重抽
              </Tag>
            )}
          </Space>
        }
        description={d.planTitle}
        extra={
          <Space wrap>
            <Link to="/inspection/draws">
              <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
            </Link>
            {d.status === 'published' && (
              <Link to="/public/draws/$id" params={{ id: d.id }} target="_blank" data-testid="public-link">
                <Button icon={<GlobalOutlined />}>公示页（公众复核）</Button>
              </Link>
            )}
            {manage && d.status === 'pool_frozen' && !superseded && (
              <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setExecuting(true)} data-testid="execute-draw">
                执行抽取
              </Button>
            )}
            {manage && d.status === 'drawn' && (
              <Popconfirm title="公布抽取结果？" description="公布后任何人都可以在公示页查看并复核。" okText="公布" cancelText="取消" onConfirm={() => void publish()}>
                <Button type="primary" loading={publishing} data-testid="publish-draw">
                  公布结果
                </Button>
              </Popconfirm>
            )}
            {manage && d.status === 'published' && !superseded && (
              <Popconfirm title="按抽取结果生成检查任务？" description="每个抽中单位生成一项检查，检查组为抽中的执法人员。" okText="生成" cancelText="取消" onConfirm={() => void generate()}>
                <Button type="primary" loading={generating} data-testid="generate-inspections">
                  生成检查任务
                </Button>
              </Popconfirm>
            )}
            {manage && !superseded && (
              <Button icon={<ReloadOutlined />} onClick={() => setRedrawing(true)} data-testid="redraw">
                重新抽取
              </Button>
            )}
          </Space>
        }
      />
      {superseded && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              本批次已被 <Link to="/inspection/draws/$id" params={{ id: d.supersededById! }}>{d.supersededByDrawId}</Link> 重新抽取取代；本批次及其结果保留可查。
            </span>
          }
        />
      )}
      {d.supersedesId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              本批次为重新抽取，取代 <Link to="/inspection/draws/$id" params={{ id: d.supersedesId }}>{d.supersedesDrawId}</Link>。理由：{d.redrawReason}
            </span>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title="名单与参数" size="small">
            <Descriptions bordered size="small" column={1} data-testid="draw-summary">
              <Descriptions.Item label="检查计划">
                <Link to="/inspection/plans/$id" params={{ id: d.planId }}>
                  {d.planTitle}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label="计划检查日期">{fmtDate(d.plannedDate)}</Descriptions.Item>
              <Descriptions.Item label="候选名单">
                {d.candidateCount} 家（排除 {d.excluded.length} 家）
              </Descriptions.Item>
              <Descriptions.Item label="名单哈希">
                <span className="mono hash-text" data-testid="list-hash">
                  {d.listHash}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="抽取数量">
                {d.strata.length ? (
                  <Space orientation="vertical" size={0}>
                    {d.strata.map((s) => (
                      <span key={s.name}>
                        {s.name}：{s.candidateCount} 家中抽 {s.k} 家
                      </span>
                    ))}
                    <Typography.Text type="secondary">合计 {d.k} 家</Typography.Text>
                  </Space>
                ) : (
                  `${d.k} 家`
                )}
              </Descriptions.Item>
              <Descriptions.Item label="检查组">每组 {d.teamSize} 名（执法人员库 {d.inspectorPool.length} 名）</Descriptions.Item>
              <Descriptions.Item label="随机数来源">{d.entropySource === 'public' ? `公开随机值：${d.publicValueName}` : '服务器随机数'}</Descriptions.Item>
              {d.record && (
                <Descriptions.Item label="随机数">
                  <span className="mono hash-text">{d.record.entropy}</span>
                </Descriptions.Item>
              )}
              {d.record && (
                <Descriptions.Item label="种子">
                  <span className="mono hash-text">{d.record.seed}</span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="冻结时间">{fmtDateTime(d.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="抽取时间">{fmtDateTime(d.executedAt)}</Descriptions.Item>
              <Descriptions.Item label="公布时间">{fmtDateTime(d.publishedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card variant="borderless" title="服务器校验" size="small" style={{ marginTop: 16 }} data-testid="server-verification">
            {d.verification ? (
              <>
                <Typography.Paragraph>
                  {d.verification.ok ? (
                    <Typography.Text type="success" strong>
                      <CheckCircleFilled /> 记录校验通过
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="danger" strong>
                      <CloseCircleFilled /> 记录校验未通过：{d.verification.problems.join('；')}
                    </Typography.Text>
                  )}
                </Typography.Paragraph>
                <Collapse
                  size="small"
                  ghost
                  defaultActiveKey={d.verification.ok ? [] : ['checks']}
                  items={[
                    {
                      key: 'checks',
                      label: `${d.verification.checks.length} 项校验明细`,
                      children: (
                        <ul className="explain-list check-list">
                          {d.verification.checks.map((c, i) => (
                            <li key={i}>
                              <Typography.Text type={c.ok ? undefined : 'danger'}>
                                {c.ok ? '✓' : '✗'} {c.zh}
                              </Typography.Text>
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]}
                />
              </>
            ) : (
              <Typography.Text type="secondary">尚未抽取。执行抽取后，服务器按 lantai-draw-v1 重算每个环节。</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card variant="borderless" size="small">
            <Tabs
              items={[
                {
                  key: 'result',
                  label: `抽取结果${d.selected.length ? `（${d.selected.length}）` : ''}`,
                  children: d.selected.length ? (
                    <Table
                      size="small"
                      rowKey="unitId"
                      data-testid="selected-table"
                      pagination={false}
                      scroll={{ x: 'max-content' }}
                      dataSource={d.selected.map((s, i) => ({ ...s, n: i + 1 }))}
                      columns={[
                        { title: '序', dataIndex: 'n', width: 44 },
                        { title: '检查对象', dataIndex: 'name' },
                        { title: '风险等级', dataIndex: 'riskTier', render: (v: RiskTier | null) => <StatusTag kind="risk" value={v} /> },
                        {
                          title: '检查组（执法证号）',
                          dataIndex: 'team',
                          render: (t: DrawDetail['selected'][number]['team']) => (
                            <Space orientation="vertical" size={0}>
                              {t.map((x) => (
                                <span key={x.id} data-testid="team-member">
                                  {x.name} <span className="mono">{x.certificateNo}</span>
                                </span>
                              ))}
                            </Space>
                          ),
                        },
                      ]}
                    />
                  ) : (
                    <Empty description={superseded ? '本批次未抽取即被重新抽取取代' : '尚未抽取'} />
                  ),
                },
                {
                  key: 'pool',
                  label: `候选名单（${d.units.length}）`,
                  children: (
                    <Table
                      size="small"
                      rowKey="id"
                      data-testid="pool-table"
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                      scroll={{ x: 'max-content' }}
                      dataSource={d.units}
                      columns={[
                        { title: '检查对象', dataIndex: 'name' },
                        { title: '类型', dataIndex: 'type', render: (v: string) => UNIT_TYPE_LABELS[v as keyof typeof UNIT_TYPE_LABELS] ?? v },
                        { title: '风险等级', dataIndex: 'riskTier', render: (v: RiskTier) => <StatusTag kind="risk" value={v} /> },
                        { title: '编号', dataIndex: 'id', render: (v: string) => <span className="mono hash-text">{v}</span>, responsive: ['xl'] },
                      ]}
                    />
                  ),
                },
                {
                  key: 'excluded',
                  label: `排除（${d.excluded.length}）`,
                  children: (
                    <>
                      <Table
                        size="small"
                        rowKey="unitId"
                        data-testid="excluded-table"
                        pagination={false}
                        dataSource={d.excluded}
                        locale={{ emptyText: '没有排除的单位' }}
                        columns={[
                          { title: '检查对象', dataIndex: 'name' },
                          { title: '排除理由', dataIndex: 'reason' },
                        ]}
                      />
                      {d.kept.length > 0 && (
                        <>
                          <Typography.Title level={5} style={{ marginTop: 16 }}>
                            近期已检查但仍参加抽取
                          </Typography.Title>
                          <ul className="explain-list">
                            {d.kept.map((k) => (
                              <li key={k.unitId}>
                                {k.name}：{k.note}
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </>
                  ),
                },
                {
                  key: 'inspectors',
                  label: `执法人员库（${d.inspectorPool.length}）`,
                  children: (
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={d.inspectorPool}
                      columns={[
                        { title: '姓名', dataIndex: 'name' },
                        { title: '执法证号', dataIndex: 'certificateNo', render: (v: string) => <span className="mono">{v}</span> },
                        { title: '有效期至', dataIndex: 'certExpiresOn', render: fmtDate },
                      ]}
                    />
                  ),
                },
                {
                  key: 'verify',
                  label: '浏览器复核',
                  children: d.record ? <VerifyPanel record={d.record} names={names} /> : <Empty description="尚未抽取" />,
                },
                { key: 'timeline', label: '时间线', children: <AuditTimeline entityType="inspectionDraw" entityId={d.id} orgId={d.orgId} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <ExecuteModal draw={d} open={executing} onClose={() => setExecuting(false)} onDone={(x) => refresh(x)} />
      <DrawFormDrawer
        open={redrawing}
        redraw={d}
        onClose={() => setRedrawing(false)}
        onCreated={(x) => {
          refresh();
          void navigate({ to: '/inspection/draws/$id', params: { id: x.id } });
        }}
      />
    </>
  );
}

function ExecuteModal({ draw, open, onClose, onDone }: { draw: DrawDetail; open: boolean; onClose: () => void; onDone: (d: DrawDetail) => void }) {
  const [form] = Form.useForm<{ entropy?: string }>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isPublic = draw.entropySource === 'public';
  const submit = async () => {
    let v: { entropy?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const body = isPublic ? { entropySource: 'public', entropy: v.entropy?.trim(), publicValueName: draw.publicValueName } : { entropySource: 'server' };
      const d = await api.post<DrawDetail>(`/api/inspections/draws/${draw.id}/execute`, body);
      message.success(`批次 ${draw.drawId} 已抽取`);
      onDone(d);
      onClose();
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={`执行抽取：${draw.drawId}`}
      okText="抽取"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'confirm-execute' } as Record<string, string>}
    >
      <Typography.Paragraph>每个批次只能抽取一次。抽取结果写入全过程记录，不能撤销；如确需重抽，须说明理由另行抽取，本批次保留可查。</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        候选名单哈希 <span className="mono hash-text">{draw.listHash}</span>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="execute">
        {isPublic ? (
          <Form.Item
            label={`公开随机值：${draw.publicValueName}`}
            name="entropy"
            rules={[
              { required: true, whitespace: true, message: `请填写“${draw.publicValueName}”的数值` },
              { max: 200, message: '不能超过 200 个字符' },
              { pattern: /^[^|]*$/, message: '公开随机值不能包含“|”' },
            ]}
            extra="按公布的原样填写（如开奖号码 3 5 7 0 1 填写为 35701），公众将用同一数值复核。"
          >
            <Input placeholder="开奖号码" className="mono" />
          </Form.Item>
        ) : (
          <Typography.Paragraph>随机数由服务器在抽取时生成（32 字节），并随结果一同公布。</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
