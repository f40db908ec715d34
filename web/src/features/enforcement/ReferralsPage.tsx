/**
 * /enforcement/referrals — 案件线索: the referrals (移送立案) other modules hand to enforcement, today
 * the non-compliant findings of an inspection. A list with a status filter and search; a drawer with
 * the detail (the source inspection, the unit, the facts, each entry with its legal basis, the
 * suspected basis) and, for users with `enforcement.manage`, 立案 (a penalty case opened from it:
 * OpenCaseDrawer) or 不予立案 with a reason; an accepted referral links its case.
 */
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, List, Skeleton, Space, Tag, Typography } from 'antd';
import { FileAddOutlined, StopOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from '@tanstack/react-router';
import type { DeclineInput, ReferralView } from '@server/modules/enforcement/contracts';
import { ApiError, errorMessage } from '../../api/client';
import { REFERRALS_URL, useDeclineReferral, useReferral } from './queries';
import { REFERRAL_STATUSES, REFERRAL_STATUS_COLORS, REFERRAL_STATUS_LABELS } from './status';
import { useCan, useMe } from '../../app/auth';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { OpenCaseDrawer } from './OpenCaseDrawer';

function StatusTag({ r }: { r: Pick<ReferralView, 'status' | 'statusLabel'> }) {
  return (
    <Tag color={REFERRAL_STATUS_COLORS[r.status]} data-testid="referral-status" data-status={r.status}>
      {r.statusLabel}
    </Tag>
  );
}

export function ReferralsPage() {
  const [openId, setOpenId] = useState<string | null>(null);
  const columns: ColumnsType<ReferralView> = [
    {
      title: '线索编号',
      dataIndex: 'code',
      width: 130,
      render: (v: string, r) => (
        <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => setOpenId(r.id)} data-testid="referral-link">
          <span className="mono">{v}</span>
        </Button>
      ),
    },
    { title: '当事单位', dataIndex: 'unitName' },
    { title: '来源', key: 'source', render: (_, r) => `${r.sourceLabel} ${r.sourceRef}` },
    { title: '移送日期', dataIndex: 'referredOn', width: 110 },
    { title: '涉及事项', key: 'entries', render: (_, r) => r.entries.map((e) => e.code).join('、'), responsive: ['md'] },
    { title: '状态', dataIndex: 'status', width: 110, render: (_: unknown, r) => <StatusTag r={r} /> },
  ];
  return (
    <>
      <PageHeader
        title="案件线索"
        description="行政检查等环节移送的涉嫌违法线索（移送立案）。可查阅违法事实、涉及的检查事项及依据；需要立案的转为行政处罚案件办理，不需要立案的，写明理由作不予立案处理。"
      />
      <ListPage<ReferralView>
        url={REFERRALS_URL}
        columns={columns}
        testId="referrals-table"
        orgFilter
        searchPlaceholder="线索编号、单位名称或检查编号"
        filters={[{ key: 'status', placeholder: '状态', options: REFERRAL_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] })), width: 140 }]}
        tableProps={{
          onRow: (r) => ({
            onClick: (e) => {
              if (!(e.target as HTMLElement).closest('button, a')) setOpenId(r.id);
            },
            style: { cursor: 'pointer' },
          }),
        }}
      />
      <Drawer open={!!openId} onClose={() => setOpenId(null)} size={640} title="案件线索" destroyOnHidden data-testid="referral-drawer">
        {openId && <ReferralDetail id={openId} />}
      </Drawer>
    </>
  );
}

function ReferralDetail({ id }: { id: string }) {
  const can = useCan();
  const me = useMe();
  const q = useReferral(id);
  const [opening, setOpening] = useState(false);
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const r = q.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="referral-detail">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <span className="mono" data-testid="referral-code">
            {r.code}
          </span>
        </Typography.Title>
        <StatusTag r={r} />
      </Space>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="来源">
          {r.sourceLabel}{' '}
          {r.sourceType === 'inspection' ? (
            <Link to="/inspection/inspections/$id" params={{ id: r.sourceId }} data-testid="referral-source-link">
              <span className="mono">{r.sourceRef}</span>
            </Link>
          ) : (
            <span className="mono">{r.sourceRef}</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="当事单位">{r.unitName}</Descriptions.Item>
        <Descriptions.Item label="移送日期">{r.referredOn}</Descriptions.Item>
        <Descriptions.Item label="移送人">{r.createdByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="涉嫌违反">{r.suspectedBasis ?? '—'}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={5}>违法事实</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="referral-facts">
          {r.facts}
        </Typography.Paragraph>
      </div>
      <div>
        <Typography.Title level={5}>涉及的检查事项</Typography.Title>
        <List
          size="small"
          bordered
          dataSource={r.entries}
          renderItem={(e) => (
            <List.Item data-testid="referral-entry">
              <div>
                <Space wrap size={6}>
                  <Typography.Text code>{e.code}</Typography.Text>
                  <Typography.Text strong>{e.title}</Typography.Text>
                </Space>
                <div>
                  <Typography.Text type="secondary">依据：{e.legalBasis}</Typography.Text>
                </div>
                {e.note && <div>检查情况：{e.note}</div>}
              </div>
            </List.Item>
          )}
        />
      </div>
      {r.status === 'declined' && (
        <Alert type="warning" showIcon title={`不予立案（${fmtDateTime(r.updatedAt)}）`} description={r.decisionNote} data-testid="decline-note" />
      )}
      {r.status === 'accepted' && (
        <Alert
          type="success"
          showIcon
          title="已立案"
          data-testid="referral-accepted"
          description={
            r.caseId ? (
              <Link to="/enforcement/cases/$id" params={{ id: r.caseId }} data-testid="referral-case-link">
                查看案件办理情况
              </Link>
            ) : undefined
          }
        />
      )}
      {/* A subordinate bureau's referrals are read-only here: it decides on its own. */}
      {r.status === 'pending' && can('enforcement.manage') && r.orgId === me.org.id && (
        <>
          <div>
            <Button type="primary" size="large" icon={<FileAddOutlined />} onClick={() => setOpening(true)} data-testid="open-case">
              立案
            </Button>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              转为行政处罚案件，选定执法人员、审批人和违法行为。
            </Typography.Text>
          </div>
          <DeclineForm r={r} />
        </>
      )}
      <OpenCaseDrawer open={opening} onClose={() => setOpening(false)} referral={r} />
    </Space>
  );
}

function DeclineForm({ r }: { r: ReferralView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclineInput>();
  const decline = useDeclineReferral(r.id);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    form.setFields([{ name: 'reason', errors: [] }]);
    try {
      await decline.mutateAsync({ reason: form.getFieldValue('reason') ?? '' });
      message.success(`案件线索 ${r.code} 已不予立案`);
    } catch (e) {
      const unmapped = applyFieldErrors(form, e);
      setError(e instanceof ApiError && e.fields && Object.keys(e.fields).length > 0 && unmapped.length === 0 ? null : formErrorMessage(e, unmapped));
    }
  };
  return (
    <Form form={form} name="decline" layout="vertical" data-testid="decline-form">
      <Form.Item name="reason" label="不予立案理由" extra="写明不予立案的理由（如违法事实不成立、情节轻微并已改正等），记入全过程记录。">
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="decline-reason" />
      </Form.Item>
      <Button danger size="large" icon={<StopOutlined />} loading={decline.isPending} onClick={() => void submit()} data-testid="decline">
        不予立案
      </Button>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="decline-error" />}
    </Form>
  );
}
