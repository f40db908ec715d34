/**
 * 导入检查对象: download the template, upload an .xlsx, see every bad row (行号, 列, 值, 原因),
 * then import the valid rows (`POST /api/units/import/:batchId/confirm`).
 */
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { UnitImportError as ImportError, UnitImportPreview as ImportPreview } from '@server/modules/orgs/units/contracts';
import { errorMessage } from '../../api/client';
import { UNITS_URL, useConfirmImport, useUploadUnits } from './queries';
import { TemplateButton } from '../../shared/SheetImportModal';

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const uploadFile = useUploadUnits();
  const confirmImport = useConfirmImport();
  const uploading = uploadFile.isPending;
  const confirming = confirmImport.isPending;
  const [created, setCreated] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setPreview(null);
    setCreated(null);
    setError(null);
    onClose();
  };

  const upload = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      setError('请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）');
      return;
    }
    setError(null);
    try {
      setPreview(await uploadFile.mutateAsync(file));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setError(null);
    try {
      const r = await confirmImport.mutateAsync(preview.batchId);
      setCreated(r.created);
      message.success(`已导入 ${r.created} 条检查对象记录`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const step = created !== null ? 2 : preview ? 1 : 0;
  const errorRows = preview ? new Set(preview.errors.map((e) => e.row)).size : 0;

  return (
    <Modal
      open={open}
      title="导入检查对象"
      width={820}
      onCancel={close}
      destroyOnHidden
      footer={
        step === 0 ? (
          <Button onClick={close}>取消</Button>
        ) : step === 1 ? (
          <Space>
            <Button onClick={() => setPreview(null)}>重新上传</Button>
            <Button
              type="primary"
              disabled={!preview || preview.validRows === 0}
              loading={confirming}
              onClick={() => void confirm()}
              data-testid="import-confirm"
            >
              导入 {preview?.validRows ?? 0} 条有效记录
            </Button>
          </Space>
        ) : (
          <Button type="primary" onClick={close}>
            完成
          </Button>
        )
      }
    >
      <div data-testid="import-modal">
        <Steps size="small" current={step} style={{ margin: '8px 0 24px' }} items={[{ title: '上传文件' }, { title: '检查结果' }, { title: '完成导入' }]} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" />}

        {step === 0 && (
          <>
            <Alert
              type="info"
              showIcon
              title="请使用导入模板填写，每行一个单位"
              description="必填：单位名称、统一社会信用代码、单位类型；单位类型填写 机关、事业单位、国有企业、民营企业、档案服务企业、社区 或 乡镇村；风险等级填写 低风险、一般风险 或 高风险。系统会先逐行检查，确认后才写入名录。"
              style={{ marginBottom: 16 }}
              action={<TemplateButton url={`${UNITS_URL}/import-template.xlsx`} fileName="检查对象导入模板.xlsx" />}
            />
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={uploading}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{uploading ? '正在检查文件…' : '点击或将 .xlsx 文件拖到此处上传'}</p>
              <p className="ant-upload-hint">文件不超过 10 MB；上传后先检查，不会直接写入</p>
            </Upload.Dragger>
          </>
        )}

        {step === 1 && preview && (
          <>
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 16 }} data-testid="import-summary">
              <Descriptions.Item label="文件">{preview.fileName}</Descriptions.Item>
              <Descriptions.Item label="数据行">{preview.totalRows}</Descriptions.Item>
              <Descriptions.Item label="有效记录">
                <Typography.Text type="success" strong data-testid="import-valid">
                  {preview.validRows}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="有误的行">
                <Typography.Text type={errorRows ? 'danger' : undefined} strong>
                  {errorRows}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            {preview.errors.length > 0 ? (
              <>
                <Alert
                  type="warning"
                  showIcon
                  title={`有 ${errorRows} 行数据有误，不会被导入`}
                  description="可以先导入其余有效记录，再修改有误的行后重新上传；也可以修改文件后重新上传全部。"
                  style={{ marginBottom: 12 }}
                />
                <Table<ImportError & { i: number }>
                  data-testid="import-errors"
                  size="small"
                  rowKey="i"
                  dataSource={preview.errors.map((e, i) => ({ ...e, i }))}
                  pagination={preview.errors.length > 8 ? { pageSize: 8, size: 'small' } : false}
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 72 },
                    { title: '列', dataIndex: 'column', width: 160 },
                    {
                      title: '值',
                      dataIndex: 'value',
                      render: (v: unknown) =>
                        v === null || v === undefined || v === '' ? (
                          <Typography.Text type="secondary">（空）</Typography.Text>
                        ) : (
                          <span className="mono">{String(v)}</span>
                        ),
                    },
                    { title: '原因', dataIndex: 'reason', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
                  ]}
                />
              </>
            ) : (
              <Alert type="success" showIcon title={`全部 ${preview.validRows} 行检查通过`} />
            )}
          </>
        )}

        {step === 2 && (
          <div data-testid="import-done">
            <Result
              status="success"
              title={`已导入 ${created ?? 0} 条检查对象记录`}
              subTitle="导入的每条记录都已写入全过程记录，可在单位详情的“时间线”中查看。"
            />
          </div>
        )}
      </div>
    </Modal>
  );
}
