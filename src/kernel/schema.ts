/**
 * Kernel tables: sessions, settings, the whole-process record (audit), the working-day calendar,
 * clocks and import batches. Business tables live in each module's schema.ts.
 */

import { bigint, boolean, bigserial, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
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
    /** 联系电话 (fixed line with area code, or mobile): printed in the 附注 of the letters the user issues. */
    telephone: text('telephone'),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    status: text('status').notNull().default('active'), // active | disabled
    /** The end of the account's latest sign-in lock, for one address or all unknown ones (kernel/auth/throttle.ts; shown to admins). */
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

/**
 * Sign-in failures and back-off locks (kernel/auth/throttle.ts), keyed by what was typed, so an
 * unknown username is counted exactly like an account: scope `account` (username, address ''),
 * `address` (username '', address) and `pair` (both; `last_success_at` marks an address the
 * account signs in from). Not tenant-owned: nobody is signed in yet.
 */
export const signInLimits = pgTable(
  'sign_in_limits',
  {
    scope: text('scope').notNull(), // account | address | pair
    username: text('username').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    firstFailureAt: timestamp('first_failure_at', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    /** Locks in a row (the back-off level). */
    locks: integer('locks').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.username, t.address] })],
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
  (t) => [primaryKey({ columns: [t.orgId, t.seq] }), index('audit_entity_idx').on(t.orgId, t.entityType, t.entityId)],
);

/** Head of each org's chain, locked FOR UPDATE while appending. */
export const auditHeads = pgTable('audit_heads', {
  orgId: uuid('org_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Signed checkpoints of each chain (kernel/audit/checkpoints.ts): (org, seq, hash, at) under an
 * HMAC-SHA256 whose key is kept outside the database. Append-only, like the events.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id').notNull(),
    /** The Beijing date it was made: the daily job writes at most one per org and day. */
    day: date('day').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
    madeBy: text('made_by').notNull(),
  },
  (t) => [uniqueIndex('audit_checkpoints_org_seq_uq').on(t.orgId, t.seq), index('audit_checkpoints_org_day_idx').on(t.orgId, t.day)],
);

/** Writes refused because an org's chain was tampered with (its head deleted): kept outside the refused transaction. Append-only. */
export const auditAlerts = pgTable(
  'audit_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    actorName: text('actor_name'),
    action: text('action'),
  },
  (t) => [index('audit_alerts_org_at_idx').on(t.orgId, t.at)],
);

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
    // The spec's computed snapshot (calendar/clock.ts ClockSnapshot), so the dashboard filters, sorts,
    // counts and pages open clocks in SQL; written with the spec (calendar/clocks.ts), rewritten when a
    // year's schedule is entered, and recomputed on read while `due_stored` is false or `due_stale_from`
    // has come (rows written by SQL alone, an exclusion that begins later).
    due: date('due', { mode: 'string' }),
    dueSoonFrom: date('due_soon_from', { mode: 'string' }),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    duePaused: boolean('due_paused').notNull().default(false),
    dueSettled: text('due_settled'),
    dueStaleFrom: date('due_stale_from', { mode: 'string' }),
    dueStored: boolean('due_stored').notNull().default(false),
  },
  (t) => [
    index('clocks_org_open_idx').on(t.orgId, t.closedAt),
    uniqueIndex('clocks_entity_kind_idx').on(t.orgId, t.entityType, t.entityId, t.kind),
    // the open clocks of an org in the dashboard's order
    index('clocks_org_open_due_idx')
      .on(t.orgId, t.due)
      .where(sql`${t.closedAt} IS NULL`),
    // the open clocks whose snapshot is to be (re)computed on read
    index('clocks_org_unstored_idx')
      .on(t.orgId)
      .where(sql`${t.closedAt} IS NULL AND (NOT ${t.dueStored} OR ${t.dueStaleFrom} IS NOT NULL)`),
  ],
);

/**
 * Yearly numbers per org and series: 发文字号 (机关代字〔2026〕N号, series `inspection.doc`,
 * `disclosure.doc` …) and record codes (J-2026-001: `inspection.code`). One row-locked upsert a number.
 */
export const docSequences = pgTable(
  'doc_sequences',
  {
    orgId: orgId(),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.series, t.year] })],
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
