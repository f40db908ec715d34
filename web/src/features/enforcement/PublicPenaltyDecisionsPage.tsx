/**
 * /public/enforcement/decisions?org= — 行政处罚决定公开 (事后公开): the bureau's published decisions, newest
 * publication first: the decision's number, the party (a person's name masked, a unit's whole), the
 * violation and its basis, the penalties, the dates. A publication withdrawn after the decision was revoked
 * stays listed as 已撤回 with its dates, its content gone. Links to the other published results.
 */
import { useState } from 'react';
import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import type { PublicDecision } from '@server/modules/enforcement/public/contracts';
import { errorMessage } from '../../api/client';
import { PublicEnforcementFrame, type Bureau } from './PublicEnforcementFrame';
import { usePublicPenaltyDecisions } from './publicQueries';

const PAGE_SIZE = 10;

function Decision({ d }: { d: PublicDecision }) {
  const title = (
    <Space wrap size={8}>
      <span>{d.decisionDocNo ?? '行政处罚决定'}</span>
      {d.status === 'withdrawn' ? <Tag>已撤回</Tag> : <Tag color="green">已公开</Tag>}
    </Space>
  );
  if (d.status === 'withdrawn') {
    return (
      <Card size="small" title={title} style={{ width: '100%', background: '#fafafa' }} data-testid="public-penalty-decision-withdrawn">
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          该行政处罚决定{d.revokedOn ? `已于 ${d.revokedOn} 被依法撤销` : '已被依法撤销'}，原公开内容已于 {d.withdrawnOn} 撤回。
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          原公开日期：{d.publishedOn}
        </Typography.Text>
      </Card>
    );
  }
  return (
    <Card size="small" title={title} style={{ width: '100%' }} data-testid="public-penalty-decision">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="当事人">
          {d.partyName ?? '—'}
          {d.partyKindLabel && (
            <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
              （{d.partyKindLabel}）
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="案件编号">{d.caseNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="违法行为" span={{ xs: 1, md: 2 }}>
          {d.violation ?? '—'}
        </Descriptions.Item>
        {d.basis && (
          <Descriptions.Item label="依据" span={{ xs: 1, md: 2 }}>
            {d.basis}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="处罚" span={{ xs: 1, md: 2 }}>
          <span data-testid="public-penalty-text">{d.penaltyText ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="决定日期">{d.decidedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="公开日期">{d.publishedOn}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Decisions({ bureau }: { bureau: Bureau }) {
  const [page, setPage] = useState(1);
  const q = usePublicPenaltyDecisions(bureau.id, page, PAGE_SIZE);
  return (
    <>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          行政处罚决定自作出之日起 7 个工作日内公开；自然人的姓名脱敏，不公开身份证件号码和住址。公开的决定被依法变更、撤销、确认违法或者确认无效的，3
          个工作日内撤回原公开内容，并在此标明。
        </Typography.Paragraph>
        <Space wrap size={[16, 4]}>
          <Typography.Text type="secondary">其他公开的执法结果：</Typography.Text>
          <Link to="/public/inspections" data-testid="link-public-inspections">
            行政检查结果公开
          </Link>
          <Link to="/public/licensing/decisions" search={{ org: bureau.id }} data-testid="link-public-licensing-decisions">
            行政许可决定公开
          </Link>
        </Space>
      </Card>
      {q.isError && <Alert type="error" showIcon title="处罚决定加载失败" description={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '本机关尚未公开行政处罚决定' }}
        data-testid="public-penalty-decisions"
        split={false}
        pagination={
          (q.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }
            : false
        }
        renderItem={(d) => (
          <List.Item style={{ padding: '0 0 12px' }}>
            <Decision d={d} />
          </List.Item>
        )}
      />
    </>
  );
}

export function PublicPenaltyDecisionsPage() {
  return (
    <PublicEnforcementFrame tab="/public/enforcement/decisions" description="事后公开：本机关作出并公开的行政处罚决定。">
      {(bureau) => <Decisions bureau={bureau} />}
    </PublicEnforcementFrame>
  );
}
