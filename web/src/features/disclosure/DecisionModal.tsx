/**
 * 答复: one outcome (条例第三十五至三十九条), how the information is provided (予以公开 / 部分公开), the
 * agency that holds it (非本机关负责公开), the reason. The outcomes that rest on the record are checked
 * before sending against the server's `outcomeGuards` (the service refuses the same).
 */
import { Alert, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import { ACCESS_MODE_LABELS, ACCESS_MODES, type AccessMode, type OutcomeCode } from '@server/modules/disclosure/labels';
import { ActionModal } from './ActionModal';
import { day, notAfterToday, OutcomeSelect } from './common';
import { useApplicationAction } from './queries';

/** Why an outcome cannot be chosen for a reply on `decidedOn` (the server's guard for this record); null when it can. */
export function guardMessage(a: Pick<ApplicationDetail, 'outcomeGuards'>, outcome: string | undefined, decidedOn: string | undefined): string | null {
  const g = a.outcomeGuards.find((x) => x.outcome === outcome);
  if (!g) return null;
  if (g.refused) return g.refused;
  if (g.onlyAfter && decidedOn && decidedOn <= g.onlyAfter.date) return g.onlyAfter.message;
  return null;
}

export function DecisionModal({ application: a, open, onClose }: { application: ApplicationDetail; open: boolean; onClose: () => void }) {
  const decision = useApplicationAction(a.id, 'decision');
  return (
    <ActionModal<{
      decidedOn: Dayjs;
      outcome: OutcomeCode;
      reason?: string;
      accessMode?: AccessMode;
      accessNote?: string;
      holderAgency?: string;
      holderContact?: string;
    }>
      open={open}
      title="答复（办理结果只能选择一个）"
      testId="decision-form"
      width={640}
      onClose={onClose}
      initialValues={{ decidedOn: dayjs(), accessMode: 'attached' }}
      okText="确认答复"
      success="已答复"
      onSubmit={(v) => {
        const providing = v.outcome === 'disclosed' || v.outcome === 'partial';
        return decision.mutateAsync({
          decidedOn: day(v.decidedOn)!,
          outcome: v.outcome,
          ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          ...(providing && v.accessMode ? { accessMode: v.accessMode } : {}),
          ...(providing && v.accessMode !== 'attached' && v.accessNote?.trim() ? { accessNote: v.accessNote.trim() } : {}),
          ...(v.outcome === 'unavailable.not_ours'
            ? { holderAgency: v.holderAgency?.trim() ?? '', ...(v.holderContact?.trim() ? { holderContact: v.holderContact.trim() } : {}) }
            : {}),
        });
      }}
    >
      <Form.Item name="decidedOn" label="答复日期" rules={[{ required: true, message: '请选择答复日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item
        name="outcome"
        label="办理结果"
        dependencies={['decidedOn']}
        rules={[
          { required: true, message: '请选择一个法定办理结果' },
          ({ getFieldValue }) => ({
            validator: (_: unknown, v?: string) => {
              const decidedOn = day(getFieldValue('decidedOn') as Dayjs | undefined);
              const why = guardMessage(a, v, decidedOn);
              return why ? Promise.reject(new Error(why)) : Promise.resolve();
            },
          }),
        ]}
        extra="按年度报告第三部分“本年度办理结果”分类；部分公开（区分处理）的，只计部分公开。"
      >
        <OutcomeSelect style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        noStyle
        shouldUpdate={(p: { outcome?: string; accessMode?: string }, n: { outcome?: string; accessMode?: string }) =>
          p.outcome !== n.outcome || p.accessMode !== n.accessMode
        }
      >
        {(f) => {
          const outcome = f.getFieldValue('outcome') as string | undefined;
          const mode = f.getFieldValue('accessMode') as AccessMode | undefined;
          const providing = outcome === 'disclosed' || outcome === 'partial';
          return (
            <>
              {providing && (
                <Form.Item
                  name="accessMode"
                  label={outcome === 'partial' ? '可以公开的部分如何提供' : '如何提供'}
                  rules={[{ required: true, message: '请选择提供方式' }]}
                >
                  <Radio.Group options={ACCESS_MODES.map((k) => ({ value: k, label: ACCESS_MODE_LABELS[k] }))} />
                </Form.Item>
              )}
              {providing && mode && mode !== 'attached' && (
                <Form.Item
                  name="accessNote"
                  label={mode === 'published' ? '获取的方式和途径（写入答复书）' : '获取的方式、途径和时间（写入答复书）'}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: mode === 'published' ? '请填写获取的方式和途径，如公开的网址或栏目' : '请填写获取的方式、途径和时间',
                    },
                  ]}
                >
                  <Input.TextArea rows={2} maxLength={500} showCount />
                </Form.Item>
              )}
              {outcome === 'unavailable.not_ours' && (
                <>
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title="不属于本机关负责公开的，应告知申请人负责公开该政府信息的行政机关的名称、联系方式（条例第三十六条第（五）项）。"
                  />
                  <Form.Item
                    name="holderAgency"
                    label="负责公开的行政机关"
                    rules={[{ required: true, whitespace: true, message: '请填写负责公开该政府信息的行政机关' }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name="holderContact" label="该机关的联系方式（知道的填写）">
                    <Input maxLength={200} />
                  </Form.Item>
                </>
              )}
              {outcome && outcome !== 'disclosed' && (
                <Form.Item name="reason" label="理由（写入答复书）" extra="不予公开、部分公开、无法提供、不予处理的，应说明理由。">
                  <Input.TextArea rows={3} maxLength={2000} showCount />
                </Form.Item>
              )}
            </>
          );
        }}
      </Form.Item>
    </ActionModal>
  );
}
