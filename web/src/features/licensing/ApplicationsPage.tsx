/** 许可申请: the applications under their clocks — list (server paging, filters, search), desk intake, history import. */
import { useState } from 'react';
import { App, Button, Checkbox, Col, DatePicker, Form, Input, Radio, Result, Row, Select, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ApplicationRow } from '@server/modules/licensing/applications/contracts';
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  APPLICATION_STATUS_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  ID_LABELS,
  RESULT_LABELS,
  RESULTS,
  type ApplicantType,
  type ApplicationStatus,
} from '@server/modules/licensing/labels';
import { useCan } from '../../app/auth';
import { FormDrawer } from '../../shared/FormDrawer';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { SheetImportModal } from '../../shared/SheetImportModal';
import { DueCell } from '../disclosure/common';
import { day, LicensingStatusTag, notAfterToday, ResultTag } from './common';
import { LICENSING_APPLICATIONS_URL, useCreateLicensingApplication, useImportLicensing, useItems } from './queries';

interface IntakeValues {
  itemId: string;
  receivedOn: Dayjs;
  applicantType: ApplicantType;
  applicantName: string;
  idNumber?: string;
  contact?: string;
  summary?: string;
  received: string[];
}

/** 窗口登记: the item in force, the day the materials were handed in, the applicant, the checklist of materials. */
function IntakeDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const items = useItems();
  const create = useCreateLicensingApplication();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const applicable = (items.data?.items ?? []).filter((i) => i.applicable);
  return (
    <FormDrawer<IntakeValues>
      open={open}
      title="窗口登记许可申请"
      width={640}
      onClose={onClose}
      testId="licensing-intake-form"
      formName="licensing-intake"
      submitText="登记"
      successMessage=""
      initialValues={{ receivedOn: dayjs(), applicantType: 'unit', received: [] }}
      onSubmit={(v) =>
        create.mutateAsync({
          itemId: v.itemId,
          receivedOn: day(v.receivedOn)!,
          applicantType: v.applicantType,
          applicantName: v.applicantName,
          idNumber: v.idNumber?.trim() || null,
          contact: v.contact?.trim() || null,
          summary: v.summary?.trim() || null,
          materials: (applicable.find((i) => i.id === v.itemId)?.materials ?? []).map((m) => ({ name: m.name, received: v.received.includes(m.name) })),
        })
      }
      onSuccess={(r) => {
        const a = r as { id: string; code: string };
        message.success(`已登记，编号 ${a.code}`);
        void navigate({ to: '/licensing/applications/$id', params: { id: a.id } });
      }}
    >
      {(form) => (
        <>
          <Form.Item name="itemId" label="许可事项" rules={[{ required: true, message: '请选择许可事项' }]}>
            <Select
              loading={items.isLoading}
              options={applicable.map((i) => ({ value: i.id, label: i.name }))}
              placeholder="只列出现行有效的事项"
              onChange={() => form.setFieldValue('received', [])}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="receivedOn" label="收到申请材料日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="applicantType" label="申请人类型">
                <Radio.Group options={APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="applicantName" label="申请人名称（姓名）" rules={[{ required: true, message: '请填写申请人' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item noStyle shouldUpdate={(a, b) => a.applicantType !== b.applicantType}>
                {() => (
                  <Form.Item name="idNumber" label={ID_LABELS[form.getFieldValue('applicantType') as ApplicantType] ?? '证件号码'}>
                    <Input maxLength={40} className="mono" />
                  </Form.Item>
                )}
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contact" label="联系电话">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="summary" label="申请事项说明">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.itemId !== b.itemId}>
            {() => {
              const item = applicable.find((i) => i.id === form.getFieldValue('itemId'));
              return item ? (
                <Form.Item name="received" label="收到的申请材料（据办事指南核对）" extra="必备材料不齐的，应在 5 个工作日内一次告知申请人补正的全部内容。">
                  <Checkbox.Group
                    style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                    options={item.materials.map((m) => ({ value: m.name, label: `${m.name}${m.required ? '' : '（非必备）'}` }))}
                  />
                </Form.Item>
              ) : null;
            }}
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}

function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importing = useImportLicensing();
  return (
    <SheetImportModal
      open={open}
      onClose={onClose}
      title="导入历史许可申请"
      templateUrl={`${LICENSING_APPLICATIONS_URL}/import-template.xlsx`}
      templateName="行政许可申请历史数据导入模板.xlsx"
      rowNoun="一件申请"
      maxRows={20000}
      upload={(file) => importing.mutateAsync({ file })}
      busy={importing.isPending}
      testId="licensing-import"
      done={(r) => (
        <Result
          status="success"
          title={`已导入 ${r.created} 件申请`}
          subTitle={`准予许可 ${r.granted} 件，不予许可 ${r.refused} 件，撤回 ${r.withdrawn} 件，办理中 ${r.pending} 件（办理中的已按收到日期计算期限）。导入的申请计入统计。`}
          data-testid="licensing-import-done"
        />
      )}
    />
  );
}

export function LicensingApplicationsPage() {
  const can = useCan();
  const handle = can('licensing.handle');
  const items = useItems();
  const [intake, setIntake] = useState(false);
  const [importing, setImporting] = useState(false);

  const columns: ColumnsType<ApplicationRow> = [
    {
      title: '编号',
      dataIndex: 'code',
      key: 'code',
      render: (v: string, r) => (
        <Link to="/licensing/applications/$id" params={{ id: r.id }} data-testid="licensing-application-link">
          <span className="mono">{v}</span>
        </Link>
      ),
    },
    { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', sorter: true, render: (v: string) => <span className="mono">{v}</span> },
    {
      title: '许可事项',
      dataIndex: 'itemName',
      key: 'itemName',
      render: (v: string) => (
        <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 220 }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: '申请人',
      dataIndex: 'applicantName',
      key: 'applicantName',
      sorter: true,
      render: (v: string, r) => (
        <div>
          <div>{v}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.channelLabel}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      filters: Object.entries(APPLICATION_STATUS_LABELS).map(([value, text]) => ({ value, text })),
      render: (v: ApplicationStatus, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <LicensingStatusTag status={v} label={r.statusLabel} />
          <ResultTag result={r.result} />
        </span>
      ),
    },
    {
      title: '当前期限',
      dataIndex: 'due',
      key: 'due',
      render: (_: unknown, r) =>
        r.stage && r.clockState ? (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.stageLabel}
            </Typography.Text>
            <div>
              <DueCell due={r.due} state={r.clockState} provisional={r.provisional} provisionalYears={r.provisionalYears} />
            </div>
          </div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: '决定日期', dataIndex: 'decidedOn', key: 'decidedOn', sorter: true, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title="许可申请"
        description="受理或一次性告知补正：收到申请材料之日起 5 个工作日内，逾期视为受理；决定：受理之日起 20 个工作日内，经负责人批准可延长 10 个工作日，听证、检测、专家评审时间不计入；决定作出后 7 个工作日内公开。"
      />
      <ListPage<ApplicationRow>
        url={LICENSING_APPLICATIONS_URL}
        testId="licensing-applications-table"
        columns={columns}
        searchPlaceholder="搜索编号、查询码、申请人或事项"
        orgFilter
        defaultSort={{ sort: 'receivedOn', order: 'desc' }}
        filters={[
          { key: 'itemId', placeholder: '许可事项', options: (items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name })), width: 200 },
          { key: 'channel', placeholder: '申请渠道', options: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })), width: 130 },
          { key: 'result', placeholder: '决定', options: RESULTS.map((r) => ({ value: r, label: RESULT_LABELS[r] })), width: 130 },
        ]}
        actions={() => (
          <>
            {handle && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)} data-testid="licensing-intake-button">
                窗口登记
              </Button>
            )}
            {handle && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="licensing-import-button">
                导入历史数据
              </Button>
            )}
          </>
        )}
      />
      <IntakeDrawer open={intake} onClose={() => setIntake(false)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
