/**
 * 延期的报批 (条例第三十三条): the desk asks the head of the disclosure office to extend the reply
 * period; the head approves (the extension runs from today) or refuses with a reason, from the
 * application or from 工作台 → 待我审批.
 */
import { Alert, DatePicker, Descriptions, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import { ActionModal } from './ActionModal';
import { day, notAfterToday } from './common';
import { useApplicationAction } from './queries';

export function ExtensionRequestModal({ application: a, open, onClose }: { application: ApplicationDetail; open: boolean; onClose: () => void }) {
  const request = useApplicationAction(a.id, 'extension-request');
  return (
    <ActionModal<{ days: number; reason: string }>
      open={open}
      title="报请延长答复期限"
      testId="extension-request-form"
      onClose={onClose}
      initialValues={{ days: 20 }}
      okText="报请批准"
      success="已报请负责人批准，批准后答复期限自动延长"
      onSubmit={(v) => request.mutateAsync({ days: v.days, reason: v.reason })}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="延长答复期限须经政府信息公开工作机构负责人同意，只能延长一次，最长不超过 20 个工作日。报请后出现在局领导工作台的“待我审批”中，应在答复期限届满前批准。"
      />
      <Form.Item
        name="days"
        label="报请延长（工作日）"
        rules={[
          { required: true, message: '请填写延长天数' },
          { type: 'number', min: 1, max: 20, message: '延长 1 至 20 个工作日' },
        ]}
      >
        <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </ActionModal>
  );
}

export function ExtensionDecisionModal({ application: a, open, onClose }: { application: ApplicationDetail; open: boolean; onClose: () => void }) {
  const decide = useApplicationAction(a.id, 'extension-request/decision');
  const r = a.extensionRequest;
  return (
    <ActionModal<{ approve: boolean; noticeOn?: Dayjs; reason?: string }>
      open={open}
      title="审批延期报请"
      testId="extension-decision-form"
      onClose={onClose}
      initialValues={{ approve: true, noticeOn: dayjs() }}
      okText="确定"
      success="已审批"
      onSubmit={(v) =>
        decide.mutateAsync(v.approve ? { approve: true, ...(v.noticeOn ? { noticeOn: day(v.noticeOn)! } : {}) } : { approve: false, reason: v.reason ?? '' })
      }
    >
      {(form) => (
        <>
          {r && (
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label="报请延长">{r.days} 个工作日</Descriptions.Item>
              <Descriptions.Item label="报请人">
                {r.requestedByName ?? '—'}（{r.requestedOn}）
              </Descriptions.Item>
              <Descriptions.Item label="理由">{r.reason}</Descriptions.Item>
              <Descriptions.Item label="现答复期限">{a.clock.due ?? '—'}</Descriptions.Item>
            </Descriptions>
          )}
          <Form.Item name="approve" label="审批意见">
            <Radio.Group
              options={[
                { value: true, label: '同意延长' },
                { value: false, label: '不予批准' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(p, n) => p.approve !== n.approve}>
            {() =>
              form.getFieldValue('approve') ? (
                <Form.Item name="noticeOn" label="告知申请人日期" extra="批准日期为今天；延长的期限自原答复期限届满之日起计算。">
                  <DatePicker style={{ width: 200 }} disabledDate={notAfterToday} />
                </Form.Item>
              ) : (
                <Form.Item name="reason" label="不予批准的理由" rules={[{ required: true, whitespace: true, message: '请填写不予批准的理由' }]}>
                  <Input.TextArea rows={3} maxLength={1000} showCount />
                </Form.Item>
              )
            }
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}
