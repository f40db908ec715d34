/**
 * The import modal speaks the users' language: a template to download, an upload, and on refusal
 * each problem by 行号 and the template's column heading (never a field key); success shows the result.
 */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { ApiError } from '../api/client';
import { SheetImportModal } from './SheetImportModal';

function renderModal(upload: (f: File) => Promise<{ created: number }>) {
  return render(
    <App>
      <SheetImportModal<{ created: number }>
        open
        onClose={() => {}}
        title="导入复议、诉讼案件"
        templateUrl="/x/import-template.xlsx"
        templateName="模板.xlsx"
        rowNoun="一件案件"
        maxRows={100}
        upload={upload}
        busy={false}
        testId="imp"
        done={(r) => <div data-testid="imp-done">已导入 {r.created} 件</div>}
      />
    </App>,
  );
}

const xlsx = (name = '登记.xlsx') => new File(['PK'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
const choose = (file: File) => fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [file] } });

describe('SheetImportModal', () => {
  it('offers the template and shows each refused row by its Chinese column', async () => {
    const upload = vi.fn(async () => {
      throw new ApiError(422, 'import.invalid_rows', '导入未执行：2 行中有 1 行有误', undefined, {
        errors: [{ row: 3, field: 'trackingCode', column: '关联申请查询码', value: 'ZZZ', reason: '本机构没有查询码为 ZZZ 的政府信息公开申请' }],
      });
    });
    renderModal(upload);
    expect(screen.getByTestId('imp-template').textContent).toContain('下载导入模板');
    choose(xlsx());
    const table = await screen.findByTestId('imp-errors');
    expect(upload).toHaveBeenCalledOnce();
    expect(within(table).getByText('关联申请查询码')).toBeTruthy();
    expect(within(table).queryByText('trackingCode')).toBeNull();
    expect(screen.getByTestId('imp-error').textContent).toContain('导入未执行');
  });

  it('refuses a file that is not .xlsx without uploading, and shows the result of a good one', async () => {
    const upload = vi.fn(async () => ({ created: 2 }));
    renderModal(upload);
    choose(xlsx('登记.csv'));
    expect((await screen.findByTestId('imp-error')).textContent).toContain('.xlsx');
    expect(upload).not.toHaveBeenCalled();
    choose(xlsx());
    await waitFor(() => expect(screen.getByTestId('imp-done').textContent).toContain('已导入 2 件'));
  });
});
