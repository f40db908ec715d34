/** 期限计算: a due date from a start day and a period, with every counted and skipped day explained. */
import { Alert, Button, Card, Collapse, DatePicker, Form, InputNumber, Radio, Space, Table, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client';
import { ProvisionalTag } from '../../shared/DueDate';
import { fmtLongDate } from '../../shared/format';
import { useDueCalculation } from './queries';

type Input = { from: Dayjs; days: number; unit: 'working' | 'calendar' };

export function DueCalculator() {
  const [form] = Form.useForm<Input>();
  const calc = useDueCalculation();
  const r = calc.data;
  return (
    <Card
      variant="borderless"
      title={
        <Space>
          <CalculatorOutlined />
          期限计算
        </Space>
      }
      data-testid="due-calculator"
    >
      <Form
        form={form}
        layout="inline"
        initialValues={{ from: dayjs(), days: 20, unit: 'working' }}
        onFinish={(v) => calc.mutate({ from: v.from.format('YYYY-MM-DD'), days: v.days, unit: v.unit })}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="from" label="起算日" rules={[{ required: true, message: '请选择起算日' }]}>
          <DatePicker allowClear={false} style={{ width: 150 }} data-testid="due-from" />
        </Form.Item>
        <Form.Item name="days" label="期限" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={1} max={366} precision={0} style={{ width: 90 }} data-testid="due-days" />
        </Form.Item>
        <Form.Item name="unit">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'working', label: '工作日' },
              { value: 'calendar', label: '自然日' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={calc.isPending} data-testid="due-submit">
            计算
          </Button>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 16 }}>
        {calc.isError && <Alert type="error" showIcon title="无法计算" description={errorMessage(calc.error)} data-testid="due-error" />}
        {r && !calc.isError && (
          <div data-testid="due-result">
            <Typography.Text type="secondary">期限届满日</Typography.Text>
            <div className="due-result">
              <span data-testid="due-date">{r.due}</span>
              {r.provisional && <ProvisionalTag years={r.provisionalYears} note={r.provisionalNote} />}
              <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12, fontWeight: 'normal' }}>
                {fmtLongDate(r.due)}
              </Typography.Text>
            </div>
            {r.provisional && r.provisionalNote && (
              <Alert type="warning" showIcon style={{ marginTop: 8 }} title={r.provisionalNote} data-testid="due-provisional-note" />
            )}
            <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
              计算过程
            </Typography.Text>
            <ol className="explain-list">
              {r.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
            {r.skipped.length > 0 && (
              <Collapse
                size="small"
                style={{ marginTop: 12 }}
                items={[
                  {
                    key: 'skipped',
                    label: `跳过的非工作日（${r.skipped.length} 天）`,
                    children: (
                      <Table
                        size="small"
                        rowKey="date"
                        pagination={false}
                        dataSource={r.skipped}
                        columns={[
                          { title: '日期', dataIndex: 'date', render: (v: string) => `${v} ${dayjs(v).format('dddd')}` },
                          { title: '原因', dataIndex: 'reason', render: (v: string, s) => (s.provisional ? `${v}（推算）` : v) },
                          { title: '节日', dataIndex: 'name', render: (v?: string) => v ?? '—' },
                        ]}
                      />
                    ),
                  },
                ]}
              />
            )}
          </div>
        )}
        {!r && !calc.isError && <Typography.Text type="secondary">选择起算日和期限后点击“计算”，系统将列出计算依据。</Typography.Text>}
      </div>
    </Card>
  );
}
