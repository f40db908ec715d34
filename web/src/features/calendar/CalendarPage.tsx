/**
 * 工作日历: the official holiday schedule per year (法定节假日 / 调休上班), entry of a new year by an
 * admin, and the 期限计算 card that explains how a statutory deadline was counted.
 */
import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  Collapse,
} from 'antd';
import { CalculatorOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorMessage } from '../../api/client';
import type { CalendarDay, CalendarYear, CalendarYearDetail, DueResult } from '../../api/types';
import { FormDrawer } from '../../shared/FormDrawer';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { fmtDateTime, fmtLongDate } from '../../shared/format';
import { useCan } from '../../app/auth';

const KIND_LABEL = { holiday: '法定节假日', workday: '调休上班' } as const;

export function CalendarPage() {
  const can = useCan();
  const manage = can('calendar.manage');
  const years = useQuery({ queryKey: ['/api/calendar/years'], queryFn: () => api.get<{ items: CalendarYear[] }>('/api/calendar/years') });
  const items = useMemo(() => [...(years.data?.items ?? [])].sort((a, b) => b.year - a.year), [years.data]);
  const thisYear = dayjs().year();
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? (items.some((y) => y.year === thisYear) ? thisYear : items[0]?.year ?? null);
  const [entry, setEntry] = useState<{ year?: number; days?: CalendarDay[]; note?: string | null } | null>(null);

  return (
    <>
      <PageHeader
        title="工作日历"
        description="法定期限按工作日计算时，扣除周末和法定节假日，计入调休上班日。节假日安排以国务院办公厅每年公布的通知为准。"
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntry({ year: (items[0]?.year ?? thisYear) + 1 })}>
              录入年度安排
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <DueCalculator />
        </Col>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title="已录入的年度安排">
            {years.isError && <Alert type="error" showIcon title={errorMessage(years.error)} style={{ marginBottom: 12 }} />}
            <Table<CalendarYear>
              data-testid="calendar-years"
              size="small"
              rowKey="year"
              loading={years.isLoading}
              dataSource={items}
              pagination={items.length > 8 ? { pageSize: 8, size: 'small' } : false}
              rowClassName={(r) => (r.year === year ? 'row-active' : '')}
              onRow={(r) => ({ onClick: () => setPicked(r.year), style: { cursor: 'pointer' } })}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '年度', dataIndex: 'year', render: (v: number) => <Typography.Text strong>{v} 年</Typography.Text> },
                { title: '来源', dataIndex: 'source', render: (v: string) => <StatusTag kind="calendarSource" value={v} /> },
                { title: '放假天数', dataIndex: 'holidays', render: (v: number) => `${v} 天` },
                { title: '调休上班', dataIndex: 'workdays', render: (v: number) => `${v} 天` },
                { title: '说明', dataIndex: 'note', render: (v: string | null) => v || '—', ellipsis: true },
                { title: '录入时间', dataIndex: 'enteredAt', render: fmtDateTime, responsive: ['lg'] },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>{year !== null && <YearView year={year} manage={manage} onEdit={(d) => setEntry({ year: d.year, days: d.days, note: d.note })} />}</Col>
      </Row>
      <YearEntryDrawer entry={entry} onClose={() => setEntry(null)} onSaved={(y) => setPicked(y)} />
    </>
  );
}

function DueCalculator() {
  const [form] = Form.useForm<{ from: Dayjs; days: number; unit: 'working' | 'calendar' }>();
  const calc = useMutation({
    mutationFn: (v: { from: Dayjs; days: number; unit: 'working' | 'calendar' }) =>
      api.get<DueResult>('/api/calendar/due', { from: v.from.format('YYYY-MM-DD'), days: v.days, unit: v.unit }),
  });
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
      <Form form={form} layout="inline" initialValues={{ from: dayjs(), days: 20, unit: 'working' }} onFinish={(v) => calc.mutate(v)} style={{ rowGap: 12 }}>
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
              <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12, fontWeight: 'normal' }}>
                {fmtLongDate(r.due)}
              </Typography.Text>
            </div>
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
                          { title: '原因', dataIndex: 'reason' },
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

