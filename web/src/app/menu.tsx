/** The left menu: each item opens a page and shows only when the user's actions allow it. */
import type { ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  DashboardOutlined,
  HomeOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Action } from '../api/types';

export interface MenuEntry {
  path: string;
  label: string;
  action: Action;
  icon?: ReactNode;
  /** A group (submenu): `path` is its key, the entries are its pages. */
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  { path: '/', label: '工作台', action: 'dashboard.read', icon: <DashboardOutlined /> },
  { path: '/orgs', label: '机构与科室', action: 'org.read', icon: <ApartmentOutlined /> },
  { path: '/users', label: '用户管理', action: 'user.read', icon: <TeamOutlined /> },
  { path: '/units', label: '检查对象名录', action: 'unit.read', icon: <BankOutlined /> },
  { path: '/inspectors', label: '执法人员名录', action: 'inspector.read', icon: <IdcardOutlined /> },
  {
    path: '/inspection',
    label: '行政检查',
    action: 'inspection.read',
    icon: <SafetyCertificateOutlined />,
    children: [
      { path: '/inspection/items', label: '检查事项清单', action: 'inspection.read' },
      { path: '/inspection/checklists', label: '检查表', action: 'inspection.read' },
      { path: '/inspection/plans', label: '年度检查计划', action: 'inspection.read' },
      { path: '/inspection/draws', label: '双随机抽取', action: 'inspection.read' },
      { path: '/inspection/inspections', label: '检查任务', action: 'inspection.read' },
      { path: '/inspection/evaluations', label: '评价考评', action: 'inspection.read' },
      { path: '/inspection/figures', label: '检查统计', action: 'inspection.read' },
      { path: '/inspection/monitors', label: '监测预警', action: 'inspection.read' },
    ],
  },
  {
    path: '/enforcement',
    label: '行政处罚',
    action: 'enforcement.read',
    icon: <AlertOutlined />,
    children: [
      { path: '/enforcement/referrals', label: '案件线索', action: 'enforcement.read' },
      { path: '/enforcement/cases', label: '案件办理', action: 'enforcement.read' },
      { path: '/enforcement/benchmarks', label: '裁量基准', action: 'enforcement.read' },
      { path: '/enforcement/figures', label: '执法统计', action: 'enforcement.read' },
    ],
  },
  {
    path: '/licensing',
    label: '行政许可',
    action: 'licensing.read',
    icon: <ProfileOutlined />,
    children: [
      { path: '/licensing/items', label: '事项目录', action: 'licensing.read' },
      { path: '/licensing/applications', label: '许可申请', action: 'licensing.read' },
      { path: '/licensing/figures', label: '许可统计', action: 'licensing.read' },
    ],
  },
  {
    path: '/disclosure',
    label: '政府信息公开',
    action: 'disclosure.read',
    icon: <FileSearchOutlined />,
    children: [
      { path: '/disclosure/applications', label: '依申请公开', action: 'disclosure.read' },
      { path: '/disclosure/register', label: '主动公开目录', action: 'disclosure.read' },
      { path: '/disclosure/annual-reports', label: '年度报告', action: 'disclosure.read' },
      { path: '/disclosure/report-check', label: '外部报表校验', action: 'disclosure.read' },
      { path: '/disclosure/disputes', label: '行政复议和诉讼', action: 'dispute.read' },
    ],
  },
  { path: '/calendar', label: '工作日历', action: 'calendar.read', icon: <CalendarOutlined /> },
  { path: '/audit', label: '全过程记录', action: 'audit.read', icon: <AuditOutlined /> },
  { path: '/settings', label: '系统设置', action: 'settings.manage', icon: <SettingOutlined /> },
  { path: '/my-unit', label: '我的单位', action: 'ownUnit.read', icon: <HomeOutlined /> },
  { path: '/my/inspections', label: '检查与整改', action: 'ownUnit.inspect', icon: <FileDoneOutlined /> },
];

/** The entries whose action the user holds (`actions` as `/api/auth/me` sends them). */
export function menuFor(actions: readonly string[]): MenuEntry[] {
  return MENU.filter((m) => actions.includes(m.action)).map((m) => (m.children ? { ...m, children: m.children.filter((c) => actions.includes(c.action)) } : m));
}

/** The menu entry a path belongs to ('/units/…' → 检查对象名录; '/inspection/draws/…' → 双随机抽取). */
export function entryOf(pathname: string): MenuEntry | undefined {
  if (pathname === '/' || pathname === '') return MENU[0];
  const leaves = MENU.flatMap((m) => m.children ?? [m]);
  return leaves.filter((m) => m.path !== '/' && (pathname === m.path || pathname.startsWith(m.path + '/'))).sort((a, b) => b.path.length - a.path.length)[0];
}

/** The group a path belongs to (its submenu key), if any. */
export function groupOf(pathname: string): MenuEntry | undefined {
  return MENU.find((m) => m.children && (pathname === m.path || pathname.startsWith(m.path + '/')));
}
