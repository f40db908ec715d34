/** One checklist: its versions, the picked version's items (ChecklistVersionCard), a new draft from the published one. */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { useCan } from '../../app/auth';
import { ChecklistVersionCard } from './ChecklistVersionCard';
import { useChecklist, useNewDraftVersion, useVersion } from './queries';
import { kindTag } from './shared';

export function ChecklistDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const can = useCan();
  const manage = can('inspection.manage');
  const { message } = App.useApp();
  const cl = useChecklist(id);
  const [picked, setPicked] = useState<string | null>(null);
  const versionId = picked ?? cl.data?.versions[0]?.id ?? null;
  const ver = useVersion(versionId);
  const newDraft = useNewDraftVersion(id);

  if (cl.isLoading) return <Skeleton active />;
  if (cl.isError || !cl.data) return <Result status="error" title="加载失败" subTitle={errorMessage(cl.error)} />;
  const c = cl.data;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {c.name}
            {kindTag(c.kind, c.kindLabel)}
          </Space>
        }
        description={c.description}
        extra={
          <Space wrap>
            <Link to="/inspection/checklists">
              <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
            </Link>
            {c.allowedActions.includes('newDraft') && (
              <Button
                icon={<PlusOutlined />}
                loading={newDraft.isPending}
                data-testid="new-draft"
                onClick={() =>
                  newDraft.mutate(undefined, {
                    onSuccess: (v) => {
                      message.success('已新建草稿版本（以现行版本为基础，已停用的事项不带入）');
                      setPicked(v.id);
                    },
                    onError: (e) => message.error(errorMessage(e)),
                  })
                }
              >
                新建草稿版本
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <Card variant="borderless" title="版本" size="small">
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="versions">
              {c.versions.map((v) => (
                <Button
                  key={v.id}
                  block
                  type={v.id === versionId ? 'primary' : 'default'}
                  ghost={v.id === versionId}
                  onClick={() => setPicked(v.id)}
                  style={{ textAlign: 'left', height: 'auto', padding: '6px 10px' }}
                >
                  <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                    <Space size={4}>
                      第 {v.version} 版 {v.status === 'published' ? <Tag color="green">已发布</Tag> : <Tag color="orange">草稿</Tag>}
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {v.itemCount ?? 0} 项 · {v.status === 'published' ? fmtDateTime(v.publishedAt) : `创建于 ${fmtDateTime(v.createdAt)}`}
                    </Typography.Text>
                  </Space>
                </Button>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          {ver.isLoading && <Skeleton active />}
          {ver.isError && <Alert type="error" showIcon title={errorMessage(ver.error)} />}
          {ver.data && <ChecklistVersionCard key={ver.data.id + ver.data.items.length + String(ver.dataUpdatedAt)} v={ver.data} manage={manage} />}
        </Col>
      </Row>
    </>
  );
}
