/**
 * 一公开 and 典型 on the bureau's inspection detail (GET /api/inspections/:id/publication): once the
 * feedback letter is issued, the 20-working-day publication clock, the text to publish (the
 * server's default text from the record, editable) with the day of publication; once published,
 * the text with its day and who published it, a correction (new text + a required reason) and
 * 标记典型 / 取消典型 with the reason. Only what the view's `allowedActions` allows; the server's
 * refusals show in place, each field message under its field.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Tag, Typography, type FormInstance } from 'antd';
import { EditOutlined, ExportOutlined, SendOutlined, StarFilled, StarOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import type { PublicationView } from '@server/modules/inspections/publication/contracts';
import { ApiError, errorMessage } from '../../api/client';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { fmtDateTime } from '../../shared/format';
import { ClockBadge, Muted } from './parts';
import { useCorrectPublication, usePublication, usePublish, useSetExemplary } from './queries';
import { RECTIFICATION_PROGRESS_COLORS as RECT_COLORS } from './status';

/**
 * After a failed write: field messages go under their fields; the sentence above the buttons only
 * when something is not a field of this form (a 409, a 403, an unknown field).
 */
function failure(form: FormInstance, e: unknown): string | null {
  const unmapped = applyFieldErrors(form, e);
  if (e instanceof ApiError && e.fields && Object.keys(e.fields).length > 0 && unmapped.length === 0) return null;
  return formErrorMessage(e, unmapped);
}

/** Clears the messages a previous attempt left on the form's fields. */
function clearErrors(form: FormInstance) {
  form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })));
}

export function PublicationCard({ d }: { d: InspectionDetail }) {
  const letter = !!d.feedback;
  const q = usePublication(d.id, letter);

  // Before the feedback letter the result is not formed yet: one muted line once the record is signed.
  if (!letter) {
    if (d.status !== 'on_site_signed') return null;
    return (
      <Card variant="borderless" title="检查结果公开" style={{ marginBottom: 16 }} data-testid="publication-card">
        <Muted>出具反馈意见书后，检查结果应在 20 个工作日内向社会公开。</Muted>
      </Card>
    );
  }
  const p = q.data;
  const can = (a: PublicationView['allowedActions'][number]) => !!p?.allowedActions.includes(a);

  return (
    <Card
      variant="borderless"
      title="检查结果公开（一公开）"
      extra={
        p &&
        (p.published ? (
          <Tag color="green" data-testid="publication-state">
            已于 {p.publishedOn} 公开
          </Tag>
        ) : (
          <Tag data-testid="publication-state">未公开</Tag>
        ))
      }
      style={{ marginBottom: 16 }}
      data-testid="publication-card"
    >
      {q.isLoading && <Muted>加载中…</Muted>}
      {q.isError && <Alert type="error" showIcon message={errorMessage(q.error)} />}
      {p && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <div>
            <Muted>
              反馈意见书于 {p.feedbackOn} 出具，检查结果应在其后 {p.requiredDays} 个工作日内公开（国办发〔2018〕118号）。公开内容不含人员姓名、照片和签名。
            </Muted>
            {p.clock && (
              <div style={{ marginTop: 4 }} data-testid="publication-clock">
                <ClockBadge clock={p.clock} prefix="最迟公开日" />
              </div>
            )}
            <div style={{ marginTop: 4 }}>
              <Muted>整改情况：</Muted>
              <Tag color={RECT_COLORS[p.rectification.code]} data-testid="publication-rectification">
                {p.rectification.label}
              </Tag>
            </div>
          </div>
          {p.published ? <Published p={p} canCorrect={can('publish')} /> : can('publish') ? <PublishForm p={p} /> : <Muted>尚未公开。</Muted>}
          {p.published && <Exemplary p={p} canMark={can('markExemplary')} />}
        </Space>
      )}
    </Card>
  );
}

interface PublishValues {
  publicResult: string;
  publishedOn: Dayjs | null;
}

function PublishForm({ p }: { p: PublicationView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishValues>();
  const publish = usePublish(p.inspectionId);
  const busy = publish.isPending;
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = form.getFieldsValue();
    setError(null);
    clearErrors(form);
    try {
      // The text as typed (an empty text is the server's to refuse, with its message under the field).
      await publish.mutateAsync({ publicResult: v.publicResult ?? '', publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : undefined });
      message.success('检查结果已公开');
    } catch (e) {
      setError(failure(form, e));
    }
  };
  return (
    <Form<PublishValues>
      form={form}
      name="publish"
      layout="vertical"
      initialValues={{ publicResult: p.defaultText ?? '', publishedOn: dayjs() }}
      data-testid="publish-form"
    >
      <Form.Item
        name="publicResult"
        label={
          <Space>
            <span>公开内容</span>
            <Button
              type="link"
              size="small"
              icon={<UndoOutlined />}
              onClick={() => form.setFieldsValue({ publicResult: p.defaultText ?? '' })}
              data-testid="reset-default-text"
            >
              恢复默认文本
            </Button>
          </Space>
        }
        extra="默认文本由检查记录生成（检查事项、符合/不符合/不适用项数、结论、整改情况），可修改。"
      >
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={5000} showCount data-testid="public-result" />
      </Form.Item>
      <Form.Item name="publishedOn" label="公开日期">
        <DatePicker size="large" allowClear={false} data-testid="published-on" />
      </Form.Item>
      <Button type="primary" size="large" icon={<SendOutlined />} loading={busy} onClick={() => void submit()} data-testid="publish">
        公开
      </Button>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="publish-error" />}
    </Form>
  );
}

