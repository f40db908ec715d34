import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { InspectionDetail, RectificationItemView } from '@server/modules/inspections/loop/contracts';
import { errorMessage } from '../../../api/client';
import { DueDate } from '../../../shared/DueDate';
import { DownloadButton, EvidenceUsageNote, Muted, PhotoUpload } from '../parts';
import { MY_INSPECTIONS_URL as P, useRefreshInspection, useReportRectification } from '../queries';
import { RECTIFICATION_ITEM_COLORS } from '../status';

/** 反馈意见书与整改 in the unit's own account: the letter, and per item the report with evidence (open or returned items only). */
export function Rectification({ d }: { d: InspectionDetail }) {
  const f = d.feedback!;
  const canReport = d.allowedActions.includes('reportRectification');
  return (
    <Card variant="borderless" title="反馈意见书与整改" style={{ marginBottom: 16 }} data-testid="my-feedback">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>{f.docNumber}</span>
          <span>
            整改期限{' '}
            <Typography.Text strong data-testid="rectification-due">
              <DueDate
                due={f.rectificationDue}
                provisional={f.rectificationDueProvisional}
                provisionalYears={f.rectificationDueProvisionalYears}
                provisionalNote={f.rectificationClock?.provisionalNote}
              />
            </Typography.Text>
          </span>
          <DownloadButton path={`${P}/${d.id}/feedback.docx`} name={`反馈意见书-${d.code}.docx`} testId="download-feedback">
            下载反馈意见书
          </DownloadButton>
        </Space>
        {canReport && <EvidenceUsageNote usage={d.evidenceUsage} />}
        {f.items.length === 0 && <Empty description="无整改事项" />}
        {f.items.map((x) => (
          <ReportItem key={x.id} d={d} x={x} canReport={canReport && (x.status === 'open' || x.status === 'returned')} />
        ))}
      </Space>
    </Card>
  );
}

function ReportItem({ d, x, canReport }: { d: InspectionDetail; x: RectificationItemView; canReport: boolean }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reporting = useReportRectification(d.id);
  const refresh = useRefreshInspection(d.id, 'unit');
  const busy = reporting.isPending;
  const report = async () => {
    setError(null);
    try {
      await reporting.mutateAsync({ items: [{ itemId: x.id, text: text.trim() }] });
      message.success('已报送整改情况');
      setText('');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card size="small" data-testid="my-rect-item" data-status={x.status}>
      <Space wrap>
        <Typography.Text code>{x.code}</Typography.Text>
        <Typography.Text strong>{x.title}</Typography.Text>
        <Tag color={RECTIFICATION_ITEM_COLORS[x.status]}>{x.statusLabel}</Tag>
      </Space>
      <div style={{ margin: '6px 0' }}>{x.text}</div>
      {x.reports.map((r, i) => (
        <div key={i}>
          <Muted>{r.on} 报送：</Muted> {r.text}
        </div>
      ))}
      {x.reviews.map((r, i) => (
        <div key={i}>
          <Muted>
            {r.on} {r.decision === 'accepted' ? '通过' : '退回'}
            {r.comment ? `：${r.comment}` : ''}
          </Muted>
        </div>
      ))}
      {x.evidence.length > 0 && (
        <div data-testid="evidence-list">
          <Muted>
            佐证材料：
            {x.evidence.map((e, i) => (
              <span key={e.id}>
                {i > 0 && '、'}
                <a href={`${P}/${d.id}/files/${e.id}`} target="_blank" rel="noreferrer">
                  {e.fileName ?? `佐证材料 ${i + 1}`}
                </a>
              </span>
            ))}
          </Muted>
        </div>
      )}
      {canReport && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <PhotoUpload url={`${P}/${d.id}/rectification/evidence?itemId=${x.id}`} label="上传佐证材料" accept="image/*,application/pdf" onDone={refresh} />
          <Input.TextArea rows={3} placeholder="整改情况" value={text} onChange={(e) => setText(e.target.value)} data-testid="rect-text" />
          <Button type="primary" size="large" icon={<SendOutlined />} loading={busy} onClick={() => void report()} data-testid="report-item">
            报送整改情况
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
