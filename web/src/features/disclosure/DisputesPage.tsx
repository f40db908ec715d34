/** 行政复议和诉讼: the register of reconsideration and litigation cases (section 四 of the annual report). */
import { useState } from 'react';
import { Button, Col, DatePicker, Form, Input, Result, Row, Select, Space, Tag } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from '@tanstack/react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { DisputeView } from '@server/modules/disputes/contracts';
import {
  DISPUTE_KIND_LABELS,
  DISPUTE_KINDS,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_OUTCOMES,
  type DisputeKind,
  type DisputeOutcome,
} from '@server/modules/disputes/labels';
import { FormDrawer } from '../../shared/FormDrawer';
import { SheetImportModal } from '../../shared/SheetImportModal';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { useCan, useMe } from '../../app/auth';
import { day } from './common';
import { DISPUTES_URL, useApplicationSearch, useImportDisputes, useSaveDispute } from './queries';
import { DISPUTE_OUTCOME_COLORS } from './status';

interface Values {
  kind: DisputeKind;
  filedOn: Dayjs;
  outcome: DisputeOutcome;
  closedOn?: Dayjs | null;
  caseNo?: string;
  subject?: string;
  applicationId?: string | null;
}

const kindOptions = DISPUTE_KINDS.map((k) => ({ value: k, label: DISPUTE_KIND_LABELS[k] }));
const outcomeOptions = DISPUTE_OUTCOMES.map((k) => ({ value: k, label: DISPUTE_OUTCOME_LABELS[k] }));

/** Picks a disclosure application by tracking code, applicant or content. */
function ApplicationPicker({ value, onChange, id }: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const [term, setTerm] = useState('');
  const q = useApplicationSearch(term);
  const options = (q.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.trackingCode} ${a.applicantName}：${a.content.slice(0, 20)}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      id={id}
      allowClear
      value={value ?? null}
      onChange={(v: string | null | undefined) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: (v: string) => setTerm(v.trim()) }}
      options={options}
      placeholder="输入查询码或申请人搜索（可不填）"
      loading={q.isFetching}
    />
  );
}

export function DisputesPage() {
  const me = useMe();
  const can = useCan();
  const manage = can('dispute.manage');
  const save = useSaveDispute();
  const [editing, setEditing] = useState<DisputeView | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const importDisputes = useImportDisputes();

  const columns: ColumnsType<DisputeView> = [
    {
      title: '类别',
      dataIndex: 'kind',
      key: 'kind',
      filters: kindOptions.map((o) => ({ value: o.value, text: o.label })),
      render: (_: unknown, d) => d.kindLabel,
    },
    { title: '案号', dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
    { title: '案由 / 申请人', dataIndex: 'subject', render: (v: string | null) => v ?? '—' },
    { title: '立案日期', dataIndex: 'filedOn', render: (v: string) => <span className="mono">{v}</span> },
    {
      title: '结果',
      dataIndex: 'outcome',
      key: 'outcome',
      filters: outcomeOptions.map((o) => ({ value: o.value, text: o.label })),
      render: (v: DisputeOutcome, d) => <Tag color={DISPUTE_OUTCOME_COLORS[v]}>{d.outcomeLabel}</Tag>,
    },
    { title: '审结日期', dataIndex: 'closedOn', render: (v: string | null) => v ?? '—' },
    {
      title: '关联申请',
      dataIndex: 'applicationId',
      render: (v: string | null) =>
        v ? (
          <Link to="/disclosure/applications/$id" params={{ id: v }}>
            查看申请
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, d) =>
        manage && d.orgId === me.org.id ? (
          <Button type="link" size="small" onClick={() => setEditing(d)}>
            编辑
          </Button>
        ) : null,
    },
  ];

  const isNew = editing === 'new';
  return (
    <>
      <PageHeader
        title="行政复议和诉讼"
        description="以本机关为被申请人、被告的政府信息公开行政复议、行政诉讼案件；年度报告第四部分按立案年度和年末结果统计。"
      />
      <ListPage<DisputeView>
        url={DISPUTES_URL}
        testId="disputes-table"
        columns={columns}
        noSearch
        orgFilter
        actions={() =>
          manage && (
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="dispute-import-open">
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                登记案件
              </Button>
            </Space>
          )
        }
      />
      <SheetImportModal
        open={importing}
        onClose={() => setImporting(false)}
        title="导入复议、诉讼案件"
        templateUrl={`${DISPUTES_URL}/import-template.xlsx`}
        templateName="行政复议行政诉讼登记导入模板.xlsx"
        rowNoun="一件案件"
        maxRows={5000}
        upload={(file) => importDisputes.mutateAsync(file)}
        busy={importDisputes.isPending}
        testId="dispute-import"
        done={(r) => <Result status="success" title={`已导入 ${r.created} 件案件`} data-testid="dispute-import-done" />}
      />
      <FormDrawer<Values>
        open={!!editing}
        title={isNew ? '登记复议、诉讼案件' : '修改案件结果'}
        width={560}
        formName="dispute"
        onClose={() => setEditing(null)}
        initialValues={
          editing && editing !== 'new'
            ? {
                kind: editing.kind,
                filedOn: dayjs(editing.filedOn),
                outcome: editing.outcome,
                closedOn: editing.closedOn ? dayjs(editing.closedOn) : null,
                caseNo: editing.caseNo ?? undefined,
                subject: editing.subject ?? undefined,
                applicationId: editing.applicationId,
              }
            : { kind: 'reconsideration', outcome: 'pending', filedOn: dayjs() }
        }
        onSubmit={(v) =>
          isNew
            ? save.mutateAsync({
                body: {
                  kind: v.kind,
                  filedOn: day(v.filedOn)!,
                  outcome: v.outcome,
                  closedOn: day(v.closedOn) ?? null,
                  caseNo: v.caseNo?.trim() || null,
                  subject: v.subject?.trim() || null,
                  applicationId: v.applicationId ?? null,
                },
              })
            : save.mutateAsync({
                id: (editing as DisputeView).id,
                body: {
                  outcome: v.outcome,
                  closedOn: day(v.closedOn) ?? null,
                  caseNo: v.caseNo?.trim() || null,
                  subject: v.subject?.trim() || null,
                },
              })
        }
        successMessage={isNew ? '已登记' : '已保存'}
      >
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={kindOptions} disabled={!isNew} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="filedOn" label="立案（受理）日期" rules={[{ required: true, message: '请选择立案日期' }]}>
              <DatePicker style={{ width: '100%' }} disabled={!isNew} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="caseNo" label="案号">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="subject" label="案由 / 申请人">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="outcome" label="结果" rules={[{ required: true }]} extra="维持含驳回申请；纠正含变更、撤销、确认违法、责令履行">
              <Select options={outcomeOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="closedOn" label="审结日期" extra="有结果（维持、纠正、其他）的须填写">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {isNew && (
          <Form.Item name="applicationId" label="关联的政府信息公开申请">
            <ApplicationPicker />
          </Form.Item>
        )}
      </FormDrawer>
    </>
  );
}
