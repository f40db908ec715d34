/** 延期 (条例第三十三条): once, at most 20 working days, approved by the head of the disclosure office — the leader, or a leader the desk names. */
import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import { useCan, useMe } from '../../app/auth';
import { ActionModal } from './ActionModal';
import { day, notAfterToday } from './common';
import { useApplicationAction, useApprovers } from './queries';

export function ExtensionModal({ application: a, open, onClose }: { application: ApplicationDetail; open: boolean; onClose: () => void }) {
  const me = useMe();
  const can = useCan();
  const extension = useApplicationAction(a.id, 'extension');
  const mayPickApprover = can('user.read') && !can('disclosure.approve');
  const approvers = useApprovers(open && mayPickApprover);
  return (
    <ActionModal<{ days: number; reason: string; approvedBy?: string; approvedOn: Dayjs; noticeOn?: Dayjs }>
      open={open}
      title="延长答复期限（条例第三十三条）"
      testId="extension-form"
      onClose={onClose}
      initialValues={{ days: 20, approvedOn: dayjs(), noticeOn: dayjs() }}
      success="已延长答复期限"
      onSubmit={(v) =>
        extension.mutateAsync({
          days: v.days,
          reason: v.reason,
          approvedOn: day(v.approvedOn)!,
          ...(v.noticeOn ? { noticeOn: day(v.noticeOn)! } : {}),
          ...(v.approvedBy ? { approvedBy: v.approvedBy } : {}),
        })
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="只能延长一次，最长不超过 20 个工作日，须经政府信息公开工作机构负责人同意并告知申请人。" />
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item
            name="days"
            label="延长（工作日）"
            rules={[
              { required: true, message: '请填写延长天数' },
              { type: 'number', min: 1, max: 20, message: '延长 1 至 20 个工作日' },
            ]}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={14}>
          {mayPickApprover ? (
            <Form.Item name="approvedBy" label="批准人（负责人）" rules={[{ required: true, message: '请选择批准人' }]}>
              <Select
                loading={approvers.isLoading}
                options={(approvers.data?.items ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: u.displayName }))}
                notFoundContent="本机构没有局领导账号"
              />
            </Form.Item>
          ) : (
            <Form.Item label="批准人">
              <Input value={`${me.user.displayName}（本人批准）`} disabled />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="approvedOn" label="批准日期" rules={[{ required: true, message: '请选择批准日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="noticeOn" label="告知申请人日期">
            <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}
