/**
 * 信息处理费 of one application (《政府信息公开信息处理费管理办法》国办函〔2020〕109号; RULES.md §2):
 * compute by item or by page (the server computes, stores and explains it), record payment, download
 * the 收费通知; shows the payment deadline and that the reply period is paused while a fee is unpaid.
 * `unpaidFeeBlock` tells the decision form whether 逾期不缴费 (other.unpaid_fee) is open yet.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, InputNumber, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api, download, errorMessage } from '../../api/client';
import type { ApplicationDetail } from '../../api/disclosure-types';
import { ActionModal } from './ActionModal';
import { day } from './common';

type Fee = NonNullable<ApplicationDetail['fee']>;

const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const yuan = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : `${Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`);
const explanationText = (e: Fee['explanation']) => (Array.isArray(e) ? e.join('') : (e ?? ''));

export interface FeeBandRow {
  from: number;
  to: number;
  count: number;
  unit: string;
  unitPrice: number;
  subtotal: number;
}

/**
 * The bands of the server's explanation (“第 31–100 页 70 页 × 10 元 = 700 元；…”) as table rows;
 * [] when the text has another shape (the explanation is then shown as it is).
 */
export function bandsOf(explanation: string): FeeBandRow[] {
  const rows: FeeBandRow[] = [];
  const re = /第\s*(\d+)[–-](\d+)\s*(页|件)\s*(\d+)\s*(?:页|件)\s*(?:(免费)|×\s*(\d+(?:\.\d+)?)\s*元\s*=\s*(\d+(?:\.\d+)?)\s*元)/g;
  for (const m of explanation.matchAll(re)) {
    rows.push({ from: Number(m[1]), to: Number(m[2]), unit: m[3]!, count: Number(m[4]), unitPrice: m[5] ? 0 : Number(m[6]), subtotal: m[5] ? 0 : Number(m[7]) });
  }
  return rows;
}

/** Why 逾期不缴费 cannot be chosen (yet) for a decision on `decidedOn`; null when the server's facts allow it. */
export function unpaidFeeBlock(a: ApplicationDetail, decidedOn: string | undefined): string | null {
  const f = a.fee;
  if (!f?.noticeOn) return '“逾期不缴费”须先发出收费通知：本申请没有收费通知';
  if (f.paidOn) return `申请人已于 ${f.paidOn} 缴费，不能按“逾期不缴费”处理`;
  if (f.payBy && decidedOn && decidedOn <= f.payBy) return `缴费期限至 ${f.payBy} 届满，届满前不能按“逾期不缴费”处理`;
  return null;
}

/** The scales of 国办函〔2020〕109号, as a reminder beside the form. */
function ScaleHelp({ method }: { method: 'item' | 'page' }) {
  const rows =
    method === 'page'
      ? [
          ['1–30 页', '免费'],
          ['31–100 页', '10 元/页'],
          ['101–200 页', '20 元/页'],
          ['201 页以上', '40 元/页'],
        ]
      : [
          ['1–10 件', '免费'],
          ['11–30 件', '100 元/件'],
          ['31–40 件', '200 元/件'],
          ['此后每 10 件', '每件加收 100 元'],
        ];
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(r) => r[0]!}
      dataSource={rows}
      columns={[
        { title: method === 'page' ? '按量计收（每件申请）' : '按件计收（同一申请人同一自然月累计）', render: (_: unknown, r) => r[0] },
        { title: '标准（超额累进）', render: (_: unknown, r) => r[1] },
      ]}
    />
  );
}

