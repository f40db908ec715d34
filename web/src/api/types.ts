/** Shapes of the JSON API as the back office reads them (see SPEC and the server's contracts). */

export type Role = 'admin' | 'leader' | 'legal' | 'inspector' | 'staff' | 'unit' | 'superior';
export type OrgLevel = 'province' | 'city' | 'county';
export type UnitType = 'agency' | 'institution' | 'soe' | 'private' | 'archive_service' | 'community' | 'township';
export type RiskTier = 'low' | 'medium' | 'high';

export type Action =
  | 'dashboard.read'
  | 'org.read'
  | 'org.manage'
  | 'user.read'
  | 'user.manage'
  | 'unit.read'
  | 'unit.write'
  | 'inspector.read'
  | 'inspector.write'
  | 'calendar.read'
  | 'calendar.manage'
  | 'audit.read'
  | 'settings.manage'
  | 'ownUnit.read'
  | 'ownUnit.inspect'
  | 'inspection.read'
  | 'inspection.manage'
  | 'disclosure.read'
  | 'disclosure.handle'
  | 'disclosure.approve'
  | 'dispute.read'
  | 'dispute.manage'
  | 'enforcement.read'
  | 'enforcement.manage';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: Role[];
    roleLabels: string[];
    unitId: string | null;
    mustChangePassword: boolean;
  };
  org: { id: string; name: string; level: OrgLevel; parentId: string | null };
  actions: Action[];
}

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  org: string;
}

export interface SetupResult {
  org: { id: string; name: string; level: OrgLevel };
  admin: { id: string; username: string; displayName: string };
  demoAccounts?: DemoAccount[];
}

export type DueState = 'running' | 'paused' | 'due_soon' | 'overdue' | 'met' | 'missed';

export interface DashboardItem {
  key: string;
  kind: string;
  kindLabel: string;
  label: string;
  entityType: string;
  entityId: string;
  due: string | null;
  daysLeft: number | null;
  state: DueState;
  explanation: string[];
}

export interface Dashboard {
  items: DashboardItem[];
  counts: { overdue: number; dueSoon: number; running: number };
}

export interface OrgNode {
  id: string;
  name: string;
  level: OrgLevel;
  regionCode: string;
  parentId: string | null;
  path: string;
  children: OrgNode[];
}

export interface Department {
  id: string;
  name: string;
}

export interface User {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  roles: Role[];
  status: 'active' | 'disabled';
  departmentId: string | null;
  departmentName: string | null;
  unitId: string | null;
  unitName: string | null;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Unit {
  id: string;
  orgId: string;
  name: string;
  creditCode: string;
  type: UnitType;
  typeLabel?: string;
  industry: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  riskTier: RiskTier;
  riskTierLabel?: string;
  status: 'active' | 'closed';
  createdAt: string;
  updatedAt: string;
}

export interface ImportError {
  row: number;
  column: string;
  value: unknown;
  reason: string;
}

export interface ImportPreview {
  batchId: string;
  fileName: string;
  totalRows: number;
  validRows: number;
  errors: ImportError[];
}

export type CertState = 'valid' | 'expiring' | 'expired';

export interface Inspector {
  id: string;
  name: string;
  certificateNo: string;
  certIssuedOn: string;
  certExpiresOn: string;
  certState: CertState;
  certStateLabel?: string;
  conflictCount: number;
  status: 'active' | 'inactive';
  departmentId: string | null;
  departmentName?: string | null;
  userId: string | null;
}

export interface InspectorConflict {
  id: string;
  unitId: string;
  unitName: string;
  reason: string;
}

export interface InspectorDetail extends Inspector {
  conflicts: InspectorConflict[];
}

export interface CalendarYear {
  year: number;
  source: 'chinese-days' | 'admin';
  holidays: number;
  workdays: number;
  note: string | null;
  enteredAt: string | null;
}

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CalendarYearDetail {
  year: number;
  source: 'chinese-days' | 'admin';
  note: string | null;
  days: CalendarDay[];
}

export interface DueResult {
  due: string;
  explanation: string[];
  counted: string[];
  skipped: { date: string; reason: string; name?: string }[];
}

export interface AuditVerify {
  intact: boolean;
  orgs: number;
  events: number;
  firstBroken?: { orgId: string; seq: number; id: number | string; reason: string; entityType?: string; entityId?: string };
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  before: unknown;
  after: unknown;
  hash: string;
  prevHash: string;
}

export interface Setting {
  key: string;
  label: string;
  value: number;
  default: number;
}
