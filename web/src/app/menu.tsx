/** The left menu: each item opens a page and shows only when the user's actions allow it. */
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  DashboardOutlined,
  HomeOutlined,
  IdcardOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Action } from '../api/types';

export interface MenuEntry {
  path: string;
  label: string;
  action: Action;
  icon: ReactNode;
}

export const MENU: MenuEntry[] = [
  { path: '/', label: '工作台', action: 'dashboard.read', icon: <DashboardOutlined /> },
  { path: '/orgs', label: '机构与科室', action: 'org.read', icon: <ApartmentOutlined /> },
  { path: '/users', label: '用户管理', action: 'user.read', icon: <TeamOutlined /> },
  { path: '/units', label: '检查对象名录', action: 'unit.read', icon: <BankOutlined /> },
  { path: '/inspectors', label: '执法人员名录', action: 'inspector.read', icon: <IdcardOutlined /> },
  { path: '/calendar', label: '工作日历', action: 'calendar.read', icon: <CalendarOutlined /> },
  { path: '/audit', label: '全过程记录', action: 'audit.read', icon: <AuditOutlined /> },
  { path: '/settings', label: '系统设置', action: 'settings.manage', icon: <SettingOutlined /> },
  { path: '/my-unit', label: '我的单位', action: 'ownUnit.read', icon: <HomeOutlined /> },
];

export function menuFor(actions: readonly Action[]): MenuEntry[] {
  return MENU.filter((m) => actions.includes(m.action));
}

/** The menu entry a path belongs to ('/units/…' → 检查对象名录). */
export function entryOf(pathname: string): MenuEntry | undefined {
  if (pathname === '/' || pathname === '') return MENU[0];
  return MENU.filter((m) => m.path !== '/' && (pathname === m.path || pathname.startsWith(m.path + '/'))).sort((a, b) => b.path.length - a.path.length)[0];
}
