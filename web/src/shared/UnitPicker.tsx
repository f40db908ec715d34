/** Select of a regulated unit (检查对象), searching `GET /api/units?q=` as the user types. */
import { useState } from 'react';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { UnitView as Unit } from '@server/modules/orgs/units/contracts';
import { api } from '../api/client';
import type { Page } from '../api/types';

export function UnitPicker({
  value,
  onChange,
  initialLabel,
  placeholder = '输入单位名称或信用代码搜索',
  id,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  initialLabel?: string | null;
  placeholder?: string;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const [timer, setTimer] = useState<ReturnType<typeof setTimeout> | null>(null);
  const list = useQuery({
    queryKey: ['/api/units', 'picker', term],
    queryFn: () => api.get<Page<Unit>>('/api/units', { q: term || undefined, pageSize: 20, page: 1, status: 'active' }),
    staleTime: 30_000,
  });
  const options = (list.data?.items ?? []).map((u) => ({ value: u.id, label: u.name, desc: u.creditCode }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel, desc: '' });
  return (
    <Select
      id={id}
      showSearch={{
        filterOption: false,
        searchValue: q,
        onSearch: (v: string) => {
          setQ(v);
          if (timer) clearTimeout(timer);
          setTimer(setTimeout(() => setTerm(v.trim()), 300));
        },
      }}
      allowClear
      value={value ?? null}
      placeholder={placeholder}
      onChange={(v: string | null | undefined) => onChange?.(v ?? null)}
      notFoundContent={list.isFetching ? <Spin size="small" /> : '没有匹配的单位'}
      options={options}
      optionRender={(o) => (
        <div>
          <div>{o.data.label}</div>
          {o.data.desc && <div style={{ fontSize: 12, color: 'rgba(0,0,0,.45)' }}>{o.data.desc}</div>}
        </div>
      )}
    />
  );
}
