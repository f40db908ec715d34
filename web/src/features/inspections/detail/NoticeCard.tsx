/** 检查通知书 on the bureau's detail: sending it (送达), the notices sent (each .docx), and 变更检查通知. */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import { EditOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { errorMessage } from '../../../api/client';
import { ClockBadge, DownloadButton, Muted, NoticeHistory } from '../parts';
import { INSPECTIONS_URL as P, useAmendNotice, useSendNotice } from '../queries';

export function NoticeCard({ d, canNotify, canAmend }: { d: InspectionDetail; canNotify: boolean; canAmend: boolean }) {
  const { message } = App.useApp();
  const [on, setOn] = useState<Dayjs | null>(dayjs());
  const [error, setError] = useState<string | null>(null);
  const [amending, setAmending] = useState(false);
  const notify = useSendNotice(d.id);
  const send = async () => {
    setError(null);
    try {
      await notify.mutateAsync({ noticeOn: on?.format('YYYY-MM-DD') });
      message.success('已登记送达检查通知书');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card
      variant="borderless"
      title="检查通知书"
      style={{ marginBottom: 16 }}
      data-testid="notice-card"
      extra={
        canAmend &&
        !amending && (
          <Button size="large" icon={<EditOutlined />} onClick={() => setAmending(true)} data-testid="amend-notice">
            变更检查通知
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Muted>
          应至迟于检查日前 {d.notice.requiredWorkingDays} 个工作日送达；现场检查日期不得早于通知书所定的检查日期，需提前或改期的，应先变更检查通知。
        </Muted>
        {d.notice.clock.due && <ClockBadge clock={d.notice.clock} prefix="最迟送达日" />}
        {d.notice.history.length ? (
          <NoticeHistory base={`${P}/${d.id}`} code={d.code} notices={d.notice.history} />
        ) : d.notice.docNumber ? (
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
            <Button type="primary" size="large" icon={<SendOutlined />} loading={notify.isPending} onClick={() => void send()} data-testid="send-notice">
              送达检查通知书
            </Button>
          </Space>
        ) : (
          <Muted>尚未送达</Muted>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="notice-error" />}
        {amending && <AmendNoticeForm d={d} onClose={() => setAmending(false)} />}
      </Space>
    </Card>
  );
}

/** 变更检查通知: a new notice (its own number) announcing a new date, sent at least N working days before it, with the reason. */
function AmendNoticeForm({ d, onClose }: { d: InspectionDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [on, setOn] = useState<Dayjs | null>(dayjs());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const amend = useAmendNotice(d.id);
  const submit = async () => {
    setError(null);
    try {
      // An empty date is the server's to refuse, with its message.
      const r = await amend.mutateAsync({ plannedDate: date?.format('YYYY-MM-DD') as string, noticeOn: on?.format('YYYY-MM-DD'), reason: reason.trim() });
      message.success(`已变更检查通知：${r.notice.docNumber}，检查日期 ${r.plannedDate}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card size="small" type="inner" title="变更检查通知（另行送达检查通知书）" data-testid="amend-form">
      <Form layout="vertical">
        <Muted>
          原通知书 {d.notice.docNumber} 所定检查日期 {d.plannedDate}。变更后将编发新的发文字号，原通知书留存备查；新的检查日期应在变更通知送达后至少{' '}
          {d.notice.requiredWorkingDays} 个工作日。
        </Muted>
        <Row gutter={16} style={{ marginTop: 12 }}>
          <Col xs={24} md={12}>
            <Form.Item label="新的检查日期" required>
              <span data-testid="amend-date">
                <DatePicker size="large" value={date} onChange={setDate} style={{ width: '100%' }} />
              </span>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="变更通知送达日期" required>
              <span data-testid="amend-notice-on">
                <DatePicker size="large" value={on} onChange={setOn} allowClear={false} style={{ width: '100%' }} />
              </span>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="变更理由" required>
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="如：被检查单位搬迁档案库房，经协商提前检查"
            data-testid="amend-reason"
          />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="amend-error" />}
        <Space wrap>
          <Button type="primary" size="large" icon={<SendOutlined />} loading={amend.isPending} onClick={() => void submit()} data-testid="amend-submit">
            送达变更后的检查通知书
          </Button>
          <Button size="large" onClick={onClose}>
            取消
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
