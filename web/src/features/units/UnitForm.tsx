/** Fields of a regulated unit (检查对象), shared by create and edit. */
import { Col, Form, Input, Row, Select } from 'antd';
import {
  RISK_TIERS,
  RISK_TIER_LABELS,
  UNIT_STATUSES,
  UNIT_STATUS_LABELS,
  UNIT_TYPES,
  UNIT_TYPE_LABELS,
  type RiskTier,
  type UnitType,
} from '@server/modules/orgs/contracts';

export type UnitFormValues = {
  name: string;
  creditCode: string;
  type: UnitType;
  industry?: string | null;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  riskTier: RiskTier;
  status?: 'active' | 'closed';
};

export const unitTypeOptions = UNIT_TYPES.map((k) => ({ value: k, label: UNIT_TYPE_LABELS[k] }));
export const riskOptions = RISK_TIERS.map((k) => ({ value: k, label: RISK_TIER_LABELS[k] }));
export const unitStatusOptions = UNIT_STATUSES.map((k) => ({ value: k, label: UNIT_STATUS_LABELS[k] }));

/** Trim strings; empty optional fields become null. */
export function unitBody(v: UnitFormValues) {
  const opt = (s?: string | null) => (s && s.trim() ? s.trim() : null);
  return {
    name: v.name.trim(),
    creditCode: v.creditCode.trim().toUpperCase(),
    type: v.type,
    industry: opt(v.industry),
    address: opt(v.address),
    contactName: opt(v.contactName),
    contactPhone: opt(v.contactPhone),
    riskTier: v.riskTier,
    ...(v.status ? { status: v.status } : {}),
  };
}

export function UnitFormFields({ editing }: { editing: boolean }) {
  return (
    <>
      <Form.Item
        label="单位名称"
        name="name"
        rules={[
          { required: true, whitespace: true, message: '请填写单位名称' },
          { max: 100, message: '不能超过 100 个字' },
        ]}
      >
        <Input placeholder="全称，与营业执照或登记证书一致" />
      </Form.Item>
      <Form.Item
        label="统一社会信用代码"
        name="creditCode"
        rules={[
          { required: true, whitespace: true, message: '请填写统一社会信用代码' },
          { pattern: /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/, message: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）' },
        ]}
        extra="18 位；系统会校验校验码"
      >
        <Input maxLength={18} className="mono" style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="单位类型" name="type" rules={[{ required: true, message: '请选择单位类型' }]}>
            <Select options={unitTypeOptions} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="风险等级" name="riskTier" rules={[{ required: true, message: '请选择风险等级' }]}>
            <Select options={riskOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="所属行业" name="industry" rules={[{ max: 60, message: '不能超过 60 个字' }]}>
        <Input placeholder="如：教育、卫生、档案服务" />
      </Form.Item>
      <Form.Item label="地址" name="address" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="联系人" name="contactName" rules={[{ max: 40, message: '不能超过 40 个字' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="联系电话" name="contactPhone" rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: '联系电话格式不正确' }]}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      {editing && (
        <Form.Item label="状态" name="status">
          <Select options={unitStatusOptions} />
        </Form.Item>
      )}
    </>
  );
}
