/** 组织回头看: a new inspection of the same unit and checklist re-checking the flagged items (any item once closed). */
import { useEffect } from 'react';
import { DatePicker, Form, Input, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { api } from '../../../api/client';
import { FormDrawer } from '../../../shared/FormDrawer';
import { Muted } from '../parts';
import { useFollowUp } from '../queries';
import { RECTIFICATION_ITEM_COLORS } from '../status';
import { InspectorSelect, OptionRows, day, indexed, orNull, type DrawerProps } from './pickers';

interface FollowUpValues {
  plannedDate: Dayjs | null;
  inspectorIds: string[];
  itemIds: string[];
  reason?: string;
}

/** Fills the planned date with the earliest day a notice sent today allows (working days), unless already chosen. */
function EarliestPlannedDate({ days }: { days: number }) {
  const form = Form.useFormInstance<FollowUpValues>();
  const today = dayjs().format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: ['/api/calendar/due', today, days],
    queryFn: () => api.get<{ due: string }>('/api/calendar/due', { from: today, days, unit: 'working' }),
  });
  useEffect(() => {
    if (q.data?.due && !form.getFieldValue('plannedDate')) form.setFieldValue('plannedDate', dayjs(q.data.due));
  }, [q.data, form]);
  return null;
}

export function FollowUpDrawer({ d, open, onClose }: DrawerProps) {
  const navigate = useNavigate();
  const followUp = useFollowUp(d.id);
  const closed = d.status === 'closed';
  const flagged = new Set(d.flags.map((f) => f.itemId));
  const running = new Map(d.followUps.filter((f) => f.status !== 'closed').flatMap((f) => f.itemIds.map((id) => [id, f.code] as const)));
  const candidates = (d.feedback?.items ?? []).filter((x) => closed || flagged.has(x.id));
  return (
    <FormDrawer<FollowUpValues>
      open={open}
      title={`组织回头看 · ${d.unitName}`}
      onClose={onClose}
      testId="followup-form"
      formName="followup"
      width={600}
      submitText="创建回头看检查"
      successMessage="已创建回头看检查任务"
      fieldMap={indexed('itemIds', candidates.length)}
      initialValues={{ inspectorIds: d.team.map((t) => t.id), itemIds: candidates.filter((x) => !running.has(x.id)).map((x) => x.id) }}
      onSubmit={(v) =>
        followUp.mutateAsync({
          plannedDate: day(v.plannedDate) ?? '',
          inspectorIds: v.inspectorIds ?? [],
          itemIds: v.itemIds ?? [],
          reason: orNull(v.reason),
        })
      }
      onSuccess={(r) => void navigate({ to: '/inspection/inspections/$id', params: { id: (r as InspectionDetail).id } })}
    >
      <Muted>回头看是对同一单位、同一检查表的一次新检查，复查所选整改事项，按检查流程送达通知书、现场检查。</Muted>
      <EarliestPlannedDate days={d.notice.requiredWorkingDays} />
      <Form.Item name="itemIds" label="复查的整改事项" required style={{ marginTop: 12 }}>
        <OptionRows
          testId="followup-items-pick"
          options={candidates.map((x) => ({
            value: x.id,
            code: x.code,
            disabled: running.has(x.id),
            label: (
              <span>
                <Typography.Text code>{x.code}</Typography.Text> {x.title} <Tag color={RECTIFICATION_ITEM_COLORS[x.status]}>{x.statusLabel}</Tag>
                {running.has(x.id) && <Muted>已在回头看 {running.get(x.id)} 中复查</Muted>}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="plannedDate" label="计划检查日期" required extra={`检查通知书应至迟于检查日前 ${d.notice.requiredWorkingDays} 个工作日送达。`}>
        <DatePicker size="large" allowClear={false} style={{ width: '100%' }} data-testid="followup-date" />
      </Form.Item>
      <Form.Item name="inspectorIds" label="检查组（至少 2 名执法人员）" required>
        <InspectorSelect open={open} testId="followup-team" />
      </Form.Item>
      <Form.Item name="reason" label="检查事由">
        <Input.TextArea rows={2} maxLength={500} placeholder={`默认：对 ${d.code} 整改情况回头看`} />
      </Form.Item>
    </FormDrawer>
  );
}
