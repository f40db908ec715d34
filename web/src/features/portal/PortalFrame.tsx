/**
 * The one frame of every public portal page (no sign-in, no back-office menu): the brand leading to
 * the portal home, a nav bar with the sections' pages (it wraps on a phone rather than scrolling
 * sideways), the page, and a footer line the page may set.
 */
import type { CSSProperties, ReactNode } from 'react';
import { Layout, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { Logo } from '../../shared/Logo';
import { PORTAL_SECTIONS, type PortalLink } from './sections';

const linkStyle: CSSProperties = { color: '#1d4e89', whiteSpace: 'nowrap', padding: '2px 0', borderBottom: '2px solid transparent' };
const activeStyle: CSSProperties = { ...linkStyle, fontWeight: 600, borderBottomColor: '#1d4e89' };
const active = { style: activeStyle, 'aria-current': 'page' as const };
const activeOptions = { includeSearch: false };

/** One header link; the apply link keeps the chosen bureau (`org`). */
function NavLink({ link, org }: { link: PortalLink; org?: string }) {
  const props = { 'data-testid': link.testId, style: linkStyle, activeProps: active, activeOptions };
  switch (link.path) {
    case '/public/disclosure/apply':
      return (
        <Link to={link.path} search={{ org }} {...props}>
          {link.label}
        </Link>
      );
    case '/public/licensing':
    case '/public/licensing/decisions':
    case '/public/enforcement':
    case '/public/enforcement/officers':
    case '/public/enforcement/procedures':
    case '/public/enforcement/decisions':
    case '/public/enforcement/benchmarks':
      return (
        <Link to={link.path} search={{ org }} {...props}>
          {link.label}
        </Link>
      );
    case '/public/disclosure/track':
    case '/public/licensing/track':
      return (
        <Link to={link.path} search={{ code: undefined }} {...props}>
          {link.label}
        </Link>
      );
    default:
      return (
        <Link to={link.path} {...props}>
          {link.label}
        </Link>
      );
  }
}

/** The nav bar: 首页, then each section's label and pages. */
export function PortalNav({ org }: { org?: string }) {
  return (
    <nav data-testid="portal-nav" aria-label="门户导航" style={{ background: '#fff', borderBottom: '1px solid #e3e9f1' }}>
      <div
        style={{
          maxWidth: 1280,
          margin: '0 auto',
          padding: '8px 16px',
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'baseline',
          gap: '6px 28px',
        }}
      >
        <Link
          to="/public"
          search={{ org }}
          data-testid="portal-nav-home"
          style={linkStyle}
          activeProps={active}
          activeOptions={{ exact: true, includeSearch: false }}
        >
          门户首页
        </Link>
        {PORTAL_SECTIONS.map((s) => (
          <span key={s.key} style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 16px' }} data-testid={`portal-nav-${s.key}`}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.title}
            </Typography.Text>
            {s.links
              .filter((l) => !l.homeOnly)
              .map((l) => (
                <NavLink key={l.testId} link={l} org={org} />
              ))}
          </span>
        ))}
      </div>
    </nav>
  );
}

export interface PortalFrameProps {
  children: ReactNode;
  /** The footer line (a page's legal basis); the portal's general line when absent. */
  footer?: ReactNode;
  /** The content's maximum width (default 1280). */
  maxWidth?: number;
  /** The bureau chosen on the portal (the apply link keeps it). */
  org?: string;
}

export function PortalFrame({ children, footer, maxWidth, org }: PortalFrameProps) {
  return (
    <Layout className="portal" data-testid="public-frame">
      <Layout.Header className="portal-header" style={{ justifyContent: 'space-between', gap: 16 }}>
        <Link to="/public" search={{ org }} className="portal-brand" data-testid="portal-home-link">
          <Logo size={28} />
          <span className="portal-name">兰台</span>
          <span className="portal-sub">公众服务门户 · 政务公开 · 双随机一公开</span>
        </Link>
      </Layout.Header>
      <PortalNav org={org} />
      <Layout.Content className="portal-content" style={maxWidth ? { maxWidth } : undefined}>
        {children}
      </Layout.Content>
      <Layout.Footer className="app-footer">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {footer ?? '本门户面向社会公众，无需注册账号。'}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          <Link to="/public" search={{ org }}>
            门户首页
          </Link>
          <span style={{ margin: '0 8px' }}>·</span>
          <Link to="/login" search={{ redirect: undefined }}>
            工作人员登录
          </Link>
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
