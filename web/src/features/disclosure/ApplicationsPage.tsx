/** 依申请公开: applications under the statutory clock — list (server paging, filters, search), intake, import, export. */
import { useState } from 'react';
import { App, Button, Input, Popover, Space, Typography } from 'antd';
import { DownloadOutlined, LinkOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from '@tanstack/react-router';
import { download, errorMessage } from '../../api/client';
import type { ApplicationRow, CreatedApplication } from '@server/modules/disclosure/applications/contracts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, APPLICATION_STATUS_LABELS, CHANNEL_LABELS, type ApplicationStatus } from '@server/modules/disclosure/labels';
import { ListPage, type ListParams } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { useCan, useMe } from '../../app/auth';
import { ApplicationStatusTag, DueCell, OUTCOME_OPTIONS } from './common';
import { IntakeDrawer } from './IntakeDrawer';
import { ImportApplicationsModal } from './ImportApplicationsModal';

export function ApplicationsPage() {
  const me = useMe();
  const can = useCan();
  const handle = can('disclosure.handle');
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [intake, setIntake] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const portalLink = `${window.location.origin}/public/disclosure/apply?org=${me.org.id}`;

  const exportXlsx = async (p: ListParams) => {
    setExporting(true);
    try {
      const { page: _page, pageSize: _size, ...filters } = p;
      await download('/api/disclosure/applications/export.xlsx', filters, '政府信息公开申请.xlsx');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const onCreated = (r: CreatedApplication) => {
    const open = () => void navigate({ to: '/disclosure/applications/$id', params: { id: r.application.id } });
    if (r.warnings.length) {
      modal.warning({
        title: '已登记，但可能是重复申请',
        content: (
          <div data-testid="duplicate-warning">
            {r.warnings.map((w, i) => (
              <Typography.Paragraph key={i}>{w.message}</Typography.Paragraph>
            ))}
          </div>
        ),
        okText: '查看申请',
        onOk: open,
      });
    } else {
      message.success(`已登记，查询码 ${r.application.trackingCode}`);
      open();
    }
  };

  const columns: ColumnsType<ApplicationRow> = [
    {
      title: '查询码',
      dataIndex: 'trackingCode',
      key: 'trackingCode',
      render: (v: string, r) => (
        <Link to="/disclosure/applications/$id" params={{ id: r.id }} data-testid="application-link">
          <span className="mono">{v}</span>
        </Link>
      ),
    },
    { title: '收到申请日期', dataIndex: 'receivedOn', key: 'receivedOn', sorter: true, render: (v: string) => <span className="mono">{v}</span> },
    { title: '渠道', dataIndex: 'channelLabel', key: 'channel', responsive: ['xxl'] },
    {
      title: '申请人',
      dataIndex: 'applicantName',
      key: 'applicantName',
      sorter: true,
      render: (v: string, r) => (
        <div>
          <div>{v}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.applicantTypeLabel ?? APPLICANT_TYPE_LABELS[r.applicantType]}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '证件号码',
      dataIndex: 'idNumberMasked',
      key: 'idNumberMasked',
      responsive: ['xl'],
      render: (v: string | null) =>
        v ? (
          <span className="mono" data-testid="masked-id">
            {v}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: '申请内容',
      dataIndex: 'content',
      key: 'content',
      render: (v: string) => (
        <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 200 }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      filters: Object.entries(APPLICATION_STATUS_LABELS).map(([value, text]) => ({ value, text })),
      render: (v: ApplicationStatus, r) => <ApplicationStatusTag status={v} label={r.statusLabel} />,
    },
    {
      title: '答复期限',
      dataIndex: 'due',
      key: 'due',
      render: (_: unknown, r) =>
        r.decidedOn ? (
          <Typography.Text type="secondary">{r.decidedOn} 已答复</Typography.Text>
        ) : (
          <DueCell due={r.due} state={r.clockState} provisional={r.provisional} provisionalYears={r.provisionalYears} />
        ),
    },
    { title: '办理结果', dataIndex: 'outcomeLabel', key: 'outcomeLabel', render: (v: string | null) => v ?? '—', responsive: ['lg'] },
  ];

  return (
    <>
      <PageHeader
        title="依申请公开"
        description="答复期限按条例第三十三条计算：20 个工作日，补正重新起算，征求意见不计入，依法延期一次。证件号码脱敏显示。"
        extra={
          <Popover
            trigger="click"
            title="门户在线申请链接"
            content={
              <div style={{ maxWidth: 420 }}>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  将此链接发布在本机关政府网站，公众无需注册即可在线申请并凭查询码查询进度。
                </Typography.Paragraph>
                <Input.TextArea readOnly autoSize value={portalLink} data-testid="portal-link" className="mono" />
                <Space style={{ marginTop: 8 }}>
                  <Button size="small" onClick={() => void navigator.clipboard?.writeText(portalLink).then(() => message.success('已复制'))}>
                    复制
                  </Button>
                  <a href={portalLink} target="_blank" rel="noreferrer">
                    打开
                  </a>
                </Space>
              </div>
            }
          >
            <Button icon={<LinkOutlined />} data-testid="portal-link-button">
              门户申请链接
            </Button>
          </Popover>
        }
      />
      <ListPage<ApplicationRow>
        url="/api/disclosure/applications"
        testId="applications-table"
        columns={columns}
        searchPlaceholder="搜索申请人、内容或查询码"
        orgFilter
        defaultSort={{ sort: 'receivedOn', order: 'desc' }}
        filters={[
          { key: 'channel', placeholder: '申请渠道', options: Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label })), width: 150 },
          {
            key: 'applicantType',
            placeholder: '申请人类型',
            options: APPLICANT_TYPES.map((value) => ({ value, label: APPLICANT_TYPE_LABELS[value] })),
            width: 140,
          },
          {
            key: 'outcome',
            placeholder: '办理结果',
            options: OUTCOME_OPTIONS.flatMap((g) => g.options.map((o) => ({ value: o.value, label: o.label }))),
            width: 200,
          },
        ]}
        actions={(p) => (
          <>
            {handle && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)} data-testid="intake-button">
                登记申请
              </Button>
            )}
            {handle && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx(p)}>
              导出
            </Button>
          </>
        )}
      />
      <IntakeDrawer open={intake} onClose={() => setIntake(false)} onCreated={onCreated} />
      <ImportApplicationsModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
