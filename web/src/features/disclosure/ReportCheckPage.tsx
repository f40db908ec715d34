/**
 * 外部报表校验: check a published annual-report table (upload the .xlsx) — blank cells,
 * failing consistency checks with the cells named, and whether the template fits the report year.
 */
import { useState } from 'react';
import { Alert, Card, Col, Form, InputNumber, Result, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { TEMPLATE_NAMES, type CellRef, type ExternalCheckResult, type TemplateId } from '@server/modules/disclosure/annual-report/contracts';
import { TEMPLATE_IDS } from '@server/modules/disclosure/annual-report/labels';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { useCheckExternalTable } from './queries';
import { FailureList } from './ReportTables';

export function ReportCheckPage() {
  const [year, setYear] = useState<number | null>(2020);
  const [templateId, setTemplateId] = useState<TemplateId | undefined>();
  const check = useCheckExternalTable();
  const busy = check.isPending;
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ExternalCheckResult | null>(null);

  const run = async (input: Parameters<typeof check.mutateAsync>[0]) => {
    setError(null);
    setResult(null);
    try {
      setResult(await check.mutateAsync(input));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const other = result ? [...result.section3.failures, ...result.section4.failures].filter((f) => f.rule !== 'blank') : [];

  return (
    <>
      <PageHeader title="外部报表校验" description="校验已公布的政府信息公开工作年度报告表格：是否有空格、勾稽关系是否成立、所用格式与报告年度是否相符。" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title="待校验的表格">
            <>
              <Form layout="vertical">
                <Row gutter={12}>
                  <Col span={10}>
                    <Form.Item label="报告年度" required>
                      <InputNumber
                        min={2019}
                        max={2100}
                        precision={0}
                        value={year}
                        onChange={(v) => setYear(v)}
                        style={{ width: '100%' }}
                        aria-label="报告年度"
                      />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item label="报告格式" extra="留空则由表格内容自动识别">
                      <Select
                        allowClear
                        value={templateId}
                        onChange={setTemplateId}
                        options={TEMPLATE_IDS.map((v) => ({ value: v, label: TEMPLATE_NAMES[v] }))}
                        popupMatchSelectWidth={false}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Form>
              <Upload.Dragger
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                multiple={false}
                showUploadList={false}
                disabled={busy || !year}
                beforeUpload={(file) => {
                  if (!/\.xlsx$/i.test(file.name)) setError('请上传 .xlsx 格式的 Excel 文件');
                  else if (year) void run({ file, year, ...(templateId ? { templateId } : {}) });
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{busy ? '正在校验…' : '点击或将年度报告表格 .xlsx 拖到此处'}</p>
                <p className="ant-upload-hint">按行标题识别第三部分各行，第四部分读取十五个数</p>
              </Upload.Dragger>
            </>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title="校验结果" data-testid="check-result">
            {error && <Alert type="error" showIcon title={error} />}
            {!error && !result && <Typography.Text type="secondary">上传或粘贴表格后显示结果。</Typography.Text>}
            {result && (
              <Space orientation="vertical" style={{ width: '100%' }} size={12}>
                <Result
                  status={result.ok ? 'success' : 'warning'}
                  title={result.ok ? '校验通过' : '校验未通过'}
                  subTitle={`${TEMPLATE_NAMES[result.templateId]}${result.read ? `；表格识别为 ${result.read.detectedTemplate} 格式` : ''}`}
                  style={{ padding: '8px 0' }}
                />
                {result.templateYear.ok ? (
                  <Alert type="success" showIcon title="格式与报告年度相符" />
                ) : (
                  <Alert type="error" showIcon title="格式与报告年度不符" description={result.templateYear.message} data-testid="template-mismatch" />
                )}
                {result.read && result.read.missingRows.length > 0 && (
                  <Alert type="error" showIcon title={`表格缺少 ${result.read.missingRows.length} 行`} description={result.read.missingRows.join('；')} />
                )}
                <div>
                  <Typography.Title level={5}>空格（{result.blankCells.length}）</Typography.Title>
                  {result.blankCells.length === 0 ? (
                    <Typography.Text type="success">没有空格</Typography.Text>
                  ) : (
                    <Table<CellRef & { i: number }>
                      size="small"
                      rowKey="i"
                      data-testid="blank-cells"
                      pagination={result.blankCells.length > 10 ? { pageSize: 10, size: 'small' } : false}
                      dataSource={result.blankCells.map((c, i) => ({ ...c, i }))}
                      columns={[
                        { title: '部分', dataIndex: 'section', width: 60 },
                        { title: '行', dataIndex: 'rowLabel' },
                        { title: '列', dataIndex: 'columnLabel', width: 120 },
                      ]}
                    />
                  )}
                </div>
                <div>
                  <Typography.Title level={5}>勾稽关系（{other.length ? `${other.length} 处不通过` : '通过'}）</Typography.Title>
                  {other.length === 0 ? <Tag color="green">通过</Tag> : <FailureList failures={other} />}
                </div>
              </Space>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