function YearView({ year, manage, onEdit }: { year: number; manage: boolean; onEdit: (d: CalendarYearDetail) => void }) {
  const q = useQuery({ queryKey: ['/api/calendar/years', year], queryFn: () => api.get<CalendarYearDetail>(`/api/calendar/years/${year}`) });
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const d = q.data;
  return (
    <Card
      variant="borderless"
      title={
        <Space wrap>
          <span>{year} 年节假日安排</span>
          {d && <StatusTag kind="calendarSource" value={d.source} />}
        </Space>
      }
      extra={
        <Space>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'grid' | 'list')}
            options={[
              { value: 'grid', label: '月历' },
              { value: 'list', label: '列表' },
            ]}
          />
          {manage && d && d.source === 'admin' && (
            <Button icon={<EditOutlined />} onClick={() => onEdit(d)}>
              修改
            </Button>
          )}
        </Space>
      }
      data-testid="calendar-year"
    >
      {q.isLoading && <Skeleton active />}
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {d && (
        <>
          <div className="legend" style={{ marginBottom: 12 }}>
            <span>
              <i style={{ background: '#fff1f0', border: '1px solid #ffa39e' }} />
              法定节假日（休）
            </span>
            <span>
              <i style={{ background: '#fff7e6', border: '1px solid #ffd591' }} />
              调休上班（班）
            </span>
            <span>
              <i style={{ background: '#fff', border: '1px solid #d9d9d9' }} />
              <span style={{ color: 'rgba(0,0,0,.4)' }}>灰色</span>为周末
            </span>
            {d.note && <span>依据：{d.note}</span>}
          </div>
          {view === 'grid' ? <MonthGrid year={year} days={d.days} /> : <DayList days={d.days} />}
        </>
      )}
    </Card>
  );
}

