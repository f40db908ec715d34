/**
 * /enforcement/cases/:id — one penalty case: the header (case number, party, status), its clocks
 * (decision deadline, hearing request window, publication…) with the "为什么是这一天" lines, one button per
 * action the server allows now (`allowedActions`, narrowed by what the user may do), the documents
 * (.docx), and tabs: the case, 调查取证 (evidence with files, 询问笔录), 告知与听证, 审核与决定, 执行, and the
 * 全过程记录.
 */
import { useState } from 'react';
import { App, Alert, Button, Card, Col, Collapse, Descriptions, Empty, List, Result, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import type { CaseDetail, ClockView } from '@server/modules/enforcement/cases/contracts';
import { CASE_ACTION_LABELS, PARTY_KIND_LABELS, type CaseAction } from '@server/modules/enforcement/labels';
import { ApiError, download, errorMessage } from '../../api/client';
import { useCan, useMe } from '../../app/auth';
import { DueDate } from '../../shared/DueDate';
import { dash, fmtDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { AuditTimeline } from '../../shared/Timeline';
import { CaseActionModals, ProposalSummary } from './CaseActionModals';
import { actionsFor, penaltiesText, yuan } from './helpers';
import { CASES_URL, useCase } from './queries';
import { CaseResultTag, CaseStatusTag } from './status';

function daysLeftText(k: ClockView) {
  const unit = k.unit === 'calendar' ? '日' : '个工作日';
  if (k.state === 'met') return '已按期完成';
  if (k.state === 'missed') return '逾期完成';
  if (k.state === 'paused') return '计时暂停';
  if (k.daysLeft === null) return '—';
  if (k.daysLeft < 0)
    return (
      <Typography.Text type="danger">
        已逾期 {-k.daysLeft} {unit}
      </Typography.Text>
    );
  if (k.daysLeft === 0) return <Typography.Text type="warning">今日到期</Typography.Text>;
  return `剩余 ${k.daysLeft} ${unit}`;
}

function ClocksCard({ c }: { c: CaseDetail }) {
  return (
    <Card variant="borderless" title="期限" style={{ marginBottom: 16 }} data-testid="case-clocks">
      {c.clocks.length === 0 ? (
        <Typography.Text type="secondary">{c.imported ? '历史导入的案件不计算期限。' : '本案没有正在计算的期限。'}</Typography.Text>
      ) : (
        <List
          dataSource={c.clocks}
          renderItem={(k) => (
            <List.Item key={k.kind} data-testid="case-clock" data-kind={k.kind} data-due={k.due ?? ''} data-state={k.state} style={{ display: 'block' }}>
              <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text strong>{k.label}</Typography.Text>
                <StatusTag kind="due" value={k.state} />
              </Space>
              <div style={{ fontSize: 20, fontWeight: 600, lineHeight: 1.6 }}>
                <DueDate due={k.due} provisional={k.provisional} format="long" />
              </div>
              <Typography.Text type="secondary">
                {daysLeftText(k)}；自 {k.start} 起算，按{k.unit === 'calendar' ? '自然日' : '工作日'}计算
              </Typography.Text>
              <Collapse
                ghost
                size="small"
                items={[
                  {
                    key: 'why',
                    label: '为什么是这一天',
                    children: (
                      <ol className="explain-list" data-testid="case-clock-explanation">
                        {k.explanation.map((l, i) => (
                          <li key={i}>{l}</li>
                        ))}
                      </ol>
                    ),
                  },
                ]}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function DocumentsCard({ c }: { c: CaseDetail }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (doc: string, label: string) => {
    setBusy(doc);
    try {
      await download(`${CASES_URL}/${c.id}/documents/${doc}`, undefined, `${label}.docx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card variant="borderless" title="执法文书" style={{ marginBottom: 16 }} data-testid="case-documents">
      {c.documents.length === 0 ? (
        <Typography.Text type="secondary">告知后可下载行政处罚事先告知书，作出决定后可下载决定书（.docx）。</Typography.Text>
      ) : (
        <Space wrap>
          {c.documents.map((d) => (
            <Button key={d.doc} icon={<FileWordOutlined />} loading={busy === d.doc} onClick={() => void get(d.doc, d.label)} data-testid={`case-doc-${d.doc}`}>
              {d.label}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}

const PRIMARY = new Set<CaseAction>(['approveFiling', 'notify', 'review', 'decide', 'serve', 'close', 'decideWithdrawal']);

function ActionsCard({ c, onAction }: { c: CaseDetail; onAction: (a: CaseAction) => void }) {
  const can = useCan();
  const me = useMe();
  const shown = actionsFor(c, { manage: can('enforcement.manage'), review: can('enforcement.review'), approve: can('enforcement.approve'), orgId: me.org.id });
  const pending = c.withdrawals.some((w) => w.status === 'pending');
  if (!shown.length && !pending && c.status !== 'filing') return null;
  return (
    <Card variant="borderless" title="办理" style={{ marginBottom: 16 }} data-testid="case-actions">
      {pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="有尚未决定的回避申请：作出回避决定前，不办理其他步骤。"
          data-testid="withdrawal-pending"
        />
      )}
      {shown.length > 0 && (
        <Space wrap>
          {shown.map((a) => (
            <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={a === 'revoke'} onClick={() => onAction(a)} data-testid={`case-action-${a}`}>
              {CASE_ACTION_LABELS[a]}
            </Button>
          ))}
        </Space>
      )}
      {c.status === 'filing' && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="filing-pending">
          执法人员已报请立案，经负责人批准后立案，九十日办案期限自批准之日起计算。
        </Typography.Paragraph>
      )}
      {c.reviewRequired && c.reviewResult !== 'passed' && c.status !== 'decided' && c.status !== 'served' && c.status !== 'closed' && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="review-required">
          本案须经法制审核通过后方可作出决定：{c.reviewRequiredBecause.join('、')}。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function InfoTab({ c }: { c: CaseDetail }) {
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="case-descriptions">
        <Descriptions.Item label="案件编号">
          <span className="mono">{c.caseNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <CaseStatusTag status={c.status} label={c.statusLabel} />
        </Descriptions.Item>
        <Descriptions.Item label="当事人">
          {c.partyName}（{PARTY_KIND_LABELS[c.partyKind]}）
        </Descriptions.Item>
        <Descriptions.Item label={c.partyKind === 'unit' ? '地址' : '身份证件号码'}>
          {c.partyKind === 'unit' ? dash(c.partyAddress) : <span className="mono">{dash(c.partyIdNo)}</span>}
        </Descriptions.Item>
        <Descriptions.Item label="案件来源">
          {c.sourceLabel}
          {c.referralCode && (
            <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
              （案件线索 <span className="mono">{c.referralCode}</span>）
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={c.status === 'filing' || c.status === 'not_filed' ? '报请立案日期' : '立案日期'}>{c.filedOn}</Descriptions.Item>
        <Descriptions.Item label="违法行为" span={2}>
          {dash(c.violation)}
        </Descriptions.Item>
        <Descriptions.Item label="涉嫌违法事实" span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{dash(c.facts)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="执法人员" span={2}>
          <span data-testid="case-officers">
            {c.officers.length ? c.officers.map((o) => `${o.name}（执法证 ${o.certificateNo}，有效期至 ${o.certExpiresOn}）`).join('；') : '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={c.status === 'filing' ? '报请审批的负责人' : '立案审批人'}>{dash(c.approverName)}</Descriptions.Item>
        {c.filingRefusal && (
          <Descriptions.Item label="不予立案" span={2}>
            <span data-testid="filing-refusal">{`${c.filingRefusal.approverName} ${c.filingRefusal.refusedOn} 决定不予立案：${c.filingRefusal.reason}`}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="重大、复杂案件">{c.major ? '是' : '否'}</Descriptions.Item>
        {c.imported && (
          <Descriptions.Item label="说明" span={2}>
            历史导入的案件，仅记载统计所需的信息。
          </Descriptions.Item>
        )}
        <Descriptions.Item label="登记时间">{fmtDateTime(c.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="更新时间">{fmtDateTime(c.updatedAt)}</Descriptions.Item>
      </Descriptions>
      {c.extensions.length > 0 && (
        <Table
          size="small"
          rowKey="i"
          pagination={false}
          style={{ marginTop: 16 }}
          title={() => '延长办案期限'}
          dataSource={c.extensions.map((e, i) => ({ ...e, i }))}
          columns={[
            { title: '延长', dataIndex: 'days', render: (v: number) => `${v} 日` },
            { title: '理由', dataIndex: 'reason' },
            { title: '批准', key: 'by', render: (_: unknown, e) => `${e.approverName}（${e.approvedOn}）` },
          ]}
        />
      )}
      {c.withdrawals.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginTop: 16 }}
          title={() => '回避'}
          data-testid="case-withdrawals"
          dataSource={c.withdrawals}
          columns={[
            { title: '执法人员', dataIndex: 'inspectorName' },
            { title: '理由', dataIndex: 'reason' },
            { title: '申请日期', dataIndex: 'requestedOn' },
            {
              title: '决定',
              key: 'status',
              render: (_: unknown, w) => (
                <>
                  <Tag color={w.status === 'pending' ? 'orange' : w.status === 'granted' ? 'green' : 'default'}>{w.statusLabel}</Tag>
                  {w.decidedOn ?? ''}
                </>
              ),
            },
          ]}
        />
      )}
      {c.steps.length > 0 && (
        <Table
          size="small"
          rowKey="i"
          pagination={false}
          style={{ marginTop: 16 }}
          title={() => '办理经过'}
          data-testid="case-steps"
          dataSource={c.steps.map((s, i) => ({ ...s, i }))}
          columns={[
            { title: '日期', dataIndex: 'on', width: 110, render: (v: string) => <span className="mono">{v}</span> },
            { title: '步骤', dataIndex: 'label' },
            { title: '办理人', dataIndex: 'actorName' },
          ]}
        />
      )}
    </>
  );
}

function EvidenceTab({ c }: { c: CaseDetail }) {
  const { message } = App.useApp();
  const get = (fileId: string, name: string) =>
    void download(`${CASES_URL}/${c.id}/files/${fileId}`, undefined, name).catch((e: unknown) => message.error(errorMessage(e)));
  return (
    <>
      <Typography.Title level={5}>证据</Typography.Title>
      {c.evidence.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="case-evidence"
          dataSource={c.evidence}
          columns={[
            { title: '证据名称', dataIndex: 'title' },
            { title: '种类', dataIndex: 'kindLabel', width: 72 },
            { title: '取证日期', dataIndex: 'collectedOn', width: 110 },
            {
              title: '文件',
              key: 'file',
              render: (_: unknown, e) => (
                <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => get(e.id, e.fileName)} data-testid="evidence-download">
                  {e.fileName}
                </Button>
              ),
            },
            { title: '大小', dataIndex: 'size', width: 90, responsive: ['md'], render: (v: number) => `${Math.max(1, Math.round(v / 1024))} KB` },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未上传证据" />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        询问笔录
      </Typography.Title>
      {c.inquiries.length ? (
        <List
          bordered
          size="small"
          dataSource={c.inquiries}
          data-testid="case-inquiries"
          renderItem={(i) => (
            <List.Item key={i.id} style={{ display: 'block' }} data-testid="case-inquiry">
              <div>
                <Typography.Text strong>
                  {i.heldOn} 询问 {i.person}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  地点：{i.place}；执法人员：{i.officerNames.join('、')}
                </Typography.Text>
              </div>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
                {i.content}
              </Typography.Paragraph>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无询问笔录" />
      )}
    </>
  );
}

function NoticeTab({ c }: { c: CaseDetail }) {
  return (
    <>
      <ProposalSummary c={c} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="case-notice">
        <Descriptions.Item label="告知书日期">{dash(c.noticeOn)}</Descriptions.Item>
        <Descriptions.Item label="告知书送达日期">{dash(c.noticeServedOn)}</Descriptions.Item>
        <Descriptions.Item label="听证权利" span={2}>
          {c.proposal ? (c.hearingEligible ? '罚款达到较大数额，当事人有权要求听证' : '不属于可以要求听证的情形') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="申请听证">{dash(c.hearingRequestedOn)}</Descriptions.Item>
        <Descriptions.Item label="听证通知">{dash(c.hearingNoticeOn)}</Descriptions.Item>
        <Descriptions.Item label="听证日期">{dash(c.hearingOn)}</Descriptions.Item>
        <Descriptions.Item label="举行听证">{dash(c.hearingHeldOn)}</Descriptions.Item>
        {c.hearingRecord && (
          <Descriptions.Item label="听证笔录摘要" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.hearingRecord}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}

function DecisionTab({ c }: { c: CaseDetail }) {
  return (
    <>
      <Typography.Title level={5}>法制审核</Typography.Title>
      <Typography.Paragraph type="secondary">
        {c.reviewRequired ? `本案须经法制审核：${c.reviewRequiredBecause.join('、')}。` : '本案不属于必须法制审核的情形。'}
      </Typography.Paragraph>
      {c.reviews.length ? (
        c.reviews.map((r, i) => (
          <Card key={i} size="small" style={{ marginBottom: 12 }} data-testid="case-review">
            <Space wrap style={{ marginBottom: 8 }}>
              <Tag color={r.result === 'passed' ? 'green' : 'red'}>{r.resultLabel}</Tag>
              <Typography.Text>
                {r.reviewerName}，{r.reviewedOn}
              </Typography.Text>
            </Space>
            <ul style={{ margin: '0 0 8px', paddingLeft: 20 }}>
              {r.checklist.map((x) => (
                <li key={x.item}>
                  {x.passed ? '✓' : '✗'} {x.label}
                </li>
              ))}
            </ul>
            <div>审核意见：{r.opinion}</div>
          </Card>
        ))
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未审核" />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        集体讨论
      </Typography.Title>
      {c.discussion ? (
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label="日期">{c.discussion.heldOn}</Descriptions.Item>
          <Descriptions.Item label="参加人员">{c.discussion.participants}</Descriptions.Item>
          <Descriptions.Item label="结论">{c.discussion.conclusion}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">{c.discussionRequired ? '情节较重或严重，须经负责人集体讨论决定。' : '无须集体讨论。'}</Typography.Paragraph>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        决定
      </Typography.Title>
      {c.decidedOn ? (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="case-decision">
          <Descriptions.Item label="决定">
            <CaseResultTag result={c.result} />
            {c.firstViolation && <Tag color="blue">首违不罚</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="决定日期">{c.decidedOn}</Descriptions.Item>
          <Descriptions.Item label="决定书文号" span={2}>
            <span className="mono">{dash(c.decisionDocNo)}</span>
          </Descriptions.Item>
          {c.penalties.length > 0 && (
            <Descriptions.Item label="处罚" span={2}>
              {penaltiesText(c.penalties)}
            </Descriptions.Item>
          )}
          {c.discretionReason && (
            <Descriptions.Item label="裁量理由" span={2}>
              {c.discretionReason}
            </Descriptions.Item>
          )}
          {c.educationRecord && (
            <Descriptions.Item label={c.firstViolation ? '教育情况' : '理由'} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{c.educationRecord}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="送达">{c.servedOn ? `${c.servedOn}，${c.serviceMethodLabel ?? ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="公开">
            {c.publishedOn ?? '—'}
            {c.revokedOn && <Tag color="red" style={{ marginLeft: 6 }}>{`${c.revokedOn} 被撤销`}</Tag>}
            {c.withdrawnOn && <Tag style={{ marginLeft: 6 }}>{`${c.withdrawnOn} 撤回公开`}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未作出决定" />
      )}
    </>
  );
}

function ExecutionTab({ c }: { c: CaseDetail }) {
  const fine = c.penalties.filter((p) => p.type === 'fine').reduce((s, p) => s + (p.amount ?? 0), 0);
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="case-execution">
        <Descriptions.Item label="罚款">{fine ? yuan(fine) : '—'}</Descriptions.Item>
        <Descriptions.Item label="已缴纳">
          <span data-testid="fine-collected">{yuan(c.fineCollected)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="暂缓（分期）缴纳" span={2}>
          {c.instalments ? (
            <span data-testid="case-instalments">
              {`${c.instalments.kindLabel}：当事人 ${c.instalments.requestedOn} 申请（${c.instalments.reason}），${c.instalments.approverName} ${c.instalments.approvedOn} 批准`}
              {c.instalments.schedule.map((p, i) => (
                <div key={p.dueOn}>
                  {`${c.instalments!.schedule.length > 1 ? `第 ${i + 1} 期：` : ''}${p.dueOn} 前缴纳 ${yuan(p.amount)}`}
                  <Tag color={p.paid ? 'green' : 'default'} style={{ marginLeft: 6 }}>
                    {p.paid ? '已缴清' : '未缴清'}
                  </Tag>
                </div>
              ))}
            </span>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="申请强制执行" span={2}>
          {c.courtApplication ? `${c.courtApplication.appliedOn} 向${c.courtApplication.court}申请` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="结案日期">{dash(c.closedOn)}</Descriptions.Item>
      </Descriptions>
      {c.payments.length > 0 && (
        <Table
          size="small"
          rowKey="i"
          pagination={false}
          style={{ marginTop: 16 }}
          title={() => '缴款记录'}
          data-testid="case-payments"
          dataSource={c.payments.map((p, i) => ({ ...p, i }))}
          columns={[
            { title: '缴纳日期', dataIndex: 'paidOn' },
            { title: '金额', dataIndex: 'amount', render: (v: number) => yuan(v) },
          ]}
        />
      )}
    </>
  );
}

export function CaseDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useCase(id);
  const [modal, setModal] = useState<CaseAction | null>(null);
  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data)
    return (
      <Result
        status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'}
        title="无法打开该案件"
        subTitle={errorMessage(q.error)}
        extra={
          <Link to="/enforcement/cases">
            <Button>返回列表</Button>
          </Link>
        }
      />
    );
  const c = q.data;
  return (
    <div data-testid="case-detail">
      <PageHeader
        title={
          <Space wrap>
            <span>行政处罚案件</span>
            <span className="mono" data-testid="case-no">
              {c.caseNo}
            </span>
            <CaseStatusTag status={c.status} label={c.statusLabel} />
            <CaseResultTag result={c.result} />
          </Space>
        }
        description={`${c.partyName}（${PARTY_KIND_LABELS[c.partyKind]}）· ${c.violation ?? '违法行为未载明'} · ${c.sourceLabel}，${c.filedOn} 立案`}
        extra={
          <Link to="/enforcement/cases">
            <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <ClocksCard c={c} />
          <DocumentsCard c={c} />
        </Col>
        <Col xs={24} xl={14}>
          <ActionsCard c={c} onAction={setModal} />
          <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              items={[
                { key: 'info', label: '案件信息', children: <InfoTab c={c} /> },
                {
                  key: 'evidence',
                  label: `调查取证${c.evidence.length + c.inquiries.length ? `（${c.evidence.length + c.inquiries.length}）` : ''}`,
                  children: <EvidenceTab c={c} />,
                },
                { key: 'notice', label: '告知与听证', children: <NoticeTab c={c} /> },
                { key: 'decision', label: '审核与决定', children: <DecisionTab c={c} /> },
                { key: 'execution', label: '执行', children: <ExecutionTab c={c} /> },
                {
                  key: 'timeline',
                  label: '全过程记录',
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">
                        立案、调查取证、告知、听证、审核、决定、送达、执行和结案，均写入不可篡改的全过程记录。
                      </Typography.Paragraph>
                      <AuditTimeline entityType="enforcementCase" entityId={c.id} orgId={c.orgId} />
                    </>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <CaseActionModals c={c} open={modal} onClose={() => setModal(null)} />
    </div>
  );
}
