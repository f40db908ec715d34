/**
 * 录入年度节假日安排 (RULES.md §1, issue 9 §2): paste the State Council notice or pick the days on a
 * year grid, see what was read and what is unusual, see which open deadlines will move, then save. After
 * saving, the due dates that moved are listed old → new.
 */
import { useState } from 'react';
import { Alert, App, Button, Drawer, Input, InputNumber, Select, Space, Steps, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDayView as CalendarDay, SchedulePreview, ScheduleSaved } from '@server/kernel/calendar/contracts';
import { errorMessage } from '../../api/client';
import { BRUSHES, paintDay } from './brush';
import { usePreviewYear, useSaveYear } from './queries';
import { BulletList, MovedTable, SavedResult } from './ScheduleResult';
import { YearGrid, YearLegend } from './YearGrid';

export interface ScheduleEntryProps {
  /** The year to enter (a provisional year) or correct (an entered one, with its days). */
  entry: { year: number; days?: CalendarDay[]; note?: string | null } | null;
  onClose: () => void;
  onSaved: (year: number) => void;
}

export function ScheduleEntryDrawer({ entry, onClose, onSaved }: ScheduleEntryProps) {
  return (
    <Drawer
      open={!!entry}
      onClose={onClose}
      width={Math.min(1180, typeof window === 'undefined' ? 1180 : window.innerWidth)}
      title={entry?.days ? `更正 ${entry.year} 年节假日安排` : '录入国务院公布的节假日安排'}
      destroyOnHidden
      data-testid="schedule-entry"
    >
      {entry && <EntryBody key={`${entry.year}-${entry.days?.length ?? 0}`} entry={entry} onClose={onClose} onSaved={onSaved} />}
    </Drawer>
  );
}

