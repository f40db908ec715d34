/** The reply clock of an application: its due date (预计 when provisional), state, days left, the "为什么是这一天" lines and the decision. */
import type { ReactNode } from 'react';
import { Alert, Card, Space, Typography } from 'antd';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import { ACCESS_MODE_LABELS, OUTCOME_CHOICES } from '@server/modules/disclosure/labels';
import { DueDate } from '../../shared/DueDate';
import { StatusTag } from '../../shared/StatusTag';

function daysLeftText(c: ApplicationDetail['clock']): ReactNode {
  if (c.state === 'met') return '已按期答复';
  if (c.state === 'missed') return '逾期答复';
  if (c.state === 'paused') return '计时暂停';
  if (c.daysLeft === null) return '—';
  if (c.daysLeft < 0) return <Typography.Text type="danger">已逾期 {-c.daysLeft} 个工作日</Typography.Text>;
  if (c.daysLeft === 0) return <Typography.Text type="warning">今日到期</Typography.Text>;
  return `剩余 ${c.daysLeft} 个工作日`;
}

export function ClockCard({ application: a }: { application: ApplicationDetail }) {
  const group = OUTCOME_CHOICES.find((g) => g.outcomes.some((o) => o.code === a.outcome));
  const outcome = group?.outcomes.find((o) => o.code === a.outcome);
  return (
    <Card variant="borderless" title="答复期限" data-testid="clock-card">
      <div className="clock-due">
        <Typography.Text type="secondary">{a.decidedOn ? '法定答复期限' : '应于此日前答复'}</Typography.Text>
        <div
          style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4 }}
          data-testid="clock-due"
          data-due={a.clock.due ?? ''}
          data-provisional={a.clock.provisional ? 'true' : 'false'}
        >
          <DueDate due={a.clock.due} provisional={a.clock.provisional} provisionalYears={a.clock.provisionalYears} format="long" />
        </div>
        <Space wrap>
          <StatusTag kind="due" value={a.clock.state} />
          <span>{daysLeftText(a.clock)}</span>
          <Typography.Text type="secondary">
            自 {a.clock.effectiveStart} 起算，共 {a.clock.totalDays} 个工作日
          </Typography.Text>
        </Space>
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        为什么是这一天
      </Typography.Title>
      <ol className="explain-list" data-testid="clock-explanation">
        {a.clock.explanation.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      {a.decidedOn && (
        <Alert
          type="success"
          showIcon
          data-testid="decision-summary"
          title={`${a.decidedOn} 已答复：${group?.label ?? ''}${group && group.outcomes.length > 1 ? ` ${outcome?.label ?? ''}` : ''}`}
          description={
            <>
              {outcome?.basis && <div>依据：政府信息公开条例{outcome.basis}</div>}
              {a.holderAgency && (
                <div data-testid="decision-holder">
                  负责公开的行政机关：{a.holderAgency}
                  {a.holderContact ? `（${a.holderContact}）` : ''}
                </div>
              )}
              {a.accessMode && a.accessMode !== 'attached' && (
                <div>
                  {ACCESS_MODE_LABELS[a.accessMode]}：{a.accessNote}
                </div>
              )}
            </>
          }
        />
      )}
    </Card>
  );
}
