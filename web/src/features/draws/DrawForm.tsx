/** The drawer that freezes a draw's pool: a new draw of a published plan, or a redraw with its reason. */
import { Alert, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DrawCreateBody, DrawDetail } from '@server/modules/inspections/draws/contracts';
import { RISK_TIER_LABELS, type RiskTier } from '@server/modules/orgs/contracts';
import { FormDrawer } from '../../shared/FormDrawer';
import { usePublishedPlanOptions } from '../inspections/queries';
import { firstPageNote } from '../inspections/shared';
import { useCreateDraw } from './queries';

type Values = {
  planId: string;
  plannedDate: Dayjs;
  k?: number | null;
  strataK?: Partial<Record<RiskTier, number | null>>;
  teamSize: number;
  entropySource: 'server' | 'public';
  publicValueName?: string;
  reason?: string;
};

const TIERS: RiskTier[] = ['high', 'medium', 'low'];

/** Two weeks ahead, kept within the plan's year. */
function defaultDate(year?: number) {
  const d = dayjs().add(14, 'day');
  if (year && d.year() !== year) return dayjs(`${year}-12-31`);
  return d;
}

export function DrawFormDrawer({
  open,
  onClose,
  onCreated,
  planId,
  redraw,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (d: DrawDetail) => void;
  planId?: string;
  /** The draw to supersede (a redraw). */
  redraw?: DrawDetail;
}) {
  const plans = usePublishedPlanOptions();
  const create = useCreateDraw();
  const published = plans.data?.items ?? [];
  const fixedPlan = redraw?.planId ?? planId;
  return (
    <FormDrawer<Values>
      open={open}
      onClose={onClose}
      width={560}
      formName="draw"
      testId="draw-form"
      title={redraw ? `重新抽取（取代 ${redraw.drawId}）` : '新建抽取：冻结候选名单'}
      submitText="冻结名单"
      successMessage="已冻结候选名单"
      initialValues={{
        planId: fixedPlan ?? published[0]?.id,
        plannedDate: redraw ? dayjs(redraw.plannedDate) : defaultDate(published[0]?.year),
        teamSize: redraw?.teamSize ?? 2,
        entropySource: redraw?.entropySource ?? 'server',
        publicValueName: redraw?.publicValueName ?? undefined,
      }}
      fieldMap={{ 'strataK.high': ['strataK', 'high'], 'strataK.medium': ['strataK', 'medium'], 'strataK.low': ['strataK', 'low'] }}
      onSubmit={(v) => {
        const plan = published.find((p) => p.id === v.planId);
        const strataK = Object.fromEntries(Object.entries(v.strataK ?? {}).filter(([, n]) => typeof n === 'number')) as Record<string, number>;
        const body: DrawCreateBody = {
          plannedDate: v.plannedDate.format('YYYY-MM-DD'),
          teamSize: v.teamSize,
          entropySource: v.entropySource,
          ...(v.entropySource === 'public' ? { publicValueName: v.publicValueName?.trim() } : {}),
          ...(plan?.stratifyByRisk ? (Object.keys(strataK).length ? { strataK } : {}) : typeof v.k === 'number' ? { k: v.k } : {}),
          ...(redraw ? { supersedes: redraw.id, reason: v.reason?.trim() } : {}),
        };
        return create.mutateAsync({ planId: v.planId, body });
      }}
      onSuccess={(d) => onCreated(d as DrawDetail)}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">
            先冻结候选名单并记录其哈希（此时还没有随机数），再执行抽取。冻结后名单不能更改；如需重新抽取，须说明理由，原批次保留可查。
          </Typography.Paragraph>
          {redraw && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`原批次 ${redraw.drawId} 不会删除${redraw.status === 'drawn' ? '；它已抽取，将与本次重抽一并公布' : ''}，并标记为“已被重抽”。`}
            />
          )}
          <Form.Item
            label="检查计划"
            name="planId"
            rules={[{ required: true, message: '请选择已公开的检查计划' }]}
            extra={['只能从已公开（事前公开）的计划抽取', firstPageNote(plans.data, '计划')].filter(Boolean).join('；')}
          >
            <Select
              disabled={!!fixedPlan}
              loading={plans.isLoading}
              options={published.map((p) => ({ value: p.id, label: `${p.year} · ${p.title}${p.stratifyByRisk ? '（分层）' : ''}` }))}
              placeholder="请选择"
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.planId !== b.planId || a.entropySource !== b.entropySource}>
            {() => {
              const plan = published.find((p) => p.id === form.getFieldValue('planId'));
              const cov = plan?.targetCoverage;
              const publicSource = form.getFieldValue('entropySource') === 'public';
              return (
                <>
                  <Row gutter={16}>
                    <Col xs={24} sm={12}>
                      <Form.Item label="计划检查日期" name="plannedDate" rules={[{ required: true, message: '请选择计划检查日期' }]} extra="执法证须在该日有效">
                        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12}>
                      <Form.Item label="检查组人数" name="teamSize" rules={[{ required: true, message: '请填写检查组人数' }]} extra="至少 2 名执法人员">
                        <InputNumber min={2} max={10} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  {plan?.stratifyByRisk ? (
                    <>
                      <Typography.Text strong>各风险等级抽取数量</Typography.Text>
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                        不填则按计划的目标覆盖率计算
                        {cov?.byRiskTier
                          ? `（${TIERS.filter((t) => cov.byRiskTier?.[t] !== undefined)
                              .map((t) => `${RISK_TIER_LABELS[t]} ${cov.byRiskTier![t]}%`)
                              .join('，')}）`
                          : cov?.overall
                            ? `（${cov.overall}%）`
                            : ''}
                      </Typography.Paragraph>
                      <Row gutter={16}>
                        {TIERS.map((t) => (
                          <Col xs={24} sm={8} key={t}>
                            <Form.Item label={RISK_TIER_LABELS[t]} name={['strataK', t]}>
                              <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder="按覆盖率" />
                            </Form.Item>
                          </Col>
                        ))}
                      </Row>
                    </>
                  ) : (
                    <Form.Item label="抽取单位数量" name="k" extra={cov?.overall ? `不填则按目标覆盖率 ${cov.overall}% 计算` : '计划未设覆盖率时必填'}>
                      <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  )}
                  <Form.Item label="随机数来源" name="entropySource" rules={[{ required: true }]}>
                    <Radio.Group
                      options={[
                        { value: 'server', label: '服务器随机数（抽取时生成 32 字节）' },
                        { value: 'public', label: '公开随机值（如彩票开奖号码）' },
                      ]}
                    />
                  </Form.Item>
                  {publicSource && (
                    <Form.Item
                      label="公开随机值名称"
                      name="publicValueName"
                      rules={[
                        { required: true, whitespace: true, message: '请写明公开随机值的名称（冻结名单时即须写明）' },
                        { max: 200, message: '不能超过 200 个字' },
                      ]}
                      extra="现在写明来源，开奖后在“执行抽取”时填写数值。如：体彩排列五 2025年第123期开奖号码"
                    >
                      <Input placeholder="体彩排列五" />
                    </Form.Item>
                  )}
                  {redraw && (
                    <Form.Item
                      label="重新抽取理由"
                      name="reason"
                      rules={[
                        { required: true, whitespace: true, message: '请填写重新抽取的理由' },
                        { max: 500, message: '不能超过 500 个字' },
                      ]}
                    >
                      <Input.TextArea rows={3} placeholder="如：计划检查日期调整，原检查组成员须回避" />
                    </Form.Item>
                  )}
                </>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