function EntryBody({ entry, onClose, onSaved }: { entry: NonNullable<ScheduleEntryProps['entry']>; onClose: () => void; onSaved: (year: number) => void }) {
  const { message } = App.useApp();
  const [year, setYear] = useState(entry.year);
  const [mode, setMode] = useState<'paste' | 'grid'>(entry.days ? 'grid' : 'paste');
  const [text, setText] = useState('');
  // 依据 (required): the notice's number and date, or what a correction corrects; recorded with the event.
  const [reason, setReason] = useState('');
  const [days, setDays] = useState<CalendarDay[]>(entry.days ?? []);
  const [brush, setBrush] = useState('h:春节');
  const [preview, setPreview] = useState<SchedulePreview | null>(null);
  const [saved, setSaved] = useState<ScheduleSaved | null>(null);

  const check = usePreviewYear(year);
  const save = useSaveYear(year);
  const runCheck = (body: { text?: string; days?: CalendarDay[] }) =>
    check.mutate(body, {
      onSuccess: (p) => {
        setPreview(p);
        if (p.lineErrors.length === 0) setDays(p.days);
      },
    });
  const runSave = () =>
    save.mutate(
      { days, reason: reason.trim() },
      {
        onSuccess: (r) => {
          setSaved(r);
          onSaved(year);
          message.success(`已保存 ${year} 年节假日安排`);
        },
      },
    );

  const paint = (date: string) => {
    const r = paintDay(days, date, BRUSHES.find((x) => x.value === brush)!.brush);
    if ('refused' in r) {
      message.warning(r.refused);
      return;
    }
    setDays(r.days);
    setPreview(null); // the check no longer matches what is shown
  };

  if (saved) return <SavedResult saved={saved} onClose={onClose} />;

  const fresh = preview !== null && preview.lineErrors.length === 0;
  const blocking = fresh && preview.errors.length > 0;
  const step = !fresh ? 0 : blocking ? 1 : 2;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Steps size="small" current={step} items={[{ title: '粘贴通知或选择日期' }, { title: '核对读出的安排' }, { title: '确认保存' }]} />
      <Space wrap>
        <span>年度</span>
        <InputNumber
          min={2004}
          max={2099}
          precision={0}
          value={year}
          disabled={!!entry.days}
          onChange={(v) => {
            if (typeof v === 'number') {
              setYear(v);
              setPreview(null);
            }
          }}
          data-testid="schedule-year"
        />
        <span>
          <Typography.Text type="danger">* </Typography.Text>依据
        </span>
        <Input
          style={{ width: 420 }}
          maxLength={200}
          placeholder={entry.days ? '更正理由，如：按国办发明电〔2026〕X号更正5月5日' : '通知文号和日期，如：国办发明电〔2026〕X号（2026年11月4日）'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="schedule-reason"
          aria-label="依据"
        />
        {entry.days && entry.note && <Typography.Text type="secondary">原依据：{entry.note}</Typography.Text>}
      </Space>
      <Tabs
        activeKey={mode}
        onChange={(k) => setMode(k as 'paste' | 'grid')}
        items={[
          {
            key: 'paste',
            label: '粘贴通知原文',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  将国务院办公厅《关于{year}
                  年部分节假日安排的通知》全文或其中“一、元旦：……放假……上班”各行粘贴在下面，系统逐行读出放假和调休上班的日期，并核对星期和天数。
                </Typography.Text>
                <Input.TextArea
                  rows={9}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder={'一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：……放假调休，共9天。2月20日（周六）上班。\n……'}
                  data-testid="schedule-text"
                />
                <Button type="primary" disabled={!text.trim()} loading={check.isPending} onClick={() => runCheck({ text })} data-testid="schedule-read">
                  读取并核对
                </Button>
              </Space>
            ),
          },
          {
            key: 'grid',
            label: '在年历上选择',
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <span>点击日期标记为</span>
                  <Select
                    style={{ width: 240 }}
                    value={brush}
                    onChange={setBrush}
                    options={BRUSHES.map((b) => ({ value: b.value, label: b.label }))}
                    data-testid="schedule-brush"
                  />
                  <Button loading={check.isPending} disabled={!days.length} onClick={() => runCheck({ days })} data-testid="schedule-check">
                    核对
                  </Button>
                  <Typography.Text type="secondary">
                    已选放假 {days.filter((d) => d.kind === 'holiday').length} 天，调休上班 {days.filter((d) => d.kind === 'workday').length} 天
                  </Typography.Text>
                </Space>
              </Space>
            ),
          },
        ]}
      />
      {check.isError && <Alert type="error" showIcon title="无法核对" description={errorMessage(check.error)} />}
      {preview && preview.lineErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="schedule-line-errors"
          title="以下各行无法读出，请对照通知原文修改后重新读取"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {preview.lineErrors.map((e) => (
                <li key={`${e.line}-${e.message}`}>
                  {e.message}
                  {e.text && (
                    <Typography.Text type="secondary" style={{ display: 'block' }}>
                      原文：{e.text}
                    </Typography.Text>
                  )}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {fresh && preview.lines.length > 0 && (
        <Table
          size="small"
          rowKey="line"
          pagination={false}
          data-testid="schedule-lines"
          dataSource={preview.lines}
          columns={[
            { title: '行', dataIndex: 'line', width: 50 },
            { title: '节日', dataIndex: 'name' },
            { title: '放假', dataIndex: 'holidays', render: (v: string[]) => spanText(v) },
            { title: '调休上班', dataIndex: 'workdays', render: (v: string[]) => (v.length ? v.map((d) => dayjs(d).format('M月D日（dd）')).join('、') : '—') },
          ]}
        />
      )}
      {fresh && preview.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="schedule-errors"
          title="不符合《全国年节及纪念日放假办法》，不能保存"
          description={<BulletList items={preview.errors} />}
        />
      )}
      {fresh && preview.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="schedule-warnings"
          title="以下情况不常见，请对照通知核对；确认无误仍可保存"
          description={<BulletList items={preview.warnings} />}
        />
      )}
      {(days.length > 0 || mode === 'grid') && (
        <div>
          <YearLegend />
          <YearGrid year={year} days={days} onDayClick={mode === 'grid' ? paint : undefined} testId="schedule-grid" />
          {mode === 'paste' && days.length > 0 && <Typography.Text type="secondary">如需调整个别日期，可切换到“在年历上选择”修改后重新核对。</Typography.Text>}
        </div>
      )}
      {fresh && !blocking && (
        <div data-testid="schedule-moved-preview">
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            保存后届满日将变化的期限（共检查 {preview.checked} 个未办结的期限）
          </Typography.Title>
          <MovedTable moved={preview.moved} empty="没有期限的届满日会变化；标为“预计”的日期将改为正式日期。" />
        </div>
      )}
      {save.isError && <Alert type="error" showIcon title="保存失败" description={errorMessage(save.error)} data-testid="schedule-save-error" />}
      <Space>
        <Button type="primary" disabled={!fresh || blocking || !reason.trim()} loading={save.isPending} onClick={runSave} data-testid="schedule-save">
          确认保存 {year} 年安排
        </Button>
        <Button onClick={onClose}>取消</Button>
        {fresh && !blocking && !reason.trim() && <Typography.Text type="secondary">请填写依据后保存（记入全过程记录）</Typography.Text>}
      </Space>
    </Space>
  );
}

function spanText(dates: string[]): string {
  if (!dates.length) return '—';
  const a = dayjs(dates[0]);
  const b = dayjs(dates[dates.length - 1]);
  return dates.length === 1 ? a.format('M月D日（dd）') : `${a.format('M月D日（dd）')}至${b.format('M月D日（dd）')}，共 ${dates.length} 天`;
}
