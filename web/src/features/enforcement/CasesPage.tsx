/**
 * /enforcement/cases — 案件办理: the penalty cases, paged on the server with filters (status, year,
 * source) and search (case number, party); 新建案件 (a complaint or the officers' own finding — a
 * referral is filed from 案件线索) and 导入历史案件 (the .xlsx template, all or nothing).
 */
import { useState } from 'react';
import { Button, Result, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from '@tanstack/react-router';
import type { CaseSummary } from '@server/modules/enforcement/cases/contracts';
import { CASE_SOURCE_LABELS, CASE_SOURCES, CASE_STATUS_LABELS, CASE_STATUSES, PENALTY_TYPE_LABELS } from '@server/modules/enforcement/labels';
import { useCan } from '../../app/auth';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { SheetImportModal } from '../../shared/SheetImportModal';
import { caseYears } from './helpers';
import { OpenCaseDrawer } from './OpenCaseDrawer';
import { CASES_URL, useImportCases } from './queries';
import { CaseResultTag, CaseStatusTag } from './status';

function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importing = useImportCases();
  return (
    <SheetImportModal
      open={open}
      onClose={onClose}
      title="导入历史案件"
      templateUrl={`${CASES_URL}/import/template`}
      templateName="行政处罚案件导入模板.xlsx"
      rowNoun="一件案件"
      maxRows={5000}
      upload={(file) => importing.mutateAsync(file)}
      busy={importing.isPending}
      testId="case-import"
      done={(r) => (
        <Result
          status="success"
          title={`已导入 ${r.imported} 件历史案件`}
          subTitle="导入的案件计入立案、决定、罚款、法制审核和听证等统计；历史案件不计算期限，也不能继续办理。"
          data-testid="case-import-done"
        />
      )}
    />
  );
}

export function CasesPage() {
  const can = useCan();
  const manage = can('enforcement.manage');
  const [opening, setOpening] = useState(false);
  const [importing, setImporting] = useState(false);

  const columns: ColumnsType<CaseSummary> = [
    {
      title: '案件编号',
      dataIndex: 'caseNo',
      key: 'caseNo',
      render: (v: string, r) => (
        <Link to="/enforcement/cases/$id" params={{ id: r.id }} data-testid="case-link">
          <span className="mono">{v}</span>
        </Link>
      ),
    },
    { title: '当事人', dataIndex: 'partyName', key: 'partyName' },
    {
      title: '违法行为',
      dataIndex: 'violation',
      key: 'violation',
      responsive: ['lg'],
      render: (v: string | null) =>
        v ? (
          <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 200 }}>
            {v}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: '来源', dataIndex: 'sourceLabel', key: 'source', responsive: ['md'] },
    { title: '立案日期', dataIndex: 'filedOn', key: 'filedOn', render: (v: string) => <span className="mono">{v}</span> },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (_: unknown, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <CaseStatusTag status={r.status} label={r.statusLabel} />
          <CaseResultTag result={r.result} />
          {r.imported && <Typography.Text type="secondary">（历史导入）</Typography.Text>}
        </span>
      ),
    },
    {
      title: '处罚',
      key: 'penalty',
      responsive: ['lg'],
      render: (_: unknown, r) =>
        !r.heaviestPenalty
          ? '—'
          : r.fineAmount == null
            ? PENALTY_TYPE_LABELS[r.heaviestPenalty]
            : r.heaviestPenalty === 'fine'
              ? `罚款 ${r.fineAmount.toLocaleString('zh-CN')} 元`
              : `${PENALTY_TYPE_LABELS[r.heaviestPenalty]}，罚款 ${r.fineAmount.toLocaleString('zh-CN')} 元`,
    },
    { title: '决定日期', dataIndex: 'decidedOn', key: 'decidedOn', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title="案件办理"
        description="行政处罚案件：立案 → 调查取证 → 告知 → 听证 → 法制审核 → 集体讨论 → 决定 → 送达 → 执行 → 结案。立案之日起九十日内作出决定；处罚决定七个工作日内公开。"
      />
      <ListPage<CaseSummary>
        url={CASES_URL}
        columns={columns}
        testId="cases-table"
        orgFilter
        searchPlaceholder="案件编号或当事人"
        filters={[
          { key: 'status', placeholder: '状态', options: CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] })), width: 120 },
          { key: 'year', placeholder: '立案年度', options: caseYears().map((y) => ({ value: y, label: `${y}年` })), width: 120 },
          { key: 'source', placeholder: '案件来源', options: CASE_SOURCES.map((s) => ({ value: s, label: CASE_SOURCE_LABELS[s] })), width: 150 },
        ]}
        actions={() => (
          <>
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="new-case">
                新建案件
              </Button>
            )}
            {manage && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-cases">
                导入历史案件
              </Button>
            )}
          </>
        )}
      />
      <OpenCaseDrawer open={opening} onClose={() => setOpening(false)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
