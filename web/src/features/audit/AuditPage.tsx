/** 全过程记录: verify the hash chain, and look up the timeline of any record. */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Result, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api, errorMessage } from '../../api/client';
import type { AuditVerify } from '../../api/types';
import { ENTITY_TYPE_LABELS } from '../../api/labels';
import { PageHeader } from '../../shared/PageHeader';
import { AuditTimeline } from '../../shared/Timeline';
import { OrgSelect } from '../../shared/OrgSelect';
import { useOrgTree, flattenOrgs } from '../../api/queries';

const ENTITY_TYPES = ['unit', 'user', 'inspector', 'org', 'department', 'settings'];

export function AuditPage() {
  const verify = useQuery({ queryKey: ['/api/audit/verify'], queryFn: () => api.get<AuditVerify>('/api/audit/verify'), staleTime: 0 });
  const orgs = useOrgTree();
  const orgName = (id: string) => flattenOrgs(orgs.data?.items ?? []).find((o) => o.id === id)?.name ?? id;
  const [lookup, setLookup] = useState<{ entityType: string; entityId: string; orgId?: string } | null>(null);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const v = verify.data;

  return (
    <>
      <PageHeader
        title="全过程记录"
        description="每一次变更都按机构写入只增不改的事件链，每条事件的哈希包含前一条的哈希；任何删改都会使校验失败。"
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
                  <Col span={12}>
                    <Statistic title="校验机构" value={v.orgs} suffix="个" />
                  </Col>
                  <Col span={12}>
                    <Statistic title="校验事件" value={v.events} suffix="条" />
                  </Col>
                </Row>
                {v.firstBroken && (
                  <Descriptions bordered size="small" column={1} style={{ marginTop: 16 }} title="首个断裂的事件" data-testid="audit-broken">
                    <Descriptions.Item label="机构">{orgName(v.firstBroken.orgId)}</Descriptions.Item>
                    <Descriptions.Item label="序号">{v.firstBroken.seq}</Descriptions.Item>
                    <Descriptions.Item label="事件 ID">
                      <span className="mono">{String(v.firstBroken.id)}</span>
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
              </>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title="查询记录的时间线">
            <Form
              layout="inline"
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
                <Input style={{ width: 300 }} placeholder="如单位、用户的 ID" className="mono" allowClear />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  查询
                </Button>
              </Form.Item>
            </Form>
            {lookup ? (
              <AuditTimeline key={`${lookup.orgId ?? ''}:${lookup.entityType}:${lookup.entityId}`} entityType={lookup.entityType} entityId={lookup.entityId} orgId={lookup.orgId} />
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
