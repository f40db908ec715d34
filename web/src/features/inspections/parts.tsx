/** Pieces shared by the bureau's and the unit's inspection pages. */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Descriptions, Image, Popover, Segmented, Space, Steps, Tag, Typography } from 'antd';
import { CameraOutlined, DownloadOutlined } from '@ant-design/icons';
import { api, download, errorMessage } from '../../api/client';
import { StatusTag } from '../../shared/StatusTag';
import { DueDate } from '../../shared/DueDate';
import { ITEM_RESULT_LABELS, type ItemResult } from '@server/modules/inspections/labels';
import type { ClockView, EvidenceUsage, FileRef, NoticeView, RecordView } from '@server/modules/inspections/loop/contracts';
import { INSPECTION_STATUSES, INSPECTION_STATUS_LABELS, type InspectionStatus } from '@server/modules/inspections/loop/labels';

export const RESULT_OPTIONS = (Object.keys(ITEM_RESULT_LABELS) as ItemResult[]).map((v) => ({ value: v, label: ITEM_RESULT_LABELS[v] }));
const RESULT_COLORS: Record<ItemResult, string> = { compliant: 'green', non_compliant: 'red', not_applicable: 'default' };

export function ResultTag({ result }: { result: ItemResult | null | undefined }) {
  if (!result) return <Tag>未填写</Tag>;
  return (
    <Tag color={RESULT_COLORS[result]} data-result={result}>
      {ITEM_RESULT_LABELS[result]}
    </Tag>
  );
}

/** The large 符合/不符合/不适用 control (touch-sized). */
export function ResultControl({
  value,
  onChange,
  disabled,
  testId,
}: {
  value: ItemResult | null | undefined;
  onChange: (v: ItemResult) => void;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <div data-testid={testId} data-value={value ?? ''}>
      <Segmented<ItemResult | ''>
        className="result-control"
        size="large"
        block
        disabled={disabled}
        value={value ?? ''}
        options={RESULT_OPTIONS}
        onChange={(v) => v && onChange(v)}
      />
    </div>
  );
}

/** The status machine as a Steps bar (a column on a phone, where seven titles in a row run together). */
export function InspectionSteps({ status }: { status: InspectionStatus }) {
  const current = INSPECTION_STATUSES.indexOf(status);
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      className="inspection-steps"
      data-testid="inspection-steps"
      current={current}
      status={status === 'closed' ? 'finish' : 'process'}
      items={INSPECTION_STATUSES.map((s) => ({ title: INSPECTION_STATUS_LABELS[s] }))}
    />
  );
}

