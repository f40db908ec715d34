/**
 * 导入检查对象 is the shared template import: the template to download, the filled .xlsx uploaded to
 * `POST /api/units/import`; a refusal lists each problem by 行号 and the template's heading (never a
 * field key), nothing to confirm; success says how many units went in.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { ImportModal } from './ImportModal';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refusal = {
  error: {
    code: 'import.invalid_rows',
    message: '导入未执行：2 行中有 1 行有误（第 3 行“统一社会信用代码”：校验位错误：第 18 位应为“B”），请修改后重新导入，未写入任何数据',
    details: {
      errors: [{ row: 3, field: 'creditCode', column: '统一社会信用代码', value: '1211010000005CWG7C', reason: '校验位错误：第 18 位应为“B”' }],
    },
  },
};

let answer: Response;
const fetchMock = vi.fn(async (url: string) => (url === '/api/auth/csrf' ? json({ token: 't' }) : answer));

function renderModal() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <App>
        <ImportModal open onClose={() => {}} />
      </App>
    </QueryClientProvider>,
  );
}
const choose = () =>
  fireEvent.change(document.querySelector('input[type=file]')!, {
    target: { files: [new File(['PK'], '名录.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })] },
  });

describe('units ImportModal', () => {
  beforeEach(() => vi.stubGlobal('fetch', fetchMock));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockClear();
  });

  it('uploads the filled template and lists a refusal by row and Chinese column, with nothing to confirm', async () => {
    answer = json(refusal, 422);
    renderModal();
    expect(screen.getByTestId('unit-import-template').textContent).toContain('下载导入模板');
    expect(screen.getByTestId('unit-import').textContent).not.toMatch(/JSON|creditCode|riskTier/);
    choose();
    const table = await screen.findByTestId('unit-import-errors');
    expect(fetchMock).toHaveBeenCalledWith('/api/units/import', expect.objectContaining({ method: 'POST' }));
    expect(within(table).getByText('统一社会信用代码')).toBeTruthy();
    expect(within(table).queryByText('creditCode')).toBeNull();
    expect(screen.getByTestId('unit-import-error').textContent).toContain('第 3 行“统一社会信用代码”');
    expect(screen.queryByRole('button', { name: /确认|有效记录/ })).toBeNull();
  });

  it('shows how many units went in', async () => {
    answer = json({ created: 3 });
    renderModal();
    choose();
    await waitFor(() => expect(screen.getByTestId('unit-import-done').textContent).toContain('已导入 3 个检查对象'));
  });
});
