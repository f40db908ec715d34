/**
 * A server-paginated list: antd Table whose pagination, sorting, filters and search are passed to
 * the API as query parameters (`page`, `pageSize`, `sort`, `order`, `q`, and each filter's key).
 *
 * Columns sort on the server when they have `sorter: true` and a `key` equal to the API's sort name;
 * columns with `filters` filter on the server by their `key`. Toolbar filters use the same keys.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, type TableProps } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, errorMessage } from '../api/client';
import type { Page } from '../api/types';
import { OrgSelect } from './OrgSelect';

export type ListParams = {
  page: number;
  pageSize: number;
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
} & Record<string, string | number | undefined>;

export interface ToolbarFilter {
  key: string;
  placeholder: string;
  options: { value: string; label: string }[];
  width?: number;
}

export interface ListPageProps<T> {
  /** API path, also the query key prefix (invalidate `[url]` to reload). */
  url: string;
  columns: ColumnsType<T>;
  rowKey?: keyof T & string;
  searchPlaceholder?: string;
  filters?: ToolbarFilter[];
  /** Show an org picker (本机构及下级) when the user's org has subordinates. */
  orgFilter?: boolean;
  defaultSort?: { sort: string; order: 'asc' | 'desc' };
  defaultPageSize?: number;
  /** Buttons on the right of the toolbar; receives the current filters (for export). */
  actions?: (params: ListParams) => ReactNode;
  tableProps?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'pagination' | 'onChange' | 'loading' | 'rowKey'>;
  /** data-testid of the table, for browser tests */
  testId?: string;
  /** Hide the keyword search (for lists whose API has no `q`). */
  noSearch?: boolean;
}

export function ListPage<T extends object>(props: ListPageProps<T>) {
  const { url, columns, rowKey = 'id' as keyof T & string, searchPlaceholder = '输入关键字搜索', filters = [], defaultSort, defaultPageSize = 20 } = props;
  const [params, setParams] = useState<ListParams>({ page: 1, pageSize: defaultPageSize, sort: defaultSort?.sort, order: defaultSort?.order });
  const [search, setSearch] = useState('');

  const query = useQuery({
    queryKey: [url, params],
    queryFn: ({ signal }) => api.get<Page<T>>(url, params, { signal }),
    placeholderData: keepPreviousData,
  });

  const set = (patch: Partial<ListParams>) => setParams((p) => ({ ...p, page: 1, ...patch }) as ListParams);

  // Controlled sort and filter state on the columns.
  const cols = useMemo(
    () =>
      columns.map((c) => {
        const key = String(c.key ?? '');
        const out = { ...c };
        if (c.sorter) out.sortOrder = params.sort === key ? (params.order === 'desc' ? 'descend' : 'ascend') : null;
        if (c.filters) {
          const v = params[key];
          out.filteredValue = v === undefined ? null : [String(v)];
          out.filterMultiple = false;
        }
        return out;
      }),
    [columns, params],
  );

  const onChange: TableProps<T>['onChange'] = (pagination, tableFilters, sorter, extra) => {
    if (extra.action === 'paginate') {
      setParams((p) => ({ ...p, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? p.pageSize }));
      return;
    }
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
      const key = s?.columnKey !== undefined ? String(s.columnKey) : undefined;
      set({ sort: s?.order ? key : defaultSort?.sort, order: s?.order ? (s.order === 'descend' ? 'desc' : 'asc') : defaultSort?.order });
      return;
    }
    if (extra.action === 'filter') {
      const patch: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(tableFilters)) patch[k] = v && v.length ? String(v[0]) : undefined;
      set(patch);
    }
  };

  const hasFilters =
    !!params.q ||
    filters.some((f) => params[f.key] !== undefined) ||
    params.orgId !== undefined ||
    Object.keys(params).some((k) => cols.some((c) => c.filters && String(c.key) === k && params[k] !== undefined));

  return (
    <Card variant="borderless">
      <div className="list-toolbar">
        <div className="filters">
          {props.orgFilter && <OrgSelect value={params.orgId as string | undefined} onChange={(orgId) => set({ orgId })} />}
          {!props.noSearch && (
            <Input.Search
              allowClear
              placeholder={searchPlaceholder}
              style={{ width: 260 }}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                if (!e.target.value && params.q) set({ q: undefined });
              }}
              onSearch={(v) => set({ q: v.trim() || undefined })}
              enterButton
              aria-label="搜索"
            />
          )}
          {filters.map((f) => (
            <Select
              key={f.key}
              allowClear
              placeholder={f.placeholder}
              style={{ width: f.width ?? 140 }}
              options={f.options}
              value={(params[f.key] as string | undefined) ?? null}
              onChange={(v: string | null | undefined) => set({ [f.key]: v ?? undefined })}
              aria-label={f.placeholder}
            />
          ))}
          {hasFilters && (
            <Button
              type="link"
              onClick={() => {
                setSearch('');
                setParams({ page: 1, pageSize: params.pageSize, sort: defaultSort?.sort, order: defaultSort?.order });
              }}
            >
              清除条件
            </Button>
          )}
        </div>
        <Space wrap>
          {props.actions?.(params)}
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label="刷新" title="刷新" />
        </Space>
      </div>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          title="列表加载失败"
          description={errorMessage(query.error)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              重试
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<T>
        data-testid={props.testId}
        rowKey={rowKey}
        size="middle"
        columns={cols}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showQuickJumper: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 条`,
        }}
        {...props.tableProps}
      />
    </Card>
  );
}
