/** 评价考评: scored evaluations graded by a published 考评表 (RULES.md §3: 优秀/良好/合格/不合格, veto items). */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Drawer, Form, Input, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { CalculatorOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import type { EvaluationCreateInput, EvaluationResult, EvaluationView, GradeView } from '@server/modules/inspections/evaluations/contracts';
import { ITEM_RESULTS, ITEM_RESULT_LABELS, percent as pct, type Grade, type ItemResult } from '@server/modules/inspections/labels';
import { errorMessage } from '../../api/client';
import { useServerPaging } from '../../shared/pagination';
import { PageHeader } from '../../shared/PageHeader';
import { UnitPicker } from '../../shared/UnitPicker';
import { fmtDate } from '../../shared/format';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { useCan } from '../../app/auth';
import { useChecklistOptions, useCreateEvaluation, useEvaluations, useTryGrade, useVersion } from './queries';
import { firstPageNote } from './shared';

const GRADE_COLORS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

/** A grade as 试算 answers it or as an evaluation stores it (points only when the items carry them). */
type Graded = Omit<GradeView, 'score' | 'maxScore'> & { score?: number | null; maxScore?: number | null };

function GradeTag({ g }: { g: Pick<Graded, 'grade' | 'gradeLabel'> }) {
  return (
    <Tag color={GRADE_COLORS[g.grade]} data-testid="grade" style={{ fontSize: 14, padding: '2px 10px' }}>
      {g.gradeLabel}
    </Tag>
  );
}

function GradeSummary({ g }: { g: Graded }) {
  return (
    <Card size="small" variant="outlined" style={{ marginBottom: 12 }} data-testid="grade-summary">
      <Space wrap size={16} align="center">
        <GradeTag g={g} />
        <span>
          {g.maxScore ? `得分 ${g.score} / ${g.maxScore}，` : ''}
          {g.maxScore ? '得分率' : '符合率'} {pct(g.share)}
        </span>
        <Typography.Text type="secondary">
          符合 {g.compliant} / 适用 {g.applicable}
          {g.notApplicable ? `，不适用 ${g.notApplicable}` : ''}
        </Typography.Text>
      </Space>
      {g.vetoFailed.length > 0 && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title={`否决项不符合：${g.vetoFailed.join('、')}，一票否决，评定为不合格`} />
      )}
      <ul className="explain-list" style={{ marginTop: 8 }}>
        {g.explanation.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
    </Card>
  );
}

export function EvaluationsPage() {
  const can = useCan();
  const manage = can('inspection.manage');
  const { page, pagination } = useServerPaging();
  const q = useEvaluations(page.current, page.pageSize);
  const [open, setOpen] = useState<EvaluationView | null>(null);
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<EvaluationView> = [
    { title: '考评名称', dataIndex: 'title', render: (v: string, r) => <Typography.Link onClick={() => setOpen(r)}>{v}</Typography.Link> },
    { title: '被考评单位', dataIndex: 'unitName', render: (v: string | null) => v ?? <Typography.Text type="secondary">（未记录）</Typography.Text> },
    { title: '考评日期', dataIndex: 'evaluatedOn', render: fmtDate },
    { title: '等级', dataIndex: 'grade', render: (_: unknown, r) => <GradeTag g={r} /> },
    { title: '得分', render: (_: unknown, r) => (r.maxScore ? `${r.score} / ${r.maxScore}（${pct(r.share)}）` : pct(r.share)) },
    { title: '否决项', dataIndex: 'vetoFailed', render: (v: string[]) => (v.length ? <Tag color="red">不符合：{v.join('、')}</Tag> : '—') },
  ];

  return (
    <>
      <PageHeader
        title="评价考评"
        description="目标管理考评、业务建设评价、专项验收：按已发布的考评表逐项评定，得分率 ≥ 80% 优秀、≥ 70% 良好、≥ 60% 合格，否决项不符合的评定为不合格（等级线为考评表的设置）。"
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建考评
            </Button>
          )
        }
      />
      <Card variant="borderless">
        {q.isError && <Alert type="error" showIcon title="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 16 }} />}
        <Table<EvaluationView>
          rowKey="id"
          data-testid="evaluations-table"
          loading={q.isFetching}
          columns={columns}
          dataSource={q.data?.items ?? []}
          pagination={pagination(q.data?.total, '次')}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Drawer open={!!open} onClose={() => setOpen(null)} size={720} title={open?.title} destroyOnHidden>
        {open && (
          <>
            <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="被考评单位">{open.unitName ?? '（未记录）'}</Descriptions.Item>
              <Descriptions.Item label="考评日期">{fmtDate(open.evaluatedOn)}</Descriptions.Item>
            </Descriptions>
            <GradeSummary g={open} />
            <ResultsTable rows={open.results.map((r) => ({ ...r }))} />
          </>
        )}
      </Drawer>
      {creating && <EvaluationDrawer onClose={() => setCreating(false)} />}
    </>
  );
}

