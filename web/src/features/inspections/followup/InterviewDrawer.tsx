/** 约谈: the flagged items discussed, when and where, both sides, what was said and committed (the commitment date starts a clock). */
import { Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../../shared/FormDrawer';
import { Muted } from '../parts';
import { useInterview } from '../queries';
import { InspectorSelect, OptionRows, day, indexed, orNull, type DrawerProps } from './pickers';

interface InterviewValues {
  heldOn: Dayjs | null;
  place: string;
  interviewerIds: string[];
  attendees: { name?: string; title?: string }[];
  itemIds: string[];
  content: string;
  commitments?: string;
  commitmentDue?: Dayjs | null;
}

export function InterviewDrawer({ d, open, onClose }: DrawerProps) {
  const items = new Map((d.feedback?.items ?? []).map((x) => [x.id, x]));
  const interview = useInterview(d.id);
  return (
    <FormDrawer<InterviewValues>
      open={open}
      title={`约谈 · ${d.unitName}`}
      onClose={onClose}
      testId="interview-form"
      formName="interview"
      width={640}
      submitText="保存约谈记录"
      successMessage="已保存约谈记录"
      fieldMap={{ ...indexed('itemIds', d.flags.length), ...indexed('interviewerIds', 10) }}
      initialValues={{ heldOn: dayjs(), interviewerIds: d.team.map((t) => t.id), attendees: [{ name: '', title: '' }], itemIds: [] }}
      onSubmit={(v) =>
        interview.mutateAsync({
          heldOn: day(v.heldOn) ?? '',
          place: v.place ?? '',
          interviewerIds: v.interviewerIds ?? [],
          attendees: (v.attendees ?? []).map((a) => ({ name: a?.name ?? '', title: a?.title ?? '' })),
          itemIds: v.itemIds ?? [],
          content: v.content ?? '',
          commitments: orNull(v.commitments),
          commitmentDue: day(v.commitmentDue) ?? null,
        })
      }
    >
      <Muted>整改事项被退回两次或逾期未通过审核的，约谈被检查单位负责人（约谈人至少 2 名执法人员）。</Muted>
      <Form.Item name="itemIds" label="约谈涉及的整改事项" required style={{ marginTop: 12 }}>
        <OptionRows
          testId="interview-items-pick"
          options={d.flags.map((f) => ({
            value: f.itemId,
            code: f.code,
            label: (
              <span>
                <Typography.Text code>{f.code}</Typography.Text> {items.get(f.itemId)?.title}
                <br />
                <Muted>{f.reason}</Muted>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="heldOn" label="约谈日期" required>
        <DatePicker size="large" allowClear={false} style={{ width: '100%' }} data-testid="interview-date" />
      </Form.Item>
      <Form.Item name="place" label="约谈地点" required>
        <Input size="large" maxLength={200} placeholder="如：市档案局三楼会议室" />
      </Form.Item>
      <Form.Item name="interviewerIds" label="约谈人（至少 2 名执法人员）" required>
        <InspectorSelect open={open} testId="interviewers" />
      </Form.Item>
      <Form.Item label="被约谈人（单位负责人或档案工作负责人）" required style={{ marginBottom: 0 }}>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }} data-testid="attendee-row">
                  <Form.Item name={[f.name, 'name']} style={{ marginBottom: 12 }}>
                    <Input size="large" placeholder="姓名" maxLength={50} aria-label="被约谈人姓名" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} style={{ marginBottom: 12 }}>
                    <Input size="large" placeholder="职务" maxLength={50} aria-label="被约谈人职务" />
                  </Form.Item>
                  {fields.length > 1 && <Button size="large" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此人" />}
                </Space>
              ))}
              <Button size="large" icon={<PlusOutlined />} onClick={() => add({ name: '', title: '' })} style={{ marginBottom: 16 }} data-testid="add-attendee">
                添加被约谈人
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="content" label="约谈内容" required>
        <Input.TextArea rows={4} maxLength={5000} placeholder="通报检查发现的问题和整改情况，听取说明，提出整改要求" />
      </Form.Item>
      <Form.Item name="commitments" label="整改承诺">
        <Input.TextArea rows={3} maxLength={5000} placeholder="被约谈单位作出的整改承诺（可选）" />
      </Form.Item>
      <Form.Item name="commitmentDue" label="承诺完成日期" extra="填写后开始计算整改承诺期限，显示在工作台。">
        <DatePicker size="large" style={{ width: '100%' }} data-testid="commitment-due" />
      </Form.Item>
    </FormDrawer>
  );
}
