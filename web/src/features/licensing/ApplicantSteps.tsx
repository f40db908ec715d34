/**
 * The applicant's side of the tracking page (no account; the tracking code is the secret): the letters
 * addressed to them (.docx), handing in the corrected materials when a correction list was sent, and
 * withdrawing the application before the decision. Each part shows only when the server offers it
 * (`letters`, `applicantActions`); the server checks the same and names the field of a refusal.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Typography, Upload } from 'antd';
import { FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import type { CorrectionUpload, PortalTrackResult } from '@server/modules/licensing/applications/contracts';
import { download, errorMessage } from '../../api/client';
import { fmtLongDate } from '../../shared/format';
import { base64Of, MAX_UPLOAD_BYTES } from './common';
import { portalLetterUrl, usePortalCorrect, usePortalWithdraw } from './queries';

/** 文书: the letters addressed to the applicant. */
export function PortalLetters({ track: t }: { track: PortalTrackResult }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  if (!t.letters.length) return null;
  const get = async (doc: string, label: string) => {
    setBusy(doc);
    try {
      await download(portalLetterUrl(t.trackingCode, doc), undefined, `${label}.docx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card variant="borderless" title="文书" style={{ marginTop: 16 }} data-testid="licensing-track-letters">
      {t.letters.map((l) => (
        <div key={l.doc} style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '8px 0', flexWrap: 'wrap' }}>
          <div style={{ flex: 1, minWidth: 200 }}>
            <Typography.Text strong>{l.label}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{`${l.docNumber ? `${l.docNumber}，` : ''}${fmtLongDate(l.issuedOn)}`}</Typography.Text>
          </div>
          <Button icon={<FileWordOutlined />} loading={busy === l.doc} onClick={() => void get(l.doc, l.label)} data-testid={`track-letter-${l.doc}`}>
            下载
          </Button>
        </div>
      ))}
    </Card>
  );
}

interface Picked {
  uid: string;
  material: string;
  file: File;
}

/** 提交补正材料: files (PDF, JPEG, PNG) each for a material of the guide or an item of the correction list. */
export function PortalCorrection({ track: t }: { track: PortalTrackResult }) {
  const correct = usePortalCorrect(t.trackingCode);
  const { message } = App.useApp();
  const [material, setMaterial] = useState<string | undefined>(t.correctionMaterials[t.correctionMaterials.length - 1]);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!t.applicantActions.includes('correct')) return null;
  const submit = async () => {
    if (!picked.length) {
      setError('请选择要上传的补正材料（PDF、JPEG 或 PNG）');
      return;
    }
    setError(null);
    try {
      const files: CorrectionUpload[] = [];
      for (const p of picked) files.push({ material: p.material, fileName: p.file.name, contentBase64: await base64Of(p.file) });
      await correct.mutateAsync({ files, note: note.trim() || null });
      setPicked([]);
      setNote('');
      message.success('补正材料已提交，受理期限自今日起重新计算');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card variant="borderless" title="提交补正材料" style={{ marginTop: 16 }} data-testid="licensing-track-correct">
      <Typography.Paragraph type="secondary">
        请按补正材料通知书一次补正全部内容。提交之日即为收到补正材料之日，行政机关自该日起 5 个工作日内决定是否受理；逾期未作决定的，自该日起即为受理。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="licensing-correct-error" />}
      <Form layout="vertical">
        <Form.Item label="补正的材料或事项">
          <Space.Compact style={{ width: '100%' }}>
            <Select
              value={material}
              onChange={setMaterial}
              options={t.correctionMaterials.map((m) => ({ value: m, label: m }))}
              style={{ flex: 1, minWidth: 0 }}
              aria-label="补正的材料或事项"
              data-testid="correct-material"
            />
            <Upload
              accept=".pdf,.jpg,.jpeg,.png"
              multiple
              showUploadList={false}
              beforeUpload={(f) => {
                if (f.size > MAX_UPLOAD_BYTES) setError(`“${f.name}”超过 5 MB`);
                else if (material) setPicked((x) => [...x, { uid: `${Date.now()}-${x.length}-${f.name}`, material, file: f }]);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="correct-upload">
                选择文件
              </Button>
            </Upload>
          </Space.Compact>
        </Form.Item>
        {picked.length > 0 && (
          <div style={{ marginBottom: 12 }} data-testid="correct-files">
            {picked.map((p) => (
              <div key={p.uid} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0', flexWrap: 'wrap' }}>
                <Typography.Text style={{ flex: 1, minWidth: 160 }}>
                  {p.file.name}
                  <Typography.Text type="secondary">（{p.material}）</Typography.Text>
                </Typography.Text>
                <Button type="link" size="small" onClick={() => setPicked((x) => x.filter((y) => y.uid !== p.uid))}>
                  移除
                </Button>
              </div>
            ))}
          </div>
        )}
        <Form.Item label="补正说明（选填）">
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Button type="primary" loading={correct.isPending} onClick={() => void submit()} data-testid="correct-submit">
          提交补正材料
        </Button>
      </Form>
    </Card>
  );
}

/** 撤回申请: before the decision, with the reason. */
export function PortalWithdraw({ track: t }: { track: PortalTrackResult }) {
  const withdraw = usePortalWithdraw(t.trackingCode);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!t.applicantActions.includes('withdraw')) return null;
  const submit = async () => {
    if (!reason.trim()) {
      setError('请填写撤回理由');
      return;
    }
    setError(null);
    try {
      await withdraw.mutateAsync({ reason: reason.trim() });
      setOpen(false);
      setReason('');
      message.success('申请已撤回');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div style={{ marginTop: 16 }}>
      <Button danger onClick={() => setOpen(true)} data-testid="track-withdraw">
        撤回申请
      </Button>
      <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
        作出决定前，可以撤回申请；撤回后本申请不再办理。
      </Typography.Text>
      <Modal
        open={open}
        title="撤回申请"
        okText="确认撤回"
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <div data-testid="track-withdraw-form">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form layout="vertical">
            <Form.Item label="撤回理由" required>
              <Input.TextArea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                autoSize={{ minRows: 3, maxRows: 6 }}
                maxLength={1000}
                aria-label="撤回理由"
              />
            </Form.Item>
          </Form>
        </div>
      </Modal>
    </div>
  );
}
