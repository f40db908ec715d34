/**
 * 计算信息处理费 (《政府信息公开信息处理费管理办法》国办函〔2020〕109号): by page or by item, the notice
 * date and, when known, the service date. The bands shown are the server's (GET …/fee/preview, the same
 * computation the notice stores) for the count entered — the page repeats no scale of its own.
 */
import { Alert, Col, DatePicker, Form, InputNumber, Radio, Row, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import type { FeeBand, FeeMethod } from '@server/modules/disclosure/fees/contracts';
import { errorMessage } from '../../api/client';
import { ActionModal } from './ActionModal';
import { day, notAfterToday } from './common';
import { useApplicationAction, useFeePreview } from './queries';

export const yuan = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : `${Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/** The marginal bands of a fee (超额累进), as the server computed them. */
export function FeeBandsTable({ bands, unit, amount, testId }: { bands: readonly FeeBand[]; unit: string; amount: string | number | null; testId: string }) {
  return (
    <Table<FeeBand>
      size="small"
      style={{ marginTop: 12 }}
      pagination={false}
      rowKey={(r) => `${r.from}-${r.to}`}
      dataSource={[...bands]}
      data-testid={testId}
      columns={[
        { title: '区间', render: (_: unknown, r) => `第 ${r.from}–${r.to} ${unit}` },
        { title: '数量', align: 'right', render: (_: unknown, r) => `${r.count} ${unit}` },
        { title: '单价', align: 'right', render: (_: unknown, r) => (r.unitPrice ? `${r.unitPrice} 元` : '免费') },
        { title: '小计', align: 'right', render: (_: unknown, r) => yuan(r.subtotal) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            合计
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{yuan(amount)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** What the fee would be for the count entered, computed by the server. */
function FeePreviewPane({ id, method, count }: { id: string; method: FeeMethod; count: number | null }) {
  const q = useFeePreview(id, method, count);
  if (count === null) return <Typography.Text type="secondary">填写{method === 'page' ? '页数' : '件数'}后显示按标准计算的各区间和金额。</Typography.Text>;
  if (q.isError) return <Alert type="warning" showIcon title={errorMessage(q.error)} />;
  const p = q.data;
  if (!p) return null;
  return (
    <div data-testid="fee-preview" style={{ opacity: q.isFetching ? 0.6 : 1 }}>
      {p.bands.length > 0 && <FeeBandsTable bands={p.bands} unit={p.method === 'page' ? '页' : '件'} amount={p.amount} testId="fee-preview-bands" />}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {p.explanation}（{p.source}）
      </Typography.Paragraph>
    </div>
  );
}

export function FeeComputeModal({ application: a, open, onClose }: { application: ApplicationDetail; open: boolean; onClose: () => void }) {
  const compute = useApplicationAction(a.id, 'fee');
  return (
    <ActionModal<{ method: FeeMethod; count: number; noticeOn: Dayjs; servedOn?: Dayjs | null }>
      open={open}
      title="计算信息处理费（国办函〔2020〕109号）"
      testId="fee-form"
      width={600}
      onClose={onClose}
      initialValues={{ method: 'page', noticeOn: dayjs() }}
      okText="计算并发出收费通知"
      success="已计算信息处理费"
      onSubmit={(v) =>
        compute.mutateAsync({
          method: v.method,
          ...(v.method === 'page' ? { pages: v.count } : { items: v.count }),
          noticeOn: day(v.noticeOn)!,
          ...(v.servedOn ? { servedOn: day(v.servedOn)! } : {}),
        })
      }
    >
      {(form) => (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="每件申请只能按件或按量择一计收，收费通知只发一次。金额为 0 的不发收费通知；需缴费的，自通知之日至缴费之日答复期限暂停计算。"
          />
          <Form.Item name="method" label="计费方式" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'page', label: '按量计收（页）' },
                { value: 'item', label: '按件计收（件）' },
              ]}
            />
          </Form.Item>
          <Form.Item
            noStyle
            shouldUpdate={(p: { method?: string; count?: number }, n: { method?: string; count?: number }) => p.method !== n.method || p.count !== n.count}
          >
            {() => {
              const method = (form.getFieldValue('method') as FeeMethod | undefined) ?? 'page';
              const count = form.getFieldValue('count') as number | null | undefined;
              return (
                <>
                  <Row gutter={12}>
                    <Col xs={24} sm={12}>
                      <Form.Item
                        name="count"
                        label={method === 'page' ? '页数' : '本次件数'}
                        rules={[{ required: true, message: method === 'page' ? '请填写页数' : '请填写件数' }]}
                        extra={method === 'item' ? '本月此前的件数由系统按同一申请人累计。' : undefined}
                      >
                        <InputNumber min={method === 'page' ? 0 : 1} max={method === 'page' ? 1_000_000 : 1000} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12}>
                      <Form.Item name="noticeOn" label="收费通知日期" rules={[{ required: true, message: '请选择日期' }]}>
                        <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item
                    name="servedOn"
                    label="送达日期（可不填）"
                    extra={
                      a.channel === 'letter'
                        ? '缴费期限自申请人收到通知之次日起计算。不填的，邮寄送达按发出后的推定在途天数计算（系统设置），收到回执后可登记实际签收日期。'
                        : '缴费期限自申请人收到通知之次日起计算。不填的，按发出当日送达计算（在线、传真电子邮件或当面送达）。'
                    }
                  >
                    <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} allowClear />
                  </Form.Item>
                  <FeePreviewPane id={a.id} method={method} count={typeof count === 'number' && (method === 'page' ? count >= 0 : count >= 1) ? count : null} />
                </>
              );
            }}
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}
