/** 补正 (条例第三十条): the correction notice (within 7 working days, all items at once) and the corrected application (the clock restarts). */
import { Alert, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import { DueDate } from '../../shared/DueDate';
import { ActionModal } from './ActionModal';
import { day, notAfterToday } from './common';
import { useApplicationAction } from './queries';

export function CorrectionModals({
  application: a,
  open,
  onClose,
}: {
  application: ApplicationDetail;
  open: 'correction' | 'corrected' | null;
  onClose: () => void;
}) {
  const correction = useApplicationAction(a.id, 'correction');
  const corrected = useApplicationAction(a.id, 'corrected');
  return (
    <>
      <ActionModal<{ sentOn: Dayjs; deadline: Dayjs; items: string }>
        open={open === 'correction'}
        title="发出补正通知（条例第三十条）"
        testId="correction-form"
        onClose={onClose}
        initialValues={{ sentOn: dayjs(), deadline: dayjs().add(15, 'day') }}
        success="已登记补正通知，答复期限暂停计算"
        onSubmit={(v) => correction.mutateAsync({ sentOn: day(v.sentOn)!, deadline: day(v.deadline)!, items: v.items })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              补正通知应在收到申请之日起 7 个工作日内一次性告知全部需要补正的事项，即最迟于{' '}
              <DueDate
                due={a.correctionNoticeBy.due}
                provisional={a.correctionNoticeBy.provisional}
                provisionalYears={a.correctionNoticeBy.provisionalYears}
                testId="correction-notice-by"
              />{' '}
              发出；晚于该日仍可登记，但会标记为逾期告知。
            </span>
          }
        />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="sentOn" label="发出日期" rules={[{ required: true, message: '请选择发出日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="deadline" label="补正期限" rules={[{ required: true, message: '请选择补正期限' }]} extra="不是工作日的，顺延至其后第一个工作日。">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="items" label="需要补正的事项（一次性告知）" rules={[{ required: true, whitespace: true, message: '请列明需要补正的全部事项' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </ActionModal>
      <ActionModal<{ receivedOn: Dayjs }>
        open={open === 'corrected'}
        title="登记收到补正后的申请"
        onClose={onClose}
        initialValues={{ receivedOn: dayjs() }}
        success="已登记，答复期限自收到补正申请之日起重新计算"
        onSubmit={(v) => corrected.mutateAsync({ receivedOn: day(v.receivedOn)! })}
      >
        <Form.Item
          name="receivedOn"
          label="收到补正申请日期"
          rules={[{ required: true, message: '请选择日期' }]}
          extra="答复期限自该日起重新计算 20 个工作日。"
        >
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>
    </>
  );
}
