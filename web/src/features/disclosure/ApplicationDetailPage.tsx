/**
 * One application: its reply clock with the "为什么是这一天" lines, the fee, the letters (.docx), the
 * actions the server allows now (补正、征求意见、延期、答复 — `allowedActions`), the facts, the
 * consultations and the 全过程记录. Each use case is its own component.
 */
import { useState } from 'react';
import { Button, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import type { ApplicationAction } from '@server/modules/disclosure/labels';
import { ApiError, errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { useCan } from '../../app/auth';
import { ApplicationTabs } from './ApplicationTabs';
import { ClockCard } from './ClockCard';
import { ApplicationStatusTag } from './common';
import { ConsultationModals } from './ConsultationModals';
import { CorrectionModals } from './CorrectionModals';
import { DecisionModal } from './DecisionModal';
import { ExtensionModal } from './ExtensionModal';
import { ExtensionDecisionModal, ExtensionRequestModal } from './ExtensionRequestModals';
import { FeePanel } from './FeePanel';
import { LettersCard } from './LettersCard';
import { useApplication } from './queries';

type Modal = 'correction' | 'corrected' | 'consult' | 'consultEnd' | 'extension' | 'extensionRequest' | 'extensionDecision' | 'decision';

/** The actions card: one button per action the server allows (the fee's are on the fee card). */
function ActionsCard({ application: a, onAction }: { application: ApplicationDetail; onAction: (m: Modal) => void }) {
  const may = (x: ApplicationAction) => a.allowedActions.includes(x);
  const can = useCan();
  const buttons: { action: Modal; label: string; primary?: boolean }[] = [
    { action: 'correction', label: '发出补正通知' },
    { action: 'corrected', label: '登记收到补正申请' },
    { action: 'consult', label: '征求第三方或其他机关意见' },
    { action: 'consultEnd', label: '登记收到意见答复' },
    // the head extends it himself; the desk records an extension the head approved on paper
    { action: 'extension', label: can('disclosure.approve') ? '延长答复期限' : '登记负责人已批准的延期' },
    { action: 'extensionRequest', label: '报请延长答复期限' },
    { action: 'extensionDecision', label: '审批延期报请', primary: true },
    { action: 'decision', label: '答复', primary: true },
  ];
  const shown = buttons.filter((b) => may(b.action));
  if (!shown.length) return null;
  const testId: Record<Modal, string> = {
    correction: 'action-correction',
    corrected: 'action-corrected',
    consult: 'action-consult',
    consultEnd: 'action-consult-end',
    extension: 'action-extension',
    extensionRequest: 'action-extension-request',
    extensionDecision: 'action-extension-decision',
    decision: 'action-decision',
  };
  return (
    <Card variant="borderless" title="办理" style={{ marginBottom: 16 }} data-testid="actions-card">
      <Space wrap>
        {shown.map((b) => (
          <Button key={b.action} type={b.primary ? 'primary' : 'default'} onClick={() => onAction(b.action)} data-testid={testId[b.action]}>
            {b.label}
          </Button>
        ))}
      </Space>
      {a.extensionRequest && !may('extensionDecision') && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="extension-request-pending">
          已于 {a.extensionRequest.requestedOn} 报请延长 {a.extensionRequest.days} 个工作日，等待政府信息公开工作机构负责人批准。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function ApplicationDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useApplication(id);
  const [modal, setModal] = useState<Modal | null>(null);

  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data)
    return (
      <Result
        status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'}
        title="无法打开该申请"
        subTitle={errorMessage(q.error)}
        extra={
          <Link to="/disclosure/applications">
            <Button>返回列表</Button>
          </Link>
        }
      />
    );
  const a = q.data;
  const close = () => setModal(null);

  return (
    <div data-testid="application-detail">
      <PageHeader
        title={
          <Space wrap>
            <span>政府信息公开申请</span>
            <span className="mono" data-testid="detail-tracking-code">
              {a.trackingCode}
            </span>
            <ApplicationStatusTag status={a.status} label={a.statusLabel} />
          </Space>
        }
        description={`${a.applicantName}（${a.applicantTypeLabel}），${a.channelLabel}，${a.receivedOn} 收到`}
        extra={
          <Link to="/disclosure/applications">
            <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <ClockCard application={a} />
          <FeePanel application={a} />
          <LettersCard application={a} />
        </Col>
        <Col xs={24} xl={14}>
          <ActionsCard application={a} onAction={setModal} />
          <ApplicationTabs application={a} />
        </Col>
      </Row>

      <CorrectionModals application={a} open={modal === 'correction' || modal === 'corrected' ? modal : null} onClose={close} />
      <ConsultationModals application={a} open={modal === 'consult' || modal === 'consultEnd' ? modal : null} onClose={close} />
      <ExtensionModal application={a} open={modal === 'extension'} onClose={close} />
      <ExtensionRequestModal application={a} open={modal === 'extensionRequest'} onClose={close} />
      <ExtensionDecisionModal application={a} open={modal === 'extensionDecision'} onClose={close} />
      <DecisionModal application={a} open={modal === 'decision'} onClose={close} />
    </div>
  );
}
