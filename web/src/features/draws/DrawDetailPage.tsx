/** One draw: header with what the user may do now, the frozen pool and its verification (DrawParameters), the lists (DrawTabs). */
import { useState } from 'react';
import { Alert, App, Button, Col, Popconfirm, Result, Row, Skeleton, Space, Tag } from 'antd';
import { ArrowLeftOutlined, GlobalOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { DrawFormDrawer } from './DrawForm';
import { DrawParameters } from './DrawParameters';
import { DrawStatusTag } from './DrawStatusTag';
import { DrawTabs } from './DrawTabs';
import { ExecuteModal } from './ExecuteModal';
import { useDraw, useGenerateInspections, usePublishDraw } from './queries';

export function DrawDetailPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useDraw(id);
  const publishing = usePublishDraw(id);
  const generating = useGenerateInspections(id);
  const [executing, setExecuting] = useState(false);
  const [redrawing, setRedrawing] = useState(false);

  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data) return <Result status="error" title="加载失败" subTitle={errorMessage(q.error)} />;
  const d = q.data;
  const superseded = !!d.supersededById;

  const generate = () =>
    generating.mutate(undefined, {
      onSuccess: (r) => {
        message.success(`已按批次 ${d.drawId} 生成 ${r.items.length} 项检查任务`);
        void navigate({ to: '/inspection/inspections' });
      },
      onError: (e) => message.error(errorMessage(e)),
    });

  const publish = () =>
    publishing.mutate(undefined, { onSuccess: () => message.success(`批次 ${d.drawId} 已公布`), onError: (e) => message.error(errorMessage(e)) });

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            <span>
              抽取批次 <span className="mono">{d.drawId}</span>
            </span>
            <DrawStatusTag status={d.status} label={d.statusLabel} />
            {superseded && (
              <Tag color="default" data-testid="superseded-tag">
                已被重抽
              </Tag>
            )}
          </Space>
        }
        description={d.planTitle}
        extra={
          <Space wrap>
            <Link to="/inspection/draws">
              <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
            </Link>
            {d.status === 'published' && (
              <Link to="/public/draws/$id" params={{ id: d.id }} target="_blank" data-testid="public-link">
                <Button icon={<GlobalOutlined />}>公示页（公众复核）</Button>
              </Link>
            )}
            {d.allowedActions.includes('execute') && (
              <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setExecuting(true)} data-testid="execute-draw">
                执行抽取
              </Button>
            )}
            {d.allowedActions.includes('publish') && (
              <Popconfirm title="公布抽取结果？" description="公布后任何人都可以在公示页查看并复核。" okText="公布" cancelText="取消" onConfirm={publish}>
                <Button type="primary" loading={publishing.isPending} data-testid="publish-draw">
                  公布结果
                </Button>
              </Popconfirm>
            )}
            {d.allowedActions.includes('generateInspections') && (
              <Popconfirm
                title="按抽取结果生成检查任务？"
                description="每个抽中单位生成一项检查，检查组为抽中的执法人员。"
                okText="生成"
                cancelText="取消"
                onConfirm={generate}
              >
                <Button type="primary" loading={generating.isPending} data-testid="generate-inspections">
                  生成检查任务
                </Button>
              </Popconfirm>
            )}
            {d.inspectionsGenerated > 0 && (
              <Link to="/inspection/inspections" data-testid="inspections-generated">
                <Button>已生成检查任务 {d.inspectionsGenerated} 项</Button>
              </Link>
            )}
            {d.allowedActions.includes('redraw') && (
              <Button icon={<ReloadOutlined />} onClick={() => setRedrawing(true)} data-testid="redraw">
                重新抽取
              </Button>
            )}
          </Space>
        }
      />
      {superseded && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              本批次已被{' '}
              <Link to="/inspection/draws/$id" params={{ id: d.supersededById! }}>
                {d.supersededByDrawId}
              </Link>{' '}
              重新抽取取代；本批次及其结果保留可查。
            </span>
          }
        />
      )}
      {d.supersedesId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              本批次为重新抽取，取代{' '}
              <Link to="/inspection/draws/$id" params={{ id: d.supersedesId }}>
                {d.supersedesDrawId}
              </Link>
              。理由：{d.redrawReason}
            </span>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <DrawParameters d={d} />
        </Col>
        <Col xs={24} xl={14}>
          <DrawTabs d={d} />
        </Col>
      </Row>
      <ExecuteModal draw={d} open={executing} onClose={() => setExecuting(false)} />
      <DrawFormDrawer
        open={redrawing}
        redraw={d}
        onClose={() => setRedrawing(false)}
        onCreated={(x) => void navigate({ to: '/inspection/draws/$id', params: { id: x.id } })}
      />
    </>
  );
}
