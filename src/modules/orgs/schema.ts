/**
 * Orgs & people (机构与人员): departments (科室), the regulated-unit directory
 * (检查对象名录库) and the inspector directory (执法人员名录库). The org tree and users are kernel
 * tables (tenancy and identity); this module manages them.
 */
import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from '../../kernel/db/columns.js';

export const departments = pgTable(
  'departments',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('departments_org_name_idx').on(t.orgId, t.name)],
);

/** 检查对象名录库 — regulated units. */
export const units = pgTable(
  'units',
  {
    id: id(),
    orgId: orgId(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(), // 统一社会信用代码
    type: text('type').notNull(), // see UNIT_TYPES
    industry: text('industry'),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    riskTier: text('risk_tier').notNull().default('medium'), // low | medium | high
    status: text('status').notNull().default('active'), // active | closed
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('units_org_credit_idx').on(t.orgId, t.creditCode),
    index('units_org_type_idx').on(t.orgId, t.type),
    index('units_org_name_idx').on(t.orgId, t.name),
  ],
);

/** 执法人员名录库 — certified inspectors. */
export const inspectors = pgTable(
  'inspectors',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id'),
    departmentId: uuid('department_id'),
    name: text('name').notNull(),
    certificateNo: text('certificate_no').notNull(), // 执法证号
    certIssuedOn: date('cert_issued_on', { mode: 'string' }).notNull(),
    certExpiresOn: date('cert_expires_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'), // active | inactive
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('inspectors_org_cert_idx').on(t.orgId, t.certificateNo)],
);

/** Conflicts of interest (回避): an inspector must not inspect this unit. */
export const inspectorConflicts = pgTable(
  'inspector_conflicts',
  {
    id: id(),
    orgId: orgId(),
    inspectorId: uuid('inspector_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('inspector_conflicts_pair_idx').on(t.orgId, t.inspectorId, t.unitId)],
);
