/**
 * /public/enforcement/procedures?org= — 执法流程 (事前公开): the flow charts of 行政处罚一般程序, 行政许可 and
 * 行政检查（双随机、一公开）with each step's statutory time limit and basis, and this bureau's own standards
 * (hearing thresholds, inspection notice and rectification periods) from its settings.
 */
import { Alert, Card, Skeleton, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { errorMessage } from '../../api/client';
import { PublicEnforcementFrame, type Bureau } from './PublicEnforcementFrame';
import { PublicFlowChart } from './PublicFlowChart';
import { usePublicProcedures } from './publicQueries';

function Procedures({ bureau }: { bureau: Bureau }) {
  const q = usePublicProcedures(bureau.id);
  if (q.isLoading) return <Skeleton active />;
  if (q.isError) return <Alert type="error" showIcon title="执法流程加载失败" description={errorMessage(q.error)} />;
  return (
    <>
      {(q.data?.items ?? []).map((p) => (
        <Card
          key={p.key}
          variant="borderless"
          title={<span style={{ fontSize: 17 }}>{p.title}</span>}
          style={{ marginBottom: 16 }}
          data-testid={`procedure-${p.key}`}
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            依据：{p.basis}
          </Typography.Paragraph>
          <PublicFlowChart title={p.title} steps={p.steps} testId={`flow-${p.key}`} />
          {p.key === 'licensing' && (
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
              各许可事项的材料、条件和时限见
              <Link to="/public/licensing" search={{ org: bureau.id }}>
                办事指南
              </Link>
              。
            </Typography.Paragraph>
          )}
          {p.key === 'inspection' && (
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
              年度检查计划、抽取过程和检查结果见<Link to="/public/plans">检查计划</Link>、<Link to="/public/draws">抽取公示</Link>和
              <Link to="/public/inspections">检查结果公开</Link>。
            </Typography.Paragraph>
          )}
        </Card>
      ))}
    </>
  );
}

export function PublicProceduresPage() {
  return (
    <PublicEnforcementFrame
      tab="/public/enforcement/procedures"
      description="行政处罚、行政许可和行政检查的办理流程和法定时限。虚线框的环节视情形进行；“工作日”不含法定节假日。"
    >
      {(bureau) => <Procedures bureau={bureau} />}
    </PublicEnforcementFrame>
  );
}
