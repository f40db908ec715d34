/**
 * The annual-report tables laid out like the official template: section 三 with the applicant
 * columns grouped (自然人 | 法人或其他组织 … | 总计) and row labels indented by level; section 四 as
 * one row of fifteen numbers under 行政复议 | 行政诉讼（未经复议直接起诉 | 复议后起诉）. Failing cells are
 * highlighted; a click on a cell asks for its records.
 */
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  CHECK_RULE_LABELS,
  type AnnualReportTables,
  type CheckFailure,
  type Section3RowView as Section3Row,
} from '@server/modules/disclosure/annual-report/contracts';
import type { Section3ColumnKey, Section4ColumnKey } from '@server/modules/disclosure/annual-report/labels';

type Section2Block = AnnualReportTables['section2']['blocks'][number];

const BAD = { background: '#fff1f0', boxShadow: 'inset 0 0 0 1px #ff7875' };

function Num({ v, onClick, testId }: { v: number | null | undefined; onClick?: () => void; testId?: string }) {
  const text = v === null || v === undefined ? '—' : String(v);
  if (!onClick) return <span className="mono">{text}</span>;
  return (
    <Typography.Link onClick={onClick} className="mono" data-testid={testId} style={{ display: 'inline-block', minWidth: 24 }}>
      {text}
    </Typography.Link>
  );
}

export function Section3Table({
  data,
  failing,
  reasons,
  onCell,
}: {
  data: AnnualReportTables['section3'];
  failing: Set<string>;
  reasons: Map<string, string[]>;
  onCell?: (row: Section3Row, col: Section3ColumnKey) => void;
}) {
  const valueCol = (key: Section3ColumnKey, title: string) => ({
    title,
    key,
    align: 'center' as const,
    width: 88,
    onCell: (r: Section3Row) => {
      const id = `${r.key}|${key}`;
      return r.kind === 'heading' ? { style: { background: '#fafafa' } } : failing.has(id) ? { style: BAD, 'data-failing': id } : {};
    },
    render: (_: unknown, r: Section3Row) => {
      if (r.kind === 'heading' || !r.cells) return null;
      const id = `${r.key}|${key}`;
      const num = <Num v={r.cells[key]} onClick={onCell ? () => onCell(r, key) : undefined} testId={`cell-${r.key}-${key}`} />;
      const why = reasons.get(id);
      return why ? <Tooltip title={why.join('；')}>{num}</Tooltip> : num;
    },
  });
  const col = (k: Section3ColumnKey) => data.columns.find((c) => c.key === k);
  const orgCols = data.columns.filter((c) => c.group);
  const columns: ColumnsType<Section3Row> = [
    {
      title: <span style={{ fontWeight: 400, fontSize: 12 }}>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</span>,
      key: 'label',
      width: 360,
      render: (_: unknown, r) => (
        <span style={{ paddingLeft: r.level * 20, fontWeight: r.level === 0 || r.kind === 'total' ? 600 : 400 }} data-testid="s3-row-label">
          {r.label}
        </span>
      ),
    },
    {
      title: '申请人情况',
      children: [
        valueCol('natural', col('natural')?.label ?? '自然人'),
        { title: '法人或其他组织', children: orgCols.map((c) => valueCol(c.key, c.label)) },
        valueCol('total', col('total')?.label ?? '总计'),
      ],
    },
  ];
  return (
    <Table<Section3Row>
      bordered
      size="small"
      rowKey="key"
      pagination={false}
      columns={columns}
      dataSource={data.rows}
      scroll={{ x: 'max-content' }}
      data-testid="section3-table"
    />
  );
}

type S4Row = { key: 'row' };

export function Section4Table({
  data,
  failing,
  reasons,
  onCell,
}: {
  data: AnnualReportTables['section4'];
  failing: Set<string>;
  reasons: Map<string, string[]>;
  onCell?: (kind: string, col: Section4ColumnKey, label: string) => void;
}) {
  const group = (g: AnnualReportTables['section4']['groups'][number]) =>
    data.columns.map((c) => ({
      title: c.label,
      key: `${g.key}.${c.key}`,
      align: 'center' as const,
      width: 64,
      onCell: () => {
        const id = `${g.key}|${c.key}`;
        return failing.has(id) ? { style: BAD, 'data-failing': id } : {};
      },
      render: () => {
        const v = data.rows.find((r) => r.key === g.key)?.cells[c.key];
        const num = <Num v={v} onClick={onCell ? () => onCell(g.key, c.key, `${g.fullLabel} ${c.label}`) : undefined} testId={`cell-${g.key}-${c.key}`} />;
        const why = reasons.get(`${g.key}|${c.key}`);
        return why ? <Tooltip title={why.join('；')}>{num}</Tooltip> : num;
      },
    }));
  const [recon, ...lit] = data.groups;
  const columns: ColumnsType<S4Row> = [
    ...(recon ? [{ title: recon.label, children: group(recon) }] : []),
    { title: '行政诉讼', children: lit.map((g) => ({ title: g.label, children: group(g) })) },
  ];
  return (
    <Table<S4Row>
      bordered
      size="small"
      rowKey="key"
      pagination={false}
      columns={columns}
      dataSource={[{ key: 'row' }]}
      scroll={{ x: 'max-content' }}
      data-testid="section4-table"
    />
  );
}

/** Failing cells (`row|column`) and the messages naming each. */
export function failingOf(failures: { cells: { row: string; column: string }[]; message: string }[]) {
  const set = new Set<string>();
  const reasons = new Map<string, string[]>();
  for (const f of failures)
    for (const c of f.cells) {
      const id = `${c.row}|${c.column}`;
      set.add(id);
      reasons.set(id, [...(reasons.get(id) ?? []), f.message]);
    }
  return { set, reasons };
}

export function FailureList({ failures }: { failures: readonly CheckFailure[] }) {
  return (
    <ol style={{ margin: '4px 0 0', paddingLeft: 20 }} data-testid="failure-list">
      {failures.map((f, i) => (
        <li key={i} style={{ marginBottom: 4 }}>
          <Tag color={f.rule === 'blank' ? 'orange' : 'red'}>{CHECK_RULE_LABELS[f.rule] ?? f.rule}</Tag>
          {f.message}
        </li>
      ))}
    </ol>
  );
}

type S2Row = Section2Block['rows'][number];

/** Section 二: one table per 第二十条 item; with `onCell`, a cell that has records behind it opens them. */
export function Section2Tables({
  blocks,
  onCell,
}: {
  blocks: readonly Section2Block[];
  onCell?: (block: Section2Block, row: S2Row, colKey: string, colLabel: string) => void;
}) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {blocks.map((b) => (
        <Table<S2Row>
          key={b.key}
          bordered
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={b.rows}
          columns={[
            { title: b.item, children: [{ title: '信息内容', dataIndex: 'label', width: 260 }] },
            ...b.columns.map((c) => ({
              title: c.label,
              key: c.key,
              align: 'center' as const,
              width: 130,
              render: (_: unknown, r: S2Row) => (
                <Num
                  v={r.cells[c.key]}
                  onClick={onCell && r.drillKey ? () => onCell(b, r, c.key, c.label) : undefined}
                  testId={r.drillKey ? `cell-${r.drillKey}-${c.key}` : undefined}
                />
              ),
            })),
          ]}
        />
      ))}
    </Space>
  );
}
