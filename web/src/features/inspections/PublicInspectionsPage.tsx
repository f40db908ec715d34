/**
 * /public/inspections — 检查结果公开 (一公开) on the portal, no sign-in: the published results of
 * every bureau (GET /api/public/inspections), filtered by year, bureau and unit type, paged, and the
 * 典型单位 on top (GET /api/public/inspections/exemplary, same filters, paged too). Cards rather than a wide
 * table, so a phone reads them without scrolling sideways.
 */
import { useState } from 'react';
import { Alert, Card, Col, Empty, List, Pagination, Row, Select, Space, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { PublicInspection } from '@server/modules/inspections/publication/contracts';
import { api, errorMessage } from '../../api/client';
import { UNIT_TYPE_LABELS } from '../../api/labels';
import type { UnitType } from '../../api/types';
import { PageHeader } from '../../shared/PageHeader';
import { DueDate } from '../../shared/DueDate';
import { PublicFrame } from '../draws/PublicFrame';
import { usePublicExemplary, usePublicInspections, type PublicInspectionFilter } from './queries';
import { RECTIFICATION_PROGRESS_COLORS as RECT_COLORS } from './status';

const PAGE_SIZE = 10;
const EXEMPLARY_PAGE_SIZE = 12;
const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);
const noRedirect = { redirectOn401: false };

export function PublicInspectionsPage() {
  const [filter, setFilter] = useState<PublicInspectionFilter>({});
  const [page, setPage] = useState(1);
  const [exemplaryPage, setExemplaryPage] = useState(1);
  const set = (patch: Partial<PublicInspectionFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
    setExemplaryPage(1);
  };
  const bureaus = useQuery({
    queryKey: ['/api/public/orgs'],
    queryFn: () => api.get<{ items: { id: string; name: string; level: string }[] }>('/api/public/orgs', undefined, noRedirect),
  });
  const exemplary = usePublicExemplary(filter, exemplaryPage, EXEMPLARY_PAGE_SIZE);
  const list = usePublicInspections(filter, page, PAGE_SIZE);

  return (
    <PublicFrame footer="依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号），检查结果自形成之日起 20 个工作日内向社会公开。">
      <PageHeader
        title="行政检查结果公开"
        description="档案行政检查（双随机抽查和专项检查）的检查结果、发现的问题与整改情况。公开内容不含人员姓名、照片和签名。"
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space wrap size={8} data-testid="public-filters">
          <Select<number>
            allowClear
            aria-label="年度"
            placeholder="全部年度"
            style={{ width: 130 }}
            size="large"
            value={filter.year}
            onChange={(year) => set({ year })}
            options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
            data-testid="filter-year"
          />
          <Select<string>
            allowClear
            aria-label="检查机关"
            placeholder="全部检查机关"
            style={{ width: 220 }}
            size="large"
            value={filter.orgId}
            onChange={(orgId) => set({ orgId })}
            loading={bureaus.isLoading}
            options={(bureaus.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            data-testid="filter-org"
          />
          <Select<UnitType>
            allowClear
            aria-label="单位类型"
            placeholder="全部单位类型"
            style={{ width: 160 }}
            size="large"
            value={filter.unitType}
            onChange={(unitType) => set({ unitType })}
            options={(Object.keys(UNIT_TYPE_LABELS) as UnitType[]).map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }))}
            data-testid="filter-unit-type"
          />
        </Space>
      </Card>

      <Card
        variant="borderless"
        title={
          <Space>
            <StarFilled style={{ color: '#d4a017' }} />
            <span>典型单位</span>
          </Space>
        }
        style={{ marginBottom: 16 }}
        data-testid="public-exemplary"
      >
        {exemplary.isError && <Alert type="error" showIcon message={errorMessage(exemplary.error)} />}
        {exemplary.data && exemplary.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无典型单位" />}
        <Row gutter={[12, 12]}>
          {(exemplary.data?.items ?? []).map((x) => (
            <Col key={x.id} xs={24} md={12} xl={8}>
              <div
                style={{ border: '1px solid #f0e0b0', background: '#fffbe6', borderRadius: 8, padding: 12, height: '100%' }}
                data-testid="exemplary-item"
                data-code={x.code}
              >
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {x.unitName}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {x.unitTypeLabel} · {x.orgName} · 检查日期 {x.onSiteDate ?? '—'}
                  </Typography.Text>
                </div>
                <div style={{ marginTop: 6 }} data-testid="exemplary-item-note">
                  {x.exemplaryNote}
                </div>
              </div>
            </Col>
          ))}
        </Row>
        {(exemplary.data?.total ?? 0) > EXEMPLARY_PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 12 }}
            align="center"
            size="small"
            current={exemplaryPage}
            pageSize={EXEMPLARY_PAGE_SIZE}
            total={exemplary.data!.total}
            showSizeChanger={false}
            showTotal={(t) => `共 ${t} 个典型单位`}
            onChange={setExemplaryPage}
            data-testid="exemplary-pagination"
          />
        )}
      </Card>

      <Card variant="borderless" title="检查结果" data-testid="public-results-card">
        {list.isError && <Alert type="error" showIcon message="加载失败" description={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
        <List<PublicInspection>
          data-testid="public-results"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无公开的检查结果" /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (t) => `共 ${t} 条`,
            align: 'center',
          }}
          renderItem={(x) => <ResultItem x={x} />}
        />
      </Card>
    </PublicFrame>
  );
}

