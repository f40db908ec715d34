/**
 * 检查统计 and 监测预警 as .xlsx: the same figures and lists as on screen, computed by the same
 * functions (figures.service.ts), so the file and the page always agree. 检查统计: a 统计 sheet (each
 * figure, its groups, and with 含下级 a column per org) and one sheet per figure with every record it
 * counts (its drill-down). 监测预警: one sheet per monitor.
 */
import type { ActorCtx } from '../../../kernel/context.js';
import { writeWorkbook, type WriteSheetInput } from '../../../kernel/documents/index.js';
import { UNIT_TYPE_LABELS } from '../../orgs/index.js';
import type { FiguresQuery, MonitorsQuery } from './contracts.js';
import { figuresWithRecords, monitors } from './figures.service.js';

/** The dates a record may carry, by their Chinese names. */
const DATE_LABELS: Record<string, string> = {
  plannedDate: '计划检查日',
  onSiteDate: '现场检查日',
  signedOn: '签字日',
  feedbackOn: '反馈日',
  rectificationDue: '整改期限',
  heldOn: '约谈日',
  evaluatedOn: '评价日',
};

const scopeLine = (org: string, from: string, to: string, sub: boolean) => `${org}${sub ? '（含下级机构）' : ''}，${from} 至 ${to}`;

export async function figuresXlsx(ctx: ActorCtx, q: FiguresQuery): Promise<{ buffer: Buffer; fileName: string }> {
  const { result: f, records: recordsOf } = await figuresWithRecords(ctx, q);
  const byOrg = f.includeDescendants && f.orgs.length > 1;
  const orgCols = byOrg ? f.orgs.map((o) => ({ header: o.name, key: `org:${o.id}` })) : [];
  const summaryRows: Record<string, unknown>[] = [];
  for (const fig of f.figures) {
    const orgCells = (counts: { orgId: string; value: number }[]) => Object.fromEntries(counts.map((c) => [`org:${c.orgId}`, c.value]));
    summaryRows.push({ label: fig.label, value: fig.value, unit: fig.unit, definition: fig.definition, ...orgCells(fig.byOrg) });
    for (const b of fig.buckets ?? [])
      summaryRows.push({ label: `    其中：${b.label}`, value: b.value, unit: fig.unit, definition: '', ...orgCells(b.byOrg) });
  }
  const sheets: WriteSheetInput[] = [
    {
      sheetName: '检查统计',
      title: `检查统计：${scopeLine(f.org.name, f.period.from, f.period.to, f.includeDescendants)}${f.unitType ? `，${UNIT_TYPE_LABELS[f.unitType]}` : ''}（存量截至 ${f.period.asOf}）`,
      columns: [
        { header: '统计项', key: 'label' },
        { header: '数值', key: 'value' },
        { header: '单位', key: 'unit' },
        ...orgCols,
        { header: '口径', key: 'definition', width: 60 },
      ],
      rows: summaryRows,
    },
  ];
  for (const fig of f.figures) {
    // every record of the figure, as its drill-down lists them
    const records = recordsOf[fig.name];
    sheets.push({
      sheetName: fig.label,
      title: `${fig.label}：${fig.value} ${fig.unit}（${fig.definition}）`,
      columns: [
        { header: '机构', key: 'orgName' },
        { header: '检查编号', key: 'inspectionCode' },
        { header: '被检查单位', key: 'unitName' },
        { header: '单位类型', key: 'unitType' },
        { header: '来源', key: 'sourceLabel' },
        { header: '日期', key: 'date' },
        { header: '日期说明', key: 'dateLabel' },
        { header: '检查事项', key: 'item' },
        { header: '事项状态', key: 'itemStatusLabel' },
        { header: '分组', key: 'bucketLabel' },
        { header: '其他日期', key: 'dates' },
        { header: '备注', key: 'note' },
      ],
      rows: records.map((r) => ({
        ...r,
        unitType: r.unitType ? (UNIT_TYPE_LABELS[r.unitType as keyof typeof UNIT_TYPE_LABELS] ?? r.unitType) : null,
        item: r.itemCode ? `${r.itemCode} ${r.itemTitle ?? ''}`.trim() : null,
        dates: Object.entries(r.dates)
          .filter(([, d]) => d)
          .map(([k, d]) => `${DATE_LABELS[k] ?? k} ${d}`)
          .join('；'),
      })),
    });
  }
  return { buffer: await writeWorkbook(sheets), fileName: `检查统计-${f.org.name}-${f.period.from}至${f.period.to}.xlsx` };
}

export async function monitorsXlsx(ctx: ActorCtx, q: MonitorsQuery): Promise<{ buffer: Buffer; fileName: string }> {
  const m = await monitors(ctx, q);
  const scope = scopeLine(m.org.name, m.period.from, m.period.to, m.includeDescendants);
  const months = [...new Set(m.workload.flatMap((w) => w.months.map((x) => x.month)))].sort();
  const buffer = await writeWorkbook([
    {
      sheetName: '重复检查',
      title: `重复检查（${m.settings.repeatInspectionDays} 日内再次检查同一单位）：${scope}`,
      columns: [
        { header: '被检查单位', key: 'unitName' },
        { header: '前次检查', key: 'earlier' },
        { header: '前次日期', key: 'earlierDate' },
        { header: '后次检查', key: 'later' },
        { header: '后次日期', key: 'laterDate' },
        { header: '间隔天数', key: 'days' },
        { header: '提示', key: 'message', width: 60 },
      ],
      rows: m.repeats.map((r) => ({
        unitName: r.unitName,
        earlier: `${r.earlier.code}（${r.earlier.orgName}，${r.earlier.sourceLabel}）`,
        earlierDate: r.earlier.date,
        later: `${r.later.code}（${r.later.orgName}，${r.later.sourceLabel}）`,
        laterDate: r.later.date,
        days: r.days,
        message: r.message,
      })),
    },
    {
      sheetName: '整改逾期',
      title: `整改逾期（截至 ${m.today}）：${m.org.name}${m.includeDescendants ? '（含下级机构）' : ''}`,
      columns: [
        { header: '检查编号', key: 'code' },
        { header: '机构', key: 'orgName' },
        { header: '被检查单位', key: 'unitName' },
        { header: '反馈日期', key: 'feedbackOn' },
        { header: '整改期限', key: 'rectificationDue' },
        { header: '逾期', key: 'overdueText' },
        { header: '未完成的整改事项', key: 'items', width: 60 },
      ],
      rows: m.overdue.map((o) => ({ ...o, items: o.items.map((i) => `${i.code} ${i.title}（${i.statusLabel}）`).join('\n') })),
    },
    {
      sheetName: '执法人员工作量',
      title: `执法人员工作量（每月上限 ${m.settings.inspectorMonthlyMax} 次）：${scope}`,
      columns: [
        { header: '执法人员', key: 'name' },
        { header: '执法证号', key: 'certificateNo' },
        { header: '已完成', key: 'done' },
        { header: '待检查', key: 'upcoming' },
        ...months.map((mo) => ({ header: mo, key: `m:${mo}` })),
        { header: '提示', key: 'warning', width: 50 },
      ],
      rows: m.workload.map((w) => ({ ...w, ...Object.fromEntries(w.months.map((x) => [`m:${x.month}`, x.count])) })),
    },
  ]);
  return { buffer, fileName: `监测预警-${m.org.name}-${m.period.from}至${m.period.to}.xlsx` };
}
