/** Small pieces the licensing pages share: the status and result tags (the server's labels, the web's colours), dates. */
import { Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  APPLICATION_STATUS_LABELS,
  ITEM_STATUS_LABELS,
  RESULT_LABELS,
  type ApplicationStatus,
  type ItemStatus,
  type Result,
} from '@server/modules/licensing/labels';

export const day = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** A file as base64 (without the data-URL prefix), for the portal's uploads. */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error(`无法读取“${file.name}”`));
    r.readAsDataURL(file);
  });
}

/** The largest file the portal takes (the server refuses larger ones too). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** A date picker's `disabledDate` for things that happened: nothing after today. */
export const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

const STATUS_COLORS: Record<ApplicationStatus, string> = {
  submitted: 'blue',
  correcting: 'orange',
  reviewing: 'geekblue',
  decided: 'cyan',
  published: 'green',
  withdrawn: 'default',
};

export function LicensingStatusTag({ status, label }: { status: ApplicationStatus; label?: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status} data-testid="licensing-status">
      {label ?? APPLICATION_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function ResultTag({ result }: { result: Result | null }) {
  if (!result) return null;
  return (
    <Tag color={result === 'granted' ? 'green' : 'red'} data-testid="licensing-result">
      {RESULT_LABELS[result]}
    </Tag>
  );
}

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  return (
    <Tag color={status === 'active' ? 'green' : 'default'} data-testid="item-status">
      {ITEM_STATUS_LABELS[status]}
    </Tag>
  );
}
