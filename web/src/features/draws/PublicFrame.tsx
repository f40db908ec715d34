/** The frame of the public portal pages: brand, title and the portal's links, no back-office menu, no sign-in. */
import type { ReactNode } from 'react';
import { Layout, Space, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { Logo } from '../../shared/Logo';

/** `footer` replaces the line about the draw algorithm (e.g. on the published inspection results). */
export function PublicFrame({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <Layout className="portal" data-testid="public-frame">
      <Layout.Header className="portal-header" style={{ justifyContent: 'space-between', gap: 16 }}>
        <Link to="/public/draws" className="portal-brand">
          <Logo size={28} />
          <span className="portal-name">兰台</span>
          <span className="portal-sub">双随机、一公开 · 抽查结果公示</span>
        </Link>
        <Space size={20} style={{ whiteSpace: 'nowrap' }} data-testid="portal-nav">
          <Link to="/public/plans" style={{ color: '#fff' }} data-testid="portal-plans-link">
            检查计划
          </Link>
          <Link to="/public/draws" style={{ color: '#fff' }}>
            抽查公示
          </Link>
          <Link to="/public/inspections" style={{ color: '#fff' }} data-testid="portal-inspections-link">
            检查结果公开
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content className="portal-content">{children}</Layout.Content>
      <Layout.Footer className="app-footer">
        <Typography.Text type="secondary">
          {footer ?? '抽取算法 lantai-draw-v1 公开可复核：本页在您的浏览器中独立重新计算，不依赖服务器的计算结果。'}
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
