/** One annual plan: scope, coverage, schedule, checklist version, the certified inspectors snapshot, its draws. */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import type { PlanDraw } from '@server/modules/inspections/plans/contracts';
import { RISK_TIER_LABELS, UNIT_TYPE_LABELS, type RiskTier, type UnitType } from '@server/modules/orgs/contracts';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDate, fmtDateTime } from '../../shared/format';
import { DrawFormDrawer } from '../draws/DrawForm';
import { DrawStatusTag } from '../draws/DrawStatusTag';
import { PlanFormDrawer } from './PlanForm';
import { usePlan, usePublishPlan } from './queries';

export function PlanDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = usePlan(id);
  const publishing = usePublishPlan(id);
  const [editing, setEditing] = useState(false);
  const [drawing, setDrawing] = useState(false);

  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data) return <Result status="error" title="加载失败" subTitle={errorMessage(q.error)} />;
  const p = q.data;
  const cov = p.targetCoverage;
  const publish = () => publishing.mutate(undefined, { onSuccess: () => message.success('计划已公开'), onError: (e) => message.error(errorMessage(e)) });

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {p.title}
            <Tag color={p.status === 'published' ? 'green' : 'orange'}>{p.statusLabel}</Tag>
          </Space>
        }
        description={`${p.year} 年度`}
        extra={
          <Space wrap>
            <Link to="/inspection/plans">
              <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
            </Link>
            {p.allowedActions.includes('edit') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            {p.allowedActions.includes('publish') && (
              <Popconfirm
                title="公开计划？"
                description="公开后不能修改；检查事项清单和今日持有效执法证的执法人员随计划公开。"
                okText="公开"
                cancelText="取消"
                onConfirm={publish}
              >
                <Button type="primary" icon={<SendOutlined />} loading={publishing.isPending}>
                  公开计划
                </Button>
              </Popconfirm>
            )}
            {p.allowedActions.includes('draw') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawing(true)}>
                新建抽取
              </Button>
            )}
          </Space>
        }
      />
      {p.status === 'draft' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="草稿计划：公开（事前公开）后才能据以抽取。" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card variant="borderless" size="small" title="计划内容">
            <Descriptions bordered size="small" column={1} data-testid="plan-descriptions">
              <Descriptions.Item label="检查范围">{p.scope}</Descriptions.Item>
              <Descriptions.Item label="单位类型">
                {p.unitTypes.length ? p.unitTypes.map((t: UnitType) => UNIT_TYPE_LABELS[t] ?? t).join('、') : '不限'}
              </Descriptions.Item>
              <Descriptions.Item label="风险等级">
                {p.riskTiers.length ? p.riskTiers.map((t: RiskTier) => RISK_TIER_LABELS[t] ?? t).join('、') : '不限'}
                {p.stratifyByRisk && <Tag style={{ marginLeft: 8 }}>按风险等级分层抽取</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="目标覆盖率">
                {cov.overall !== undefined ? `总体 ${cov.overall}%` : '未设'}
                {cov.byRiskTier &&
                  (['high', 'medium', 'low'] as RiskTier[])
                    .filter((t) => cov.byRiskTier?.[t] !== undefined)
                    .map((t) => `；${RISK_TIER_LABELS[t]} ${cov.byRiskTier![t]}%`)
                    .join('')}
                {cov.byUnitType &&
                  Object.entries(cov.byUnitType)
                    .map(([t, v]) => `；${UNIT_TYPE_LABELS[t as UnitType] ?? t} ${v}%`)
                    .join('')}
              </Descriptions.Item>
              <Descriptions.Item label="检查安排">{p.schedule ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="检查表">
                {p.checklist ? (
                  <Link to="/inspection/checklists/$id" params={{ id: p.checklist.checklistId }}>
                    {p.checklist.name}（第 {p.checklist.version} 版）
                  </Link>
                ) : (
                  <Typography.Text type="warning">未选择（公开前须选择已发布的检查表）</Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="公开时间">{fmtDateTime(p.publishedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card variant="borderless" size="small" title="抽取批次" style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.draws}
              locale={{ emptyText: p.status === 'published' ? '还没有抽取' : '计划公开后才能抽取' }}
              columns={[
                {
                  title: '批次',
                  dataIndex: 'drawId',
                  render: (v: string, r) => (
                    <Space size={4}>
                      <Link to="/inspection/draws/$id" params={{ id: r.id }}>
                        <span className="mono">{v}</span>
                      </Link>
                      {r.supersededById && <Tag>已被重抽</Tag>}
                    </Space>
                  ),
                },
                { title: '状态', dataIndex: 'status', render: (v: PlanDraw['status'], r) => <DrawStatusTag status={v} label={r.statusLabel} /> },
                { title: '计划检查日期', dataIndex: 'plannedDate', render: fmtDate },
                { title: '抽取', dataIndex: 'k', render: (k: number) => `${k} 家` },
                { title: '重抽理由', dataIndex: 'redrawReason', render: (v: string | null) => v ?? '—', responsive: ['lg'] },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" size="small" title={`持证执法人员${p.inspectors ? `（${p.inspectors.length}）` : ''}`}>
            {p.inspectors ? (
              <>
                <Typography.Paragraph type="secondary">公开计划当日持有效执法证的执法人员（随计划公开）。</Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="id"
                  data-testid="plan-inspectors"
                  pagination={false}
                  dataSource={p.inspectors}
                  columns={[
                    { title: '姓名', dataIndex: 'name' },
                    { title: '执法证号', dataIndex: 'certificateNo', render: (v: string) => <span className="mono">{v}</span> },
                    { title: '有效期至', dataIndex: 'certExpiresOn', render: fmtDate },
                  ]}
                />
              </>
            ) : (
              <Typography.Text type="secondary">计划公开时记录当日持有效执法证的执法人员名单。</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <PlanFormDrawer open={editing} plan={p} onClose={() => setEditing(false)} />
      <DrawFormDrawer
        open={drawing}
        planId={p.id}
        onClose={() => setDrawing(false)}
        onCreated={(d) => void navigate({ to: '/inspection/draws/$id', params: { id: d.id } })}
      />
    </>
  );
}