function MonthGrid({ year, days }: { year: number; days: CalendarDay[] }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <div className="month-grid">
      {Array.from({ length: 12 }, (_, m) => {
        const first = dayjs(new Date(year, m, 1));
        const lead = (first.day() + 6) % 7; // weeks start on Monday
        const n = first.daysInMonth();
        return (
          <div className="month" key={m}>
            <div className="month-title">{m + 1} 月</div>
            <div className="month-days">
              {['一', '二', '三', '四', '五', '六', '日'].map((w) => (
                <div className="wd" key={w}>
                  {w}
                </div>
              ))}
              {Array.from({ length: lead }, (_, i) => (
                <div key={`b${i}`} />
              ))}
              {Array.from({ length: n }, (_, i) => {
                const date = first.date(i + 1);
                const key = date.format('YYYY-MM-DD');
                const special = byDate.get(key);
                const weekend = date.day() === 0 || date.day() === 6;
                const cls = special ? special.kind : weekend ? 'weekend' : '';
                return (
                  <div key={key} className={`day ${cls}`} title={special ? `${key} ${special.name} ${KIND_LABEL[special.kind]}` : key}>
                    {i + 1}
                    {special && <span className="mark">{special.kind === 'holiday' ? '休' : '班'}</span>}
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function DayList({ days }: { days: CalendarDay[] }) {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  if (sorted.length === 0) return <Empty description="该年度没有节假日或调休安排" />;
  return (
    <Table<CalendarDay>
      size="small"
      rowKey="date"
      dataSource={sorted}
      pagination={false}
      columns={[
        { title: '日期', dataIndex: 'date', render: (v: string) => <span className="mono">{v}</span> },
        { title: '星期', dataIndex: 'date', key: 'weekday', render: (v: string) => dayjs(v).format('dddd') },
        { title: '类型', dataIndex: 'kind', render: (v: CalendarDay['kind']) => <Tag color={v === 'holiday' ? 'red' : 'orange'}>{KIND_LABEL[v]}</Tag> },
        { title: '节日', dataIndex: 'name' },
      ]}
    />
  );
}

type EntryForm = { year: number; note?: string; days: { date?: Dayjs; kind: 'holiday' | 'workday'; name?: string }[] };

function YearEntryDrawer({ entry, onClose, onSaved }: { entry: { year?: number; days?: CalendarDay[]; note?: string | null } | null; onClose: () => void; onSaved: (year: number) => void }) {
  const qc = useQueryClient();
  const editing = !!entry?.days;
  const saved = useRef<number | null>(null);
  return (
    <FormDrawer<EntryForm>
      open={!!entry}
      width={640}
      title={editing ? `修改 ${entry?.year} 年节假日安排` : '录入年度节假日安排'}
      onClose={onClose}
      initialValues={{
        year: entry?.year,
        note: entry?.note ?? undefined,
        days: entry?.days?.length
          ? [...entry.days].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: dayjs(d.date), kind: d.kind, name: d.name }))
          : [{ kind: 'holiday' as const }],
      }}
      onSubmit={(v) => {
        saved.current = v.year;
        return api.put(`/api/calendar/years/${v.year}`, {
          days: v.days.map((d) => ({ date: d.date!.format('YYYY-MM-DD'), kind: d.kind, name: (d.name ?? '').trim() })),
          ...(v.note && v.note.trim() ? { note: v.note.trim() } : {}),
        });
      }}
      onSuccess={() => {
        void qc.invalidateQueries({ queryKey: ['/api/calendar/years'] });
        void qc.invalidateQueries({ queryKey: ['/api/calendar/due'] });
        if (saved.current) onSaved(saved.current);
      }}
      successMessage="已保存年度安排"
    >
      {(form) => (
        <>
          <Alert
            type="info"
            showIcon
            title="按国务院办公厅《关于部分节假日安排的通知》逐日录入"
            description="每个放假日录入一行“法定节假日”，每个调休上班的周末录入一行“调休上班”。未列出的周一至周五为工作日，周六、周日为休息日。"
            style={{ marginBottom: 16 }}
          />
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
                <InputNumber min={2004} max={2100} precision={0} style={{ width: '100%' }} disabled={editing} onChange={() => void form.validateFields([['days']]).catch(() => undefined)} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label="依据 / 说明" name="note" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
                <Input placeholder="如：国办发明电〔2026〕X号" />
              </Form.Item>
            </Col>
          </Row>
          <Form.List
            name="days"
            rules={[{ validator: async (_r, v: unknown[]) => (v && v.length ? undefined : Promise.reject(new Error('至少录入一天'))) }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key} align="top">
                    <Col span={8}>
                      <Form.Item
                        name={[f.name, 'date']}
                        rules={[
                          { required: true, message: '请选择日期' },
                          {
                            validator: (_r, v: Dayjs | undefined) => {
                              const y = form.getFieldValue('year') as number | undefined;
                              return !v || !y || v.year() === y ? Promise.resolve() : Promise.reject(new Error(`日期应在 ${y} 年内`));
                            },
                          },
                        ]}
                      >
                        <DatePicker style={{ width: '100%' }} placeholder="日期" />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择类型' }]}>
                        <Select
                          options={[
                            { value: 'holiday', label: '法定节假日' },
                            { value: 'workday', label: '调休上班' },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}>
                        <Input placeholder="如：春节" />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此行" />
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const rows = (form.getFieldValue('days') as EntryForm['days']) ?? [];
                    const last = rows[rows.length - 1];
                    add({ kind: last?.kind ?? 'holiday', name: last?.name, date: last?.date ? last.date.add(1, 'day') : undefined });
                  }}
                >
                  添加一天
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const rows = (form.getFieldValue('days') as EntryForm['days']) ?? [];
              const h = rows.filter((r) => r.kind === 'holiday').length;
              return (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                  共 {rows.length} 行：法定节假日 {h} 天，调休上班 {rows.length - h} 天。
                </Typography.Paragraph>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
