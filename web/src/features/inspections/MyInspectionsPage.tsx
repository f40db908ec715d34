/**
 * 检查与整改 (the inspected unit's own account, `ownUnit.inspect`): its inspections from the notice
 * on; per inspection the notice, the self-inspection (draft, then submit), the feedback letter and
 * the rectification report per item with evidence.
 */
import { Alert, Button, Card, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from '@tanstack/react-router';
import type { InspectionSummary } from '@server/modules/inspections/loop/contracts';
import { errorMessage } from '../../api/client';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { InspectionStatusTag } from './InspectionStatusTag';
import { DownloadButton, InspectionSteps, Muted, NoticeHistory } from './parts';
import { FollowUpParentCard } from './followup/FollowUpParentCard';
import { InterviewCards } from './followup/InterviewCards';
import { OnSiteRecordCard } from './my/OnSiteRecordCard';
import { Rectification } from './my/Rectification';
import { SelfForm } from './my/SelfForm';
import { MY_INSPECTIONS_URL as P, useMyInspection } from './queries';

export function MyInspectionsPage() {
  const columns: ColumnsType<InspectionSummary> = [
    {
      title: '编号',
      dataIndex: 'code',
      width: 150,
      render: (v: string, r) => (
        <Link to="/my/inspections/$id" params={{ id: r.id }} data-testid="my-inspection-link">
          {v}
        </Link>
      ),
    },
    { title: '检查日期', dataIndex: 'plannedDate', width: 110 },
    { title: '通知书文号', dataIndex: 'noticeDocNumber' },
    { title: '检查组', key: 'team', render: (_, r) => r.team.map((t) => `${t.name}（${t.certificateNo}）`).join('、') },
    { title: '状态', dataIndex: 'status', width: 130, render: (v: InspectionSummary['status'], r) => <InspectionStatusTag status={v} label={r.statusLabel} /> },
  ];
  return (
    <>
      <PageHeader title="检查与整改" description="档案主管部门对本单位的行政检查：查看检查通知书，填写自查表，报送整改情况。" />
      <ListPage<InspectionSummary> url={P} columns={columns} testId="my-inspections-table" noSearch />
    </>
  );
}

export function MyInspectionDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useMyInspection(id);
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  const d = q.data;
  return (
    <div className="inspection-page">
      <PageHeader
        title={
          <Space wrap>
            <span>检查 {d.code}</span>
            <InspectionStatusTag status={d.status} label={d.statusLabel} />
          </Space>
        }
        description={`检查日期 ${d.plannedDate} · 检查组 ${d.team.map((t) => `${t.name}（${t.certificateNo}）`).join('、')}`}
        extra={
          <Link to="/my/inspections">
            <Button size="large" icon={<ArrowLeftOutlined />}>
              返回列表
            </Button>
          </Link>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <InspectionSteps status={d.status} />
      </Card>
      {d.parent && <FollowUpParentCard parent={d.parent} side="unit" />}
      <Card variant="borderless" title="检查通知书" style={{ marginBottom: 16 }} data-testid="my-notice-card">
        {d.notice.history.length ? (
          <NoticeHistory base={`${P}/${d.id}`} code={d.code} notices={d.notice.history} />
        ) : (
          <Space wrap>
            <span>{d.notice.docNumber}</span>
            <Muted>{d.notice.sentOn} 送达</Muted>
            <DownloadButton path={`${P}/${d.id}/notice.docx`} name={`档案行政检查通知书-${d.code}.docx`} testId="download-notice">
              下载检查通知书
            </DownloadButton>
          </Space>
        )}
      </Card>
      <SelfForm d={d} />
      {d.record?.signedOn && <OnSiteRecordCard d={d} />}
      {d.feedback && <Rectification d={d} />}
      {/* 约谈 (the follow-up part): the unit's detail carries it too, without referrals. */}
      {d.interviews.length > 0 && (
        <Card variant="borderless" title="约谈" style={{ marginBottom: 16 }} data-testid="my-interviews">
          <InterviewCards
            interviews={d.interviews}
            commitment={d.commitment}
            items={d.feedback?.items ?? []}
            docxBase={`${P}/${d.id}/interviews`}
            code={d.code}
          />
        </Card>
      )}
    </div>
  );
}
