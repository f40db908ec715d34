/**
 * /enforcement/benchmarks — 裁量基准: the org's benchmarks per violation (档案法第四十八条 × party kind,
 * 第四十九条 ranges), each circumstance with its recommended range and penalty types. Those who hold
 * `enforcement.manage` (the server's grant) adjust a benchmark's recommended ranges — each inside the
 * statutory range, the server naming the level it refuses — and load the standard ones the org lacks.
 * The same benchmarks are published on the portal (行政处罚法第三十四条).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { EditOutlined, ImportOutlined } from '@ant-design/icons';
import type { BenchmarkLevelsInput, BenchmarkView } from '@server/modules/enforcement/benchmarks/contracts';
import { PENALTY_TYPE_LABELS, PENALTY_TYPES, type PenaltyType } from '@server/modules/enforcement/labels';
import { errorMessage } from '../../api/client';
import { useCan, useMe } from '../../app/auth';
import { FormDrawer } from '../../shared/FormDrawer';
import { PageHeader } from '../../shared/PageHeader';
import { BenchmarkTable } from './BenchmarkTable';
import { useBenchmarks, useSeedBenchmarks, useUpdateBenchmark } from './queries';

function EditDrawer({ b, onClose }: { b: BenchmarkView | null; onClose: () => void }) {
  const update = useUpdateBenchmark(b?.id ?? '');
  return (
    <FormDrawer<BenchmarkLevelsInput>
      open={!!b}
      title={b ? `修改裁量基准：${b.violation}（${b.partyKindLabel}）` : ''}
      width={720}
      onClose={onClose}
      testId="benchmark-form"
      formName="benchmark"
      successMessage="裁量基准已修改，门户同步公开"
      initialValues={
        b
          ? { levels: b.levels.map((l) => ({ circumstance: l.circumstance, min: l.min, max: l.max, penalties: l.penalties, description: l.description })) }
          : undefined
      }
      onSubmit={(v) =>
        update.mutateAsync({ levels: v.levels.map((l, i) => ({ ...l, circumstance: b!.levels[i]!.circumstance, description: l.description ?? '' })) })
      }
    >
      {b && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`推荐幅度须在法定幅度（${b.statutoryMin.toLocaleString('zh-CN')}—${b.statutoryMax.toLocaleString('zh-CN')} 元，${b.penaltyBasis}）内。`}
          />
          <Form.List name="levels">
            {(fields) =>
              fields.map((f, i) => (
                <Card key={f.key} size="small" title={b.levels[i]?.circumstanceLabel} style={{ marginBottom: 12 }} data-testid="benchmark-level-form">
                  <Row gutter={12}>
                    <Col xs={12}>
                      <Form.Item name={[f.name, 'min']} label="推荐幅度下限" rules={[{ required: true, message: '请填写下限' }]}>
                        <InputNumber min={0} precision={0} suffix="元" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12}>
                      <Form.Item name={[f.name, 'max']} label="推荐幅度上限" rules={[{ required: true, message: '请填写上限' }]}>
                        <InputNumber min={0} precision={0} suffix="元" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[f.name, 'penalties']} label="处罚种类" rules={[{ required: true, message: '请选择处罚种类' }]}>
                    <Checkbox.Group
                      options={PENALTY_TYPES.map((t: PenaltyType) => ({
                        value: t,
                        label: PENALTY_TYPE_LABELS[t],
                        disabled: t === 'confiscation' && !b.confiscation,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} label="适用情形" style={{ marginBottom: 0 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                  </Form.Item>
                </Card>
              ))
            }
          </Form.List>
        </>
      )}
    </FormDrawer>
  );
}

export function BenchmarksPage() {
  const can = useCan();
  const me = useMe();
  const { message } = App.useApp();
  const q = useBenchmarks();
  const seed = useSeedBenchmarks();
  const [editing, setEditing] = useState<BenchmarkView | null>(null);
  const manage = can('enforcement.manage');
  const items = q.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="裁量基准"
        description="档案行政处罚裁量基准：每种违法行为按轻微、一般、较重、严重四档情节给出推荐罚款幅度和处罚种类。告知和决定的罚款超出推荐幅度的，须书面说明理由，法制审核时可见；裁量基准向社会公开（行政处罚法第三十四条）。"
        extra={
          manage && (
            <Button
              icon={<ImportOutlined />}
              loading={seed.isPending}
              data-testid="seed-benchmarks"
              onClick={() =>
                seed.mutate(undefined, {
                  onSuccess: (r) => void message.success(r.added ? `已载入 ${r.added} 条标准裁量基准` : '标准裁量基准均已载入，没有新增'),
                  onError: (e) => void message.error(errorMessage(e)),
                })
              }
            >
              载入档案法标准裁量基准
            </Button>
          )
        }
      />
      {q.isError && <Alert type="error" showIcon title="裁量基准加载失败" description={errorMessage(q.error)} style={{ marginBottom: 16 }} />}
      <Card variant="borderless">
        {!q.isLoading && items.length === 0 ? (
          <Typography.Paragraph type="secondary">
            本机关尚未载入裁量基准。{manage ? '可先载入档案法标准裁量基准，再按本机关公布的基准修改推荐幅度。' : ''}
          </Typography.Paragraph>
        ) : (
          <BenchmarkTable
            items={items}
            loading={q.isLoading}
            testId="benchmarks-table"
            action={
              manage
                ? (b) =>
                    b.orgId === me.org.id ? (
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(b)} data-testid="edit-benchmark">
                        修改
                      </Button>
                    ) : null
                : undefined
            }
          />
        )}
      </Card>
      <EditDrawer b={editing} onClose={() => setEditing(null)} />
    </>
  );
}
