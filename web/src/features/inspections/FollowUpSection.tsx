/**
 * 约谈, 回头看, 移送立案 and 办结 on the bureau's inspection detail: the flagged rectification items
 * (returned twice / overdue, RULES.md §3) with what addressed each, buttons for exactly the actions
 * the server accepts (`allowedActions`, narrowed by the record in loop.ts `actionsInContext`), a
 * drawer per action, and the interviews (.docx), follow-ups, referrals, the closure and the
 * interview-commitment clock. On a follow-up inspection, the parent and the items re-checked.
 * The parent card and the interview list (followup/) are shared with the unit's page (MyInspectionsPage);
 * each action's drawer is its own component (followup/*Drawer.tsx).
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { AuditOutlined, CheckCircleOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { FlagView } from '@server/modules/inspections/followup/contracts';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { REFERRAL_STATUS_COLORS } from '../enforcement/status';
import { InspectionStatusTag } from './InspectionStatusTag';
import { Muted } from './parts';
import { INSPECTIONS_URL as P } from './queries';
import { CloseDrawer } from './followup/CloseDrawer';
import { FollowUpDrawer } from './followup/FollowUpDrawer';
import { FollowUpParentCard } from './followup/FollowUpParentCard';
import { InterviewCards } from './followup/InterviewCards';
import { InterviewDrawer } from './followup/InterviewDrawer';
import { ReferDrawer } from './followup/ReferDrawer';

type Action = 'interview' | 'followUp' | 'refer' | 'close';

export function FollowUpSection({ d }: { d: InspectionDetail }) {
  const [open, setOpen] = useState<Action | null>(null);
  const actions = (['interview', 'followUp', 'refer', 'close'] as const).filter((a) => d.allowedActions.includes(a));
  const history = d.flags.length + d.interviews.length + d.followUps.length + d.referrals.length > 0 || !!d.closeNote;
  const items = new Map((d.feedback?.items ?? []).map((x) => [x.id, x]));
  const close = () => setOpen(null);

  return (
    <>
      {d.parent && <FollowUpParentCard parent={d.parent} side="bureau" />}
      {(actions.length > 0 || history) && (
        <Card variant="borderless" title="约谈、回头看、移送立案与办结" style={{ marginBottom: 16 }} data-testid="followup-card">
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {actions.length > 0 && (
              <Space wrap data-testid="followup-actions">
                {actions.includes('interview') && (
                  <Button size="large" icon={<TeamOutlined />} onClick={() => setOpen('interview')} data-testid="action-interview">
                    约谈
                  </Button>
                )}
                {actions.includes('followUp') && (
                  <Button size="large" icon={<AuditOutlined />} onClick={() => setOpen('followUp')} data-testid="action-followUp">
                    组织回头看
                  </Button>
                )}
                {actions.includes('refer') && (
                  <Button size="large" icon={<SendOutlined />} onClick={() => setOpen('refer')} data-testid="action-refer">
                    移送立案
                  </Button>
                )}
                {actions.includes('close') && (
                  <Button type="primary" size="large" icon={<CheckCircleOutlined />} onClick={() => setOpen('close')} data-testid="action-close">
                    办结
                  </Button>
                )}
              </Space>
            )}

            {d.flags.length > 0 && (
              <Section title="应约谈或组织回头看的整改事项">
                {d.flags.map((f) => (
                  <FlagRow key={f.itemId} f={f} title={items.get(f.itemId)?.title} />
                ))}
              </Section>
            )}

            {d.interviews.length > 0 && (
              <Section title="约谈记录">
                <InterviewCards
                  interviews={d.interviews}
                  commitment={d.commitment}
                  items={d.feedback?.items ?? []}
                  docxBase={`${P}/${d.id}/interviews`}
                  code={d.code}
                />
              </Section>
            )}

            {d.followUps.length > 0 && (
              <Section title="回头看">
                {d.followUps.map((f) => (
                  <div key={f.id} className="record-item" data-testid="followup-row">
                    <Space wrap>
                      <Link to="/inspection/inspections/$id" params={{ id: f.id }} data-testid="followup-link">
                        {f.code}
                      </Link>
                      <InspectionStatusTag status={f.status} label={f.statusLabel} />
                      <Muted>计划检查日期 {f.plannedDate}</Muted>
                      <span>复查 {f.itemCodes.join('、')}</span>
                    </Space>
                  </div>
                ))}
              </Section>
            )}

            {d.referrals.length > 0 && (
              <Section title="移送立案">
                {d.referrals.map((r) => (
                  <div key={r.id} className="record-item" data-testid="referral-row" data-status={r.status}>
                    <Space wrap>
                      <Typography.Text strong data-testid="referral-code">
                        {r.code}
                      </Typography.Text>
                      <Tag color={REFERRAL_STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
                      <Muted>{r.referredOn} 移送</Muted>
                      <span>{r.entries.map((e) => `${e.code} ${e.title}`).join('；')}</span>
                    </Space>
                    <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{r.facts}</div>
                    {r.suspectedBasis && <Muted>涉嫌违反：{r.suspectedBasis}</Muted>}
                    {r.decisionNote && (
                      <div>
                        <Muted>不予立案理由：{r.decisionNote}</Muted>
                      </div>
                    )}
                  </div>
                ))}
                <Link to="/enforcement/referrals">查看案件线索</Link>
              </Section>
            )}

            {d.closeNote && (
              <Alert
                type="success"
                showIcon
                data-testid="close-note"
                title={`已于 ${d.closedOn ?? ''} 办结`}
                description={<span style={{ whiteSpace: 'pre-wrap' }}>{d.closeNote}</span>}
              />
            )}
          </Space>
        </Card>
      )}
      <InterviewDrawer d={d} open={open === 'interview'} onClose={close} />
      <FollowUpDrawer d={d} open={open === 'followUp'} onClose={close} />
      <ReferDrawer d={d} open={open === 'refer'} onClose={close} />
      <CloseDrawer d={d} open={open === 'close'} onClose={close} />
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}

/** A flagged item, why, and what has addressed it (or that nothing has yet). */
function FlagRow({ f, title }: { f: FlagView; title: string | undefined }) {
  const a = f.addressedBy;
  const addressed = a.interviews.length + a.followUps.length + a.referrals.length > 0;
  return (
    <div className="record-item" data-testid="flag" data-code={f.code} data-addressed={addressed}>
      <Space wrap>
        <Typography.Text code>{f.code}</Typography.Text>
        {title && <Typography.Text strong>{title}</Typography.Text>}
        {addressed ? <Tag color="green">已处理</Tag> : <Tag color="orange">待处理</Tag>}
      </Space>
      <div>
        <Muted>{f.reason}</Muted>
      </div>
      {addressed && (
        <Space wrap size={4} style={{ marginTop: 4 }} data-testid="flag-addressed">
          {a.interviews.map((i) => (
            <Tag key={i.id} color="blue">
              {i.heldOn} 约谈
            </Tag>
          ))}
          {a.followUps.map((x) => (
            <Tag key={x.id} color="purple">
              回头看{' '}
              <Link to="/inspection/inspections/$id" params={{ id: x.id }}>
                {x.code}
              </Link>
              （{x.statusLabel}）
            </Tag>
          ))}
          {a.referrals.map((x) => (
            <Tag key={x.id} color="volcano">
              移送 {x.code}（{x.statusLabel}）
            </Tag>
          ))}
        </Space>
      )}
    </div>
  );
}
