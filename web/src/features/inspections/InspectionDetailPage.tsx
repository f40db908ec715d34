/**
 * 检查任务详情 (bureau): the Steps of the status machine and, per step, only what `allowedActions`
 * permits — the notice, the unit's self-inspection (read-only), the on-site record with photos and
 * signatures (tablet-sized controls), the feedback letter and the review of each rectification item,
 * what follows the flags and the publication. One component per use case (detail/, followup/). A bar of
 * anchors (sticky under the header) jumps to each part of the long page; it lists only the parts shown.
 */
import { Alert, Anchor, Button, Card, Descriptions, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import type { FlowActionName } from '@server/modules/inspections/loop/labels';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { AuditTimeline } from '../../shared/Timeline';
import { InspectionStatusTag } from './InspectionStatusTag';
import { InspectionSteps } from './parts';
import { FollowUpSection } from './FollowUpSection';
import { PublicationCard } from './PublicationCard';
import { FeedbackCard } from './detail/FeedbackCard';
import { NoticeCard } from './detail/NoticeCard';
import { RecordCard } from './detail/RecordCard';
import { SelfCard } from './detail/SelfCard';
import { useInspection } from './queries';

export function InspectionDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useInspection(id);
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  const d = q.data;
  const can = (a: FlowActionName) => d.allowedActions.includes(a);
  const showFeedback = !!d.feedback || can('issueFeedback');
  const showFollowUp =
    !!d.parent ||
    d.flags.length + d.interviews.length + d.followUps.length + d.referrals.length > 0 ||
    !!d.closeNote ||
    (['interview', 'followUp', 'refer', 'close'] as const).some((a) => d.allowedActions.includes(a));
  const showPublication = !!d.feedback || d.status === 'on_site_signed';
  const parts: [id: string, title: string, shown: boolean][] = [
    ['insp-overview', '概况', true],
    ['insp-notice', '检查通知', true],
    ['insp-self', '单位自查', true],
    ['insp-record', '现场检查', true],
    ['insp-feedback', '反馈与整改', showFeedback],
    ['insp-followup', '约谈与回头看', showFollowUp],
    ['insp-publication', '结果公开', showPublication],
    ['insp-timeline', '时间线', true],
  ];

  return (
    <div className="inspection-page">
      <PageHeader
        title={
          <Space wrap>
            <span>检查任务 {d.code}</span>
            <InspectionStatusTag status={d.status} label={d.statusLabel} />
          </Space>
        }
        description={`${d.unitName} · ${d.sourceLabel}${d.drawCode ? `（${d.drawCode}）` : ''}`}
        extra={
          <Link to="/inspection/inspections">
            <Button size="large" icon={<ArrowLeftOutlined />}>
              返回列表
            </Button>
          </Link>
        }
      />
      <div style={{ marginBottom: 12 }} data-testid="inspection-anchors">
        <Anchor
          direction="horizontal"
          offsetTop={56}
          targetOffset={112}
          style={{ background: '#f5f5f5', padding: '8px 0 4px' }}
          items={parts.filter(([, , shown]) => shown).map(([id, title]) => ({ key: id, href: `#${id}`, title }))}
        />
      </div>
      <Card variant="borderless" style={{ marginBottom: 16 }} id="insp-overview">
        <InspectionSteps status={d.status} />
      </Card>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }} size="small">
          <Descriptions.Item label="检查对象">{d.unitName}</Descriptions.Item>
          <Descriptions.Item label="检查日期">{d.plannedDate}</Descriptions.Item>
          <Descriptions.Item label="检查表">{d.checklist.name ? `${d.checklist.name}（第 ${d.checklist.version} 版）` : '—'}</Descriptions.Item>
          <Descriptions.Item label="检查组">{d.team.map((t) => `${t.name}（${t.certificateNo}）`).join('、')}</Descriptions.Item>
          {d.reason && <Descriptions.Item label="检查事由">{d.reason}</Descriptions.Item>}
          <Descriptions.Item label="地址">{d.unitAddress ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <section id="insp-notice">
        <NoticeCard d={d} canNotify={can('notify')} canAmend={can('amendNotice')} />
      </section>
      <section id="insp-self">
        <SelfCard d={d} />
      </section>
      <section id="insp-record">
        <RecordCard d={d} editable={can('editRecord')} canSign={can('sign')} />
      </section>
      {showFeedback && (
        <section id="insp-feedback">
          <FeedbackCard d={d} canIssue={can('issueFeedback')} canReview={can('reviewRectification')} />
        </section>
      )}
      <section id="insp-followup">
        <FollowUpSection d={d} />
      </section>
      <section id="insp-publication">
        <PublicationCard d={d} />
      </section>

      <Card variant="borderless" title="时间线" style={{ marginBottom: 16 }} id="insp-timeline">
        <AuditTimeline entityType="inspection" entityId={d.id} orgId={d.orgId} />
      </Card>
    </div>
  );
}
