/**
 * 政府信息公开工作年度报告: pick a year → sections 二, 三 and 四 computed from the records under that
 * year's template, the consistency checks' result, a drill-down from every cell, .xlsx export.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Empty, Modal, Result, Select, Skeleton, Space, Table, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import dayjs from 'dayjs';
import type { CheckFailure } from '@server/modules/disclosure/annual-report/contracts';
import type { ApplicationListItem } from '@server/modules/disclosure/applications/contracts';
import type { RegisterEntryView } from '@server/modules/disclosure/register/contracts';
import type { DisputeView } from '@server/modules/disputes/contracts';
import { download, errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { OrgSelect } from '../../shared/OrgSelect';
import { failingOf, FailureList, Section2Tables, Section3Table, Section4Table } from './ReportTables';
import { NarrativeCard } from './NarrativeCard';
import { PublishReportCard } from './PublishReportCard';
import { useCan, useMe } from '../../app/auth';
import { useOrgTree } from '../../api/queries';
import { REPORTS_URL, useAnnualReportTables, useCellDrillDown } from './queries';

interface Cell {
  rowKey: string;
  colKey: string;
  label: string;
}

export function AnnualReportPage() {
  const { message } = App.useApp();
  const can = useCan();
  const me = useMe();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear - 1);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [cell, setCell] = useState<Cell | null>(null);
  const [exporting, setExporting] = useState(false);
  const [withChildren, setWithChildren] = useState(false);
  const tree = useOrgTree();
  const hasSubordinates = (tree.data?.items ?? []).some((r) => (r.children ?? []).length > 0);
  const includeChildren = hasSubordinates && withChildren;
  const q = useAnnualReportTables(year, orgId, includeChildren);
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i);

  const exportDocx = async () => {
    setExporting(true);
    try {
      await download(`${REPORTS_URL}/${year}/report.docx`, { orgId }, `政府信息公开工作年度报告-${year}.docx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(
        `${REPORTS_URL}/${year}/tables.xlsx`,
        { orgId, ...(includeChildren ? { includeChildren: 'true' } : {}) },
        `政府信息公开工作年度报告表格-${year}${includeChildren ? '（含下级机构）' : ''}.xlsx`,
      );
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const t = q.data;
  const failures: CheckFailure[] = t ? [...t.checks.section3.failures, ...t.checks.section4.failures] : [];
  const f3 = failingOf(t?.checks.section3.failures ?? []);
  const f4 = failingOf(t?.checks.section4.failures ?? []);

  return (
    <>
      <PageHeader
        title="政府信息公开工作年度报告"
        description="第二、三、四部分表格由登记的记录按报告年度适用的格式生成（2019–2020 年度用试行格式，2021 年度起用 2021 格式），每个数字均可点开查看对应的申请或案件。"
        extra={
          <Space wrap>
            <OrgSelect value={orgId} onChange={setOrgId} />
            {hasSubordinates && (
              <Checkbox checked={withChildren} onChange={(e) => setWithChildren(e.target.checked)} data-testid="report-include-children">
                含下级机构（汇总）
              </Checkbox>
            )}
            <Select
              aria-label="报告年度"
              value={year}
              style={{ width: 120 }}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
              data-testid="report-year"
            />
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} disabled={!t}>
              导出 Excel
            </Button>
            <Button
              icon={<FileWordOutlined />}
              loading={exporting}
              onClick={() => void exportDocx()}
              disabled={!t || includeChildren}
              title={includeChildren ? '报告全文按单个机构生成：请取消“含下级机构”' : undefined}
            >
              导出 Word 全文
            </Button>
          </Space>
        }
      />
      {q.isLoading && <Skeleton active />}
      {q.isError && <Result status="error" title="报表生成失败" subTitle={errorMessage(q.error)} />}
      {t && (
        <div data-testid="annual-report" style={{ opacity: q.isFetching ? 0.6 : 1 }}>
          <Card variant="borderless" style={{ marginBottom: 16 }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                <Typography.Text strong>
                  {t.org.name}
                  {t.includeChildren ? '及全部下级机构（汇总）' : ''}
                </Typography.Text>{' '}
                {t.year} 年度 · 适用格式：{t.template.name}（{t.template.source}）
              </Typography.Text>
              {t.checks.ok ? (
                <Alert
                  type="success"
                  showIcon
                  icon={<CheckCircleFilled />}
                  title="勾稽关系校验：通过"
                  description="一＋二＝（七）＋四；（七）总计＝各项办理结果之和；总计列＝六类申请人之和；第四部分各总计＝四项之和。"
                  data-testid="checks-ok"
                />
              ) : (
                <Alert
                  type="error"
                  showIcon
                  icon={<CloseCircleFilled />}
                  title={`勾稽关系校验：${failures.length} 处不通过（表中标红的单元格）`}
                  data-testid="checks-failed"
                  description={<FailureList failures={failures} />}
                />
              )}
            </Space>
          </Card>

          <Card variant="borderless" title="二、主动公开政府信息情况" style={{ marginBottom: 16 }} data-testid="section2">
            {t.section2?.note && (
              <Alert type={t.section2.source ? 'info' : 'warning'} showIcon title={t.section2.note} style={{ marginBottom: 12 }} data-testid="section2-note" />
            )}
            {!t.section2 || t.section2.blocks.length === 0 ? (
              <Empty description="暂无主动公开登记数据" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Section2Tables
                blocks={t.section2.blocks}
                onCell={
                  t.section2.source
                    ? (b, r, colKey, colLabel) => setCell({ rowKey: r.drillKey, colKey, label: `${b.item} ${r.label} · ${colLabel}` })
                    : undefined
                }
              />
            )}
          </Card>

          <Card variant="borderless" title="三、收到和处理政府信息公开申请情况" style={{ marginBottom: 16 }}>
            <Section3Table
              data={t.section3}
              failing={f3.set}
              reasons={f3.reasons}
              onCell={(r, c) => setCell({ rowKey: r.key, colKey: c, label: `${r.fullLabel} · ${t.section3.columns.find((x) => x.key === c)?.label ?? c}` })}
            />
          </Card>

          <Card variant="borderless" title="四、政府信息公开行政复议、行政诉讼情况" style={{ marginBottom: 16 }}>
            <Section4Table data={t.section4} failing={f4.set} reasons={f4.reasons} onCell={(k, c, label) => setCell({ rowKey: k, colKey: c, label })} />
          </Card>

          <NarrativeCard year={year} orgId={orgId} editable={can('disclosure.handle') && (!orgId || orgId === me.org.id)} />

          <PublishReportCard year={year} orgId={orgId} canPublish={can('disclosure.approve') && (!orgId || orgId === me.org.id)} checksOk={t.checks.ok} />
        </div>
      )}
      <DrillDown year={year} orgId={orgId} includeChildren={includeChildren} cell={cell} onClose={() => setCell(null)} />
    </>
  );
}

function DrillDown({
  year,
  orgId,
  includeChildren,
  cell,
  onClose,
}: {
  year: number;
  orgId?: string;
  includeChildren: boolean;
  cell: Cell | null;
  onClose: () => void;
}) {
  const [page, setPage] = useState(1);
  const [last, setLast] = useState(cell);
  if (cell !== last) {
    setLast(cell);
    setPage(1);
  }
  const q = useCellDrillDown(year, cell, orgId, page, includeChildren);
  const d = q.data;
  return (
    <Modal open={!!cell} title={cell?.label} onCancel={onClose} footer={null} width={920} destroyOnHidden>
      <div data-testid="drilldown">
        {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
        {d && (
          <Typography.Paragraph type="secondary">
            {year} 年度第{d.section}部分 · 共 {d.count} {d.kind === 'application' ? '件申请' : d.kind === 'register' ? '条目录条目' : '件案件'}
            {d.kind === 'register' ? `，表中数值 ${d.value}` : ''}
          </Typography.Paragraph>
        )}
        {d?.kind === 'register' ? (
          <Table<RegisterEntryView>
            size="small"
            rowKey="id"
            loading={q.isFetching}
            dataSource={d.items}
            pagination={{ current: page, pageSize: 20, total: d.count, onChange: setPage, showTotal: (n) => `共 ${n} 条` }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '类别', dataIndex: 'categoryLabel' },
              {
                title: '名称',
                dataIndex: 'title',
                render: (v: string, r) =>
                  r.link ? (
                    <a href={r.link} target="_blank" rel="noreferrer">
                      {v}
                    </a>
                  ) : (
                    v
                  ),
              },
              { title: '文号', dataIndex: 'docNumber', render: (v: string | null) => v ?? '—' },
              { title: '类型', dataIndex: 'entryKindLabel' },
              { title: '制作日期', dataIndex: 'madeOn' },
              { title: '公开日期', dataIndex: 'publishedOn', render: (v: string | null) => v ?? '—' },
              { title: '废止日期', dataIndex: 'abolishedOn', render: (v: string | null) => v ?? '—' },
              { title: '金额（万元）', dataIndex: 'amount', render: (v: number | null) => v ?? '—' },
            ]}
          />
        ) : d?.kind === 'dispute' ? (
          <Table<DisputeView>
            size="small"
            rowKey="id"
            loading={q.isFetching}
            dataSource={d.items}
            pagination={{ current: page, pageSize: 20, total: d.count, onChange: setPage, showTotal: (n) => `共 ${n} 件` }}
            columns={[
              { title: '类别', dataIndex: 'kindLabel' },
              { title: '案号', dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
              { title: '立案日期', dataIndex: 'filedOn' },
              { title: '结果', dataIndex: 'outcomeLabel' },
              { title: '审结日期', dataIndex: 'closedOn', render: (v: string | null) => v ?? '—' },
            ]}
          />
        ) : (
          <Table<ApplicationListItem>
            size="small"
            rowKey="id"
            loading={q.isFetching}
            dataSource={d?.kind === 'application' ? d.items : []}
            pagination={{ current: page, pageSize: 20, total: d?.count ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 件` }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: '查询码',
                dataIndex: 'trackingCode',
                render: (v: string, r) => (
                  <Link to="/disclosure/applications/$id" params={{ id: r.id }}>
                    <span className="mono">{v}</span>
                  </Link>
                ),
              },
              { title: '收到日期', dataIndex: 'receivedOn' },
              { title: '申请人', dataIndex: 'applicantName' },
              { title: '类型', dataIndex: 'applicantTypeLabel' },
              { title: '证件号码', dataIndex: 'idNumberMasked', render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—') },
              { title: '答复日期', dataIndex: 'decidedOn', render: (v: string | null) => v ?? '—' },
              { title: '办理结果', dataIndex: 'outcomeLabel', render: (v: string | null) => v ?? '—' },
            ]}
          />
        )}
      </div>
    </Modal>
  );
}
