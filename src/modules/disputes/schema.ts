/**
 * 复议、诉讼 (SPEC module 8): administrative reconsideration and litigation where the bureau is the
 * respondent. So far the fields section 四 of the disclosure annual report needs; later work adds
 * petitions, deadlines and documents.
 */
import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from '../../kernel/db/columns.js';

export const disputes = pgTable(
  'disputes',
  {
    id: id(),
    orgId: orgId(),
    kind: text('kind').notNull(), // reconsideration | litigation_direct | litigation_after_reconsideration
    caseNo: text('case_no'), // 案号
    subject: text('subject'), // 案由 / 申请人
    filedOn: date('filed_on', { mode: 'string' }).notNull(), // 立案（受理）日期
    outcome: text('outcome').notNull().default('pending'), // upheld | corrected | other | pending
    closedOn: date('closed_on', { mode: 'string' }),
    /** The disclosure application the case is about, if any (same org). */
    applicationId: uuid('application_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('disputes_org_filed_idx').on(t.orgId, t.filedOn), index('disputes_org_application_idx').on(t.orgId, t.applicationId)],
);
