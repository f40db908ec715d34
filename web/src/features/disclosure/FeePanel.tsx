/**
 * 信息处理费 of one application (《政府信息公开信息处理费管理办法》国办函〔2020〕109号; RULES.md §2): the
 * fee the server computed, stored and explained (its bands), the service date (送达, from which the
 * payment period counts), the payment deadline (预计 when it depends on a year not yet announced), that
 * the reply period is paused while a fee is unpaid; compute (FeeComputeModal), record the service date
 * and the payment, download the 收费通知 — each offered only when the server allows it.
 */
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Space, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import { FEE_METHOD_LABELS, type FeeMethod } from '@server/modules/disclosure/fees/contracts';
import { DueDate } from '../../shared/DueDate';
import { ActionModal } from './ActionModal';
import { day, notAfterToday } from './common';
import { FeeBandsTable, FeeComputeModal, yuan } from './FeeComputeModal';
import { useLetterDownload } from './LettersCard';
import { useApplicationAction } from './queries';

export function FeePanel({ application: a }: { application: ApplicationDetail }) {
  const [modal, setModal] = useState<'compute' | 'paid' | 'served' | null>(null);
  const served = useApplicationAction(a.id, 'fee/served');
  const paid = useApplicationAction(a.id, 'fee/paid');
  const { get, busy } = useLetterDownload(a);
  const may = (x: ApplicationDetail['allowedActions'][number]) => a.allowedActions.includes(x);
  const f = a.fee;
  const open = a.status !== 'decided';
  if (!f && !may('fee')) return null;

  const today = dayjs().format('YYYY-MM-DD');
  const unpaid = !!f?.noticeOn && !f.paidOn;
  const payOverdue = unpaid && !!f?.payBy && today > f.payBy.due;
  const text = f?.explanation ?? '';

  return (
    <Card variant="borderless" title="信息处理费" style={{ marginTop: 16 }} data-testid="fee-card">
      {!f ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            未计算信息处理费。需要收费的，按件或按量计算后发出收费通知；自发出收费通知至缴费之日，答复期限暂停计算。
          </Typography.Text>
          <Button onClick={() => setModal('compute')} data-testid="fee-compute">
            计算信息处理费
          </Button>
        </Space>
      ) : (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, xl: 1, xxl: 2 }} data-testid="fee-descriptions">
            <Descriptions.Item label="计费方式">{FEE_METHOD_LABELS[f.method as FeeMethod] ?? f.method}</Descriptions.Item>
            <Descriptions.Item label={f.method === 'page' ? '页数' : '件数'}>{f.units ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="应缴金额">
              <Typography.Text strong data-testid="fee-amount" data-amount={f.amount === null ? '' : String(Number(f.amount))}>
                {yuan(f.amount)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="收费通知日期">{f.noticeOn ?? '不收费，无需通知'}</Descriptions.Item>
            {f.noticeOn && (
              <Descriptions.Item label="送达日期">
                <span className="mono" data-testid="fee-served-on">
                  {f.servedOn ?? f.noticeOn}
                </span>
                {may('feeServed') && (
                  <Typography.Link style={{ marginLeft: 8 }} onClick={() => setModal('served')} data-testid="fee-served">
                    登记实际送达日期
                  </Typography.Link>
                )}
              </Descriptions.Item>
            )}
            {f.noticeOn && (
              <Descriptions.Item label="缴费期限">
                <DueDate
                  due={f.payBy?.due}
                  provisional={!!f.payBy?.provisional}
                  {...(f.payBy ? { provisionalYears: f.payBy.provisionalYears } : {})}
                  testId="fee-pay-by"
                />
                {payOverdue && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    已届满
                  </Tag>
                )}
              </Descriptions.Item>
            )}
            {f.noticeOn && (
              <Descriptions.Item label="缴费情况">
                {f.paidOn ? (
                  <Tag color="green">{f.paidOn} 已缴费</Tag>
                ) : (
                  <Tag color="orange" data-testid="fee-unpaid">
                    未缴费
                  </Tag>
                )}
              </Descriptions.Item>
            )}
          </Descriptions>
          {f.bands.length > 0 && <FeeBandsTable bands={f.bands} unit={f.method === 'item' ? '件' : '页'} amount={f.amount} testId="fee-bands" />}
          {text && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }} data-testid="fee-explanation">
              {text}
            </Typography.Paragraph>
          )}
          {unpaid && open && (
            <Alert
              style={{ marginTop: 12 }}
              type={payOverdue ? 'error' : 'warning'}
              showIcon
              data-testid="fee-pause"
              title={`自 ${f.noticeOn} 发出收费通知之日至申请人缴费之日，答复期限暂停计算。`}
              description={
                payOverdue
                  ? `缴费期限已于 ${f.payBy?.due ?? '—'} 届满，申请人仍未缴费：可以按“（六）其他处理 2.逾期不缴费”答复。`
                  : `申请人应自收到收费通知之次日起 ${f.payDays ?? 20} 个工作日内缴费，即不晚于 ${f.payBy ? `${f.payBy.due}${f.payBy.provisional ? '（预计）' : ''}` : '缴费期限'}；逾期未缴的，可以按“逾期不缴费”答复。`
              }
            />
          )}
          <Space wrap style={{ marginTop: 12 }}>
            {f.noticeOn && (
              <Button icon={<FileWordOutlined />} loading={busy('fee')} onClick={() => void get('fee')} data-testid="fee-notice-download">
                下载收费通知
              </Button>
            )}
            {may('feePaid') && (
              <Button type="primary" onClick={() => setModal('paid')} data-testid="fee-paid">
                登记缴费
              </Button>
            )}
          </Space>
        </>
      )}

      <FeeComputeModal application={a} open={modal === 'compute'} onClose={() => setModal(null)} />

      <ActionModal<{ servedOn: Dayjs }>
        open={modal === 'served'}
        title="登记收费通知的实际送达日期"
        testId="fee-served-form"
        onClose={() => setModal(null)}
        initialValues={{ servedOn: dayjs() }}
        success="已登记送达日期，缴费期限已重新计算"
        onSubmit={(v) => served.mutateAsync({ servedOn: day(v.servedOn)! })}
      >
        <Form.Item
          name="servedOn"
          label="送达日期"
          rules={[{ required: true, message: '请选择送达日期' }]}
          extra="如邮寄回执上的签收日期。缴费期限自送达之次日起计算。"
        >
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ paidOn: Dayjs }>
        open={modal === 'paid'}
        title="登记缴费"
        testId="fee-paid-form"
        onClose={() => setModal(null)}
        initialValues={{ paidOn: dayjs() }}
        success="已登记缴费，答复期限恢复计算"
        onSubmit={(v) => paid.mutateAsync({ paidOn: day(v.paidOn)! })}
      >
        <Form.Item name="paidOn" label="缴费日期" rules={[{ required: true, message: '请选择缴费日期' }]} extra="答复期限自缴费之日起恢复计算。">
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>
    </Card>
  );
}
