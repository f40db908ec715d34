/**
 * /public/enforcement?org= — 事前公开 on the portal, no sign-in: the enforcing body (name, level, the
 * bureau above it, telephone), what it may do — the licensing items in force, the random-inspection item
 * list, the penalties by violation (its 裁量基准) — the laws all of these cite, and the remedies against its
 * acts. Every list is one bureau's and paged; lists rather than wide tables, so a phone reads them.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Card, Col, Descriptions, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import type { PenaltyPower, PublicBody } from '@server/modules/enforcement/public/contracts';
import { errorMessage } from '../../api/client';
import { PublicEnforcementFrame, type Bureau } from './PublicEnforcementFrame';
import { useInspectionPowers, useLicensingPowers, usePenaltyPowers, usePublicBases, usePublicBody } from './publicQueries';

const yuan = (n: number) => (n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000} 万元` : `${n.toLocaleString('zh-CN')} 元`);

/** A long legal text in two lines, expandable. */
function Basis({ text }: { text: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
      {text}
    </Typography.Paragraph>
  );
}

function Section({ id, title, extra, children }: { id: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card variant="borderless" id={id} title={<span style={{ fontSize: 17 }}>{title}</span>} extra={extra} style={{ marginBottom: 16 }} data-testid={id}>
      {children}
    </Card>
  );
}

/** A server-paged list: the page state and antd's pagination, hidden when one page holds it all. */
function usePaged(pageSize: number) {
  const [page, setPage] = useState(1);
  const pagination = (total: number | undefined) =>
    (total ?? 0) > pageSize ? { current: page, pageSize, total: total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' as const } : false;
  return { page, pageSize, pagination };
}

function BodyCard({ body }: { body: PublicBody }) {
  const tiles: [string, number, string, string][] = [
    ['行政许可', body.counts.licensing, '项', '#powers-licensing'],
    ['行政检查', body.counts.inspection, '项', '#powers-inspection'],
    ['行政处罚', body.counts.penalty, '类', '#powers-penalty'],
    ['执法人员', body.counts.officers, '名', ''],
  ];
  return (
    <Section id="enforcement-body" title="执法主体">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="机关名称">{body.name}</Descriptions.Item>
        <Descriptions.Item label="层级">{body.levelLabel || '—'}</Descriptions.Item>
        {body.parentName && <Descriptions.Item label="上级机关">{body.parentName}</Descriptions.Item>}
        <Descriptions.Item label="办公电话">{body.telephone ?? '未公布'}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[12, 12]}>
        {tiles.map(([label, n, unit, href]) => (
          <Col xs={12} md={6} key={label}>
            <Card size="small" style={{ background: '#f4f8fd' }} data-testid={`enforcement-count-${label}`}>
              <Statistic title={label} value={n} suffix={unit} />
              {href ? (
                <a href={href} style={{ fontSize: 12 }}>
                  查看清单
                </a>
              ) : (
                <Link to="/public/enforcement/officers" search={{ org: body.orgId }} style={{ fontSize: 12 }}>
                  查看名单
                </Link>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </Section>
  );
}

function LicensingSection({ org }: { org: string }) {
  const p = usePaged(10);
  const q = useLicensingPowers(org, p.page, p.pageSize);
  return (
    <Section
      id="powers-licensing"
      title="行政许可事项"
      extra={
        <Link to="/public/licensing" search={{ org }}>
          办事指南
        </Link>
      }
    >
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '本机关目前没有实施的行政许可事项' }}
        pagination={p.pagination(q.data?.total)}
        data-testid="powers-licensing-list"
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{i.name}</span>
                  <Tag color="blue">{i.categoryLabel}</Tag>
                </Space>
              }
              description={
                <>
                  <div>
                    法定办结时限 {i.statutoryDays} 个工作日{i.promisedDays ? `，承诺 ${i.promisedDays} 个工作日` : ''}；{i.fee}
                    {i.department ? `；承办：${i.department}` : ''}
                  </div>
                  <Basis text={`依据：${i.legalBasis}`} />
                </>
              }
            />
          </List.Item>
        )}
      />
    </Section>
  );
}

