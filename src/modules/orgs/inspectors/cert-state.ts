/** The state of an inspector's certificate (执法证) on a day: a pure rule, shared by the list, its filter and the dashboard's wording. */
import { addDays } from '../../../kernel/calendar/index.js';
import type { CertState } from '../labels.js';

/**
 * A certificate is valid through its expiry date: expired once that date has passed, expiring when
 * it falls within `warnDays` from today (inclusive), valid otherwise.
 */
export function certStateOf(certExpiresOn: string, today: string, warnDays: number): CertState {
  if (certExpiresOn < today) return 'expired';
  if (certExpiresOn <= addDays(today, warnDays)) return 'expiring';
  return 'valid';
}