export function FeePanel({ application: a, canHandle, onChanged }: { application: ApplicationDetail; canHandle: boolean; onChanged: (r: unknown) => void }) {
  const { message } = App.useApp();
  const [modal, setModal] = useState<'compute' | 'paid' | null>(null);
  const [busy, setBusy] = useState(false);
  const f = a.fee;
  const open = a.status !== 'decided';
  if (!f && !(canHandle && open)) return null;

  const today = dayjs().format('YYYY-MM-DD');
  const unpaid = !!f?.noticeOn && !f.paidOn;
  const payOverdue = unpaid && !!f?.payBy && today > f.payBy;
  const text = f ? explanationText(f.explanation) : '';
  // The server's bands; older records without them fall back to reading the explanation.
  const unitWord = f?.method === 'item' ? '件' : '页';
  const bands = f?.bands?.length ? f.bands.map((b) => ({ ...b, unit: unitWord })) : bandsOf(text);

  const notice = async () => {
    setBusy(true);
    try {
      const name = await download(`/api/disclosure/applications/${a.id}/letters/fee.docx`, undefined, `收费通知-${a.trackingCode}.docx`);
      message.success(`已下载 ${name}`);
      onChanged(null);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 409)) message.warning(`收费通知暂不可用：${e.message}`);
      else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="borderless" title="信息处理费" style={{ marginTop: 16 }} data-testid="fee-card">
      {!f ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">未计算信息处理费。需要收费的，按件或按量计算后发出收费通知；自发出收费通知至缴费之日，答复期限暂停计算。</Typography.Text>
          <Button onClick={() => setModal('compute')} data-testid="fee-compute">
            计算信息处理费
          </Button>
        </Space>
      ) : (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, xl: 1, xxl: 2 }} data-testid="fee-descriptions">
            <Descriptions.Item label="计费方式">{f.method === 'page' ? '按量计收' : f.method === 'item' ? '按件计收' : f.method}</Descriptions.Item>
            <Descriptions.Item label={f.method === 'page' ? '页数' : '件数'}>{f.units ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="应缴金额">
              <Typography.Text strong data-testid="fee-amount" data-amount={f.amount === null ? '' : String(Number(f.amount))}>
                {yuan(f.amount)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="收费通知日期">{f.noticeOn ?? '不收费，无需通知'}</Descriptions.Item>
            {f.noticeOn && (
              <Descriptions.Item label="缴费期限">
                <span className="mono" data-testid="fee-pay-by">
                  {f.payBy ?? '—'}
                </span>
                {payOverdue && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    已届满
                  </Tag>
                )}
              </Descriptions.Item>
            )}
            {f.noticeOn && (
              <Descriptions.Item label="缴费情况">
                {f.paidOn ? <Tag color="green">{f.paidOn} 已缴费</Tag> : <Tag color="orange" data-testid="fee-unpaid">未缴费</Tag>}
              </Descriptions.Item>
            )}
          </Descriptions>
          {bands.length > 0 && (
            <Table<FeeBandRow>
              size="small"
              style={{ marginTop: 12 }}
              pagination={false}
              rowKey={(r) => `${r.from}-${r.to}`}
              dataSource={bands}
              data-testid="fee-bands"
              columns={[
                { title: '区间', render: (_: unknown, r) => `第 ${r.from}–${r.to} ${r.unit}` },
                { title: '数量', align: 'right', render: (_: unknown, r) => `${r.count} ${r.unit}` },
                { title: '单价', align: 'right', render: (_: unknown, r) => (r.unitPrice ? `${r.unitPrice} 元` : '免费') },
                { title: '小计', align: 'right', render: (_: unknown, r) => yuan(r.subtotal) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}>
                    合计
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <strong>{yuan(f.amount)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          )}
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
                  ? `缴费期限已于 ${f.payBy} 届满，申请人仍未缴费：可以按“（六）其他处理 2.逾期不缴费”答复。`
                  : `申请人应于 ${f.payBy ?? '缴费期限'} 前缴费；逾期未缴的，可以按“逾期不缴费”答复。`
              }
            />
          )}
          <Space wrap style={{ marginTop: 12 }}>
            {f.noticeOn && (
              <Button icon={<FileWordOutlined />} loading={busy} onClick={() => void notice()} data-testid="fee-notice-download">
                下载收费通知
              </Button>
            )}
            {canHandle && open && unpaid && (
              <Button type="primary" onClick={() => setModal('paid')} data-testid="fee-paid">
                登记缴费
              </Button>
            )}
          </Space>
        </>
      )}

      <ActionModal<{ method: 'item' | 'page'; count: number; noticeOn: Dayjs }>
        open={modal === 'compute'}
        title="计算信息处理费（国办函〔2020〕109号）"
        testId="fee-form"
        width={600}
        onClose={() => setModal(null)}
        initialValues={{ method: 'page', noticeOn: dayjs() }}
        okText="计算并发出收费通知"
        success="已计算信息处理费"
        onSubmit={(v) =>
          api.post<ApplicationDetail>(`/api/disclosure/applications/${a.id}/fee`, {
            method: v.method,
            ...(v.method === 'page' ? { pages: v.count } : { items: v.count }),
            noticeOn: day(v.noticeOn),
          })
        }
        onDone={onChanged}
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
            <Form.Item noStyle shouldUpdate={(p: { method?: string }, n: { method?: string }) => p.method !== n.method}>
              {() => {
                const method = (form.getFieldValue('method') as 'item' | 'page' | undefined) ?? 'page';
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
                    <ScaleHelp method={method} />
                  </>
                );
              }}
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ paidOn: Dayjs }>
        open={modal === 'paid'}
        title="登记缴费"
        testId="fee-paid-form"
        onClose={() => setModal(null)}
        initialValues={{ paidOn: dayjs() }}
        success="已登记缴费，答复期限恢复计算"
        onSubmit={(v) => api.post<ApplicationDetail>(`/api/disclosure/applications/${a.id}/fee/paid`, { paidOn: day(v.paidOn) })}
        onDone={onChanged}
      >
        <Form.Item name="paidOn" label="缴费日期" rules={[{ required: true, message: '请选择缴费日期' }]} extra="答复期限自缴费之日起恢复计算。">
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>
    </Card>
  );
}
