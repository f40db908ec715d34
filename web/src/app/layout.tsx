/** The back-office frame: collapsible left menu (by the user's actions), header with org and user. */
import { Suspense, useState } from 'react';
import { Avatar, Button, Dropdown, Grid, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { ORG_LEVEL_LABELS } from '@server/kernel/contracts';
import { useLogout, useMe } from './auth';
import { entryOf, groupOf, menuFor } from './menu';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { AccountTelephoneModal } from '../features/users/AccountTelephoneModal';
import { PageLoading } from './fallbacks';
import { Logo } from '../shared/Logo';

const { Header, Sider, Content, Footer } = Layout;

export function AppLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const phone = screens.sm === false;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const isCollapsed = collapsed ?? narrow;
  const [pwOpen, setPwOpen] = useState(false);
  const [telOpen, setTelOpen] = useState(false);

  const items = menuFor(me.actions).map((m) =>
    m.children
      ? { key: m.path, icon: m.icon, label: m.label, children: m.children.map((c) => ({ key: c.path, label: c.label })) }
      : { key: m.path, icon: m.icon, label: m.label },
  );
  const current = entryOf(pathname)?.path ?? pathname;
  const group = groupOf(pathname)?.path;
  const [openKeys, setOpenKeys] = useState<string[]>(group ? [group] : []);
  const [lastGroup, setLastGroup] = useState(group);
  if (group !== lastGroup) {
    setLastGroup(group);
    if (group && !openKeys.includes(group)) setOpenKeys([...openKeys, group]);
  }

  return (
    <Layout className="app-shell">
      <Sider
        width={216}
        collapsedWidth={phone ? 0 : 64}
        collapsible
        collapsed={isCollapsed}
        trigger={null}
        breakpoint="lg"
        onBreakpoint={() => setCollapsed(null)}
        className={phone ? 'app-sider app-sider-phone' : 'app-sider'}
      >
        <div className={isCollapsed ? 'brand brand-collapsed' : 'brand'}>
          <Logo size={28} />
          {!isCollapsed && (
            <div className="brand-text">
              <div className="brand-name">兰台</div>
              <div className="brand-sub">档案行政执法工作平台</div>
            </div>
          )}
        </div>
        <nav data-testid="side-menu" aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[current]}
            {...(isCollapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
            items={items}
            onClick={(e) => {
              void navigate({ to: e.key });
              if (phone) setCollapsed(true);
            }}
          />
        </nav>
      </Sider>
      {/* a phone: the opened menu lies over the page, which a tap beside it brings back */}
      {phone && !isCollapsed && <div className="app-sider-mask" onClick={() => setCollapsed(true)} data-testid="side-menu-mask" />}
      <Layout>
        <Header className="app-header">
          <Space size={12} className="app-header-left">
            <Button
              type="text"
              aria-label={isCollapsed ? '展开菜单' : '收起菜单'}
              icon={isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!isCollapsed)}
            />
            <Typography.Text strong className="org-name" data-testid="org-name">
              {me.org.name}
            </Typography.Text>
            {screens.md && <Tag>{ORG_LEVEL_LABELS[me.org.level] ?? me.org.level}</Tag>}
          </Space>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'telephone', icon: <PhoneOutlined />, label: '联系电话' },
                { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'telephone') setTelOpen(true);
                if (key === 'password') setPwOpen(true);
                if (key === 'logout') void logout();
              },
            }}
          >
            <Button type="text" className="user-button" data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} className="user-avatar" />
              <span className="user-name">{me.user.displayName}</span>
              {screens.md && (
                <span className="user-roles">
                  {me.user.roleLabels.map((r) => (
                    <Tag key={r} color="blue" variant="outlined">
                      {r}
                    </Tag>
                  ))}
                </span>
              )}
            </Button>
          </Dropdown>
        </Header>
        <Content className="app-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
        <Footer className="app-footer">
          兰台 · 档案行政执法与法治政府建设工作平台
          <Tooltip title="所有变更均写入全过程记录（哈希链）">
            <span className="footer-note">全过程留痕</span>
          </Tooltip>
        </Footer>
      </Layout>
      <AccountTelephoneModal open={telOpen} onClose={() => setTelOpen(false)} />
      <ChangePasswordModal open={pwOpen || me.user.mustChangePassword} forced={me.user.mustChangePassword} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}
