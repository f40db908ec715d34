/** The frame of the public portal pages: brand and title, no back-office menu, no sign-in. */
import type { ReactNode } from 'react';
import { Layout, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { Logo } from '../../shared/Logo';

export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <Layout className="portal" data-testid="public-frame">
      <Layout.Header className="portal-header">
        <Link to="/public/draws" className="portal-brand">
          <Logo size={28} />
          <span className="portal-name">兰台</span>
          <span className="portal-sub">双随机、一公开 · 抽查结果公示</span>
        </Link>
      </Layout.Header>
      <Layout.Content className="portal-content">{children}</Layout.Content>
      <Layout.Footer className="app-footer">
        <Typography.Text type="secondary">
          抽取算法 lantai-draw-v1 公开可复核：本页在您的浏览器中独立重新计算，不依赖服务器的计算结果。
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