interface CorrectionValues {
  publicResult: string;
  reason: string;
}

function Published({ p, canCorrect }: { p: PublicationView; canCorrect: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div data-testid="published">
      <Descriptions column={{ xs: 1, sm: 1, md: 3 }} size="small">
        <Descriptions.Item label="公开日期">
          <span data-testid="published-on-date">{p.publishedOn}</span>
        </Descriptions.Item>
        <Descriptions.Item label="公开人">{p.publishedByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="办理时间">{fmtDateTime(p.publishedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 6, marginBottom: 8 }}
        data-testid="published-text"
      >
        {p.publicResult}
      </Typography.Paragraph>
      <Space wrap>
        <Button size="large" icon={<ExportOutlined />} href="/public/inspections" target="_blank" rel="noreferrer" data-testid="portal-link">
          在门户查看
        </Button>
        {canCorrect && !open && (
          <Button size="large" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="open-correction">
            更正
          </Button>
        )}
      </Space>
      {canCorrect && open && <CorrectionForm p={p} onClose={() => setOpen(false)} />}
    </div>
  );
}

/** Mounted when opened, so it starts from the text as published now. */
function CorrectionForm({ p, onClose }: { p: PublicationView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const correct = useCorrectPublication(p.inspectionId);
  const busy = correct.isPending;
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = form.getFieldsValue();
    setError(null);
    clearErrors(form);
    try {
      await correct.mutateAsync({ publicResult: v.publicResult ?? '', reason: v.reason ?? '' });
      message.success('已更正公开内容');
      onClose();
    } catch (e) {
      setError(failure(form, e));
    }
  };
  return (
    <Form<CorrectionValues>
      form={form}
      name="correction"
      layout="vertical"
      initialValues={{ publicResult: p.publicResult ?? '', reason: '' }}
      style={{ marginTop: 16 }}
      data-testid="correction-form"
    >
      <Form.Item name="publicResult" label="更正后的公开内容">
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={5000} showCount data-testid="correction-text" />
      </Form.Item>
      <Form.Item name="reason" label="更正理由" extra="必填；原内容与理由留在全过程记录中。">
        <Input.TextArea rows={2} maxLength={500} data-testid="correction-reason" />
      </Form.Item>
      <Space wrap>
        <Button type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="submit-correction">
          提交更正
        </Button>
        <Button size="large" onClick={onClose}>
          取消
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="correction-error" />}
    </Form>
  );
}

function Exemplary({ p, canMark }: { p: PublicationView; canMark: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const mark = useSetExemplary(p.inspectionId);
  const busy = mark.isPending;
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    clearErrors(form);
    try {
      await mark.mutateAsync({ exemplary: !p.exemplary, note: form.getFieldValue('note') ?? '' });
      message.success(p.exemplary ? '已取消典型' : '已标记为典型');
      form.resetFields();
    } catch (e) {
      setError(failure(form, e));
    }
  };
  return (
    <div data-testid="exemplary" data-exemplary={p.exemplary ? 'yes' : 'no'}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        典型
      </Typography.Title>
      {p.exemplary ? (
        <div style={{ marginBottom: 8 }}>
          <Tag color="gold" icon={<StarFilled />} data-testid="exemplary-tag">
            典型（{p.exemplaryOn} 标记）
          </Tag>
          <span data-testid="exemplary-note">{p.exemplaryNote}</span>
        </div>
      ) : (
        <div style={{ marginBottom: 8 }}>
          <Muted>未标记。标记为典型后，该单位及理由在门户“典型单位”中展示。</Muted>
        </div>
      )}
      {canMark && (
        <Form form={form} name={p.exemplary ? 'unmark' : 'mark'} layout="vertical" key={p.exemplary ? 'unmark' : 'mark'} data-testid="exemplary-form">
          <Form.Item
            name="note"
            label={p.exemplary ? '取消理由' : '典型理由'}
            extra={p.exemplary ? '写明为何不再作为典型（记入全过程记录）。' : '必填：该单位为何可作为典型。'}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="exemplary-note-input" />
          </Form.Item>
          <Button
            size="large"
            icon={p.exemplary ? <StarOutlined /> : <StarFilled />}
            loading={busy}
            onClick={() => void submit()}
            data-testid={p.exemplary ? 'unmark-exemplary' : 'mark-exemplary'}
          >
            {p.exemplary ? '取消典型' : '标记典型'}
          </Button>
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="exemplary-error" />}
        </Form>
      )}
    </div>
  );
}
