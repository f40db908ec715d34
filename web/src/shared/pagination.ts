/** One way for a table to page through the server: the page asked for, the total the server counted. */
import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';

export interface PageState {
  current: number;
  pageSize: number;
}

/** The page state of a server-paged table (a new page size goes back to page 1), and its Ant Design pagination. */
export function useServerPaging(initialPageSize = 20) {
  const [page, setPage] = useState<PageState>({ current: 1, pageSize: initialPageSize });
  const pagination = (total: number | undefined, unit = '条'): TablePaginationConfig => ({
    current: page.current,
    pageSize: page.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (t) => `共 ${t} ${unit}`,
    hideOnSinglePage: true,
    onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
  });
  return { page, setPage, pagination };
}
