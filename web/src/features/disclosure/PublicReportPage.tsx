/**
 * /public/disclosure/reports/:id — one published annual report as it was frozen: the six sections,
 * the tables laid out like the back office's but read-only (no drill-down), and the .docx.
 */
import { Alert, Button, Card, Empty, Result, Skeleton, Space, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { ApiError, errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { Section2Tables, Section3Table, Section4Table } from './ReportTables';
import { PublicDisclosureFrame } from './PublicDisclosureFrame';
import { usePublicReport } from './queries';

const NONE = new Set<string>();
const NO_REASONS = new Map<string, string[]>();

function Narrative({ text }: { text: string }) {
  if (!text.trim()) return <Typography.Text type="secondary">（本部分未填写。）</Typography.Text>;
  return (
    <>
      {text
        .trim()
        .split(/\n+/)
        .map((p, i) => (
          <Typography.Paragraph key={i} style={{ textIndent: '2em' }}>
            {p}
          </Typography.Paragraph>
        ))}
    </>
  );
}

export function PublicReportPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = usePublicReport(id);
  const r = q.data;
  const t = r?.tables;
  return (
    <PublicDisclosureFrame org={r?.org.id} wide>
      {q.isLoading && <Skeleton active />}
      {q.isError && (
        <Result
          status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'}
          title={q.error instanceof ApiError && q.error.status === 404 ? '没有找到该年度报告' : '读取失败'}
          subTitle={errorMessage(q.error)}
          extra={<Link to="/public/disclosure/reports">返回年度报告列表</Link>}
        />
      )}
      {r && t && (
        <div data-testid="public-report">
          <PageHeader
            title={`${r.org.name}${r.year}年政府信息公开工作年度报告`}
            description={`第${r.version}版 · ${fmtDateTime(r.publishedAt)} 发布 · 适用格式：${t.template.name}`}
            extra={
              <Button icon={<FileWordOutlined />} href={`/api/public/disclosure/annual-reports/${r.id}/report.docx`} data-testid="public-report-docx">
                下载 Word 全文
              </Button>
            }
          />
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
            {r.superseded && r.supersededBy && (
              <Alert
                type="warning"
                showIcon
                title="本版本已被更正"
                description={
                  <Link to="/public/disclosure/reports/$id" params={{ id: r.supersededBy }}>
                    查看更正后的版本
                  </Link>
                }
                data-testid="public-report-superseded"
              />
            )}
            {r.reason && <Alert type="info" showIcon title={`更正版，更正理由：${r.reason}`} />}
            <Link to="/public/disclosure/reports">← 全部年度报告</Link>
          </Space>

          <Card variant="borderless" title="一、总体情况" style={{ marginBottom: 16 }}>
            <Narrative text={r.narrative.overview} />
          </Card>

          <Card variant="borderless" title="二、主动公开政府信息情况" style={{ marginBottom: 16 }} data-testid="public-section2">
            {t.section2?.note && (
              <Typography.Paragraph type="secondary">{t.section2.source ? '按主动公开目录统计（金额单位：万元）' : '本部分未填数。'}</Typography.Paragraph>
            )}
            {!t.section2 || t.section2.blocks.length === 0 ? (
              <Empty description="无" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Section2Tables blocks={t.section2.blocks} />
            )}
          </Card>

          <Card variant="borderless" title="三、收到和处理政府信息公开申请情况" style={{ marginBottom: 16 }}>
            <Section3Table data={t.section3} failing={NONE} reasons={NO_REASONS} />
          </Card>

          <Card variant="borderless" title="四、政府信息公开行政复议、行政诉讼情况" style={{ marginBottom: 16 }}>
            <Section4Table data={t.section4} failing={NONE} reasons={NO_REASONS} />
          </Card>

          <Card variant="borderless" title="五、存在的主要问题及改进情况" style={{ marginBottom: 16 }}>
            <Narrative text={r.narrative.problems} />
          </Card>

          <Card variant="borderless" title="六、其他需要报告的事项" style={{ marginBottom: 16 }}>
            {r.narrative.other.trim() && <Narrative text={r.narrative.other} />}
            {t.section6?.feesApplicable ? (
              <Typography.Paragraph style={{ textIndent: '2em' }}>
                本年度收取政府信息公开信息处理费{t.section6.feesCollected.amount.toFixed(2).replace(/\.00$/, '')}元（{t.section6.feesCollected.applications}
                件申请）。
              </Typography.Paragraph>
            ) : (
              !r.narrative.other.trim() && <Typography.Text type="secondary">（本部分未填写。）</Typography.Text>
            )}
          </Card>
        </div>
      )}
    </PublicDisclosureFrame>
  );
}
