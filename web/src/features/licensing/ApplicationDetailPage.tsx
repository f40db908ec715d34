/**
 * One licence application: its clocks (受理, 决定, 证件, 公开) with the "为什么是这一天" lines, the actions
 * the server allows now (`allowedActions`), the letters issued so far (文书, .docx), the application's
 * facts and materials, and its 全过程记录.
 */
import { useState } from 'react';
import { App, Button, Card, Col, Collapse, Descriptions, List, Result, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import type { ApplicationDetail, StageClock } from '@server/modules/licensing/applications/contracts';
import { APPLICATION_ACTION_LABELS, type ApplicationAction } from '@server/modules/licensing/labels';
import { ApiError, download, errorMessage } from '../../api/client';
import { DueDate } from '../../shared/DueDate';
import { dash, fmtDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { AuditTimeline } from '../../shared/Timeline';
import { LicensingActionModals } from './ActionModals';
import { LicensingStatusTag, ResultTag } from './common';
import { applicationLetterUrl, LICENSING_APPLICATIONS_URL, useLicensingApplication } from './queries';

function daysLeftText(c: StageClock['clock']) {
  if (c.state === 'met') return '已按期办结';
  if (c.state === 'missed') return '逾期办结';
  if (c.state === 'paused') return '计时暂停';
  if (c.daysLeft === null) return '—';
  if (c.daysLeft < 0) return <Typography.Text type="danger">已逾期 {-c.daysLeft} 个工作日</Typography.Text>;
  if (c.daysLeft === 0) return <Typography.Text type="warning">今日到期</Typography.Text>;
  return `剩余 ${c.daysLeft} 个工作日`;
}

function ClocksCard({ application: a }: { application: ApplicationDetail }) {
  if (!a.clocks.length) {
    return (
      <Card variant="borderless" title="期限" data-testid="licensing-clocks">
        <Typography.Text type="secondary">历史导入的已办结申请不计算期限。</Typography.Text>
      </Card>
    );
  }
  return (
    <Card variant="borderless" title="期限" data-testid="licensing-clocks">
      <List
        dataSource={a.clocks}
        renderItem={(s) => (
          <List.Item key={s.kind} data-testid={`clock-${s.kind}`} data-due={s.clock.due ?? ''} data-state={s.clock.state} style={{ display: 'block' }}>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text strong>{s.label}</Typography.Text>
              <StatusTag kind="due" value={s.clock.state} />
            </Space>
            <div style={{ fontSize: 20, fontWeight: 600, lineHeight: 1.6 }}>
              {s.clock.state === 'paused' ? (
                '计时暂停'
              ) : (
                <DueDate due={s.clock.due} provisional={s.clock.provisional} provisionalYears={s.clock.provisionalYears} format="long" />
              )}
            </div>
            <Typography.Text type="secondary">
              {daysLeftText(s.clock)}；自 {s.clock.effectiveStart} 起算，共 {s.clock.totalDays} 个工作日
            </Typography.Text>
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'why',
                  label: '为什么是这一天',
                  children: (
                    <>
                      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                        {s.basis}
                      </Typography.Paragraph>
                      <ol className="explain-list">
                        {s.clock.explanation.map((l, i) => (
                          <li key={i}>{l}</li>
                        ))}
                      </ol>
                    </>
                  ),
                },
              ]}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

const ACTION_ORDER: ApplicationAction[] = [
  'accept',
  'correction',
  'corrected',
  'exclusionStart',
  'exclusionEnd',
  'extensionRequest',
  'extensionDecision',
  'decision',
  'certificate',
  'publish',
  'withdraw',
];
const PRIMARY = new Set<ApplicationAction>(['accept', 'decision', 'extensionDecision', 'publish']);

function ActionsCard({ application: a, onAction }: { application: ApplicationDetail; onAction: (x: ApplicationAction) => void }) {
  const shown = ACTION_ORDER.filter((x) => a.allowedActions.includes(x));
  if (!shown.length && !a.extensionRequest) return null;
  return (
    <Card variant="borderless" title="办理" style={{ marginBottom: 16 }} data-testid="licensing-actions">
      <Space wrap>
        {shown.map((x) => (
          <Button
            key={x}
            type={PRIMARY.has(x) ? 'primary' : 'default'}
            danger={x === 'withdraw'}
            onClick={() => onAction(x)}
            data-testid={`licensing-action-${x}`}
          >
            {APPLICATION_ACTION_LABELS[x]}
          </Button>
        ))}
      </Space>
      {a.extensionRequest && !a.allowedActions.includes('extensionDecision') && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="licensing-extension-pending">
          已于 {a.extensionRequest.requestedOn} 报请延长 10 个工作日，等待本行政机关负责人批准。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** 文书: each letter the application has now, to download as .docx (GB/T 9704). */
function LettersCard({ application: a }: { application: ApplicationDetail }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (doc: string, label: string) => {
    setBusy(doc);
    try {
      await download(applicationLetterUrl(a.id, doc), undefined, `${label}.docx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  if (a.source === 'import' && !a.letters.length) return null;
  return (
    <Card variant="borderless" title="文书" style={{ marginBottom: 16 }} data-testid="licensing-letters">
      {a.letters.length === 0 ? (
        <Typography.Text type="secondary">
          受理或者告知补正后可下载受理通知书、补正材料通知书；作出决定后可下载决定书，颁发证件后可下载行政许可证件（.docx，申请人也可凭查询码在门户下载）。
        </Typography.Text>
      ) : (
        <Space wrap>
          {a.letters.map((l) => (
            <Button
              key={l.doc}
              icon={<FileWordOutlined />}
              loading={busy === l.doc}
              onClick={() => void get(l.doc, l.label)}
              data-testid={`licensing-letter-${l.doc}`}
              title={l.docNumber ? `${l.docNumber}（${l.issuedOn}）` : l.issuedOn}
            >
              {l.label}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}

function InfoTab({ application: a }: { application: ApplicationDetail }) {
  const { message } = App.useApp();
  const get = (fileId: string, name: string) =>
    void download(`${LICENSING_APPLICATIONS_URL}/${a.id}/files/${fileId}`, undefined, name).catch((e) => message.error(errorMessage(e)));
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="licensing-descriptions">
        <Descriptions.Item label="编号">
          <span className="mono">{a.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label="查询码">
          <span className="mono">{a.trackingCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label="许可事项" span={2}>
          {a.item.name}
        </Descriptions.Item>
        <Descriptions.Item label="申请人">{a.applicantName}</Descriptions.Item>
        <Descriptions.Item label="申请人类型">{a.applicantTypeLabel}</Descriptions.Item>
        <Descriptions.Item label={a.idLabel}>
          <span className="mono">{dash(a.idNumber)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="联系方式">{dash(a.contact)}</Descriptions.Item>
        <Descriptions.Item label="申请事项说明" span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{dash(a.summary)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="申请渠道">{a.channelLabel}</Descriptions.Item>
        <Descriptions.Item label="来源">{a.sourceLabel}</Descriptions.Item>
        <Descriptions.Item label="收到申请材料日期">{a.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="受理日期">
          {a.acceptedOn ? (
            <>
              {a.acceptedOn} {a.acceptanceDeemed && <Tag color="orange">逾期未告知补正，视为受理</Tag>}
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="登记时间">{fmtDateTime(a.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="更新时间">{fmtDateTime(a.updatedAt)}</Descriptions.Item>
      </Descriptions>
      {(a.materials.length > 0 || a.files.length > 0) && (
        <Descriptions bordered size="small" column={1} title="申请材料" style={{ marginTop: 16 }} data-testid="licensing-materials">
          {a.materials.map((m) => (
            <Descriptions.Item key={m.name} label={m.name}>
              {m.received ? <Tag color="green">已收</Tag> : <Tag color="red">未收</Tag>}
            </Descriptions.Item>
          ))}
          {a.files.map((f) => (
            <Descriptions.Item key={f.id} label={f.material}>
              <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => get(f.id, f.fileName)}>
                {f.fileName}
              </Button>
              <Typography.Text type="secondary">{Math.max(1, Math.round(f.size / 1024))} KB</Typography.Text>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {a.correction && (
        <Descriptions bordered size="small" column={1} title="一次性告知补正" style={{ marginTop: 16 }}>
          <Descriptions.Item label="告知日期">{a.correction.sentOn}</Descriptions.Item>
          <Descriptions.Item label="补正内容">
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {a.correction.items.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ol>
          </Descriptions.Item>
          <Descriptions.Item label="收到补正材料">
            {a.correction.correctedOn ?? <Typography.Text type="warning">等待申请人补正</Typography.Text>}
          </Descriptions.Item>
        </Descriptions>
      )}
      {a.exclusions.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginTop: 16 }}
          title={() => '不计入期限的程序（行政许可法第四十五条）'}
          dataSource={a.exclusions}
          columns={[
            { title: '类别', dataIndex: 'kindLabel' },
            { title: '开始', dataIndex: 'from' },
            { title: '结束', dataIndex: 'to', render: (v: string | null) => v ?? <Typography.Text type="warning">进行中</Typography.Text> },
            { title: '说明', dataIndex: 'note', render: (v: string) => dash(v) },
          ]}
        />
      )}
      {a.extensionRefusal && (
        <Descriptions bordered size="small" column={1} title="延期报请未获批准" style={{ marginTop: 16 }}>
          <Descriptions.Item label="日期">{a.extensionRefusal.refusedOn}</Descriptions.Item>
          <Descriptions.Item label="理由">{a.extensionRefusal.reason}</Descriptions.Item>
        </Descriptions>
      )}
      {a.extension && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title="延长期限" style={{ marginTop: 16 }}>
          <Descriptions.Item label="延长">{a.extension.days} 个工作日</Descriptions.Item>
          <Descriptions.Item label="批准">
            {dash(a.extension.approvedByName)}（{a.extension.approvedOn}）
          </Descriptions.Item>
          <Descriptions.Item label="理由" span={2}>
            {dash(a.extension.reason)}
          </Descriptions.Item>
        </Descriptions>
      )}
      {a.decision && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title="决定" style={{ marginTop: 16 }} data-testid="licensing-decision">
          <Descriptions.Item label="决定">
            <ResultTag result={a.decision.result} />
          </Descriptions.Item>
          <Descriptions.Item label="决定日期">{a.decision.decidedOn}</Descriptions.Item>
          <Descriptions.Item label="决定书文号">{dash(a.decision.decisionNo)}</Descriptions.Item>
          <Descriptions.Item label="许可证件">{a.certificate ? `${a.certificate.certificateNo}（${a.certificate.issuedOn} 颁发）` : '—'}</Descriptions.Item>
          <Descriptions.Item label={a.decision.result === 'refused' ? '理由' : '说明'} span={2}>
            {dash(a.decision.reason)}
          </Descriptions.Item>
          {a.decision.remedies && (
            <Descriptions.Item label="救济途径" span={2}>
              {a.decision.remedies}
            </Descriptions.Item>
          )}
          {a.decision.lateReason && (
            <Descriptions.Item label="逾期说明" span={2}>
              <Typography.Text type="danger">{a.decision.lateReason}</Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="公开日期">{dash(a.publishedOn)}</Descriptions.Item>
        </Descriptions>
      )}
      {a.withdrawal && (
        <Descriptions bordered size="small" column={1} title="撤回" style={{ marginTop: 16 }}>
          <Descriptions.Item label="撤回日期">{a.withdrawal.withdrawnOn}</Descriptions.Item>
          <Descriptions.Item label="理由">{dash(a.withdrawal.reason)}</Descriptions.Item>
        </Descriptions>
      )}
    </>
  );
}

export function LicensingApplicationDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useLicensingApplication(id);
  const [modal, setModal] = useState<ApplicationAction | null>(null);
  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data)
    return (
      <Result
        status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'}
        title="无法打开该申请"
        subTitle={errorMessage(q.error)}
        extra={
          <Link to="/licensing/applications">
            <Button>返回列表</Button>
          </Link>
        }
      />
    );
  const a = q.data;
  return (
    <div data-testid="licensing-application-detail">
      <PageHeader
        title={
          <Space wrap>
            <span>行政许可申请</span>
            <span className="mono" data-testid="licensing-detail-code">
              {a.code}
            </span>
            <LicensingStatusTag status={a.status} label={a.statusLabel} />
            <ResultTag result={a.result} />
          </Space>
        }
        description={`${a.item.name} · ${a.applicantName}（${a.applicantTypeLabel}），${a.channelLabel}，${a.receivedOn} 收到`}
        extra={
          <Link to="/licensing/applications">
            <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <ClocksCard application={a} />
        </Col>
        <Col xs={24} xl={14}>
          <ActionsCard application={a} onAction={setModal} />
          <LettersCard application={a} />
          <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              items={[
                { key: 'info', label: '申请信息', children: <InfoTab application={a} /> },
                {
                  key: 'timeline',
                  label: '时间线',
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">
                        收到、受理、补正、不计时期间、延期、决定、发证和公开，均写入不可篡改的全过程记录。
                      </Typography.Paragraph>
                      <AuditTimeline entityType="licensingApplication" entityId={a.id} orgId={a.orgId} />
                    </>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <LicensingActionModals application={a} open={modal} onClose={() => setModal(null)} />
    </div>
  );
}
