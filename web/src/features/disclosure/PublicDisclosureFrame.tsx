/** The public portal frame of 政务公开: brand and links (apply, track, annual reports), no back-office menu, no sign-in. */
import type { ReactNode } from 'react';
import { Layout, Space, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { Logo } from '../../shared/Logo';

/** `wide` for pages with the annual-report tables. */
export function PublicDisclosureFrame({ children, org, wide }: { children: ReactNode; org?: string; wide?: boolean }) {
  return (
    <Layout className="portal" data-testid="public-frame">
      <Layout.Header className="portal-header" style={{ justifyContent: 'space-between', gap: 16 }}>
        <span className="portal-brand">
          <Logo size={28} />
          <span className="portal-name">兰台</span>
          <span className="portal-sub">· 政务公开</span>
        </span>
        <Space size={20} style={{ whiteSpace: 'nowrap' }}>
          <Link to="/public/disclosure/apply" search={{ org }} style={{ color: '#fff' }}>
            在线申请
          </Link>
          <Link to="/public/disclosure/track" search={{ code: undefined }} style={{ color: '#fff' }}>
            办理查询
          </Link>
          <Link to="/public/disclosure/reports" style={{ color: '#fff' }} data-testid="portal-reports-link">
            年度报告
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content className="portal-content" style={{ maxWidth: wide ? 1240 : 880 }}>
        {children}
      </Layout.Content>
      <Layout.Footer className="app-footer">
        <Typography.Text type="secondary">
          依据《中华人民共和国政府信息公开条例》提出申请；行政机关收到申请后 20 个工作日内答复（依法补正、征求意见、延期的除外）。
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
