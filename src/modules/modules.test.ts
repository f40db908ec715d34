/**
 * The installed modules compose the policy table, the settings and the timeline registry that the
 * kernel used to hold: the composition gives exactly the table written out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { installModules, timelineAction } from '../kernel/module.js';
import { allActions, ROLES, roleActions, type Role } from '../kernel/auth/roles.js';
import { settingDefs } from '../kernel/settings.js';
import { MODULES } from './index.js';
import { KERNEL_ACTIONS } from '../kernel/auth/labels.js';
import { ORGS_ACTIONS } from './orgs/labels.js';
import { DASHBOARD_ACTIONS } from './dashboard/contracts.js';
import { INSPECTIONS_ACTIONS } from './inspections/labels.js';
import { DISCLOSURE_ACTIONS } from './disclosure/labels.js';
import { DISPUTES_ACTIONS } from './disputes/labels.js';
import { ENFORCEMENT_ACTIONS } from './enforcement/labels.js';
import { LICENSING_ACTIONS } from './licensing/labels.js';

installModules(MODULES);

const STAFF_READS = ['dashboard.read', 'org.read', 'unit.read', 'inspector.read', 'calendar.read', 'inspection.read'];
const TABLE: Record<Role, string[]> = {
  admin: [
    ...STAFF_READS,
    'org.manage',
    'user.read',
    'user.manage',
    'unit.write',
    'inspector.write',
    'calendar.manage',
    'audit.read',
    'settings.manage',
    'inspection.manage',
    'inspection.oversee',
    'disclosure.read',
    'disclosure.handle',
    'dispute.read',
    'dispute.manage',
    'enforcement.read',
    'enforcement.manage',
    'licensing.read',
    'licensing.handle',
    'licensing.manage',
  ],
  leader: [
    ...STAFF_READS,
    'inspection.oversee',
    'user.read',
    'audit.read',
    'disclosure.read',
    'disclosure.approve',
    'dispute.read',
    'enforcement.read',
    'enforcement.approve',
    'licensing.read',
    'licensing.approve',
  ],
  legal: [
    ...STAFF_READS,
    'inspection.oversee',
    'audit.read',
    'disclosure.read',
    'disclosure.handle',
    'dispute.read',
    'dispute.manage',
    'enforcement.read',
    'enforcement.manage',
    'enforcement.review',
    'licensing.read',
    'licensing.handle',
  ],
  inspector: [...STAFF_READS, 'unit.write', 'inspection.manage', 'enforcement.read', 'enforcement.manage'],
  staff: [
    ...STAFF_READS,
    'inspection.oversee',
    'disclosure.read',
    'disclosure.handle',
    'dispute.read',
    'enforcement.read',
    'licensing.read',
    'licensing.handle',
  ],
  unit: ['dashboard.read', 'calendar.read', 'ownUnit.read', 'ownUnit.inspect'],
  superior: [...STAFF_READS, 'inspection.oversee', 'user.read', 'audit.read', 'disclosure.read', 'dispute.read', 'enforcement.read', 'licensing.read'],
};

describe('the modules compose the kernel registries', () => {
  it.each(ROLES)('%s holds exactly its actions', (role) => {
    expect([...roleActions(role)].sort()).toEqual([...TABLE[role]].sort());
  });

  it('lists every action once', () => {
    expect([...allActions()].sort()).toEqual([...new Set(Object.values(TABLE).flat())].sort());
  });

  it('the action lists in the labels (the web’s Action type) are exactly the registered actions', () => {
    const listed = [
      ...KERNEL_ACTIONS,
      ...ORGS_ACTIONS,
      ...DASHBOARD_ACTIONS,
      ...INSPECTIONS_ACTIONS,
      ...DISCLOSURE_ACTIONS,
      ...DISPUTES_ACTIONS,
      ...ENFORCEMENT_ACTIONS,
      ...LICENSING_ACTIONS,
    ];
    expect([...listed].sort()).toEqual([...allActions()].sort());
  });

  it('registers the kernel settings first, then each module’s', () => {
    expect([...settingDefs().keys()]).toEqual([
      'sessionIdleMinutes',
      'sessionMaxHours',
      'loginMaxFailures',
      'loginLockMinutes',
      'loginLockMaxMinutes',
      'certificateWarnDays',
      'officeTelephone',
      'drawRecentMonths',
      'drawRecentKeepHighRisk',
      'drawRecentKeepComplained',
      'inspectionNoticeDays',
      'inspectionRecordDays',
      'rectificationDays',
      'repeatInspectionDays',
      'inspectorMonthlyMax',
      'evidenceQuotaPerUnitMb',
      'evidenceQuotaPerOrgMb',
      'disclosureFeePayDays',
      'disclosureMailServiceDays',
      'enforcementHearingUnitFine',
      'enforcementHearingIndividualFine',
      'enforcementFilingApprovalDays',
    ]);
  });

  it('knows which action reads each kind of record’s timeline', () => {
    expect(
      ['unit', 'inspection', 'disclosureApplication', 'dispute', 'enforcementReferral', 'licensingApplication', 'calendarYear', 'nothing'].map(timelineAction),
    ).toEqual(['unit.read', 'inspection.read', 'disclosure.read', 'dispute.read', 'enforcement.read', 'licensing.read', 'calendar.read', undefined]);
  });

  it('refuses a module listed twice', () => {
    expect(() => installModules([...MODULES, MODULES[0]!])).toThrow(/listed twice/);
    installModules(MODULES);
  });
});
