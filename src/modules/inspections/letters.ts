/**
 * The letters of the inspections module and how each is laid out (GB/T 9704-2012), in one place. Each
 * carries the 附注 naming its 经办人 (the user who issued it) and a telephone (orgs' `issuingContact`).
 */
import type { LetterLayout } from '../../kernel/documents/index.js';

export const INSPECTION_LETTERS = {
  /** 检查通知书: to the inspected unit, which is not under the bureau: 信函格式 (§10.1), numbered, sealed. */
  notice: { format: 'letter', sealed: true },
  /** 反馈意见书: to the inspected unit, with its rectification items: 信函格式, numbered, sealed. */
  feedback: { format: 'letter', sealed: true },
  /**
   * 约谈记录: a record signed by both sides, kept in the file and handed to the unit; not a 函 and not
   * a 纪要 (纪要 bear no seal, the unit's copy needs one): 文件格式 with the bureau's name, no 发文字号, sealed.
   */
  interview: { format: 'document', sealed: true },
} as const satisfies Record<string, LetterLayout>;
