/** 登记申请 (当面、信函、传真电子邮件、互联网): the receipt date follows the channel's rule (条例第三十一条). */
import { Alert, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CreatedApplication } from '@server/modules/disclosure/applications/contracts';
import {
  APPLICANT_TYPE_GROUP,
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  CHANNEL_DEFS,
  CHANNEL_LABELS,
  type ApplicantType,
  type Channel,
} from '@server/modules/disclosure/labels';
import { FormDrawer } from '../../shared/FormDrawer';
import { day } from './common';
import { useCreateApplication } from './queries';

/** Applicant types grouped as the report's columns: 自然人 | 法人或其他组织. */
const APPLICANT_TYPE_OPTIONS = [
  { label: '自然人', options: APPLICANT_TYPES.filter((t) => !APPLICANT_TYPE_GROUP[t]).map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] })) },
  { label: '法人或其他组织', options: APPLICANT_TYPES.filter((t) => APPLICANT_TYPE_GROUP[t]).map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] })) },
];

interface Values {
  channel: Channel;
  receivedOn: Dayjs;
  applicantType: ApplicantType;
  applicantName: string;
  idType?: string;
  idNumber?: string;
  contact?: string;
  content: string;
  formRequested?: string;
}

export const ID_TYPES = ['居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '统一社会信用代码', '其他'];
export const FORMS = ['纸质', '电子邮件', '光盘', '当面查阅、抄录'];

/** The applicant fields, shared with the portal form. */
export function ApplicantFields({ portal = false }: { portal?: boolean }) {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="applicantType" label="申请人类型" rules={[{ required: true, message: '请选择申请人类型' }]}>
            <Select options={APPLICANT_TYPE_OPTIONS} placeholder="自然人 / 法人或其他组织" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            name="applicantName"
            label={portal ? '姓名或名称' : '申请人姓名（名称）'}
            rules={[{ required: true, whitespace: true, message: '请填写申请人姓名或名称' }, { max: 200 }]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="idType" label="证件类型">
            <Select allowClear options={ID_TYPES.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="idNumber" label="证件号码" rules={[{ pattern: /^[0-9A-Za-z-]*$/, message: '证件号码只能包含数字、字母和连字符' }, { max: 40 }]}>
            <Input className="mono" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="contact" label="联系方式" extra={portal ? '电话、通信地址或电子邮箱，用于送达答复' : undefined} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="content"
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
        rules={[{ required: true, whitespace: true, message: '请描述所需的政府信息' }, { max: 5000 }]}
      >
        <Input.TextArea rows={4} showCount maxLength={5000} />
      </Form.Item>
      <Form.Item name="formRequested" label="获取信息的方式">
        <Select allowClear options={FORMS.map((v) => ({ value: v, label: v }))} placeholder="纸质、电子邮件…" />
      </Form.Item>
    </>
  );
}

export function IntakeDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: CreatedApplication) => void }) {
  const create = useCreateApplication();
  return (
    <FormDrawer<Values>
      open={open}
      title="登记政府信息公开申请"
      width={640}
      formName="intake"
      testId="intake-form"
      onClose={onClose}
      initialValues={{ channel: 'in_person', receivedOn: dayjs(), applicantType: 'natural' }}
      successMessage=""
      submitText="登记"
      onSubmit={(v) =>
        create.mutateAsync({
          channel: v.channel,
          receivedOn: day(v.receivedOn)!,
          applicantType: v.applicantType,
          applicantName: v.applicantName,
          idType: v.idType ?? null,
          idNumber: v.idNumber?.trim() || null,
          contact: v.contact?.trim() || null,
          content: v.content,
          formRequested: v.formRequested ?? null,
        })
      }
      onSuccess={(r) => onCreated(r as CreatedApplication)}
    >
      {(form) => (
        <>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="channel" label="申请渠道" rules={[{ required: true, message: '请选择申请渠道' }]}>
                <Select options={(['in_person', 'letter', 'fax_email', 'online'] as Channel[]).map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="receivedOn" label="收到申请日期" rules={[{ required: true, message: '请选择收到申请日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.channel !== b.channel}>
            {() => {
              const c = form.getFieldValue('channel') as Channel | undefined;
              return c ? (
                <Alert
                  type="info"
                  showIcon
                  title={`收到申请日期：${CHANNEL_DEFS[c].receipt.article}：${CHANNEL_DEFS[c].receipt.rule}`}
                  style={{ marginBottom: 16 }}
                />
              ) : null;
            }}
          </Form.Item>
          <ApplicantFields />
        </>
      )}
    </FormDrawer>
  );
}
