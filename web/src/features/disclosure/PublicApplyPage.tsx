/**
 * /public/disclosure/apply?org=<受理机关> — apply online without an account
 * (POST /api/public/disclosure/applications after GET /api/auth/csrf), then the tracking code and
 * the expected reply date.
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, List, Result, Typography } from 'antd';
import { Link, useSearch } from '@tanstack/react-router';
import type { PortalApplyResult } from '@server/modules/disclosure/applications/contracts';
import type { ApplicantType } from '@server/modules/disclosure/labels';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { PageHeader } from '../../shared/PageHeader';
import { fmtLongDate } from '../../shared/format';
import { DueDate } from '../../shared/DueDate';
import { ApplicantFields } from './IntakeDrawer';
import { PublicDisclosureFrame } from './PublicDisclosureFrame';
import { usePortalApply, usePublicOrgs } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Values {
  applicantType: ApplicantType;
  applicantName: string;
  idType?: string;
  idNumber?: string;
  contact?: string;
  content: string;
  formRequested?: string;
}

export function PublicApplyPage() {
  const { org } = useSearch({ strict: false }) as { org?: string };
  const [form] = Form.useForm<Values>();
  const apply = usePortalApply();
  const busy = apply.isPending;
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PortalApplyResult | null>(null);
  const orgOk = !!org && UUID.test(org);
  const bureaus = usePublicOrgs(!orgOk);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      const r = await apply.mutateAsync({
        orgId: org!,
        applicantType: v.applicantType,
        applicantName: v.applicantName,
        idType: v.idType ?? null,
        idNumber: v.idNumber?.trim() || null,
        contact: v.contact?.trim() || null,
        content: v.content,
        formRequested: v.formRequested ?? null,
      });
      setDone(r);
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    }
  };

  return (
    <PublicDisclosureFrame org={org}>
      <PageHeader title="政府信息公开在线申请" description="无需注册账号。提交后请记下查询码，凭查询码查看办理进度和预计答复日期。" />
      {done ? (
        <Card variant="borderless" data-testid="apply-done">
          <Result
            status="success"
            title="申请已提交"
            subTitle={done.message}
            extra={
              <Link to="/public/disclosure/track" search={{ code: done.trackingCode }}>
                <Button type="primary">查询办理进度</Button>
              </Link>
            }
          />
          <Descriptions bordered column={1} size="middle">
            <Descriptions.Item label="查询码">
              <Typography.Text copyable strong style={{ fontSize: 20 }} className="mono" data-testid="tracking-code">
                {done.trackingCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="受理机关">{done.orgName}</Descriptions.Item>
            <Descriptions.Item label="收到申请日期">{fmtLongDate(done.receivedOn)}</Descriptions.Item>
            <Descriptions.Item label="预计答复日期">
              <span data-testid="expected-reply-date" data-date={done.expectedReplyDate ?? ''} data-provisional={done.provisional ? 'true' : 'false'}>
                {done.expectedReplyDate ? (
                  <>
                    不晚于{' '}
                    <DueDate
                      due={done.expectedReplyDate}
                      provisional={done.provisional}
                      provisionalYears={done.provisionalYears}
                      {...(done.provisionalNote ? { provisionalNote: done.provisionalNote } : {})}
                      format="long"
                    />
                  </>
                ) : (
                  '—'
                )}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : !orgOk ? (
        <Card variant="borderless">
          <Result
            status="info"
            title="请选择受理机关"
            subTitle="政府信息公开申请应向制作或保存该信息的行政机关提出。已提交的申请可直接查询办理进度。"
            extra={
              <Link to="/public/disclosure/track" search={{ code: undefined }}>
                <Button>办理查询</Button>
              </Link>
            }
          />
          <List
            bordered
            data-testid="apply-orgs"
            loading={bureaus.isLoading}
            dataSource={bureaus.data?.items ?? []}
            renderItem={(o) => (
              <List.Item>
                <a href={`/public/disclosure/apply?org=${o.id}`}>{o.name}</a>
              </List.Item>
            )}
          />
        </Card>
      ) : (
        <Card variant="borderless">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="apply-error" />}
          <Form<Values> form={form} name="portal" layout="vertical" initialValues={{ applicantType: 'natural' }} requiredMark data-testid="apply-form">
            <ApplicantFields portal />
            <Typography.Paragraph type="secondary">
              收到申请日期为系统确认之日（条例第三十一条第（三）项）。提交即表示您确认所填信息真实；证件号码仅用于核实身份，在各类列表中脱敏显示。
            </Typography.Paragraph>
            <Button type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="apply-submit">
              提交申请
            </Button>
          </Form>
        </Card>
      )}
    </PublicDisclosureFrame>
  );
}
