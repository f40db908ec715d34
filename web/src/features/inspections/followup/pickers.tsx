/** Pieces of the follow-up drawers: the team picker, the touch-sized option rows, field-name mapping. */
import type { CSSProperties, ReactNode } from 'react';
import { Checkbox, Empty, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { useTeamInspectors } from '../queries';

export interface DrawerProps {
  d: InspectionDetail;
  open: boolean;
  onClose: () => void;
}

/** A whole checkbox row as the touch target (tablets). */
const OPTION_ROW: CSSProperties = {
  display: 'flex',
  alignItems: 'flex-start',
  minHeight: 44,
  padding: '10px 12px',
  border: '1px solid #f0f0f0',
  borderRadius: 8,
  width: '100%',
  marginInlineStart: 0,
};
export const day = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : undefined);
export const orNull = (s: string | null | undefined) => s?.trim() || null;

/** Maps the server's per-index field names (itemIds.0, …) onto the one form field. */
export const indexed = (name: string, n: number) => Object.fromEntries(Array.from({ length: Math.max(n, 1) }, (_, i) => [`${name}.${i}`, [name]]));

export function InspectorSelect({ open, value, onChange, testId }: { open: boolean; value?: string[]; onChange?: (v: string[]) => void; testId: string }) {
  const q = useTeamInspectors(open);
  return (
    <Select
      mode="multiple"
      size="large"
      loading={q.isLoading}
      placeholder="选择执法人员"
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      data-testid={testId}
      options={(q.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.certificateNo}）`, disabled: i.certState === 'expired' }))}
    />
  );
}

export function OptionRows({
  value,
  onChange,
  options,
  testId,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  options: { value: string; code: string; label: ReactNode; disabled?: boolean }[];
  testId: string;
}) {
  if (!options.length) return <Empty description="没有可选的事项" />;
  return (
    <div data-testid={testId}>
      <Checkbox.Group value={value} onChange={(v) => onChange?.(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 8, width: '100%' }}>
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} disabled={o.disabled} style={OPTION_ROW} data-code={o.code}>
            {o.label}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  );
}
