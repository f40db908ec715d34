/** A draw's frozen inputs (名单与参数: plan, date, pool, listHash, k, team size, entropy, seed, times) and the server's verification. */
import { Card, Collapse, Descriptions, Space, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { DrawDetail } from '@server/modules/inspections/draws/contracts';
import { fmtDate, fmtDateTime } from '../../shared/format';

export function DrawParameters({ d }: { d: DrawDetail }) {
  return (
    <>
      <Card variant="borderless" title="名单与参数" size="small">
        <Descriptions bordered size="small" column={1} data-testid="draw-summary">
          <Descriptions.Item label="检查计划">
            <Link to="/inspection/plans/$id" params={{ id: d.planId }}>
              {d.planTitle}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label="计划检查日期">{fmtDate(d.plannedDate)}</Descriptions.Item>
          <Descriptions.Item label="候选名单">
            {d.candidateCount} 家（排除 {d.excluded.length} 家）
          </Descriptions.Item>
          <Descriptions.Item label="名单哈希">
            <span className="mono hash-text" data-testid="list-hash">
              {d.listHash}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="抽取数量">
            {d.strata.length ? (
              <Space orientation="vertical" size={0}>
                {d.strata.map((s) => (
                  <span key={s.name}>
                    {s.name}：{s.candidateCount} 家中抽 {s.k} 家
                  </span>
                ))}
                <Typography.Text type="secondary">合计 {d.k} 家</Typography.Text>
              </Space>
            ) : (
              `${d.k} 家`
            )}
          </Descriptions.Item>
          <Descriptions.Item label="检查组">
            每组 {d.teamSize} 名（执法人员库 {d.inspectorPool.length} 名）
          </Descriptions.Item>
          <Descriptions.Item label="随机数来源">{d.entropySource === 'public' ? `公开随机值：${d.publicValueName}` : '服务器随机数'}</Descriptions.Item>
          {d.entropy !== null && (
            <Descriptions.Item label="随机数">
              <span className="mono hash-text">{d.entropy}</span>
            </Descriptions.Item>
          )}
          {d.seed !== null && (
            <Descriptions.Item label="种子">
              <span className="mono hash-text">{d.seed}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="冻结时间">{fmtDateTime(d.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="抽取时间">{fmtDateTime(d.executedAt)}</Descriptions.Item>
          <Descriptions.Item label="公布时间">{fmtDateTime(d.publishedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card variant="borderless" title="服务器校验" size="small" style={{ marginTop: 16 }} data-testid="server-verification">
        {d.verification ? (
          <>
            <Typography.Paragraph>
              {d.verification.ok ? (
                <Typography.Text type="success" strong>
                  <CheckCircleFilled /> 记录校验通过
                </Typography.Text>
              ) : (
                <Typography.Text type="danger" strong>
                  <CloseCircleFilled /> 记录校验未通过：{d.verification.problems.join('；')}
                </Typography.Text>
              )}
            </Typography.Paragraph>
            <Collapse
              size="small"
              ghost
              defaultActiveKey={d.verification.ok ? [] : ['checks']}
              items={[
                {
                  key: 'checks',
                  label: `${d.verification.checks.length} 项校验明细`,
                  children: (
                    <ul className="explain-list check-list">
                      {d.verification.checks.map((c, i) => (
                        <li key={i}>
                          <Typography.Text type={c.ok ? undefined : 'danger'}>
                            {c.ok ? '✓' : '✗'} {c.zh}
                          </Typography.Text>
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          </>
        ) : (
          <Typography.Text type="secondary">尚未抽取。执行抽取后，服务器按公布的抽取方法重算每个环节。</Typography.Text>
        )}
      </Card>
    </>
  );
}
