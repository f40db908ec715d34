/** The tabs of an application's page: the application's facts (补正, 延期), its consultations with their clocks and letters, its 全过程记录. */
import { Button, Card, Descriptions, Empty, Table, Tabs, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import type { ApplicationDetail, ConsultationView } from '@server/modules/disclosure/applications/contracts';
import { APPLICATION_SOURCE_LABELS } from '@server/modules/disclosure/labels';
import { DueDate } from '../../shared/DueDate';
import { dash, fmtDateTime } from '../../shared/format';
import { StatusTag } from '../../shared/StatusTag';
import { AuditTimeline } from '../../shared/Timeline';
import { ApplicationStatusTag } from './common';
import { useLetterDownload } from './LettersCard';

export function ApplicationTabs({ application: a }: { application: ApplicationDetail }) {
  const { get, busy } = useLetterDownload(a);
  return (
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
                  <Descriptions.Item label="来源">{APPLICATION_SOURCE_LABELS[a.source]}</Descriptions.Item>
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
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        最迟{' '}
                        <DueDate
                          due={a.correctionNoticeBy.due}
                          provisional={a.correctionNoticeBy.provisional}
                          provisionalYears={a.correctionNoticeBy.provisionalYears}
                        />
                      </Typography.Text>
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
                    <Descriptions.Item label="收到补正申请">
                      {a.correction.correctedOn ?? <Typography.Text type="warning">等待申请人补正</Typography.Text>}
                    </Descriptions.Item>
                  </Descriptions>
                )}
                {a.extensionRequest && (
                  <Descriptions
                    bordered
                    size="small"
                    column={{ xs: 1, md: 2 }}
                    title="延期报请（待负责人批准）"
                    style={{ marginTop: 16 }}
                    data-testid="extension-request"
                  >
                    <Descriptions.Item label="报请延长">{a.extensionRequest.days} 个工作日</Descriptions.Item>
                    <Descriptions.Item label="报请人">
                      {dash(a.extensionRequest.requestedByName)}（{a.extensionRequest.requestedOn}）
                    </Descriptions.Item>
                    <Descriptions.Item label="理由" span={2}>
                      {a.extensionRequest.reason}
                    </Descriptions.Item>
                  </Descriptions>
                )}
                {a.extensionRefusal && (
                  <Descriptions bordered size="small" column={1} title="延期报请未获批准" style={{ marginTop: 16 }}>
                    <Descriptions.Item label="不予批准日期">{a.extensionRefusal.refusedOn}</Descriptions.Item>
                    <Descriptions.Item label="理由">{a.extensionRefusal.reason}</Descriptions.Item>
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
                  {
                    title: '收到答复',
                    render: (_: unknown, c) =>
                      c.to ? (
                        c.to
                      ) : c.resumedOn ? (
                        <Typography.Text type="warning" data-testid="consultation-lapsed">
                          逾期未答复，答复期限自 {c.resumedOn} 起恢复计算
                        </Typography.Text>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    title: '答复期限（15 个工作日）',
                    render: (_: unknown, c) => (
                      <span style={{ whiteSpace: 'nowrap' }}>
                        <DueDate due={c.clock.due} provisional={c.clock.provisional} provisionalYears={c.clock.provisionalYears} />{' '}
                        <StatusTag kind="due" value={c.clock.state} />
                      </span>
                    ),
                  },
                  {
                    title: '文书',
                    render: (_: unknown, c) => (
                      <Button size="small" icon={<FileWordOutlined />} loading={busy('consultation')} onClick={() => void get('consultation', c.id)}>
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
  );
}