function ResultItem({ x }: { x: PublicInspection }) {
  return (
    <List.Item data-testid="public-result" data-code={x.code} style={{ display: 'block' }}>
      <Space wrap size={[8, 4]} align="center">
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="public-result-unit">
          {x.unitName}
        </Typography.Text>
        <Tag>{x.unitTypeLabel}</Tag>
        {x.exemplary && (
          <Tag color="gold" icon={<StarFilled />}>
            典型
          </Tag>
        )}
      </Space>
      <div style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">
          {x.orgName} · 检查日期 {x.onSiteDate ?? '—'} · 公开日期 {x.publishedOn}
        </Typography.Text>
      </div>
      <Space wrap size={[8, 4]} style={{ marginTop: 8 }}>
        <span>
          检查方式：{x.sourceLabel}
          {x.draw && (
            <>
              {'（抽取批次 '}
              <Link to="/public/draws/$id" params={{ id: x.draw.id }} data-testid="public-result-draw">
                <span className="mono">{x.draw.drawId}</span>
              </Link>
              {'）'}
            </>
          )}
        </span>
      </Space>
      <div style={{ marginTop: 8 }}>
        <span>
          检查事项 <b>{x.itemsChecked}</b> 项：
        </span>
        <Space wrap size={4} data-testid="public-result-counts">
          <Tag color="green">符合 {x.results.compliant}</Tag>
          <Tag color={x.results.nonCompliant ? 'red' : 'default'}>不符合 {x.results.nonCompliant}</Tag>
          <Tag>不适用 {x.results.notApplicable}</Tag>
        </Space>
      </div>
      <Typography.Paragraph
        style={{ marginTop: 8, marginBottom: 8, whiteSpace: 'pre-wrap' }}
        ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}
        data-testid="public-result-text"
      >
        {x.conclusion}
      </Typography.Paragraph>
      <div>
        <span>整改情况：</span>
        <Tag color={RECT_COLORS[x.rectification.code]} style={{ marginInlineEnd: 8 }} data-testid="public-result-rectification">
          {x.rectification.label}
        </Tag>
        {x.rectification.due && x.rectification.code !== 'done' && (
          <Typography.Text type="secondary">
            整改期限 <DueDate due={x.rectification.due} provisional={x.rectification.provisional} provisionalYears={x.rectification.provisionalYears} />
          </Typography.Text>
        )}
      </div>
    </List.Item>
  );
}
