/** 联系电话 in forms: the server's rule (orgs contracts), checked in the browser before sending. */
import type { Rule } from 'antd/es/form';
import { TELEPHONE_HINT, TELEPHONE_RE } from '@server/modules/orgs/contracts';

export const TELEPHONE_PLACEHOLDER = '如 0931-8812345 或 13912345678';

export const telephoneRules: Rule[] = [
  {
    validator: (_, v: unknown) =>
      v === undefined || v === null || String(v).trim() === '' || TELEPHONE_RE.test(String(v).trim())
        ? Promise.resolve()
        : Promise.reject(new Error(`联系电话${TELEPHONE_HINT}`)),
  },
];

/** What the form holds for the API: null for an empty field. */
export const telephoneValue = (v: string | null | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);
