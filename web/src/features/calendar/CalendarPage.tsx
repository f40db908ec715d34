/**
 * 工作日历: each year's holiday schedule — official (内置数据 / 管理员录入) or, for a year the State
 * Council has not announced yet, computed from the statutory holidays (暂定，推算) — the entry of the
 * official schedule when it is published, and the 期限计算 card that explains how a deadline was counted.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DAY_KIND_LABELS, type CalendarDayView as CalendarDay, type CalendarYearDetail } from '@server/kernel/calendar/contracts';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { fmtDateTime } from '../../shared/format';
import { DueCalculator } from './DueCalculator';
import { ScheduleEntryDrawer } from './ScheduleEntryDrawer';
import { useCalendarYear, useCalendarYears } from './queries';
import { YearGrid, YearLegend } from './YearGrid';

interface YearRow {
  year: number;
  source: string;
  holidays: number;
  workdays: number | null;
  note: string | null;
  enteredAt: string | null;
}

export function CalendarPage() {
  const years = useCalendarYears();
  // The calendar is national: the server says whether this admin enters it (the top org's admin only).
  const manage = years.data?.mayEnter ?? false;
  const rows = useMemo<YearRow[]>(() => {
    const entered: YearRow[] = (years.data?.items ?? []).map((y) => ({ ...y }));
    const provisional: YearRow[] = (years.data?.provisional ?? []).map((p) => ({
      year: p.year,
      source: 'provisional',
      holidays: p.holidays,
      workdays: null,
      note: '尚未公布，按法定节假日推算',
      enteredAt: null,
    }));
    return [...entered, ...provisional].sort((a, b) => b.year - a.year);
  }, [years.data]);
  const thisYear = dayjs().year();
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? (rows.some((y) => y.year === thisYear) ? thisYear : (rows[0]?.year ?? null));
  const [entry, setEntry] = useState<{ year: number; days?: CalendarDay[]; note?: string | null } | null>(null);
  const pending = years.data?.provisional ?? [];
  const lastEntered = Math.max(thisYear, ...(years.data?.items ?? []).map((y) => y.year));
  const nextToEnter = pending[0]?.year ?? lastEntered + 1;

  return (
    <>
      <PageHeader
        title="工作日历"
        description="法定期限按工作日计算时，扣除周末和法定节假日，计入调休上班日。节假日安排以国务院办公厅每年公布的通知为准；尚未公布的年度按《全国年节及纪念日放假办法》推算，相关日期标为“预计”。"
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntry({ year: nextToEnter })} data-testid="calendar-enter">
              录入 {nextToEnter} 年安排
            </Button>
          )
        }
      />
      {pending.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="calendar-provisional-alert"
          title={`${pending.map((p) => p.year).join('、')}年节假日安排尚未录入`}
          description={`${pending[0]!.note}${
            manage
              ? '国务院办公厅公布通知后，请点击“录入”粘贴通知原文。'
              : `国务院办公厅公布通知后，由${years.data?.editorOrg ?? '最上级机构'}的系统管理员录入（工作日历全国通用，各级机构共用）。`
          }`}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <DueCalculator />
        </Col>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title="年度安排">
            {years.isError && <Alert type="error" showIcon title={errorMessage(years.error)} style={{ marginBottom: 12 }} />}
            <Table<YearRow>
              data-testid="calendar-years"
              size="small"
              rowKey="year"
              loading={years.isLoading}
              dataSource={rows}
              pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
              rowClassName={(r) => (r.year === year ? 'row-active' : '')}
              onRow={(r) => ({ onClick: () => setPicked(r.year), style: { cursor: 'pointer' } })}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '年度', dataIndex: 'year', render: (v: number) => <Typography.Text strong>{v} 年</Typography.Text> },
                { title: '来源', dataIndex: 'source', render: (v: YearRow['source']) => <StatusTag kind="calendarSource" value={v} /> },
                { title: '放假天数', dataIndex: 'holidays', render: (v: number) => `${v} 天` },
                { title: '调休上班', dataIndex: 'workdays', render: (v: number | null) => (v === null ? '—' : `${v} 天`) },
                { title: '说明', dataIndex: 'note', render: (v: string | null) => v || '—', ellipsis: true },
                { title: '录入时间', dataIndex: 'enteredAt', render: fmtDateTime, responsive: ['lg'] },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          {year !== null && (
            <YearView year={year} manage={manage} onEnter={(d) => setEntry(d.provisional ? { year: d.year } : { year: d.year, days: d.days, note: d.note })} />
          )}
        </Col>
      </Row>
      <ScheduleEntryDrawer entry={entry} onClose={() => setEntry(null)} onSaved={(y) => setPicked(y)} />
    </>
  );
}

function YearView({ year, manage, onEnter }: { year: number; manage: boolean; onEnter: (d: CalendarYearDetail) => void }) {
  const q = useCalendarYear(year);
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
          {manage && d && d.source !== 'chinese-days' && (
            <Button
              icon={d.provisional ? <PlusOutlined /> : <EditOutlined />}
              type={d.provisional ? 'primary' : 'default'}
              onClick={() => onEnter(d)}
              data-testid="year-enter"
            >
              {d.provisional ? '录入正式安排' : '更正'}
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
          {d.provisional && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${year} 年的安排尚未公布，以下按《全国年节及纪念日放假办法》推算`}
              description="元旦 1 天，春节 4 天（除夕至正月初三），清明节 1 天，劳动节 2 天（5 月 1 日、2 日），端午节 1 天，中秋节 1 天，国庆节 3 天（10 月 1 日至 3 日）；假日适逢周六、周日的，在其后的工作日补假。推算不含调休上班，依此计算的届满日均标为“预计”。"
            />
          )}
          <YearLegend provisional={d.provisional} note={d.provisional ? null : d.note} />
          {view === 'grid' ? <YearGrid year={year} days={d.days} provisional={d.provisional} /> : <DayList days={d.days} provisional={d.provisional} />}
        </>
      )}
    </Card>
  );
}

function DayList({ days, provisional }: { days: CalendarDay[]; provisional: boolean }) {
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
        {
          title: '类型',
          dataIndex: 'kind',
          render: (v: CalendarDay['kind']) => (
            <Tag color={v === 'holiday' ? 'red' : 'orange'}>
              {DAY_KIND_LABELS[v]}
              {provisional ? '（推算）' : ''}
            </Tag>
          ),
        },
        { title: '节日', dataIndex: 'name' },
      ]}
    />
  );
}
