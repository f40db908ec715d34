/**
 * 检查任务详情 (bureau): the Steps of the status machine and, per step, only what `allowedActions`
 * permits — the notice, the unit's self-inspection (read-only), the on-site record with photos and
 * signatures (tablet-sized controls), the feedback letter and the review of each rectification item.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { api, errorMessage } from '../../api/client';
import type { InspectionDetail, ItemResult, RectificationItemView } from '../../api/inspections';
import { PageHeader } from '../../shared/PageHeader';
import { AuditTimeline } from '../../shared/Timeline';
import { fmtDateTime } from '../../shared/format';
import { InspectionStatusTag } from './InspectionStatusTag';
import { ClockBadge, DownloadButton, FileThumbs, InspectionSteps, Muted, PhotoUpload, ResultControl, ResultTag, SignedRecord } from './parts';
import { SignaturePad } from './SignaturePad';
import { FollowUpSection } from './FollowUpSection';
import { PublicationCard } from './PublicationCard';

const P = '/api/inspections';

export function InspectionDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const key = [P, 'detail', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<InspectionDetail>(`${P}/${id}`) });
  const refresh = (d?: InspectionDetail) => {
    if (d) qc.setQueryData(key, d);
    else void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: [P] });
    void qc.invalidateQueries({ queryKey: ['timeline', 'inspection', id] });
  };
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  const d = q.data;
  const can = (a: InspectionDetail['allowedActions'][number]) => d.allowedActions.includes(a);

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
      <Card variant="borderless" style={{ marginBottom: 16 }}>
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

      <NoticeCard d={d} canNotify={can('notify')} onDone={refresh} />
      <SelfCard d={d} />
      <RecordCard d={d} editable={can('editRecord')} canSign={can('sign')} onDone={refresh} />
      {(d.feedback || can('issueFeedback')) && <FeedbackCard d={d} canIssue={can('issueFeedback')} canReview={can('reviewRectification')} onDone={refresh} />}
      <FollowUpSection d={d} onDone={refresh} />
      <PublicationCard d={d} onDone={refresh} />

      <Card variant="borderless" title="时间线" style={{ marginBottom: 16 }}>
        <AuditTimeline entityType="inspection" entityId={d.id} orgId={d.orgId} />
      </Card>
    </div>
  );
}

type Done = (d?: InspectionDetail) => void;

function NoticeCard({ d, canNotify, onDone }: { d: InspectionDetail; canNotify: boolean; onDone: Done }) {
  const { message } = App.useApp();
  const [on, setOn] = useState<Dayjs | null>(dayjs());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<InspectionDetail>(`${P}/${d.id}/notice`, { noticeOn: on?.format('YYYY-MM-DD') }));
      message.success('已登记送达检查通知书');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card variant="borderless" title="检查通知书" style={{ marginBottom: 16 }} data-testid="notice-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Muted>应至迟于检查日前 {d.notice.requiredWorkingDays} 个工作日送达。</Muted>
        {d.notice.clock.due && <ClockBadge clock={d.notice.clock} prefix="最迟送达日" />}
        {d.notice.docNumber ? (
          <Space wrap>
            <span data-testid="notice-doc-number">
              {d.notice.docNumber}，{d.notice.sentOn} 送达
            </span>
            <DownloadButton path={`${P}/${d.id}/notice.docx`} name={`档案行政检查通知书-${d.code}.docx`} testId="download-notice">
              下载检查通知书
            </DownloadButton>
          </Space>
        ) : canNotify ? (
          <Space wrap>
            <span>送达日期</span>
            <span data-testid="notice-date">
              <DatePicker size="large" value={on} onChange={setOn} allowClear={false} />
            </span>
            <Button type="primary" size="large" icon={<SendOutlined />} loading={busy} onClick={() => void send()} data-testid="send-notice">
              送达检查通知书
            </Button>
          </Space>
        ) : (
          <Muted>尚未送达</Muted>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="notice-error" />}
      </Space>
    </Card>
  );
}

function SelfCard({ d }: { d: InspectionDetail }) {
  const answered = d.items.filter((i) => i.self);
  return (
    <Card
      variant="borderless"
      title="单位自查"
      extra={d.selfInspection.submittedAt ? <Tag color="green">已提交 {fmtDateTime(d.selfInspection.submittedAt)}</Tag> : <Tag>已填 {d.selfInspection.answered}/{d.selfInspection.total}，未提交</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="self-card"
    >
      {answered.length === 0 ? (
        <Empty description="单位尚未填写自查表" />
      ) : (
        <List
          size="small"
          dataSource={answered}
          renderItem={(i) => (
            <List.Item>
              <Space wrap>
                <Typography.Text code>{i.code}</Typography.Text>
                <span>{i.title}</span>
                <ResultTag result={i.self!.result} />
                {i.self!.note && <Muted>{i.self!.note}</Muted>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

interface ItemState {
  result: ItemResult | null;
  note: string;
}

function RecordCard({ d, editable, canSign, onDone }: { d: InspectionDetail; editable: boolean; canSign: boolean; onDone: Done }) {
  const { message } = App.useApp();
  const signed = !!d.record?.signedOn;
  const [items, setItems] = useState<Record<string, ItemState>>({});
  const [onSiteDate, setOnSiteDate] = useState<Dayjs>(dayjs());
  const [present, setPresent] = useState<string[]>([]);
  const [repName, setRepName] = useState('');
  const [repTitle, setRepTitle] = useState('');
  const [findings, setFindings] = useState('');
  const [sigs, setSigs] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState<'save' | 'sign' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);

  // Load the saved record once per inspection.
  useEffect(() => {
    if (loadedFor === d.id) return;
    setLoadedFor(d.id);
    setItems(Object.fromEntries(d.items.map((i) => [i.entryId, { result: i.onSite?.result ?? null, note: i.onSite?.note ?? '' }])));
    if (d.record) {
      setOnSiteDate(dayjs(d.record.onSiteDate));
      setPresent(d.record.inspectorsPresent.map((p) => p.id));
      setRepName(d.record.representative?.name ?? '');
      setRepTitle(d.record.representative?.title ?? '');
      setFindings(d.record.findings ?? '');
    }
  }, [d, loadedFor]);

  const body = () => ({
    onSiteDate: onSiteDate.format('YYYY-MM-DD'),
    items: d.items.map((i) => ({ entryId: i.entryId, result: items[i.entryId]?.result ?? null, note: items[i.entryId]?.note?.trim() || null })),
    inspectorsPresent: present,
    representative: repName.trim() && repTitle.trim() ? { name: repName.trim(), title: repTitle.trim() } : null,
    findings: findings.trim() || null,
  });
  const save = async (quiet = false) => {
    const r = await api.put<InspectionDetail>(`${P}/${d.id}/record`, body());
    if (!quiet) message.success('已保存现场检查记录');
    return r;
  };
  const onSave = async () => {
    setBusy('save');
    setError(null);
    try {
      onDone(await save());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const onSign = async () => {
    setBusy('sign');
    setError(null);
    try {
      await save(true);
      const r = await api.post<InspectionDetail>(`${P}/${d.id}/sign`, {
        inspectors: present.filter((p) => sigs[p]).map((p) => ({ inspectorId: p, signature: sigs[p]! })),
        representative: sigs.representative ? { signature: sigs.representative } : null,
      });
      message.success('现场检查记录已签署');
      onDone(r);
    } catch (e) {
      setError(errorMessage(e));
      onDone();
    } finally {
      setBusy(null);
    }
  };

  const readOnly = signed || !editable;
  const stats = useMemo(() => {
    const v = Object.values(items);
    return { done: v.filter((x) => x.result).length, bad: v.filter((x) => x.result === 'non_compliant').length };
  }, [items]);

  if (!editable && !d.record) {
    return (
      <Card variant="borderless" title="现场检查记录" style={{ marginBottom: 16 }} data-testid="record-card">
        <Empty description={d.status === 'planned' ? '送达检查通知书后填写' : '尚未填写'} />
      </Card>
    );
  }

  return (
    <Card
      variant="borderless"
      title="现场检查记录"
      extra={signed ? <Tag color="green" data-testid="record-signed">已于 {d.record!.signedOn} 签署 · 只读</Tag> : <Tag>已填 {stats.done}/{d.items.length}，不符合 {stats.bad}</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="record-card"
    >
      <Form layout="vertical" disabled={readOnly}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="现场检查日期">
              <DatePicker size="large" value={onSiteDate} onChange={(v) => v && setOnSiteDate(v)} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {d.record?.clock && <ClockBadge clock={d.record.clock} prefix="记录签字归档期限" />}
          </Col>
        </Row>
        <div className="record-items" data-testid="record-items">
          {d.items.map((i) => {
            const s = items[i.entryId] ?? { result: null, note: '' };
            return (
              <div key={i.entryId} className="record-item" data-testid="record-item" data-code={i.code}>
                <div className="record-item-head">
                  <Typography.Text code>{i.code}</Typography.Text> <Typography.Text strong>{i.title}</Typography.Text>
                  <div>
                    <Muted>
                      {i.legalBasis}
                      {i.method ? ` · ${i.method}` : ''}
                    </Muted>
                  </div>
                  {i.self && (
                    <div>
                      <Muted>单位自查：</Muted>
                      <ResultTag result={i.self.result} />
                      {i.self.note && <Muted>{i.self.note}</Muted>}
                    </div>
                  )}
                </div>
                {readOnly ? (
                  <Space wrap>
                    <ResultTag result={i.onSite?.result ?? null} />
                    {i.onSite?.note && <span>{i.onSite.note}</span>}
                  </Space>
                ) : (
                  <>
                    <ResultControl value={s.result} onChange={(v) => setItems((m) => ({ ...m, [i.entryId]: { ...s, result: v } }))} testId="result-control" />
                    <Input.TextArea
                      rows={2}
                      placeholder="检查情况说明"
                      value={s.note}
                      onChange={(e) => setItems((m) => ({ ...m, [i.entryId]: { ...s, note: e.target.value } }))}
                      style={{ marginTop: 8 }}
                      data-testid="item-note"
                    />
                  </>
                )}
                <Space wrap style={{ marginTop: 8 }} align="start">
                  <FileThumbs base={`${P}/${d.id}/files`} files={i.photos} />
                  {!readOnly && <PhotoUpload url={`${P}/${d.id}/photos?entryId=${i.entryId}`} onDone={() => onDone()} testId="photo-upload" />}
                </Space>
              </div>
            );
          })}
        </div>

        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={12}>
            <Form.Item label="到场执法人员">
              <Checkbox.Group value={present} onChange={(v) => setPresent(v as string[])} data-testid="inspectors-present" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
                {d.team.map((t) => (
                  <Checkbox key={t.id} value={t.id} className="big-check">
                    {t.name}（执法证号 {t.certificateNo}）
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="被检查单位代表姓名">
              <Input size="large" value={repName} onChange={(e) => setRepName(e.target.value)} data-testid="rep-name" />
            </Form.Item>
            <Form.Item label="被检查单位代表职务">
              <Input size="large" value={repTitle} onChange={(e) => setRepTitle(e.target.value)} data-testid="rep-title" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="发现的问题">
          <Input.TextArea rows={4} value={findings} onChange={(e) => setFindings(e.target.value)} data-testid="findings" />
        </Form.Item>
      </Form>

      {!readOnly && (
        <Button size="large" icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void onSave()} data-testid="save-record">
          保存记录
        </Button>
      )}

      {!signed && canSign && (
        <div style={{ marginTop: 24 }} data-testid="sign-section">
          <Typography.Title level={5}>签名</Typography.Title>
          <Muted>到场执法人员与被检查单位代表在下方手写签名，确认后记录不可修改。</Muted>
          <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
            {d.team
              .filter((t) => present.includes(t.id))
              .map((t) => (
                <Col xs={24} md={12} key={t.id}>
                  <SignaturePad label={`执法人员 ${t.name}`} testId="signature-pad" onChange={(png) => setSigs((m) => ({ ...m, [t.id]: png }))} />
                </Col>
              ))}
            <Col xs={24} md={12}>
              <SignaturePad label={`被检查单位代表${repName ? ` ${repName}` : ''}`} testId="signature-pad" onChange={(png) => setSigs((m) => ({ ...m, representative: png }))} />
            </Col>
          </Row>
          <Button type="primary" size="large" icon={<CheckOutlined />} loading={busy === 'sign'} onClick={() => void onSign()} style={{ marginTop: 16 }} data-testid="sign-record">
            确认签署
          </Button>
        </div>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="record-error" />}

      {signed && d.record && <SignedRecord base={`${P}/${d.id}/files`} record={d.record} />}
    </Card>
  );
}

function FeedbackCard({ d, canIssue, canReview, onDone }: { d: InspectionDetail; canIssue: boolean; canReview: boolean; onDone: Done }) {
  const { message } = App.useApp();
  const nonCompliant = d.items.filter((i) => i.onSite?.result === 'non_compliant');
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(nonCompliant.map((i) => [i.entryId, i.onSite?.note?.trim() ? `${i.onSite.note.trim()}，请于整改期限内完成整改` : `${i.title}：请于整改期限内完成整改`])));
  const [conclusion, setConclusion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<InspectionDetail>(`${P}/${d.id}/feedback`, {
        items: nonCompliant.map((i) => ({ entryId: i.entryId, text: texts[i.entryId] ?? '' })),
        conclusion: conclusion.trim() || null,
      });
      message.success('已出具反馈意见书');
      onDone(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
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
                    {d.rectificationPreview.due ?? '暂无法计算'}
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
              <Input.TextArea rows={2} value={texts[i.entryId]} onChange={(e) => setTexts((m) => ({ ...m, [i.entryId]: e.target.value }))} style={{ marginTop: 4 }} />
            </div>
          ))}
          <Input.TextArea rows={3} placeholder="检查结论（可选）" value={conclusion} onChange={(e) => setConclusion(e.target.value)} data-testid="conclusion" />
          <Button type="primary" size="large" icon={<SendOutlined />} loading={busy} onClick={() => void issue()} data-testid="issue-feedback">
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
              出具日期 {f.issuedOn}，整改期限 <Typography.Text strong data-testid="rectification-due">{f.rectificationDue ?? '—'}</Typography.Text>
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
            <RectItem key={x.id} d={d} x={x} canReview={canReview} onDone={onDone} />
          ))}
        </Space>
      )}
    </Card>
  );
}

function RectItem({ d, x, canReview, onDone }: { d: InspectionDetail; x: RectificationItemView; canReview: boolean; onDone: Done }) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const review = async (decision: 'accepted' | 'returned') => {
    if (decision === 'returned' && !comment.trim()) {
      setError('退回须填写理由');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<InspectionDetail>(`${P}/${d.id}/rectification/review`, { items: [{ itemId: x.id, decision, comment: comment.trim() || null }] }));
      message.success(decision === 'accepted' ? '已通过' : '已退回');
      setComment('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const color = { open: 'default', reported: 'blue', accepted: 'green', returned: 'red' }[x.status];
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
          <Input size="large" placeholder="审核意见（退回时必填）" value={comment} onChange={(e) => setComment(e.target.value)} style={{ minWidth: 260 }} data-testid="review-comment" />
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
