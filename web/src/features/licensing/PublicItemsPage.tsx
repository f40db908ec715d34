/** /public/licensing?org= — the bureau's licensing items with their 办事指南; an item in force can be applied for online, an abolished one says 已取消. */
import { useState } from 'react';
import { Button, Card, Drawer, List, Result, Space, Tag, Typography } from 'antd';
import { Link, useSearch } from '@tanstack/react-router';
import type { ItemView } from '@server/modules/licensing/items/contracts';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { usePublicOrgs } from '../disclosure/queries';
import { ItemGuide } from './ItemGuide';
import { PublicLicensingFrame } from './PublicLicensingFrame';
import { usePublicItems } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bureau a portal page is for: `?org=`, or the only one there is. */
export function usePortalOrg(org: string | undefined) {
  const orgOk = !!org && UUID.test(org);
  const bureaus = usePublicOrgs(!orgOk);
  const only = bureaus.data?.items.length === 1 ? bureaus.data.items[0]!.id : undefined;
  return { orgId: orgOk ? org : only, bureaus };
}

export function PublicItemsPage() {
  const { org } = useSearch({ strict: false }) as { org?: string };
  const { orgId, bureaus } = usePortalOrg(org);
  const q = usePublicItems(orgId);
  const [guide, setGuide] = useState<ItemView | null>(null);
  return (
    <PublicLicensingFrame org={orgId}>
      <PageHeader
        title="行政许可事项与办事指南"
        description="查看各事项的设定依据、申请条件、申请材料、办理流程和时限；现行有效的事项可以网上申请，无需注册账号。"
      />
      {!orgId ? (
        <Card variant="borderless">
          <Result status="info" title="请选择机关" />
          <List
            bordered
            loading={bureaus.isLoading}
            dataSource={bureaus.data?.items ?? []}
            renderItem={(o) => (
              <List.Item>
                <a href={`/public/licensing?org=${o.id}`}>{o.name}</a>
              </List.Item>
            )}
          />
        </Card>
      ) : (
        <Card variant="borderless">
          {q.isError && <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>}
          <List
            loading={q.isLoading}
            dataSource={q.data?.items ?? []}
            itemLayout="vertical"
            data-testid="public-items"
            renderItem={(i) => (
              <List.Item
                data-testid="public-item"
                actions={[
                  <Button key="guide" onClick={() => setGuide(i)} data-testid="public-item-guide">
                    办事指南
                  </Button>,
                  i.applicable ? (
                    <Link key="apply" to="/public/licensing/apply" search={{ item: i.id }}>
                      <Button type="primary" data-testid="public-item-apply">
                        网上申请
                      </Button>
                    </Link>
                  ) : (
                    <Button key="apply" disabled data-testid="public-item-closed">
                      {i.status === 'abolished' ? '已取消' : '暂不可申请'}
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{i.name}</span>
                      {i.status === 'abolished' && <Tag>已取消</Tag>}
                    </Space>
                  }
                  description={
                    i.applicable
                      ? `法定办结时限 ${i.statutoryDays} 个工作日${i.promisedDays ? `，承诺 ${i.promisedDays} 个工作日` : ''}；${i.fee}`
                      : i.unavailableReason
                  }
                />
              </List.Item>
            )}
          />
          <Space style={{ marginTop: 16 }}>
            <Link to="/public/licensing/track" search={{ code: undefined }}>
              <Button>办理查询</Button>
            </Link>
            <Link to="/public/licensing/decisions" search={{ org: orgId }}>
              <Button>结果公开</Button>
            </Link>
          </Space>
        </Card>
      )}
      <Drawer open={!!guide} title="办事指南" size={640} onClose={() => setGuide(null)} destroyOnHidden>
        {guide && <ItemGuide item={guide} />}
      </Drawer>
    </PublicLicensingFrame>
  );
}
