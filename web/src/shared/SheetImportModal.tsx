/**
 * An all-or-nothing register import in the users' language: download the .xlsx template (Chinese
 * headings, 可选值, 填写说明), fill it, upload it; either every row goes in, or nothing does and each
 * problem is listed by 行号, 列 (the template's heading), 值 and 原因.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { ApiError, download, errorMessage } from '../api/client';

export interface SheetImportError {
  row: number;
  field: string;
  column?: string;
  value: unknown;
  reason: string;
}

interface Props<R> {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The template's URL and the name it is saved under. */
  templateUrl: string;
  templateName: string;
  /** What one row is, for the hint (e.g. 一件申请). */
  rowNoun: string;
  maxRows: number;
  upload: (file: File) => Promise<R>;
  busy: boolean;
  /** The success view. */
  done: (result: R) => ReactNode;
  testId: string;
}

/** 下载导入模板: saves the register's .xlsx template. */
export function TemplateButton({ url, fileName, testId }: { url: string; fileName: string; testId?: string }) {
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      data-testid={testId}
      onClick={() => download(url, undefined, fileName).catch((e: unknown) => message.error(errorMessage(e)))}
    >
      下载导入模板
    </Button>
  );
}

const shown = (v: unknown) => (Array.isArray(v) ? v.join('、') : typeof v === 'object' && v !== null ? '（多项）' : String(v));

export function SheetImportModal<R>({ open, onClose, title, templateUrl, templateName, rowNoun, maxRows, upload, busy, done, testId }: Props<R>) {
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<SheetImportError[]>([]);
  const [result, setResult] = useState<R | null>(null);

  const reset = () => {
    setError(null);
    setRowErrors([]);
    setResult(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const run = async (file: File) => {
    reset();
    if (!/\.xlsx$/i.test(file.name)) {
      setError('请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）');
      return;
    }
    try {
      setResult(await upload(file));
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError) setRowErrors((e.details as { errors?: SheetImportError[] } | undefined)?.errors ?? []);
    }
  };

  return (
    <Modal open={open} title={title} width={860} onCancel={close} destroyOnHidden footer={<Button onClick={close}>{result ? '完成' : '关闭'}</Button>}>
      <div data-testid={testId}>
        {result ? (
          done(result)
        ) : (
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <Alert
              type="info"
              showIcon
              title="全部成功或全部不写入：任何一行有误，整批都不会导入"
              description={
                <span>
                  请先下载导入模板，按“填写说明”逐列填写（下拉选项见“可选值”表），每行{rowNoun}，最多 {maxRows} 行；以“（示例）”开头的行不会导入。
                </span>
              }
            />
            <TemplateButton url={templateUrl} fileName={templateName} testId={`${testId}-template`} />
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(file) => {
                void run(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{busy ? '正在导入…' : '点击或将填好的 .xlsx 文件拖到此处'}</p>
            </Upload.Dragger>
          </Space>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid={`${testId}-error`} />}
        {rowErrors.length > 0 && (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 6px' }}>
              共 {new Set(rowErrors.map((e) => e.row)).size} 行、{rowErrors.length} 处有误，未写入任何数据：
            </Typography.Paragraph>
            <Table<SheetImportError & { i: number }>
              size="small"
              rowKey="i"
              data-testid={`${testId}-errors`}
              dataSource={rowErrors.map((e, i) => ({ ...e, i }))}
              pagination={rowErrors.length > 8 ? { pageSize: 8, size: 'small' } : false}
              columns={[
                { title: '行号', dataIndex: 'row', width: 72 },
                { title: '列', dataIndex: 'column', width: 160, render: (v: string | undefined) => v ?? '整行' },
                {
                  title: '值',
                  dataIndex: 'value',
                  render: (v: unknown) => (v === null || v === undefined || v === '' ? <Typography.Text type="secondary">（空）</Typography.Text> : shown(v)),
                },
                { title: '原因', dataIndex: 'reason', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
              ]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
