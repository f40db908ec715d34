/** 征求意见 (条例第三十二、三十四条): consult a third party or another agency (not counted in the reply period), record the answer. */
import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import { ActionModal } from './ActionModal';
import { day, notAfterToday } from './common';
import { useApplicationAction, useEndConsultation } from './queries';

export function ConsultationModals({
  application: a,
  open,
  onClose,
}: {
  application: ApplicationDetail;
  open: 'consult' | 'consultEnd' | null;
  onClose: () => void;
}) {
  const consult = useApplicationAction(a.id, 'consultations');
  const end = useEndConsultation(a.id);
  // the consultation whose answer is recorded: the one still without an answer
  const consultation = a.consultations.find((c) => !c.to) ?? null;
  return (
    <>
      <ActionModal<{ kind: 'third_party' | 'agency'; partyType?: 'natural' | 'organisation' | 'unknown'; party: string; startedOn: Dayjs }>
        open={open === 'consult'}
        title="征求意见（条例第三十二、三十四条）"
        onClose={onClose}
        initialValues={{ kind: 'third_party', partyType: 'unknown', startedOn: dayjs() }}
        success="已登记征求意见，所需时间不计入答复期限"
        onSubmit={(v) =>
          consult.mutateAsync({
            kind: v.kind,
            party: v.party,
            startedOn: day(v.startedOn)!,
            ...(v.kind === 'third_party' && v.partyType && v.partyType !== 'unknown' ? { partyType: v.partyType } : {}),
          })
        }
      >
        <Form.Item name="kind" label="征求对象类别" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'third_party', label: '第三方' },
              { value: 'agency', label: '其他机关' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(p: { kind?: string }, n: { kind?: string }) => p.kind !== n.kind}>
          {(f) =>
            f.getFieldValue('kind') === 'third_party' ? (
              <Form.Item name="partyType" label="第三方是" extra="征求意见函称“你”（个人）或“你单位”（单位）；不确定的称“贵方”。">
                <Radio.Group
                  options={[
                    { value: 'natural', label: '个人' },
                    { value: 'organisation', label: '单位' },
                    { value: 'unknown', label: '不确定' },
                  ]}
                />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name="party" label="征求对象" rules={[{ required: true, whitespace: true, message: '请填写征求对象' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="startedOn"
          label="征求意见函发出日期"
          rules={[{ required: true, message: '请选择日期' }]}
          extra="应在 15 个工作日内提出意见；逾期未答复的，答复期限自期满次日起自动恢复计算。"
        >
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>
      <ActionModal<{ endedOn: Dayjs }>
        open={open === 'consultEnd'}
        title={`登记收到意见答复${consultation ? `：${consultation.kindLabel}（${consultation.party}）` : ''}`}
        onClose={onClose}
        initialValues={{ endedOn: dayjs() }}
        success="已登记，答复期限恢复计算"
        onSubmit={(v) => end.mutateAsync({ consultationId: consultation?.id ?? '', endedOn: day(v.endedOn)! })}
      >
        <Form.Item name="endedOn" label="收到答复日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>
    </>
  );
}
