/**
 * Kernel tables: sessions, settings, the whole-process record (audit), the working-day calendar,
 * clocks and import batches. Business tables live in each module's schema.ts.
 */

import {
  bigint,
  boolean,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './db/columns.js';

/** An org is itself the tenant: org_id = id. `path` is the chain of ancestor ids, '/a/b/c/'. */
export const orgs = pgTable(
  'orgs',
  {
    id: id(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(), // province | city | county
    regionCode: text('region_code').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('orgs_path_idx').on(t.path), uniqueIndex('orgs_name_parent_idx').on(t.parentId, t.name)],
);

/** Identity: users sign in; roles decide what they may do (kernel/auth/roles.ts). */
export const users = pgTable(
  'users',
  {
    id: id(),
    orgId: orgId(),
    departmentId: uuid('department_id'),
    /** For role `unit`: the regulated unit whose archivist this is (立档单位). */
    unitId: uuid('unit_id'),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    status: text('status').notNull().default('active'), // active | disabled
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username), index('users_org_idx').on(t.orgId)],
);



/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256(token) hex
    orgId: orgId(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Settings per org (key → JSON value); defaults live in code. */
export const settings = pgTable(
  'settings',
  {
    orgId: orgId(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);

/** 全过程记录: append-only, hash-chained per org. */
export const auditEvents = pgTable(
  'audit_events',
  {
    orgId: orgId(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    index('audit_entity_idx').on(t.orgId, t.entityType, t.entityId),
  ],
);

/** Head of each org's chain, locked FOR UPDATE while appending. */
export const auditHeads = pgTable('audit_heads', {
  orgId: uuid('org_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Years whose official holiday schedule is known (seeded from chinese-days or entered by an admin). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(), // 'chinese-days' | 'admin'
  note: text('note'),
  enteredBy: uuid('entered_by'),
  enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Exceptional days: statutory holidays and adjusted working weekends (调休上班). National, not tenant-owned. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(), // 'holiday' | 'workday'
    name: text('name').notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);

/** A statutory clock attached to any record; the dashboard reads these. */
export const clocks = pgTable(
  'clocks',
  {
    id: id(),
    orgId: orgId(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    spec: jsonb('spec').notNull(),
    assigneeId: uuid('assignee_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('clocks_org_open_idx').on(t.orgId, t.closedAt), uniqueIndex('clocks_entity_kind_idx').on(t.orgId, t.entityType, t.entityId, t.kind)],
);

/** Two-step spreadsheet imports: parsed and validated, then confirmed by the user. */
export const importBatches = pgTable('import_batches', {
  id: id(),
  orgId: orgId(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  createdBy: uuid('created_by').notNull(),
  status: text('status').notNull().default('pending'), // pending | confirmed
  validRows: jsonb('valid_rows').notNull(),
  errors: jsonb('errors').notNull(),
  totalRows: integer('total_rows').notNull(),
  createdAt: createdAt(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
});

