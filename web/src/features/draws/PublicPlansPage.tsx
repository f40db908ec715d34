/**
 * /public/plans — 事前公开: the published annual inspection plans (GET /api/public/plans), no sign-in.
 * Each plan shows its scope, target coverage and schedule, the inspection items with their legal
 * basis (检查事项清单) and the certified inspectors with their certificate numbers; filtered by bureau and
 * year and paged by the server.
 */
import { useState } from 'react';
import { Alert, Card, Col, Collapse, Descriptions, Empty, Pagination, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { PublicPlan } from '@server/modules/inspections/plans/contracts';
import { RISK_TIER_LABELS, UNIT_TYPE_LABELS } from '@server/modules/orgs/contracts';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { PublicFrame } from './PublicFrame';
import { usePublicOrgs } from '../disclosure/queries';
import { usePublicPlans } from './queries';

/** "高风险 30%、一般风险 10%" — the coverage targets of one dimension, in the labels' order. */
function coverageText<K extends string>(by: Partial<Record<K, number>> | undefined, labels: Record<K, string>): string | null {
  const parts = (Object.keys(labels) as K[]).filter((k) => by?.[k] !== undefined).map((k) => `${labels[k]} ${by![k]}%`);
  return parts.length ? parts.join('、') : null;
}

/** The years a visitor can pick: next year back to 2019. */
const YEARS = Array.from({ length: new Date().getFullYear() + 1 - 2019 + 1 }, (_, i) => new Date().getFullYear() + 1 - i);
const PAGE_SIZE = 10;

export function PublicPlansPage() {
  const [orgId, setOrgId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const bureaus = usePublicOrgs();
  const q = usePublicPlans({ orgId, year }, page, PAGE_SIZE);
  const plans = q.data?.items ?? [];
  const total = q.data?.total ?? 0;

  return (
    <PublicFrame footer="依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号），随机抽查事项清单、检查计划和执法人员在检查前向社会公开。">
      <PageHeader
        title="年度检查计划（事前公开）"
        description="各档案局公开的年度“双随机、一公开”抽查计划：抽查范围和比例、实施安排、检查事项清单及其法律依据、持证执法人员。"
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            placeholder="全部检查机关"
            style={{ minWidth: 220 }}
            value={orgId}
            onChange={(v?: string) => {
              setOrgId(v);
              setPage(1);
            }}
            loading={bureaus.isLoading}
            options={(bureaus.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="plans-org"
          />
          <Select
            allowClear
            placeholder="全部年度"
            style={{ minWidth: 140 }}
            value={year}
            onChange={(v?: number) => {
              setYear(v);
              setPage(1);
            }}
            options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
            data-testid="plans-year"
          />
        </Space>
      </Card>
      {q.isError && <Alert type="error" showIcon title="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 16 }} />}
      {q.isLoading && <Skeleton active />}
      {!q.isLoading && plans.length === 0 && (
        <Card variant="borderless">
          <Empty description="暂无公开的检查计划" />
        </Card>
      )}
      {plans.map((p) => (
        <PlanCard key={p.id} p={p} />
      ))}
      {total > PAGE_SIZE && (
        <Pagination
          align="center"
          current={page}
          pageSize={PAGE_SIZE}
          total={total}
          showTotal={(t) => `共 ${t} 个计划`}
          showSizeChanger={false}
          onChange={setPage}
          data-testid="plans-pagination"
        />
      )}
    </PublicFrame>
  );
}

function PlanCard({ p }: { p: PublicPlan }) {
  const scopeTypes = p.unitTypes.length ? p.unitTypes.map((t) => UNIT_TYPE_LABELS[t] ?? t).join('、') : '全部单位类型';
  const scopeTiers = p.riskTiers.length ? p.riskTiers.map((t) => RISK_TIER_LABELS[t] ?? t).join('、') : '全部风险等级';
  const coverage = [
    p.targetCoverage.overall !== undefined ? `总体 ${p.targetCoverage.overall}%` : null,
    coverageText(p.targetCoverage.byRiskTier, RISK_TIER_LABELS),
    coverageText(p.targetCoverage.byUnitType, UNIT_TYPE_LABELS),
  ].filter(Boolean);
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid="public-plan"
      styles={{ title: { whiteSpace: 'normal', padding: '12px 0' } }}
      title={
        <Space wrap>
          <span>{p.title}</span>
          <Tag>{p.orgName}</Tag>
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }}>
        {p.publishedAt && <Descriptions.Item label="公开时间">{fmtDateTime(p.publishedAt)}</Descriptions.Item>}
        <Descriptions.Item label="抽查范围">
          {scopeTypes}；{scopeTiers}
          {p.stratifyByRisk ? '；按风险等级分层抽取' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="抽查比例">{coverage.length ? coverage.join('；') : '—'}</Descriptions.Item>
        {p.scope && (
          <Descriptions.Item label="说明" span={2}>
            {p.scope}
          </Descriptions.Item>
        )}
        {p.schedule && (
          <Descriptions.Item label="实施安排" span={2}>
            {p.schedule}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Collapse
        items={[
          {
            key: 'items',
            label: `检查事项清单（${p.items.length} 项）`,
            children: (
              <Table
                rowKey="code"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={p.items}
                data-testid="public-plan-items"
                columns={[
                  { title: '编号', dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
                  { title: '检查事项', dataIndex: 'title' },
                  { title: '检查内容（档案法第四十二条）', dataIndex: 'area', responsive: ['md'] },
                  { title: '依据', dataIndex: 'legalBasis' },
                  { title: '检查方式', dataIndex: 'method', responsive: ['lg'] },
                ]}
              />
            ),
          },
          {
            key: 'inspectors',
            label: `执法检查人员（${p.inspectors.length} 名）`,
            children: (
              <Row gutter={[12, 8]} data-testid="public-plan-inspectors">
                {p.inspectors.map((i) => (
                  <Col key={i.certificateNo} xs={12} md={8} lg={6}>
                    {i.name}
                    <Typography.Text type="secondary" className="mono" style={{ marginLeft: 6 }}>
                      {i.certificateNo}
                    </Typography.Text>
                  </Col>
                ))}
              </Row>
            ),
          },
        ]}
      />
    </Card>
  );
}