function ResultsTable({ rows }: { rows: EvaluationResult[] }) {
  return (
    <Table
      size="small"
      rowKey="entryId"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '编号', dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
        {
          title: '检查项',
          dataIndex: 'title',
          render: (v: string, r) => (
            <div style={{ maxWidth: 380 }}>
              {v}
              {r.veto && (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  否决项
                </Tag>
              )}
            </div>
          ),
        },
        { title: '分值', dataIndex: 'points', render: (v: number | null) => v ?? '—' },
        {
          title: '结果',
          dataIndex: 'result',
          render: (v: ItemResult, r) => <Tag color={v === 'compliant' ? 'green' : v === 'non_compliant' ? 'red' : 'default'}>{r.resultLabel}</Tag>,
        },
      ]}
    />
  );
}

type EvalForm = { versionId: string; title: string; evaluatedOn: Dayjs; unitId: string };

function EvaluationDrawer({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const tryGrade = useTryGrade();
  const create = useCreateEvaluation();
  const [form] = Form.useForm<EvalForm>();
  const checklists = useChecklistOptions('evaluation');
  const options = (checklists.data?.items ?? [])
    .filter((c) => c.latestPublished)
    .map((c) => ({ value: c.latestPublished!.id, label: `${c.name}（第 ${c.latestPublished!.version} 版）` }));
  const versionId = Form.useWatch('versionId', form);
  const ver = useVersion(versionId);
  const [results, setResults] = useState<Record<string, ItemResult>>({});
  const [grade, setGrade] = useState<GradeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const body = (v: EvalForm): EvaluationCreateInput => ({
    checklistVersionId: v.versionId,
    unitId: v.unitId,
    title: v.title.trim(),
    evaluatedOn: v.evaluatedOn.format('YYYY-MM-DD'),
    results: (ver.data?.items ?? []).filter((e) => results[e.id]).map((e) => ({ entryId: e.id, result: results[e.id]! })),
  });
  const run = async (save: boolean) => {
    let v: EvalForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (save) {
        await create.mutateAsync(body(v));
        message.success('考评结果已保存');
        onClose();
      } else {
        setGrade(await tryGrade.mutateAsync(body(v)));
      }
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    } finally {
      setBusy(false);
    }
  };

  const items = ver.data?.items ?? [];
  return (
    <Drawer
      open
      onClose={onClose}
      size={860}
      title="新建考评"
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button icon={<CalculatorOutlined />} loading={busy} onClick={() => void run(false)}>
            试算等级
          </Button>
          <Button type="primary" loading={busy} onClick={() => void run(true)}>
            保存
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="evaluation" initialValues={{ evaluatedOn: dayjs(), title: `${dayjs().year()}年度机关档案工作目标管理考评` }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="考评表"
              name="versionId"
              rules={[{ required: true, message: '请选择已发布的考评表' }]}
              extra={firstPageNote(checklists.data, '考评表')}
            >
              <Select
                options={options}
                loading={checklists.isLoading}
                onChange={() => {
                  setResults({});
                  setGrade(null);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="被考评单位" name="unitId" rules={[{ required: true, message: '请选择被考评单位' }]}>
              <UnitPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="考评名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写考评名称' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="考评日期" name="evaluatedOn" rules={[{ required: true, message: '请选择考评日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {items.length > 0 && (
        <Space style={{ marginBottom: 8 }}>
          <Button size="small" onClick={() => setResults(Object.fromEntries(items.map((e) => [e.id, 'compliant' as ItemResult])))}>
            全部符合
          </Button>
          <Typography.Text type="secondary">
            已填 {Object.keys(results).length} / {items.length} 项
          </Typography.Text>
        </Space>
      )}
      {grade && <GradeSummary g={grade} />}
      {items.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '编号', dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
            {
              title: '检查项',
              dataIndex: 'title',
              render: (v: string, r) => (
                <div style={{ maxWidth: 380 }}>
                  {v}
                  {r.veto && (
                    <Tag color="red" style={{ marginLeft: 6 }}>
                      否决项
                    </Tag>
                  )}
                </div>
              ),
            },
            { title: '分值', dataIndex: 'points', render: (v: number | null) => v ?? '—' },
            {
              title: '结果',
              key: 'result',
              render: (_: unknown, r) => (
                <Radio.Group
                  size="small"
                  optionType="button"
                  value={results[r.id]}
                  onChange={(e) => {
                    setResults((x) => ({ ...x, [r.id]: e.target.value as ItemResult }));
                    setGrade(null);
                  }}
                  options={ITEM_RESULTS.map((k) => ({ value: k, label: ITEM_RESULT_LABELS[k] }))}
                />
              ),
            },
          ]}
        />
      )}
      {versionId && ver.data && (
        <Descriptions size="small" style={{ marginTop: 12 }} column={3}>
          {ver.data.thresholds && (
            <>
              <Descriptions.Item label="优秀">≥ {pct(ver.data.thresholds.excellent)}</Descriptions.Item>
              <Descriptions.Item label="良好">≥ {pct(ver.data.thresholds.good)}</Descriptions.Item>
              <Descriptions.Item label="合格">≥ {pct(ver.data.thresholds.pass)}</Descriptions.Item>
            </>
          )}
        </Descriptions>
      )}
    </Drawer>
  );
}