function InspectionSection({ org }: { org: string }) {
  const p = usePaged(10);
  const q = useInspectionPowers(org, p.page, p.pageSize);
  return (
    <Section
      id="powers-inspection"
      title="行政检查事项"
      extra={
        <Link to="/public/plans" style={{ whiteSpace: 'nowrap' }}>
          年度检查计划
        </Link>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        随机抽查事项清单：双随机抽查按此清单逐项检查（档案法第四十二条）。
      </Typography.Paragraph>
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '本机关尚未公布随机抽查事项' }}
        pagination={p.pagination(q.data?.total)}
        data-testid="powers-inspection-list"
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  <Typography.Text type="secondary" className="mono" style={{ marginRight: 8 }}>
                    {i.code}
                  </Typography.Text>
                  {i.title}
                </span>
              }
              description={
                <>
                  <div>
                    {i.areaLabel}
                    {i.method ? `；检查方式：${i.method}` : ''}
                  </div>
                  <Basis text={`依据：${i.legalBasis}`} />
                </>
              }
            />
          </List.Item>
        )}
      />
    </Section>
  );
}

function ranges(p: PenaltyPower) {
  return p.ranges.map((r) => `${r.partyKindLabel} ${yuan(r.statutoryMin)}—${yuan(r.statutoryMax)}${r.confiscation ? '（并没收违法所得）' : ''}`).join('；');
}

function PenaltySection({ org }: { org: string }) {
  const p = usePaged(10);
  const q = usePenaltyPowers(org, p.page, p.pageSize);
  return (
    <Section
      id="powers-penalty"
      title="行政处罚事项"
      extra={
        <Link to="/public/enforcement/benchmarks" search={{ org }} data-testid="powers-benchmarks-link">
          裁量基准
        </Link>
      }
    >
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '本机关尚未公布行政处罚裁量基准' }}
        pagination={p.pagination(q.data?.total)}
        data-testid="powers-penalty-list"
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta
              title={i.violation}
              description={
                <>
                  <div>违反：{i.breachBasis}</div>
                  <div>
                    处罚种类：{i.penaltiesLabel}；法定罚款幅度：{ranges(i)}
                  </div>
                  <Basis text={`处罚依据：${[...new Set(i.ranges.map((r) => r.penaltyBasis))].join('；')}`} />
                </>
              }
            />
          </List.Item>
        )}
      />
    </Section>
  );
}

function BasesSection({ org }: { org: string }) {
  const p = usePaged(10);
  const q = usePublicBases(org, p.page, p.pageSize);
  return (
    <Section id="enforcement-bases" title="执法依据">
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={p.pagination(q.data?.total)}
        data-testid="enforcement-bases-list"
        renderItem={(b) => (
          <List.Item>
            <List.Item.Meta
              title={b.law}
              description={
                <>
                  <Space wrap size={4} style={{ marginBottom: 4 }}>
                    {b.citedBy.map((c) => (
                      <Tag key={c}>{c}</Tag>
                    ))}
                  </Space>
                  {b.articles.length > 0 && <Basis text={`引用条款：${b.articles.join('、')}`} />}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Section>
  );
}

function RemediesSection({ body }: { body: PublicBody }) {
  return (
    <Section id="enforcement-remedies" title="救济途径">
      <Typography.Paragraph>公民、法人或者其他组织认为本机关的行政许可、行政检查、行政处罚等行政行为侵犯其合法权益的，可以依法：</Typography.Paragraph>
      <List
        dataSource={body.remedies}
        data-testid="enforcement-remedies"
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={r.label}
              description={
                <>
                  <div>
                    {r.period}，向{r.organ}
                    {r.kind === 'review' ? '申请行政复议' : '提起行政诉讼'}。
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    依据：{r.basis}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Section>
  );
}

function Content({ bureau }: { bureau: Bureau }) {
  const body = usePublicBody(bureau.id);
  return (
    <>
      {body.isError && <Alert type="error" showIcon title="执法主体信息加载失败" description={errorMessage(body.error)} style={{ marginBottom: 16 }} />}
      {body.data && <BodyCard body={body.data} />}
      <LicensingSection org={bureau.id} />
      <InspectionSection org={bureau.id} />
      <PenaltySection org={bureau.id} />
      <BasesSection org={bureau.id} />
      {body.data && <RemediesSection body={body.data} />}
    </>
  );
}

export function PublicEnforcementPage() {
  return (
    <PublicEnforcementFrame
      tab="/public/enforcement"
      description="执法前公开：本机关的执法主体、可以实施的行政许可、行政检查和行政处罚事项、执法依据和救济途径，均由本机关的事项目录、检查事项清单和裁量基准生成。"
    >
      {(bureau) => <Content bureau={bureau} />}
    </PublicEnforcementFrame>
  );
}
