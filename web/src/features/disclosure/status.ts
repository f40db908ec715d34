/** UI-only colours of the disclosure pages (the labels come from the server's labels). */
import type { ApplicationStatus } from '@server/modules/disclosure/labels';
import type { DisputeOutcome } from '@server/modules/disputes/labels';

export const APPLICATION_STATUS_COLORS: Record<ApplicationStatus, string> = {
  processing: 'blue',
  awaiting_correction: 'orange',
  consulting: 'purple',
  decided: 'green',
};

export const DISPUTE_OUTCOME_COLORS: Record<DisputeOutcome, string> = { upheld: 'green', corrected: 'red', other: 'default', pending: 'blue' };
