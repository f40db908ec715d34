/** 全过程记录: verify the hash chain against its heads and signed checkpoints, the checkpoints themselves, and the timeline of any record. */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Grid, Input, Result, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined, SignatureOutlined, WarningOutlined } from '@ant-design/icons';
import type { Checkpoint } from '@server/kernel/audit/contracts';
import { errorMessage } from '../../api/client';
import { ENTITY_TYPE_LABELS } from '../../api/labels';
import { PageHeader } from '../../shared/PageHeader';
import { AuditTimeline } from '../../shared/Timeline';
import { OrgSelect } from '../../shared/OrgSelect';
import { fmtDateTime } from '../../shared/format';
import { useOrgTree, flattenOrgs } from '../../api/queries';
import { fetchAllCheckpoints, useAuditVerify, useCheckpoints, useSignCheckpoint } from './queries';

const ENTITY_TYPES = ['unit', 'user', 'inspector', 'org', 'department', 'settings'];

export function AuditPage() {
  const verify = useAuditVerify();
  const orgs = useOrgTree();
  const orgName = (id: string) => flattenOrgs(orgs.data?.items ?? []).find((o) => o.id === id)?.name ?? id;
  const [lookup, setLookup] = useState<{ entityType: string; entityId: string; orgId?: string } | null>(null);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const screens = Grid.useBreakpoint();
  const v = verify.data;

  return (
    <>
      <PageHeader
        title="全过程记录"
        description="每一次变更都按机构写入只增不改的事件链，每条事件的哈希包含前一条的哈希；每天为各机构的链头签署检查点（密钥保存在数据库之外）。任何删改都会使校验失败。"
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isFetching} onClick={() => void verify.refetch()}>
            重新校验
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title="完整性校验" data-testid="audit-verify">
            {verify.isLoading ? (
              <Skeleton active />
            ) : verify.isError ? (
              <Alert type="error" showIcon title="校验失败" description={errorMessage(verify.error)} />
            ) : v ? (
              <>
                <Result
                  className="verify-result"
                  status={v.intact ? 'success' : 'error'}
                  icon={v.intact ? <SafetyCertificateOutlined /> : <WarningOutlined />}
                  title={<span data-testid="audit-status">{v.intact ? '完整' : '已被篡改'}</span>}
                  subTitle={v.intact ? '全部事件的哈希链校验通过，记录未被删改。' : '发现哈希链断裂：下列事件或其之前的记录被删改过，请立即报告并保全数据库。'}
                  style={{ padding: '16px 0' }}
                />
                <Row gutter={16} style={{ textAlign: 'center' }}>
                  <Col span={8}>
                    <Statistic title="校验机构" value={v.orgs} suffix="个" />
                  </Col>
                  <Col span={8}>
                    <Statistic title="校验事件" value={v.events} suffix="条" />
                  </Col>
                  <Col span={8}>
                    <Statistic title="校验检查点" value={v.checkpoints} suffix="个" />
                  </Col>
                </Row>
                {v.firstBroken && (
                  <Descriptions bordered size="small" column={1} style={{ marginTop: 16 }} title="首个断裂的事件" data-testid="audit-broken">
                    <Descriptions.Item label="机构">{orgName(v.firstBroken.orgId)}</Descriptions.Item>
                    <Descriptions.Item label="序号">{v.firstBroken.seq}</Descriptions.Item>
                    <Descriptions.Item label="事件 ID">
                      <span className="mono">{v.firstBroken.id === undefined ? '—（见原因）' : String(v.firstBroken.id)}</span>
                    </Descriptions.Item>
                    {v.firstBroken.entityType && (
                      <Descriptions.Item label="涉及记录">
                        {ENTITY_TYPE_LABELS[v.firstBroken.entityType] ?? v.firstBroken.entityType} <span className="mono">{v.firstBroken.entityId}</span>
                      </Descriptions.Item>
                    )}
                    <Descriptions.Item label="原因">
                      <Typography.Text type="danger">{v.firstBroken.reason}</Typography.Text>
                    </Descriptions.Item>
                  </Descriptions>
                )}
                {v.alerts.length > 0 && (
                  <Alert
                    style={{ marginTop: 16 }}
                    type="error"
                    showIcon
                    data-testid="audit-alerts"
                    title={`因链头被删除而拒绝的写入：${v.alerts.length} 次（最近的在前）`}
                    description={
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {v.alerts.map((a, i) => (
                          <li key={i}>
                            {fmtDateTime(a.at)} {orgName(a.orgId)} {a.actorName ?? '系统'} <span className="mono">{a.action ?? ''}</span>
                          </li>
                        ))}
                      </ul>
                    }
                  />
                )}
              </>
            ) : null}
          </Card>
          <CheckpointsCard orgName={orgName} />
        </Col>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title="查询记录的时间线">
            <Form
              // a phone: labels above the fields, each field the card's width
              layout={screens.sm === false ? 'vertical' : 'inline'}
              initialValues={{ entityType: 'unit' }}
              onFinish={(f: { entityType: string; entityId: string }) => setLookup({ entityType: f.entityType, entityId: f.entityId.trim(), orgId })}
              style={{ rowGap: 12, marginBottom: 16 }}
            >
              {(orgs.data?.items ?? []).some((o) => (o.children ?? []).length > 0) && (
                <Form.Item label="机构">
                  <OrgSelect value={orgId} onChange={setOrgId} />
                </Form.Item>
              )}
              <Form.Item name="entityType" label="记录类型">
                <Select style={{ width: 140 }} options={ENTITY_TYPES.map((t) => ({ value: t, label: ENTITY_TYPE_LABELS[t] ?? t }))} />
              </Form.Item>
              <Form.Item name="entityId" label="记录 ID" rules={[{ required: true, whitespace: true, message: '请填写记录 ID' }]}>
                <Input style={{ width: 300, maxWidth: '100%' }} placeholder="如单位、用户的 ID" className="mono" allowClear />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  查询
                </Button>
              </Form.Item>
            </Form>
            {lookup ? (
              <AuditTimeline
                key={`${lookup.orgId ?? ''}:${lookup.entityType}:${lookup.entityId}`}
                entityType={lookup.entityType}
                entityId={lookup.entityId}
                orgId={lookup.orgId}
              />
            ) : (
              <Space orientation="vertical">
                <Typography.Text type="secondary">输入记录类型和 ID 查询该记录的全部变更。</Typography.Text>
                <Typography.Text type="secondary">也可以在检查对象、用户、执法人员的详情中直接打开“时间线”。</Typography.Text>
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** Saves JSON as a file the browser downloads. */
function saveJson(value: unknown, fileName: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** 签名检查点: newest first, paged by the server; sign now; export all (every page in one file, to keep a copy away from the database). */
function CheckpointsCard({ orgName }: { orgName: (id: string) => string }) {
  const { message } = App.useApp();
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const list = useCheckpoints(page.current, page.pageSize);
  const sign = useSignCheckpoint();
  const [exporting, setExporting] = useState(false);
  const onSign = () =>
    sign.mutate(undefined, {
      onSuccess: (r) =>
        r.written.length ? message.success(`已签署检查点：第 ${r.written[0]!.seq} 条`) : message.info('自上一个检查点以来没有新的记录，无需签署'),
      onError: (e) => message.error(errorMessage(e)),
    });
  const onExport = async () => {
    setExporting(true);
    try {
      const all = await fetchAllCheckpoints();
      saveJson(all, `全过程记录检查点-${new Date().toISOString().slice(0, 10)}.json`);
      message.success(`已导出 ${all.items.length} 个检查点`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Card
      variant="borderless"
      title="签名检查点"
      style={{ marginTop: 16 }}
      data-testid="audit-checkpoints"
      extra={
        <Space>
          <Button icon={<SignatureOutlined />} loading={sign.isPending} onClick={onSign}>
            立即签署
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()} data-testid="export-checkpoints">
            导出
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每天自动为各机构的链头（序号与哈希）签署一个检查点（HMAC-SHA256，密钥保存在数据库之外）。即使数据库中的记录连同链头被一致地改写或截断，校验也会在检查点处发现。请定期导出并另行保存（如刻录光盘或交保密室），日后可由运维人员用导出的文件对照校验。
        {list.data && (
          <>
            当前密钥指纹 <span className="mono">{list.data.keyId}</span>。
          </>
        )}
      </Typography.Paragraph>
      {list.isError ? (
        <Alert type="error" showIcon title="检查点加载失败" description={errorMessage(list.error)} />
      ) : (
        <Table<Checkpoint>
          size="small"
          rowKey={(c) => `${c.orgId}:${c.seq}`}
          loading={list.isFetching}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            size: 'small',
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (t) => `共 ${t} 个`,
            hideOnSinglePage: true,
            onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
          }}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '尚无检查点' }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '机构', dataIndex: 'orgId', render: (id: string) => orgName(id) },
            { title: '签署时间', dataIndex: 'at', render: (at: string) => fmtDateTime(at) },
            { title: '序号', dataIndex: 'seq', align: 'right' },
            { title: '哈希', dataIndex: 'hash', render: (h: string) => <span className="mono">{h.slice(0, 12)}…</span> },
            { title: '签名', dataIndex: 'signature', render: (h: string) => <span className="mono">{h.slice(0, 12)}…</span> },
            { title: '签署', dataIndex: 'madeBy' },
          ]}
        />
      )}
    </Card>
  );
}
