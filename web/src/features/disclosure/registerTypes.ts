/** Shapes of /api/disclosure/register* (主动公开目录; server: src/modules/disclosure/register.service.ts). */
import type { DueState } from '../../api/types';

export type RegisterEntryKind = 'document' | 'item' | 'decision';
export const REGISTER_ENTRY_KIND_LABELS: Record<RegisterEntryKind, string> = { document: '文件、信息', item: '事项、项目', decision: '处理决定、收费或采购记录' };

/** GET /api/disclosure/register/categories — 条例第二十条 categories. */
export interface RegisterCategory {
  key: string;
  /** 第二十条第（一）项 */
  item: string;
  label: string;
  kinds: RegisterEntryKind[];
  /** Decisions of this category carry an amount (元). */
  amount: boolean;
  reportRow: string | null;
}

export interface RegisterEntry {
  id: string;
  orgId: string;
  category: string;
  categoryLabel: string;
  item: string | null;
  entryKind: RegisterEntryKind;
  entryKindLabel: string;
  title: string;
  docNumber: string | null;
  link: string | null;
  madeOn: string;
  publishedOn: string | null;
  abolishedOn: string | null;
  amount: number | null;
  note: string | null;
  /** 20-working-day clock from madeOn (条例第二十六条); null when the year's calendar is not entered. */
  clock: { due: string | null; state: DueState; daysLeft: number | null; explanation: string[] } | null;
}

