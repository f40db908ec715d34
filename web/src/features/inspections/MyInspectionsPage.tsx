/**
 * 检查与整改 (the inspected unit's own account, `ownUnit.inspect`): its inspections from the notice
 * on; per inspection the notice, the self-inspection (draft, then submit), the feedback letter and
 * the rectification report per item with evidence.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { api, errorMessage } from '../../api/client';
import type { InspectionDetail, InspectionSummary, ItemResult, RectificationItemView } from '../../api/inspections';
import type { InspectionFollowUpDetail } from '../../api/inspection-followup';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { InspectionStatusTag } from './InspectionStatusTag';
import { DownloadButton, FileThumbs, InspectionSteps, Muted, PhotoUpload, ResultControl, ResultTag, SignedRecord } from './parts';
import { FollowUpParentCard, InterviewCards } from './FollowUpSection';

const P = '/api/my/inspections';

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
  const qc = useQueryClient();
  const key = [P, 'detail', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<InspectionDetail>(`${P}/${id}`) });
  const refresh = (d?: InspectionDetail) => {
    if (d) qc.setQueryData(key, d);
    else void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: [P] });
  };
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  const d = q.data;
  // 约谈 and 回头看 (followUpView): the unit's detail carries them too, without referrals.
  const f = d as InspectionFollowUpDetail;
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
      {f.parent && <FollowUpParentCard parent={f.parent} side="unit" />}
      <Card variant="borderless" title="检查通知书" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{d.notice.docNumber}</span>
          <Muted>{d.notice.sentOn} 送达</Muted>
          <DownloadButton path={`${P}/${d.id}/notice.docx`} name={`档案行政检查通知书-${d.code}.docx`} testId="download-notice">
            下载检查通知书
          </DownloadButton>
        </Space>
      </Card>
      <SelfForm d={d} onDone={refresh} />
      {d.record?.signedOn && <OnSiteRecordCard d={d} />}
      {d.feedback && <Rectification d={d} onDone={refresh} />}
      {f.interviews.length > 0 && (
        <Card variant="borderless" title="约谈" style={{ marginBottom: 16 }} data-testid="my-interviews">
          <InterviewCards interviews={f.interviews} commitment={f.commitment} items={d.feedback?.items ?? []} docxBase={`${P}/${d.id}/interviews`} code={d.code} />
        </Card>
      )}
    </div>
  );
}

type Done = (d?: InspectionDetail) => void;

/** The signed on-site record as the unit sees it: every item's result and note, the photos, who signed. */
function OnSiteRecordCard({ d }: { d: InspectionDetail }) {
  const [all, setAll] = useState(false);
  const found = d.items.filter((i) => i.onSite?.result === 'non_compliant');
  const shown = all ? d.items : d.items.filter((i) => i.onSite?.result === 'non_compliant' || i.photos.length > 0 || i.onSite?.note);
  return (
    <Card
      variant="borderless"
      title="现场检查记录"
      extra={<Tag color={found.length ? 'red' : 'green'}>{found.length ? `不符合 ${found.length} 项` : '全部符合或不适用'}</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="my-record"
    >
      <Space style={{ marginBottom: 8 }}>
        <Muted>{all ? `全部 ${d.items.length} 项` : `不符合、有说明或有照片的 ${shown.length} 项`}</Muted>
        <Typography.Link onClick={() => setAll((v) => !v)} data-testid="record-toggle-all">
          {all ? '只看有问题的项' : '查看全部检查项'}
        </Typography.Link>
      </Space>
      <div className="record-items">
        {shown.map((i) => (
          <div key={i.entryId} className="record-item" data-testid="my-record-item" data-code={i.code}>
            <Space wrap>
              <Typography.Text code>{i.code}</Typography.Text>
              <span>{i.title}</span>
              <ResultTag result={i.onSite?.result ?? null} />
            </Space>
            {i.onSite?.note && <div>{i.onSite.note}</div>}
            <FileThumbs base={`${P}/${d.id}/files`} files={i.photos} />
          </div>
        ))}
      </div>
      {d.record && <SignedRecord base={`${P}/${d.id}/files`} record={d.record} />}
    </Card>
  );
}

function SelfForm({ d, onDone }: { d: InspectionDetail; onDone: Done }) {
  const { message } = App.useApp();
  const editable = d.allowedActions.includes('saveSelfInspection');
  const [vals, setVals] = useState<Record<string, { result: ItemResult | null; note: string }>>({});
  const [loaded, setLoaded] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (loaded === d.id) return;
    setLoaded(d.id);
    setVals(Object.fromEntries(d.items.map((i) => [i.entryId, { result: i.self?.result ?? null, note: i.self?.note ?? '' }])));
  }, [d, loaded]);

  const save = async () => {
    const results = d.items.filter((i) => vals[i.entryId]?.result).map((i) => ({ entryId: i.entryId, result: vals[i.entryId]!.result!, note: vals[i.entryId]!.note.trim() || null }));
    return api.put<InspectionDetail>(`${P}/${d.id}/self-inspection`, { results });
  };
  const run = async (what: 'save' | 'submit') => {
    setBusy(what);
    setError(null);
    try {
      let r = await save();
      if (what === 'submit') r = await api.post<InspectionDetail>(`${P}/${d.id}/self-inspection/submit`);
      message.success(what === 'submit' ? '自查表已提交' : '已保存草稿');
      onDone(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const done = Object.values(vals).filter((v) => v.result).length;
  return (
    <Card
      variant="borderless"
      title="自查表"
      extra={d.selfInspection.submittedAt ? <Tag color="green" data-testid="self-submitted">已于 {fmtDateTime(d.selfInspection.submittedAt)} 提交</Tag> : <Tag>已填 {done}/{d.items.length}</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="self-form"
    >
      <div className="record-items">
        {d.items.map((i) => {
          const v = vals[i.entryId] ?? { result: null, note: '' };
          return (
            <div key={i.entryId} className="record-item" data-testid="self-item" data-code={i.code}>
              <div className="record-item-head">
                <Typography.Text code>{i.code}</Typography.Text> <Typography.Text strong>{i.title}</Typography.Text>
                <div>
                  <Muted>{i.evidenceHint ?? i.legalBasis}</Muted>
                </div>
              </div>
              {editable ? (
                <>
                  <ResultControl value={v.result} onChange={(r) => setVals((m) => ({ ...m, [i.entryId]: { ...v, result: r } }))} testId="self-result" />
                  <Input.TextArea rows={1} placeholder="说明（可选）" value={v.note} onChange={(e) => setVals((m) => ({ ...m, [i.entryId]: { ...v, note: e.target.value } }))} style={{ marginTop: 8 }} />
                </>
              ) : (
                <Space wrap>
                  <ResultTag result={i.self?.result} />
                  {i.self?.note && <Muted>{i.self.note}</Muted>}
                </Space>
              )}
            </div>
          );
        })}
      </div>
      {editable && (
        <Space wrap style={{ marginTop: 16 }}>
          <Button size="large" icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void run('save')} data-testid="save-self">
            保存草稿
          </Button>
          <Button type="primary" size="large" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void run('submit')} data-testid="submit-self">
            提交自查表
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="self-error" />}
    </Card>
  );
}

function Rectification({ d, onDone }: { d: InspectionDetail; onDone: Done }) {
  const f = d.feedback!;
  const canReport = d.allowedActions.includes('reportRectification');
  return (
    <Card variant="borderless" title="反馈意见书与整改" style={{ marginBottom: 16 }} data-testid="my-feedback">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>{f.docNumber}</span>
          <span>
            整改期限 <Typography.Text strong data-testid="rectification-due">{f.rectificationDue ?? '—'}</Typography.Text>
          </span>
          <DownloadButton path={`${P}/${d.id}/feedback.docx`} name={`反馈意见书-${d.code}.docx`} testId="download-feedback">
            下载反馈意见书
          </DownloadButton>
        </Space>
        {f.items.length === 0 && <Empty description="无整改事项" />}
        {f.items.map((x) => (
          <ReportItem key={x.id} d={d} x={x} canReport={canReport && (x.status === 'open' || x.status === 'returned')} onDone={onDone} />
        ))}
      </Space>
    </Card>
  );
}

function ReportItem({ d, x, canReport, onDone }: { d: InspectionDetail; x: RectificationItemView; canReport: boolean; onDone: Done }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const report = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api.put<InspectionDetail>(`${P}/${d.id}/rectification`, { items: [{ itemId: x.id, text: text.trim() }] }));
      message.success('已报送整改情况');
      setText('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" data-testid="my-rect-item" data-status={x.status}>
      <Space wrap>
        <Typography.Text code>{x.code}</Typography.Text>
        <Typography.Text strong>{x.title}</Typography.Text>
        <Tag color={{ open: 'default', reported: 'blue', accepted: 'green', returned: 'red' }[x.status]}>{x.statusLabel}</Tag>
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
                  {e.fileName ?? e.id}
                </a>
              </span>
            ))}
          </Muted>
        </div>
      )}
      {canReport && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <PhotoUpload url={`${P}/${d.id}/rectification/evidence?itemId=${x.id}`} label="上传佐证材料" accept="image/*,application/pdf" onDone={() => onDone()} />
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
