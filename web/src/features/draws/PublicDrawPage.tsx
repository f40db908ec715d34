/**
 * /public/draws/:id — one published draw, no sign-in. It leads with people's words: the plan, the
 * units drawn, the teams by name with their certificate numbers, and how anyone can check the draw.
 * The record's hashes, seeds and the step-by-step recomputation in this browser (RULES.md §4) sit
 * under the 技术复核 fold; the recomputation runs whether the fold is open or not.
 */
import { Alert, Button, Card, Col, Collapse, Descriptions, Result, Row, Skeleton, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import dayjs from 'dayjs';
import type { DrawRecord, PublicDrawNames, PublicDrawSummary } from '@server/modules/inspections/draws/contracts';
import { ApiError, errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtDateTime } from '../../shared/format';
import { PublicFrame } from './PublicFrame';
import { usePublicDraw, usePublicDrawNames, usePublicDrawSummary } from './queries';
import { VerifyPanel, downloadRecord, useDrawVerification } from './VerifyPanel';

type Names = PublicDrawNames | undefined;

const cnDate = (v: string) => dayjs(v).format('YYYY年M月D日');

/** "某某市档案局于2025年3月2日从 40 家检查对象中随机抽取 6 家，…" */
export function drawSentence(r: DrawRecord, meta: PublicDrawSummary | undefined): string {
  const when = meta?.drawnAt ?? meta?.publishedAt;
  const who = meta ? `${meta.orgName}${when ? `于${cnDate(when)}` : ''}` : '本次';
  const n = meta?.candidateCount ?? r.candidates.length;
  const strata = r.strata?.length ? `（按风险等级分层：${r.strata.map((s) => `${s.name} ${s.candidates.length} 家中抽取 ${s.k} 家`).join('，')}）` : '';
  const m = r.teams?.[0]?.m;
  const team = m ? `，并为每家随机选派 ${m} 名执法检查人员组成检查组` : '';
  const planned = meta ? `计划检查日期：${cnDate(meta.plannedDate)}。` : '';
  return `${who}从 ${n} 家检查对象中随机抽取 ${r.k} 家${strata}${team}。${planned}`;
}

/** The line that anyone can check the draw, with this browser's own result. */
function CheckLine({ record }: { record: DrawRecord }) {
  const v = useDrawVerification(record);
  const ok = v.data?.ok;
  return (
    <div data-testid="public-draw-check" style={{ background: '#f6f8fb', borderRadius: 6, padding: '12px 16px' }}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        任何人都可以核对这次抽取：抽取前，候选单位名单已经固定并公开；抽取用的随机数也是公开的。按公开的方法，用同样的名单和随机数计算，只会得到同样的结果。
      </Typography.Paragraph>
      <div style={{ marginBottom: 8 }} data-testid="public-draw-verified" data-ok={ok === undefined ? '' : ok ? '1' : '0'}>
        {v.isLoading ? (
          <Space>
            <Spin size="small" />
            <span>正在您的浏览器中重新计算…</span>
          </Space>
        ) : ok ? (
          <Space wrap>
            <Tag color="success" icon={<CheckCircleFilled />} style={{ fontSize: 14, padding: '2px 8px' }}>
              已验证
            </Tag>
            <span>本页已在您的浏览器中重新计算了一遍，抽到的单位和检查组与公布的完全一致。</span>
          </Space>
        ) : (
          <Space wrap>
            <Tag color="error" icon={<CloseCircleFilled />} style={{ fontSize: 14, padding: '2px 8px' }}>
              不一致
            </Tag>
            <span>本页在您的浏览器中重新计算的结果与公布的不一致，请展开“技术复核”查看是哪一步。</span>
          </Space>
        )}
      </div>
      <Typography.Text type="secondary">
        怎样核对：展开下方“技术复核”，可以看到名单指纹、随机数和逐步计算过程；也可以下载原始记录，用其他工具自行计算。
      </Typography.Text>
    </div>
  );
}

/** The drawn units, each with its team by name and certificate number. */
function DrawnUnits({ record, names }: { record: DrawRecord; names: Names }) {
  const stratumOf = new Map<string, string>();
  for (const s of record.strata ?? []) for (const u of s.selected) stratumOf.set(u, s.name);
  const rows = record.selected.map((unitId, i) => ({ unitId, n: i + 1, team: record.teams?.find((t) => t.unitId === unitId)?.selected ?? [] }));
  return (
    <div data-testid="public-draw-units">
      {rows.map((row, i) => (
        <div key={row.unitId} data-testid="public-draw-unit" style={{ padding: '12px 0', borderTop: i > 0 ? '1px solid #f0f0f0' : undefined }}>
          <div style={{ fontSize: 16, fontWeight: 600 }}>
            <span style={{ color: 'rgba(0,0,0,0.45)', marginRight: 8 }}>{row.n}.</span>
            <span data-testid="public-unit-name">{names?.units[row.unitId] ?? '（名称未公布）'}</span>
            {stratumOf.has(row.unitId) && <Tag style={{ marginLeft: 8, fontWeight: 400 }}>{stratumOf.get(row.unitId)}</Tag>}
          </div>
          {row.team.length > 0 && (
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">检查组：</Typography.Text>
              {row.team.map((m) => {
                const who = names?.inspectors[m];
                return (
                  <span key={m} data-testid="public-team-member" style={{ display: 'inline-block', marginRight: 16, whiteSpace: 'nowrap' }}>
                    {who ? `${who.name}（执法证号 ${who.certificateNo}）` : '（姓名未公布）'}
                  </span>
                );
              })}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

/** 技术复核: the recomputation step by step, the published inputs, the ids behind the names and the record itself. */
function TechReview({ record: r, meta, names }: { record: DrawRecord; meta: PublicDrawSummary | undefined; names: Names }) {
  const nameOf = (id: string) => names?.units[id] ?? names?.inspectors[id]?.name;
  return (
    <div data-testid="tech-review-body">
      <Typography.Paragraph type="secondary">
        抽取算法 <span className="mono">{r.algorithm}</span>
        ：先对冻结的候选名单计算 SHA-256
        名单哈希，再由名单哈希、批次编号和公开随机数计算种子，按种子逐个抽取单位和检查组。下列每一步都由本浏览器独立重新计算，不依赖服务器的计算结果。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <VerifyPanel record={r} names={nameOf} />
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title="公布的输入" size="small">
            <Descriptions bordered size="small" column={1} data-testid="public-draw-inputs">
              <Descriptions.Item label="批次编号">
                <span className="mono">{r.drawId}</span>
              </Descriptions.Item>
              <Descriptions.Item label="算法">
                <span className="mono">{r.algorithm}</span>
              </Descriptions.Item>
              {meta?.drawnAt && <Descriptions.Item label="抽取时间">{fmtDateTime(meta.drawnAt)}</Descriptions.Item>}
              <Descriptions.Item label="候选名单">{r.candidates.length} 个</Descriptions.Item>
              <Descriptions.Item label="名单哈希">
                <span className="mono hash-text">{r.listHash}</span>
              </Descriptions.Item>
              <Descriptions.Item label="随机数">
                <span className="mono hash-text" data-testid="public-entropy">
                  {r.entropy}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="种子">
                <span className="mono hash-text">{r.seed}</span>
              </Descriptions.Item>
              <Descriptions.Item label="抽取数量">{r.strata ? r.strata.map((s) => `${s.name} ${s.k}`).join('，') : r.k}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card variant="borderless" title="记录编号与名称" size="small" style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={[
                ...r.selected.map((id) => ({ id, kind: '单位', name: names?.units[id] ?? '' })),
                ...[...new Set((r.teams ?? []).flatMap((t) => t.selected))].map((id) => ({ id, kind: '执法人员', name: names?.inspectors[id]?.name ?? '' })),
              ]}
              columns={[
                { title: '类别', dataIndex: 'kind', width: 80 },
                { title: '名称', dataIndex: 'name' },
                { title: '记录编号', dataIndex: 'id', render: (v: string) => <span className="mono hash-text">{v}</span> },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              记录编号参与计算和验证；名称与执法证号另行公布，不参与哈希计算。
            </Typography.Paragraph>
          </Card>
          <Card
            variant="borderless"
            title="原始记录"
            size="small"
            style={{ marginTop: 16 }}
            extra={
              <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadRecord(r)} data-testid="download-json">
                下载（JSON）
              </Button>
            }
          >
            <Typography.Paragraph type="secondary">
              离线复核：<span className="mono">npm run verify-draw -- &lt;记录文件或网址&gt;</span>；数据接口：
              <span className="mono">GET /api/public/draws/{meta?.id ?? r.drawId}</span>
            </Typography.Paragraph>
            <pre className="raw-json" data-testid="raw-json">
              {JSON.stringify(r, null, 2)}
            </pre>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

export function PublicDrawPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const rec = usePublicDraw(id);
  const names = usePublicDrawNames(id);
  const summary = usePublicDrawSummary(id);
  const meta = summary.data ?? undefined;
  const r = rec.data;
  const notFound = rec.error instanceof ApiError && rec.error.status === 404;

  return (
    <PublicFrame>
      <PageHeader
        title={<span data-testid="public-draw-plan">{meta?.planTitle ?? '抽取公示'}</span>}
        description={
          <span data-testid="public-draw-heading">
            {meta ? `${meta.orgName} · 抽取批次 ` : '抽取批次 '}
            <span className="mono">{r?.drawId ?? meta?.drawId ?? ''}</span>
          </span>
        }
        extra={
          <Link to="/public/draws">
            <Button icon={<ArrowLeftOutlined />}>全部抽取公示</Button>
          </Link>
        }
      />
      {rec.isLoading && <Skeleton active />}
      {rec.isError && (
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? '没有这条公布的抽取记录' : '加载失败'}
          subTitle={notFound ? '网址可能有误，或该次抽取尚未公布。' : errorMessage(rec.error)}
          extra={
            <Link to="/public/draws">
              <Button type="primary">查看全部抽取公示</Button>
            </Link>
          }
        />
      )}
      {r && (
        <>
          <Card variant="borderless" style={{ marginBottom: 16 }} data-testid="public-draw-summary">
            <Typography.Paragraph style={{ fontSize: 16 }} data-testid="public-draw-sentence">
              {drawSentence(r, meta)}
            </Typography.Paragraph>
            {meta?.supersededBy && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`本次抽取已被 ${meta.supersededBy} 重新抽取取代，检查以新的抽取结果为准。`} />
            )}
            {meta?.supersedes && (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`本次为重新抽取，取代 ${meta.supersedes}。理由：${meta.redrawReason ?? '—'}`} />
            )}
            <CheckLine record={r} />
            <div style={{ marginTop: 12 }}>
              <Link to="/public/plans">查看检查计划、检查事项和执法检查人员名单</Link>
            </div>
          </Card>
          <Card variant="borderless" title="抽到的单位和检查组" style={{ marginBottom: 16 }}>
            {names.isLoading ? (
              <Skeleton active />
            ) : names.isError ? (
              <Alert type="warning" showIcon title="名称加载失败" description={errorMessage(names.error)} />
            ) : (
              <DrawnUnits record={r} names={names.data} />
            )}
          </Card>
          <Collapse
            data-testid="tech-review"
            items={[
              {
                key: 'tech',
                label: <span data-testid="tech-review-toggle">技术复核</span>,
                children: <TechReview record={r} meta={meta} names={names.data} />,
              },
            ]}
          />
        </>
      )}
      {summary.isError && <Alert type="warning" showIcon title={errorMessage(summary.error)} style={{ marginTop: 16 }} />}
    </PublicFrame>
  );
}
