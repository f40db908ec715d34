/**
 * 发布 of the annual report on the 年度报告 page: the published state (已发布 第N版, date, the public
 * link, earlier versions a page at a time), and for a leader (`disclosure.approve`) of the own org the 发布 button
 * (confirm dialog) or, once published, 发布更正版 with a reason. The year must be over.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Pagination, Space, Tag, Tooltip, Typography } from 'antd';
import { CloudUploadOutlined, ExportOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client';
import { fmtDateTime } from '../../shared/format';
import { usePublishReport, useReportPublications } from './queries';

/** The current year in Beijing time (the server decides; this only hides a button that would be refused). */
const beijingYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
/** Versions of a year a page (the current one is shown apart, whatever the page). */
const VERSIONS_PAGE_SIZE = 10;

export function PublishReportCard({ year, orgId, canPublish, checksOk }: { year: number; orgId?: string; canPublish: boolean; checksOk: boolean }) {
  const { message, modal } = App.useApp();
  const publishing = usePublishReport(year);
  const busy = publishing.isPending;
  const [correcting, setCorrecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [page, setPage] = useState(1);
  const q = useReportPublications(year, orgId, page, VERSIONS_PAGE_SIZE);
  const current = q.data?.current ?? null;
  const older = (q.data?.items ?? []).filter((v) => v.id !== current?.id);
  const olderTotal = Math.max(0, (q.data?.total ?? 0) - (current ? 1 : 0));
  const yearOver = year < beijingYear();

  const publish = async (reason?: string) => {
    try {
      const r = await publishing.mutateAsync(reason);
      message.success(`${year} 年度报告已发布（第 ${r.version} 版）`);
      setCorrecting(false);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const confirmPublish = () =>
    modal.confirm({
      title: `发布 ${year} 年度政府信息公开工作年度报告？`,
      content: '发布后，表格、文字部分和 Word 全文按当前内容冻结并在门户公开；之后记录的变化不会改变已发布的报告，如需更正须发布更正版并说明理由。',
      okText: '确认发布',
      cancelText: '取消',
      onOk: () => publish(),
    });

  const hint = !yearOver ? `${year} 年度尚未结束，次年方可发布` : !checksOk ? '表格未通过勾稽关系校验，不能发布' : undefined;

  return (
    <Card variant="borderless" title="发布" style={{ marginBottom: 16 }} data-testid="publish-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {current ? (
          <Space wrap data-testid="publish-status">
            <Tag color="green" data-testid="published-version">
              已发布 第{current.version}版
            </Tag>
            <Typography.Text>
              {fmtDateTime(current.publishedAt)} 由 {current.publishedByName} 发布
            </Typography.Text>
            {current.reason && <Typography.Text type="secondary">更正理由：{current.reason}</Typography.Text>}
            <Typography.Link href={`/public/disclosure/reports/${current.id}`} target="_blank" data-testid="published-link">
              <ExportOutlined /> 查看门户公开页面
            </Typography.Link>
          </Space>
        ) : (
          <Typography.Text type="secondary" data-testid="publish-status">
            {q.isLoading ? '读取发布情况…' : '尚未发布'}
          </Typography.Text>
        )}
        {older.length > 0 && (
          <Typography.Text type="secondary" data-testid="older-versions">
            已被更正的版本{olderTotal > older.length ? `（共 ${olderTotal} 个）` : ''}：
            {older.map((v) => (
              <Typography.Link key={v.id} href={`/public/disclosure/reports/${v.id}`} target="_blank" style={{ marginLeft: 8 }}>
                第{v.version}版（{fmtDateTime(v.publishedAt)}）
              </Typography.Link>
            ))}
          </Typography.Text>
        )}
        {(q.data?.total ?? 0) > VERSIONS_PAGE_SIZE && (
          <Pagination simple size="small" current={page} pageSize={VERSIONS_PAGE_SIZE} total={q.data!.total} onChange={setPage} />
        )}
        {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
        {canPublish && (
          <Tooltip title={hint}>
            {current ? (
              <Button icon={<CloudUploadOutlined />} disabled={!!hint} loading={busy} onClick={() => setCorrecting(true)} data-testid="publish-correction">
                发布更正版
              </Button>
            ) : (
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                disabled={!!hint || q.isLoading}
                loading={busy}
                onClick={confirmPublish}
                data-testid="publish-report"
              >
                发布
              </Button>
            )}
          </Tooltip>
        )}
      </Space>
      <Modal
        open={correcting}
        title={`发布 ${year} 年度报告更正版`}
        okText="发布更正版"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setCorrecting(false)}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (v) await publish(v.reason.trim());
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          更正版按当前记录重新生成并冻结，取代第{current?.version}版；原版本仍在门户公开并标明已被更正。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="更正理由"
            rules={[
              { required: true, whitespace: true, message: '请填写更正理由' },
              { max: 2000, message: '更正理由不能超过 2000 个字' },
            ]}
          >
            <Input.TextArea rows={4} data-testid="publish-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
