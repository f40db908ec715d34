/** 办结 by hand: every item accepted, or flagged and addressed (the server says when: `allowedActions`); a note, by default what addressed each flag. */
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { FormDrawer } from '../../../shared/FormDrawer';
import { Muted } from '../parts';
import { useCloseInspection } from '../queries';
import { day, type DrawerProps } from './pickers';

interface CloseValues {
  note: string;
  closedOn: Dayjs | null;
}

/** A default note: each flagged item and what addressed it. */
function closeNoteOf(d: InspectionDetail): string {
  const parts = d.flags.map((f) => {
    const a = f.addressedBy;
    const how = [
      ...a.interviews.map((i) => `${i.heldOn} 约谈`),
      ...a.followUps.map((x) => `回头看 ${x.code}`),
      ...a.referrals.map((x) => `移送立案 ${x.code}`),
    ];
    return `${f.code} 已${how.join('、')}`;
  });
  return parts.length ? `整改事项 ${parts.join('；')}，其余整改事项均已通过审核，予以办结。` : '';
}

export function CloseDrawer({ d, open, onClose }: DrawerProps) {
  const close = useCloseInspection(d.id);
  return (
    <FormDrawer<CloseValues>
      open={open}
      title={`办结 · ${d.code}`}
      onClose={onClose}
      testId="close-form"
      formName="close"
      width={560}
      submitText="办结"
      successMessage="检查已办结"
      initialValues={{ note: closeNoteOf(d), closedOn: dayjs() }}
      onSubmit={(v) => close.mutateAsync({ note: v.note ?? '', closedOn: day(v.closedOn) })}
    >
      <Muted>整改事项均已通过审核，或逾期、被退回两次的事项已约谈、组织回头看或移送立案的，可以办结。</Muted>
      <Form.Item name="note" label="办结说明" required style={{ marginTop: 12 }}>
        <Input.TextArea rows={4} maxLength={2000} data-testid="close-note-input" />
      </Form.Item>
      <Form.Item name="closedOn" label="办结日期" required>
        <DatePicker size="large" allowClear={false} style={{ width: '100%' }} data-testid="close-date" />
      </Form.Item>
    </FormDrawer>
  );
}
