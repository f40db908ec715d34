/**
 * 导入申请登记: a JSON array or an .xlsx with the columns receivedOn, channel, applicantType,
 * applicantName, content, optional decidedOn and outcome. All or nothing: any bad row refuses the
 * whole import and every problem is listed (行号, 字段, 值, 原因).
 */
import { useState } from 'react';
import { Alert, Button, Input, Modal, Result, Space, Table, Tabs, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ApplicationImportError, ApplicationImportResult } from '@server/modules/disclosure/applications/contracts';
import { ApiError, errorMessage } from '../../api/client';
import { useImportApplications } from './queries';

const SAMPLE = JSON.stringify(
  [
    {
      receivedOn: '2025-03-03',
      channel: 'online',
      applicantType: 'natural',
      applicantName: '张三',
      content: '2024年度档案执法检查结果',
      decidedOn: '2025-03-20',
      outcome: 'disclosed',
    },
    { receivedOn: '2025-03-05', channel: 'letter', applicantType: 'business', applicantName: '某某公司', content: '某项目档案验收意见' },
  ],
  null,
  2,
);

export function ImportApplicationsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importing = useImportApplications();
  const busy = importing.isPending;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<ApplicationImportError[]>([]);
  const [done, setDone] = useState<ApplicationImportResult | null>(null);

  const reset = () => {
    setError(null);
    setRowErrors([]);
    setDone(null);
  };
  const close = () => {
    reset();
    setText('');
    onClose();
  };

  const run = async (input: Parameters<typeof importing.mutateAsync>[0]) => {
    reset();
    try {
      setDone(await importing.mutateAsync(input));
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError) {
        const d = e.details as { errors?: ApplicationImportError[] } | undefined;
        setRowErrors(d?.errors ?? []);
      }
    }
  };

  const sendJson = () => {
    let rows: unknown[];
    try {
      rows = JSON.parse(text) as unknown[];
    } catch (e) {
      setError(`不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    void run({ rows });
  };

  return (
    <Modal open={open} title="导入申请登记" width={860} onCancel={close} destroyOnHidden footer={<Button onClick={close}>{done ? '完成' : '关闭'}</Button>}>
      <div data-testid="application-import">
        {done ? (
          <Result
            status="success"
            title={`已导入 ${done.created} 件申请`}
            subTitle={`其中已答复 ${done.decided} 件，办理中 ${done.open} 件（办理中的已按收到日期计算答复期限）。`}
            data-testid="application-import-done"
          />
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="全部成功或全部不写入：任何一行有误，整批都不会导入"
              description={
                <span>
                  列：<span className="mono">receivedOn</span>（收到申请日期）、<span className="mono">channel</span>（online/letter/in_person/fax_email）、
                  <span className="mono">applicantType</span>（natural/business/research/public_interest/legal_service/other）、
                  <span className="mono">applicantName</span>、<span className="mono">content</span>，可选 <span className="mono">decidedOn</span>、
                  <span className="mono">outcome</span>（办理结果代码或名称，如“信息不存在”“非本机关负责公开”）；不属于本机关负责公开的，可填{' '}
                  <span className="mono">holderAgency</span>（负责公开的行政机关）、<span className="mono">holderContact</span>（其联系方式）。Excel
                  表头可用中文：收到申请日期、申请渠道、申请人类型、申请人、申请内容、答复日期、办理结果、负责公开的行政机关、负责公开的行政机关联系方式。
                </span>
              }
            />
            <Tabs
              items={[
                {
                  key: 'xlsx',
                  label: '上传 Excel',
                  children: (
                    <Upload.Dragger
                      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                      multiple={false}
                      showUploadList={false}
                      disabled={busy}
                      beforeUpload={(file) => {
                        if (!/\.xlsx$/i.test(file.name)) setError('请上传 .xlsx 格式的 Excel 文件');
                        else void run({ file });
                        return false;
                      }}
                    >
                      <p className="ant-upload-drag-icon">
                        <InboxOutlined />
                      </p>
                      <p className="ant-upload-text">{busy ? '正在导入…' : '点击或将 .xlsx 文件拖到此处'}</p>
                      <p className="ant-upload-hint">第一行为表头，每行一件申请，最多 20000 行</p>
                    </Upload.Dragger>
                  ),
                },
                {
                  key: 'json',
                  label: '粘贴 JSON',
                  children: (
                    <>
                      <Input.TextArea
                        rows={10}
                        value={text}
                        onChange={(e) => setText(e.target.value)}
                        className="mono"
                        placeholder='[{ "receivedOn": "2025-03-03", … }]'
                      />
                      <Space style={{ marginTop: 8 }}>
                        <Button type="primary" loading={busy} disabled={!text.trim()} onClick={sendJson}>
                          导入
                        </Button>
                        <Button type="link" onClick={() => setText(SAMPLE)}>
                          填入示例
                        </Button>
                      </Space>
                    </>
                  ),
                },
              ]}
            />
          </>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="application-import-error" />}
        {rowErrors.length > 0 && (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 6px' }}>
              共 {new Set(rowErrors.map((e) => e.row)).size} 行、{rowErrors.length} 处有误，未写入任何数据：
            </Typography.Paragraph>
            <Table<ApplicationImportError & { i: number }>
              size="small"
              rowKey="i"
              data-testid="application-import-errors"
              dataSource={rowErrors.map((e, i) => ({ ...e, i }))}
              pagination={rowErrors.length > 8 ? { pageSize: 8, size: 'small' } : false}
              columns={[
                { title: '行号', dataIndex: 'row', width: 72 },
                { title: '字段', dataIndex: 'field', width: 140, render: (v: string) => <span className="mono">{v}</span> },
                {
                  title: '值',
                  dataIndex: 'value',
                  render: (v: unknown) =>
                    v === null || v === undefined || v === '' ? (
                      <Typography.Text type="secondary">（空）</Typography.Text>
                    ) : (
                      <span className="mono">{typeof v === 'object' ? JSON.stringify(v) : String(v)}</span>
                    ),
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
