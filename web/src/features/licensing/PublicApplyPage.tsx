/**
 * /public/licensing/apply?item= — apply online for an item in force without an account: the applicant,
 * the materials of the guide uploaded (PDF, JPEG or PNG), then the tracking code and the day by which the
 * application is accepted or the corrections are told. An abolished item cannot be applied for.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Radio, Result, Row, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link, useSearch } from '@tanstack/react-router';
import type { MaterialUpload, PortalApplyResult } from '@server/modules/licensing/applications/contracts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, ID_LABELS, type ApplicantType } from '@server/modules/licensing/labels';
import { errorMessage } from '../../api/client';
import { DueDate } from '../../shared/DueDate';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { fmtLongDate } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { base64Of, MAX_UPLOAD_BYTES } from './common';
import { ItemGuide } from './ItemGuide';
import { PublicLicensingFrame } from './PublicLicensingFrame';
import { useLicensingPortalApply, usePublicItem } from './queries';

interface Values {
  applicantType: ApplicantType;
  applicantName: string;
  idNumber?: string;
  contact: string;
  summary?: string;
}

export function PublicLicensingApplyPage() {
  const { item: itemId } = useSearch({ strict: false }) as { item?: string };
  const q = usePublicItem(itemId);
  const apply = useLicensingPortalApply();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<Record<string, File[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PortalApplyResult | null>(null);
  const item = q.data;

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const missing = (item?.materials ?? []).filter((m) => m.required && !files[m.name]?.length).map((m) => m.name);
    if (missing.length) {
      setError(`请上传办事指南要求的全部必备材料，尚缺：${missing.join('、')}`);
      return;
    }
    setError(null);
    try {
      const uploads: MaterialUpload[] = [];
      for (const [material, list] of Object.entries(files))
        for (const f of list) uploads.push({ material, fileName: f.name, contentBase64: await base64Of(f) });
      const r = await apply.mutateAsync({
        itemId: itemId!,
        applicantType: v.applicantType,
        applicantName: v.applicantName,
        idNumber: v.idNumber?.trim() || null,
        contact: v.contact,
        summary: v.summary?.trim() || null,
        files: uploads,
      });
      setDone(r);
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    }
  };

  return (
    <PublicLicensingFrame org={item?.orgId}>
      <PageHeader title="行政许可网上申请" description="无需注册账号。提交后请记下查询码，凭查询码查看受理、审查和决定的进度。" />
      {!itemId ? (
        <Card variant="borderless">
          <Result
            status="info"
            title="请先选择要申请的事项"
            extra={
              <Link to="/public/licensing" search={{ org: undefined }}>
                <Button type="primary">查看事项目录</Button>
              </Link>
            }
          />
        </Card>
      ) : q.isLoading ? (
        <Card variant="borderless" loading />
      ) : q.isError || !item ? (
        <Card variant="borderless">
          <Result status="warning" title="没有找到该事项" subTitle={errorMessage(q.error)} />
        </Card>
      ) : done ? (
        <Card variant="borderless" data-testid="licensing-apply-done">
          <Result
            status="success"
            title="申请已提交"
            subTitle={done.message}
            extra={
              <Link to="/public/licensing/track" search={{ code: done.trackingCode }}>
                <Button type="primary">查询办理进度</Button>
              </Link>
            }
          />
          <Descriptions bordered column={1} size="middle">
            <Descriptions.Item label="查询码">
              <Typography.Text copyable strong style={{ fontSize: 20 }} className="mono" data-testid="licensing-tracking-code">
                {done.trackingCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="申请事项">{done.itemName}</Descriptions.Item>
            <Descriptions.Item label="受理机关">{done.orgName}</Descriptions.Item>
            <Descriptions.Item label="收到申请材料日期">{fmtLongDate(done.receivedOn)}</Descriptions.Item>
            <Descriptions.Item label="受理或告知补正">
              不晚于{' '}
              <DueDate
                due={done.acceptanceBy.due}
                provisional={done.acceptanceBy.provisional}
                provisionalYears={done.acceptanceBy.provisionalYears}
                format="long"
              />
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : !item.applicable ? (
        <Card variant="borderless" data-testid="licensing-apply-closed">
          <Result status="warning" title={`${item.name}${item.status === 'abolished' ? '（已取消）' : ''}`} subTitle={item.unavailableReason} />
          <ItemGuide item={item} />
        </Card>
      ) : (
        <Card variant="borderless">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {item.name}
          </Typography.Title>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="licensing-apply-error" />}
          <Form<Values>
            form={form}
            name="licensing-portal"
            layout="vertical"
            initialValues={{ applicantType: 'unit' }}
            requiredMark
            data-testid="licensing-apply-form"
          >
            <Form.Item name="applicantType" label="申请人类型">
              <Radio.Group options={APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))} />
            </Form.Item>
            <Form.Item name="applicantName" label="申请人名称（姓名）" rules={[{ required: true, message: '请填写申请人名称或姓名' }]}>
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
                <Form.Item name="contact" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="summary" label="申请事项说明">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
            </Form.Item>
            <Typography.Title level={5}>申请材料（PDF、JPEG 或 PNG，每个文件不超过 5 MB）</Typography.Title>
            <div data-testid="licensing-materials-upload">
              {item.materials.map((m) => (
                <Row key={m.name} gutter={12} align="middle" style={{ marginBottom: 8 }}>
                  <Col xs={24} md={12}>
                    {m.name} {m.required ? <Tag color="red">必备</Tag> : <Tag>非必备</Tag>}
                    {m.note && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {m.note}
                      </Typography.Text>
                    )}
                  </Col>
                  <Col xs={24} md={12}>
                    <Upload
                      accept=".pdf,.jpg,.jpeg,.png"
                      multiple
                      fileList={(files[m.name] ?? []).map((f, n) => ({ uid: `${m.name}-${n}`, name: f.name, status: 'done' as const }))}
                      beforeUpload={(f) => {
                        if (f.size > MAX_UPLOAD_BYTES) setError(`“${f.name}”超过 5 MB`);
                        else setFiles((x) => ({ ...x, [m.name]: [...(x[m.name] ?? []), f] }));
                        return false;
                      }}
                      onRemove={(u) => setFiles((x) => ({ ...x, [m.name]: (x[m.name] ?? []).filter((_, n) => `${m.name}-${n}` !== u.uid) }))}
                    >
                      <Button icon={<UploadOutlined />} data-testid="material-upload">
                        选择文件
                      </Button>
                    </Upload>
                  </Col>
                </Row>
              ))}
            </div>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              收到申请材料日期为系统收到之日。提交即表示您确认所填信息和材料真实；证件号码仅用于核实身份，不予公开。
            </Typography.Paragraph>
            <Button type="primary" size="large" loading={apply.isPending} onClick={() => void submit()} data-testid="licensing-apply-submit">
              提交申请
            </Button>
          </Form>
        </Card>
      )}
    </PublicLicensingFrame>
  );
}
