/**
 * One application: its reply clock with the "为什么是这一天" lines, the facts, the permitted
 * actions (补正、征求意见、延期、答复), the letters (.docx) and the 全过程记录.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Radio, Result, Row, Select, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api, download, errorMessage } from '../../api/client';
import { LETTER_LABELS, OUTCOME_GROUPS, type ApplicationDetail, type ConsultationView, type IssuedLetter, type LetterKind } from '../../api/disclosure-types';
import type { Page, User } from '../../api/types';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { AuditTimeline } from '../../shared/Timeline';
import { dash, fmtDateTime, fmtLongDate } from '../../shared/format';
import { useCan, useMe } from '../../app/auth';
import { ActionModal } from './ActionModal';
import { FeePanel, unpaidFeeBlock } from './FeePanel';
import { ApplicationStatusTag, day, OutcomeSelect } from './common';

type Action = 'correction' | 'corrected' | 'consult' | 'consultEnd' | 'extension' | 'decision';

const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

function daysLeftText(c: ApplicationDetail['clock']): ReactNode {
  if (c.state === 'met') return '已按期答复';
  if (c.state === 'missed') return '逾期答复';
  if (c.state === 'paused') return '计时暂停';
  if (c.daysLeft === null) return '—';
  if (c.daysLeft < 0) return <Typography.Text type="danger">已逾期 {-c.daysLeft} 个工作日</Typography.Text>;
  if (c.daysLeft === 0) return <Typography.Text type="warning">今日到期</Typography.Text>;
  return `剩余 ${c.daysLeft} 个工作日`;
}

export function ApplicationDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const me = useMe();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = ['/api/disclosure/applications', 'detail', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<ApplicationDetail>(`/api/disclosure/applications/${id}`) });
  const [action, setAction] = useState<Action | null>(null);
  const [consultation, setConsultation] = useState<ConsultationView | null>(null);
  const [letterBusy, setLetterBusy] = useState<LetterKind | null>(null);
  const mayPickApprover = can('user.read') && !can('disclosure.approve');
  const issued = useQuery({
    queryKey: ['/api/disclosure/applications', 'letters', id],
    queryFn: () => api.get<{ items: IssuedLetter[] }>(`/api/disclosure/applications/${id}/letters`),
    retry: false,
  });
  const approvers = useQuery({
    queryKey: ['/api/users', 'approvers'],
    queryFn: () => api.get<Page<User>>('/api/users', { role: 'leader', pageSize: 100, page: 1 }),
    enabled: action === 'extension' && mayPickApprover,
  });

  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data)
    return (
      <Result
        status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'}
        title="无法打开该申请"
        subTitle={errorMessage(q.error)}
        extra={
          <Link to="/disclosure/applications">
            <Button>返回列表</Button>
          </Link>
        }
      />
    );
  const a = q.data;
  const own = a.orgId === me.org.id;
  const open = a.status !== 'decided';
  const handle = own && open && can('disclosure.handle');
  const approve = own && open && !a.extension && (can('disclosure.approve') || (can('disclosure.handle') && can('user.read')));
  const openConsultation = a.consultations.find((c) => !c.to);
  const awaitingCorrection = !!a.correction && !a.correction.correctedOn;

  const done = (r: unknown) => {
    if (r && typeof r === 'object' && 'id' in r) qc.setQueryData(key, r);
    void qc.invalidateQueries({ queryKey: ['/api/disclosure/applications'] });
    void qc.invalidateQueries({ queryKey: ['timeline', 'disclosureApplication', id] });
  };
  const post = (path: string) => (body: unknown) => api.post<ApplicationDetail>(`/api/disclosure/applications/${id}/${path}`, body);

  const letter = async (kind: LetterKind, consultationId?: string) => {
    setLetterBusy(kind);
    try {
      const name = await download(`/api/disclosure/applications/${id}/letters/${kind}.docx`, { consultationId }, `${LETTER_LABELS[kind]}-${a.trackingCode}.docx`);
      message.success(`已下载 ${name}`);
      void qc.invalidateQueries({ queryKey: ['/api/disclosure/applications', 'letters', id] });
    } catch (e) {
      // 404: the letter service is not available (yet) or the letter does not apply; 409: not in this state.
      if (e instanceof ApiError && (e.status === 404 || e.status === 409)) message.warning(`${LETTER_LABELS[kind]}暂不可用：${e.message}`);
      else message.error(errorMessage(e));
    } finally {
      setLetterBusy(null);
    }
  };
  const letters: { kind: LetterKind; enabled: boolean; why?: string }[] = [
    { kind: 'receipt', enabled: true },
    { kind: 'correction', enabled: !!a.correction, why: '未发出补正通知' },
    { kind: 'extension', enabled: !!a.extension, why: '未延长答复期限' },
    { kind: 'reply', enabled: !!a.decidedOn, why: '尚未答复' },
    ...(a.fee?.noticeOn ? [{ kind: 'fee' as const, enabled: true }] : []),
  ];

  const outcomeGroup = OUTCOME_GROUPS.find((g) => g.items.some((i) => i.code === a.outcome));
  const outcomeItem = outcomeGroup?.items.find((i) => i.code === a.outcome);

  return (
    <div data-testid="application-detail">
      <PageHeader
        title={
          <Space wrap>
            <span>政府信息公开申请</span>
            <span className="mono" data-testid="detail-tracking-code">
              {a.trackingCode}
            </span>
            <ApplicationStatusTag status={a.status} label={a.statusLabel} />
          </Space>
        }
        description={`${a.applicantName}（${a.applicantTypeLabel}），${a.channelLabel}，${a.receivedOn} 收到`}
        extra={
          <Link to="/disclosure/applications">
            <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title="答复期限" data-testid="clock-card">
            <div className="clock-due">
              <Typography.Text type="secondary">{a.decidedOn ? '法定答复期限' : '应于此日前答复'}</Typography.Text>
              <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4 }} data-testid="clock-due" data-due={a.clock.due ?? ''}>
                {a.clock.due ? fmtLongDate(a.clock.due) : '—'}
              </div>
              <Space wrap>
                <StatusTag kind="due" value={a.clock.state} />
                <span>{daysLeftText(a.clock)}</span>
                <Typography.Text type="secondary">
                  自 {a.clock.effectiveStart} 起算，共 {a.clock.totalDays} 个工作日
                </Typography.Text>
              </Space>
            </div>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              为什么是这一天
            </Typography.Title>
            <ol className="explain-list" data-testid="clock-explanation">
              {a.clock.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
            {a.decidedOn && (
              <Alert
                type="success"
                showIcon
                data-testid="decision-summary"
                title={`${a.decidedOn} 已答复：${outcomeGroup?.label ?? ''}${outcomeGroup && outcomeGroup.items.length > 1 ? ` ${outcomeItem?.label ?? ''}` : ''}`}
                description={outcomeItem?.basis ? `依据：政府信息公开条例${outcomeItem.basis}` : undefined}
              />
            )}
          </Card>
          <FeePanel application={a} canHandle={own && can('disclosure.handle')} onChanged={done} />
          <Card variant="borderless" title="文书" style={{ marginTop: 16 }} data-testid="letters-card">
            <Space wrap>
              {letters.map((l) => (
                <Button
                  key={l.kind}
                  icon={<FileWordOutlined />}
                  disabled={!l.enabled}
                  title={l.enabled ? `下载${LETTER_LABELS[l.kind]}（.docx）` : l.why}
                  loading={letterBusy === l.kind}
                  onClick={() => void letter(l.kind)}
                  data-testid={`letter-${l.kind}`}
                >
                  {LETTER_LABELS[l.kind]}
                </Button>
              ))}
            </Space>
            {(issued.data?.items.length ?? 0) > 0 && (
              <Table<IssuedLetter>
                size="small"
                style={{ marginTop: 12 }}
                rowKey={(r) => `${r.kind}-${r.consultationId ?? ''}`}
                pagination={false}
                dataSource={issued.data?.items ?? []}
                data-testid="issued-letters"
                columns={[
                  { title: '已出具的文书', dataIndex: 'title' },
                  { title: '文号', dataIndex: 'docNumber', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
                  { title: '日期', dataIndex: 'issuedOn' },
                ]}
              />
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              首次下载时编发文字号并记录；文书按 GB/T 9704 排版，答复书载明申请行政复议（60 日内）和提起行政诉讼（6 个月内）的权利。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {(handle || approve) && (
            <Card variant="borderless" title="办理" style={{ marginBottom: 16 }} data-testid="actions-card">
              <Space wrap>
                {handle && !a.correction && !openConsultation && (
                  <Button onClick={() => setAction('correction')} data-testid="action-correction">
                    发出补正通知
                  </Button>
                )}
                {handle && awaitingCorrection && (
                  <Button onClick={() => setAction('corrected')} data-testid="action-corrected">
                    登记收到补正申请
                  </Button>
                )}
                {handle && !awaitingCorrection && !openConsultation && (
                  <Button onClick={() => setAction('consult')} data-testid="action-consult">
                    征求第三方或其他机关意见
                  </Button>
                )}
                {handle && openConsultation && (
                  <Button
                    onClick={() => {
                      setConsultation(openConsultation);
                      setAction('consultEnd');
                    }}
                    data-testid="action-consult-end"
                  >
                    登记收到意见答复
                  </Button>
                )}
                {approve && (
                  <Button onClick={() => setAction('extension')} data-testid="action-extension">
                    延长答复期限
                  </Button>
                )}
                {handle && (
                  <Button type="primary" onClick={() => setAction('decision')} data-testid="action-decision">
                    答复
                  </Button>
                )}
              </Space>
              {!approve && own && open && !a.extension && can('disclosure.handle') && (
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  延长答复期限须经政府信息公开工作机构负责人同意，请由局领导登录后批准。
                </Typography.Paragraph>
              )}
            </Card>
          )}
          <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              items={[
                {
                  key: 'info',
                  label: '申请信息',
                  children: (
                    <>
                      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="application-descriptions">
                        <Descriptions.Item label="查询码">
                          <span className="mono">{a.trackingCode}</span>
                        </Descriptions.Item>
                        <Descriptions.Item label="状态">
                          <ApplicationStatusTag status={a.status} label={a.statusLabel} />
                        </Descriptions.Item>
                        <Descriptions.Item label="申请人">{a.applicantName}</Descriptions.Item>
                        <Descriptions.Item label="申请人类型">{a.applicantTypeLabel}</Descriptions.Item>
                        <Descriptions.Item label="证件">
                          {a.idType ? `${a.idType} ` : ''}
                          <span className="mono">{dash(a.idNumber)}</span>
                        </Descriptions.Item>
                        <Descriptions.Item label="联系方式">{dash(a.contact)}</Descriptions.Item>
                        <Descriptions.Item label="申请内容" span={2}>
                          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{a.content}</Typography.Paragraph>
                        </Descriptions.Item>
                        <Descriptions.Item label="获取方式">{dash(a.formRequested)}</Descriptions.Item>
                        <Descriptions.Item label="申请渠道">{a.channelLabel}</Descriptions.Item>
                        <Descriptions.Item label="收到申请日期">{a.receivedOn}</Descriptions.Item>
                        <Descriptions.Item label="来源">{{ desk: '窗口登记', portal: '门户在线申请', import: '批量导入' }[a.source] ?? a.source}</Descriptions.Item>
                        <Descriptions.Item label="收到日期规则" span={2}>
                          {a.receiptRule}
                        </Descriptions.Item>
                        <Descriptions.Item label="答复日期">{dash(a.decidedOn)}</Descriptions.Item>
                        <Descriptions.Item label="办理结果">
                          <span data-testid="detail-outcome">{dash(a.outcomeLabel)}</span>
                        </Descriptions.Item>
                        <Descriptions.Item label="登记时间">{fmtDateTime(a.createdAt)}</Descriptions.Item>
                        <Descriptions.Item label="更新时间">{fmtDateTime(a.updatedAt)}</Descriptions.Item>
                      </Descriptions>
                      {a.correction && (
                        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title="补正" style={{ marginTop: 16 }}>
                          <Descriptions.Item label="补正通知发出">
                            {a.correction.sentOn}
                            {a.correction.late && (
                              <Tag color="red" style={{ marginLeft: 8 }}>
                                超过 7 个工作日
                              </Tag>
                            )}
                          </Descriptions.Item>
                          <Descriptions.Item label="补正期限">{dash(a.correction.deadline)}</Descriptions.Item>
                          <Descriptions.Item label="补正事项" span={2}>
                            <span style={{ whiteSpace: 'pre-wrap' }}>{dash(a.correction.items)}</span>
                          </Descriptions.Item>
                          <Descriptions.Item label="收到补正申请">{a.correction.correctedOn ?? <Typography.Text type="warning">等待申请人补正</Typography.Text>}</Descriptions.Item>
                        </Descriptions>
                      )}
                      {a.extension && (
                        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title="延长答复期限" style={{ marginTop: 16 }}>
                          <Descriptions.Item label="延长">{a.extension.days} 个工作日</Descriptions.Item>
                          <Descriptions.Item label="批准人">
                            {dash(a.extension.approvedByName)}（{dash(a.extension.approvedOn)}）
                          </Descriptions.Item>
                          <Descriptions.Item label="理由" span={2}>
                            {dash(a.extension.reason)}
                          </Descriptions.Item>
                          <Descriptions.Item label="告知申请人">{dash(a.extension.noticeOn)}</Descriptions.Item>
                        </Descriptions>
                      )}
                    </>
                  ),
                },
                {
                  key: 'consultations',
                  label: `征求意见${a.consultations.length ? `（${a.consultations.length}）` : ''}`,
                  children: a.consultations.length ? (
                    <Table<ConsultationView>
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={a.consultations}
                      expandable={{
                        expandedRowRender: (c) => (
                          <ol className="explain-list">
                            {c.clock.explanation.map((l, i) => (
                              <li key={i}>{l}</li>
                            ))}
                          </ol>
                        ),
                      }}
                      columns={[
                        { title: '对象', render: (_: unknown, c) => `${c.kindLabel}：${c.party}` },
                        { title: '发函日期', dataIndex: 'from' },
                        { title: '收到答复', dataIndex: 'to', render: (v?: string) => v ?? '—' },
                        { title: '答复期限（15 个工作日）', render: (_: unknown, c) => <span>{c.clock.due ?? '—'} <StatusTag kind="due" value={c.clock.state} /></span> },
                        {
                          title: '文书',
                          render: (_: unknown, c) => (
                            <Button size="small" icon={<FileWordOutlined />} loading={letterBusy === 'consultation'} onClick={() => void letter('consultation', c.id)}>
                              征求意见函
                            </Button>
                          ),
                        },
                      ]}
                    />
                  ) : (
                    <Empty description="未征求第三方或其他机关意见" image={Empty.PRESENTED_IMAGE_SIMPLE} />
                  ),
                },
                {
                  key: 'timeline',
                  label: '时间线',
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">登记、补正、征求意见、延期和答复，均写入不可篡改的全过程记录。</Typography.Paragraph>
                      <AuditTimeline entityType="disclosureApplication" entityId={a.id} orgId={a.orgId} />
                    </>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <ActionModal<{ sentOn: Dayjs; deadline: Dayjs; items: string }>
        open={action === 'correction'}
        title="发出补正通知（条例第三十条）"
        testId="correction-form"
        onClose={() => setAction(null)}
        initialValues={{ sentOn: dayjs(), deadline: dayjs().add(15, 'day') }}
        success="已登记补正通知，答复期限暂停计算"
        onSubmit={(v) => post('correction')({ sentOn: day(v.sentOn), deadline: day(v.deadline), items: v.items })}
        onDone={done}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="补正通知应在收到申请之日起 7 个工作日内一次性告知全部需要补正的事项；晚于 7 个工作日仍可登记，但会标记为逾期告知。" />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="sentOn" label="发出日期" rules={[{ required: true, message: '请选择发出日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="deadline" label="补正期限" rules={[{ required: true, message: '请选择补正期限' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="items" label="需要补正的事项（一次性告知）" rules={[{ required: true, whitespace: true, message: '请列明需要补正的全部事项' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ receivedOn: Dayjs }>
        open={action === 'corrected'}
        title="登记收到补正后的申请"
        onClose={() => setAction(null)}
        initialValues={{ receivedOn: dayjs() }}
        success="已登记，答复期限自收到补正申请之日起重新计算"
        onSubmit={(v) => post('corrected')({ receivedOn: day(v.receivedOn) })}
        onDone={done}
      >
        <Form.Item name="receivedOn" label="收到补正申请日期" rules={[{ required: true, message: '请选择日期' }]} extra="答复期限自该日起重新计算 20 个工作日。">
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ kind: 'third_party' | 'agency'; party: string; startedOn: Dayjs }>
        open={action === 'consult'}
        title="征求意见（条例第三十二、三十四条）"
        onClose={() => setAction(null)}
        initialValues={{ kind: 'third_party', startedOn: dayjs() }}
        success="已登记征求意见，所需时间不计入答复期限"
        onSubmit={(v) => post('consultations')({ kind: v.kind, party: v.party, startedOn: day(v.startedOn) })}
        onDone={done}
      >
        <Form.Item name="kind" label="征求对象类别" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'third_party', label: '第三方' },
              { value: 'agency', label: '其他机关' },
            ]}
          />
        </Form.Item>
        <Form.Item name="party" label="征求对象" rules={[{ required: true, whitespace: true, message: '请填写征求对象' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="startedOn" label="征求意见函发出日期" rules={[{ required: true, message: '请选择日期' }]} extra="第三方应在收到征求意见书之日起 15 个工作日内提出意见。">
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ endedOn: Dayjs }>
        open={action === 'consultEnd'}
        title={`登记收到意见答复${consultation ? `：${consultation.kindLabel}（${consultation.party}）` : ''}`}
        onClose={() => setAction(null)}
        initialValues={{ endedOn: dayjs() }}
        success="已登记，答复期限恢复计算"
        onSubmit={(v) => api.post<ApplicationDetail>(`/api/disclosure/applications/${id}/consultations/${consultation?.id ?? ''}/end`, { endedOn: day(v.endedOn) })}
        onDone={done}
      >
        <Form.Item name="endedOn" label="收到答复日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ days: number; reason: string; approvedBy?: string; approvedOn: Dayjs; noticeOn?: Dayjs }>
        open={action === 'extension'}
        title="延长答复期限（条例第三十三条）"
        testId="extension-form"
        onClose={() => setAction(null)}
        initialValues={{ days: 20, approvedOn: dayjs(), noticeOn: dayjs() }}
        success="已延长答复期限"
        onSubmit={(v) =>
          post('extension')({ days: v.days, reason: v.reason, approvedOn: day(v.approvedOn), noticeOn: day(v.noticeOn), ...(v.approvedBy ? { approvedBy: v.approvedBy } : {}) })
        }
        onDone={done}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="只能延长一次，最长不超过 20 个工作日，须经政府信息公开工作机构负责人同意并告知申请人。" />
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="days" label="延长（工作日）" rules={[{ required: true, message: '请填写延长天数' }, { type: 'number', min: 1, max: 20, message: '延长 1 至 20 个工作日' }]}>
              <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={14}>
            {mayPickApprover ? (
              <Form.Item name="approvedBy" label="批准人（负责人）" rules={[{ required: true, message: '请选择批准人' }]}>
                <Select
                  loading={approvers.isLoading}
                  options={(approvers.data?.items ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: u.displayName }))}
                  notFoundContent="本机构没有局领导账号"
                />
              </Form.Item>
            ) : (
              <Form.Item label="批准人">
                <Input value={`${me.user.displayName}（本人批准）`} disabled />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="approvedOn" label="批准日期" rules={[{ required: true, message: '请选择批准日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="noticeOn" label="告知申请人日期">
              <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
            </Form.Item>
          </Col>
        </Row>
      </ActionModal>

      <ActionModal<{ decidedOn: Dayjs; outcome: string; reason?: string }>
        open={action === 'decision'}
        title="答复（办理结果只能选择一个）"
        testId="decision-form"
        width={640}
        onClose={() => setAction(null)}
        initialValues={{ decidedOn: dayjs() }}
        okText="确认答复"
        success="已答复"
        onSubmit={(v) => post('decision')({ decidedOn: day(v.decidedOn), outcome: v.outcome, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) })}
        onDone={done}
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
                const why = v === 'other.unpaid_fee' ? unpaidFeeBlock(a, day(getFieldValue('decidedOn') as Dayjs | undefined)) : null;
                return why ? Promise.reject(new Error(why)) : Promise.resolve();
              },
            }),
          ]}
          extra="按年度报告第三部分“本年度办理结果”分类；部分公开（区分处理）的，只计部分公开。"
        >
          <OutcomeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(p: { outcome?: string }, n: { outcome?: string }) => p.outcome !== n.outcome}>
          {(f) =>
            f.getFieldValue('outcome') && f.getFieldValue('outcome') !== 'disclosed' ? (
              <Form.Item name="reason" label="理由（写入答复书）" extra="不予公开、部分公开、无法提供、不予处理的，应说明理由。">
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            ) : null
          }
        </Form.Item>
      </ActionModal>
    </div>
  );
}
