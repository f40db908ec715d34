/**
 * 反馈意见书与整改 on the bureau's detail: issuing the letter (rectification items from the non-compliant
 * entries, text editable; the deadline the server computes, previewed), then each item's reports and
 * the review (通过 / 退回 with a reason) as `allowedActions` allows.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { InspectionDetail, RectificationItemView } from '@server/modules/inspections/loop/contracts';
import { errorMessage } from '../../../api/client';
import { DueDate } from '../../../shared/DueDate';
import { DownloadButton, FileThumbs, Muted } from '../parts';
import { INSPECTIONS_URL as P, useIssueFeedback, useReviewRectification } from '../queries';
import { RECTIFICATION_ITEM_COLORS } from '../status';

export function FeedbackCard({ d, canIssue, canReview }: { d: InspectionDetail; canIssue: boolean; canReview: boolean }) {
  const { message } = App.useApp();
  const nonCompliant = d.items.filter((i) => i.onSite?.result === 'non_compliant');
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      nonCompliant.map((i) => [i.entryId, i.onSite?.note?.trim() ? `${i.onSite.note.trim()}，请于整改期限内完成整改` : `${i.title}：请于整改期限内完成整改`]),
    ),
  );
  const [conclusion, setConclusion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const feedback = useIssueFeedback(d.id);
  const issue = async () => {
    setError(null);
    try {
      await feedback.mutateAsync({
        items: nonCompliant.map((i) => ({ entryId: i.entryId, text: texts[i.entryId] ?? '' })),
        conclusion: conclusion.trim() || null,
      });
      message.success('已出具反馈意见书');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const f = d.feedback;
  return (
    <Card variant="borderless" title="反馈意见书与整改" style={{ marginBottom: 16 }} data-testid="feedback-card">
      {!f && canIssue && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Muted>整改事项来自现场检查的不符合项（可修改）；整改期限由系统按工作日计算。</Muted>
          {nonCompliant.length > 0 && d.rectificationPreview && (
            <Alert
              type="info"
              data-testid="rectification-preview"
              message={
                <span>
                  整改期限为现场检查日（{d.record?.onSiteDate}）后 {d.rectificationPreview.days} 个工作日：
                  <Typography.Text strong data-testid="rectification-preview-due">
                    <DueDate
                      due={d.rectificationPreview.due}
                      provisional={d.rectificationPreview.provisional}
                      provisionalYears={d.rectificationPreview.provisionalYears}
                      provisionalNote={d.rectificationPreview.provisionalNote}
                      empty="暂无法计算"
                    />
                  </Typography.Text>
                </span>
              }
              description={d.rectificationPreview.explanation.join('；')}
            />
          )}
          {nonCompliant.length === 0 && <Alert type="success" message="现场检查未发现不符合项，反馈意见书不含整改事项" />}
          {nonCompliant.map((i) => (
            <div key={i.entryId} data-testid="feedback-item">
              <Typography.Text code>{i.code}</Typography.Text> {i.title}
              <Input.TextArea
                rows={2}
                value={texts[i.entryId]}
                onChange={(e) => setTexts((m) => ({ ...m, [i.entryId]: e.target.value }))}
                style={{ marginTop: 4 }}
              />
            </div>
          ))}
          <Input.TextArea rows={3} placeholder="检查结论（可选）" value={conclusion} onChange={(e) => setConclusion(e.target.value)} data-testid="conclusion" />
          <Button type="primary" size="large" icon={<SendOutlined />} loading={feedback.isPending} onClick={() => void issue()} data-testid="issue-feedback">
            出具反馈意见书
          </Button>
          {error && <Alert type="error" showIcon message={error} data-testid="feedback-error" />}
        </Space>
      )}
      {f && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span data-testid="feedback-doc-number">{f.docNumber}</span>
            <span>
              出具日期 {f.issuedOn}，整改期限{' '}
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
          {f.conclusion && <Typography.Paragraph>{f.conclusion}</Typography.Paragraph>}
          {f.flags.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="rectification-flags"
              message="应约谈或组织回头看"
              description={f.flags.map((x) => (
                <div key={x.itemId}>
                  {x.code}：{x.reason}
                </div>
              ))}
            />
          )}
          {f.items.map((x) => (
            <RectItem key={x.id} d={d} x={x} canReview={canReview} />
          ))}
        </Space>
      )}
    </Card>
  );
}

function RectItem({ d, x, canReview }: { d: InspectionDetail; x: RectificationItemView; canReview: boolean }) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reviewing = useReviewRectification(d.id);
  const busy = reviewing.isPending;
  const review = async (decision: 'accepted' | 'returned') => {
    if (decision === 'returned' && !comment.trim()) {
      setError('退回须填写理由');
      return;
    }
    setError(null);
    try {
      await reviewing.mutateAsync({ items: [{ itemId: x.id, decision, comment: comment.trim() || null }] });
      message.success(decision === 'accepted' ? '已通过' : '已退回');
      setComment('');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const color = RECTIFICATION_ITEM_COLORS[x.status];
  return (
    <Card size="small" data-testid="rect-item" data-status={x.status}>
      <Space wrap>
        <Typography.Text code>{x.code}</Typography.Text>
        <Typography.Text strong>{x.title}</Typography.Text>
        <Tag color={color}>{x.statusLabel}</Tag>
        {x.returnCount > 0 && <Tag color="volcano">退回 {x.returnCount} 次</Tag>}
      </Space>
      <div style={{ margin: '6px 0' }}>{x.text}</div>
      {x.reports.map((r, i) => (
        <div key={i} className="rect-report">
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
      <FileThumbs base={`${P}/${d.id}/files`} files={x.evidence} />
      {canReview && x.status === 'reported' && (
        <Space wrap style={{ marginTop: 8, width: '100%' }}>
          <Input
            size="large"
            placeholder="审核意见（退回时必填）"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            style={{ minWidth: 260 }}
            data-testid="review-comment"
          />
          <Button type="primary" size="large" icon={<CheckOutlined />} loading={busy} onClick={() => void review('accepted')} data-testid="accept-item">
            通过
          </Button>
          <Button danger size="large" icon={<RollbackOutlined />} loading={busy} onClick={() => void review('returned')} data-testid="return-item">
            退回
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