export function DownloadButton({ path, name, children, testId }: { path: string; name: string; children: ReactNode; testId?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="large"
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid={testId}
      onClick={async () => {
        setBusy(true);
        try {
          await download(path, undefined, name);
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}

/** Thumbnails of stored pictures (photos, evidence); PDFs as links. */
export function FileThumbs({ base, files }: { base: string; files: FileRef[] }) {
  if (!files.length) return null;
  return (
    <Space wrap size={8} data-testid="file-thumbs">
      {files.map((f) =>
        f.mime.startsWith('image/') ? (
          <Image key={f.id} src={`${base}/${f.id}`} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} alt={f.fileName ?? '照片'} />
        ) : (
          <a key={f.id} href={`${base}/${f.id}`} target="_blank" rel="noreferrer">
            {f.fileName ?? '附件'}
          </a>
        ),
      )}
    </Space>
  );
}

/** 拍照/上传: a file input that opens the camera on a tablet; the server's refusal (e.g. 415) shows below. */
export function PhotoUpload({
  url,
  label = '拍照/上传',
  accept = 'image/*',
  onDone,
  testId,
}: {
  url: string;
  label?: string;
  accept?: string;
  onDone: () => void;
  testId?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `upload-${Math.random().toString(36).slice(2)}`;
  return (
    <div data-testid={testId}>
      <input
        id={id}
        type="file"
        accept={accept}
        capture="environment"
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (!f) return;
          setBusy(true);
          setError(null);
          try {
            await api.upload(url, f, f.name);
            onDone();
          } catch (err) {
            setError(errorMessage(err));
          } finally {
            setBusy(false);
          }
        }}
      />
      <Button size="large" icon={<CameraOutlined />} loading={busy} onClick={() => document.getElementById(id)?.click()}>
        {label}
      </Button>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} data-testid="upload-error" />}
    </div>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

/** A period's state (e.g. 剩余 2 个工作日) with the calculation behind a popover. */
export function ClockBadge({ clock, prefix }: { clock: ClockView; prefix: string }) {
  return (
    <Space wrap size={4} data-testid="clock">
      <span>
        {prefix}{' '}
        <DueDate
          due={clock.due}
          provisional={clock.provisional}
          provisionalYears={clock.provisionalYears}
          provisionalNote={clock.provisionalNote}
          testId="clock-due"
        />
      </span>
      <StatusTag kind="due" value={clock.state} />
      {clock.daysLeft !== null && clock.state !== 'met' && (
        <Muted>{clock.daysLeft >= 0 ? `剩余 ${clock.daysLeft} 个工作日` : `逾期 ${-clock.daysLeft} 个工作日`}</Muted>
      )}
      <Popover
        title="期限计算"
        content={
          <div style={{ maxWidth: 420 }}>
            {clock.explanation.map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
        }
      >
        <Button type="link" size="small">
          计算过程
        </Button>
      </Popover>
    </Space>
  );
}

/**
 * Every 检查通知书 of an inspection, the one in force last: number, the day sent, the date it
 * announced, an amendment's reason and the notice it replaced; each one's .docx (old ones are kept).
 */
export function NoticeHistory({ base, code, notices }: { base: string; code: string; notices: NoticeView[] }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="notice-history">
      {notices.map((n) => (
        <div key={n.id} data-testid="notice-row" data-in-force={n.inForce ? 'true' : 'false'} data-doc-number={n.docNumber}>
          <Space wrap>
            <span data-testid={n.inForce ? 'notice-doc-number' : undefined}>
              {n.docNumber}，{n.noticeOn} 送达，通知检查日期 {n.plannedDate}
            </span>
            {n.inForce ? <Tag color="green">现行有效</Tag> : <Tag>已变更</Tag>}
            <DownloadButton
              path={`${base}/notices/${n.id}/notice.docx`}
              name={`档案行政检查通知书-${code}${n.seq > 1 ? `（变更${n.seq - 1}）` : ''}.docx`}
              testId={n.inForce ? 'download-notice' : 'download-old-notice'}
            >
              下载
            </DownloadButton>
          </Space>
          {n.supersedes && (
            <div>
              <Muted>
                变更通知，取代 {n.supersedes}。变更理由：{n.reason}
              </Muted>
            </div>
          )}
        </div>
      ))}
    </Space>
  );
}

/** The signed 现场检查记录's people and signatures (both sides see it read-only once signed). */
export function SignedRecord({ base, record }: { base: string; record: RecordView }) {
  return (
    <div style={{ marginTop: 16 }} data-testid="signed-record">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="检查日期">{record.onSiteDate}</Descriptions.Item>
        <Descriptions.Item label="到场执法人员">{record.inspectorsPresent.map((p) => `${p.name}（${p.certificateNo ?? ''}）`).join('、')}</Descriptions.Item>
        <Descriptions.Item label="被检查单位代表">
          {record.representative ? `${record.representative.name}（${record.representative.title}）` : '—'}
        </Descriptions.Item>
        {record.findings && <Descriptions.Item label="发现的问题">{record.findings}</Descriptions.Item>}
        {record.signedOn && <Descriptions.Item label="签字日期">{record.signedOn}</Descriptions.Item>}
      </Descriptions>
      <Space wrap size={16} data-testid="signatures">
        {record.signatures.map((s) => (
          <div key={s.id} style={{ textAlign: 'center' }}>
            <img
              src={`${base}/${s.id}`}
              alt={`${s.signerName ?? ''}的签名`}
              style={{ width: 200, height: 90, objectFit: 'contain', border: '1px solid #eee', background: '#fff' }}
            />
            <div>
              <Muted>
                {s.role === 'inspector' ? '执法人员' : '单位代表'} {s.signerName}
              </Muted>
            </div>
          </div>
        ))}
      </Space>
    </div>
  );
}

/**
 * The storage the photos and evidence use against their quotas (settings 每个被检查单位 / 本机关), shown
 * beside the uploads; in the warning colour from 80 %, so nobody learns of a full quota from a refusal.
 */
export function EvidenceUsageNote({ usage }: { usage: EvidenceUsage }) {
  const parts = [{ label: '本单位', u: usage.unit }, ...(usage.org ? [{ label: '本机关', u: usage.org }] : [])];
  const near = parts.some((p) => p.u.usedBytes >= 0.8 * p.u.quotaBytes);
  return (
    <Typography.Text type={near ? 'warning' : 'secondary'} data-testid="evidence-usage">
      照片和佐证材料存储：{parts.map((p) => `${p.label}${p.u.text}`).join('；')}
      {near ? '（接近上限，请压缩后上传）' : ''}
    </Typography.Text>
  );
}
