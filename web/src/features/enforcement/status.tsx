/** How a referral's and a case's status look: the server's labels (contracts/labels), the colours only the pages need. */
import { Tag } from 'antd';
import type { ReferralStatus } from '@server/modules/enforcement/contracts';
import { CASE_RESULT_LABELS, CASE_STATUS_LABELS, type CaseResult, type CaseStatus } from '@server/modules/enforcement/labels';

export { REFERRAL_STATUSES, REFERRAL_STATUS_LABELS } from '@server/modules/enforcement/labels';

export const REFERRAL_STATUS_COLORS: Record<ReferralStatus, string> = { pending: 'orange', accepted: 'green', declined: 'default' };

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  filing: 'gold',
  investigating: 'blue',
  notified: 'geekblue',
  hearing: 'purple',
  decided: 'cyan',
  served: 'orange',
  closed: 'green',
  not_filed: 'default',
};

export function CaseStatusTag({ status, label }: { status: CaseStatus; label?: string }) {
  return (
    <Tag color={CASE_STATUS_COLORS[status] ?? 'default'} data-status={status} data-testid="case-status">
      {label ?? CASE_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function CaseResultTag({ result }: { result: string | null }) {
  if (!result) return null;
  return (
    <Tag color={result === 'penalty' ? 'red' : 'default'} data-testid="case-result">
      {CASE_RESULT_LABELS[result as CaseResult] ?? result}
    </Tag>
  );
}
