/**
 * Contracts of the inspector directory (执法人员名录库): certificates and conflicts of interest (回避).
 * Zod and labels only: the web imports this very file.
 */
import { z } from 'zod';
import { paged, Timestamp } from '../../../kernel/http/responses.js';
import { CERT_STATES, INSPECTOR_STATUSES } from '../labels.js';
import { ListQuery, requiredText } from '../contracts.js';

// ---- requests ----

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
export const InspectorInput = z.object({
  name: requiredText('姓名', 40),
  certificateNo: z.string().trim().min(4, '请填写执法证号').max(40),
  certIssuedOn: isoDate,
  certExpiresOn: isoDate,
  userId: z.uuid().nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
});
export type InspectorInput = z.infer<typeof InspectorInput>;
export const InspectorPatch = InspectorInput.partial().extend({ status: z.enum(INSPECTOR_STATUSES).optional() });
export type InspectorPatch = z.infer<typeof InspectorPatch>;

export const INSPECTOR_SORTS = ['name', 'certificateNo', 'certIssuedOn', 'certExpiresOn', 'createdAt', 'updatedAt'] as const;
export const InspectorListQuery = ListQuery.extend({
  certState: z.enum(CERT_STATES).optional(),
  status: z.enum(INSPECTOR_STATUSES).optional(),
});
export type InspectorListQuery = z.infer<typeof InspectorListQuery>;

export const ConflictInput = z.object({ unitId: z.uuid('请选择单位'), reason: requiredText('回避事由', 200) });
export type ConflictInput = z.infer<typeof ConflictInput>;
export const ConflictParams = z.object({ id: z.uuid('ID 格式不正确'), conflictId: z.uuid('ID 格式不正确') });

// ---- responses ----

export const InspectorView = z.object({
  id: z.string(),
  orgId: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  name: z.string(),
  certificateNo: z.string(),
  certIssuedOn: z.string(),
  certExpiresOn: z.string(),
  certState: z.enum(CERT_STATES),
  certStateLabel: z.string(),
  status: z.enum(INSPECTOR_STATUSES),
  statusLabel: z.string(),
  conflictCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type InspectorView = z.infer<typeof InspectorView>;
export const InspectorsPage = paged(InspectorView);

/** 回避: the inspector must not inspect this unit. */
export const InspectorConflictView = z.object({
  id: z.string(),
  inspectorId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitCreditCode: z.string(),
  reason: z.string(),
  createdAt: Timestamp,
});
export type InspectorConflictView = z.infer<typeof InspectorConflictView>;
export const InspectorDetail = InspectorView.extend({ conflicts: z.array(InspectorConflictView) });
export type InspectorDetail = z.infer<typeof InspectorDetail>;
