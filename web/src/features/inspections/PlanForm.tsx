/** The drawer that creates or edits a draft annual inspection plan. */
import { Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PlanDetail, PlanView, TargetCoverage } from '@server/modules/inspections/plans/contracts';
import { RISK_TIER_LABELS, UNIT_TYPES, UNIT_TYPE_LABELS, type RiskTier, type UnitType } from '@server/modules/orgs/contracts';
import { FormDrawer } from '../../shared/FormDrawer';
import { useChecklistOptions, useSavePlan } from './queries';
import { firstPageNote } from './shared';

type Values = {
  year: number;
  title: string;
  scope: string;
  unitTypes: UnitType[];
  riskTiers: RiskTier[];
  stratifyByRisk: boolean;
  overall?: number | null;
  byRiskTier?: Partial<Record<RiskTier, number | null>>;
  schedule?: string | null;
  checklistVersionId?: string | null;
};

const TIERS: RiskTier[] = ['high', 'medium', 'low'];

export function PlanFormDrawer({
  open,
  plan,
  onClose,
  onSaved,
}: {
  open: boolean;
  plan?: PlanView | null;
  onClose: () => void;
  onSaved?: (p: PlanDetail) => void;
}) {
  const checklists = useChecklistOptions('inspection');
  const save = useSavePlan();
  const versions = (checklists.data?.items ?? []).filter((c) => c.kind === 'inspection' && c.latestPublished);
  const options = versions.map((c) => ({
    value: c.latestPublished!.id,
    label: `${c.name}（第 ${c.latestPublished!.version} 版，${c.latestPublished!.itemCount} 项）`,
  }));
  if (plan?.checklistVersionId && !options.some((o) => o.value === plan.checklistVersionId))
    options.push({ value: plan.checklistVersionId, label: '（当前选用的版本）' });
  const year = dayjs().year();
  return (
    <FormDrawer<Values>
      open={open}
      title={plan ? `编辑计划：${plan.title}` : '新建年度检查计划'}
      width={640}
      formName="plan"
      onClose={onClose}
      fieldMap={{
        'targetCoverage.overall': ['overall'],
        'targetCoverage.byRiskTier.high': ['byRiskTier', 'high'],
        'targetCoverage.byRiskTier.medium': ['byRiskTier', 'medium'],
        'targetCoverage.byRiskTier.low': ['byRiskTier', 'low'],
      }}
      initialValues={
        plan
          ? {
              year: plan.year,
              title: plan.title,
              scope: plan.scope,
              unitTypes: plan.unitTypes,
              riskTiers: plan.riskTiers,
              stratifyByRisk: plan.stratifyByRisk,
              overall: plan.targetCoverage.overall ?? null,
              byRiskTier: plan.targetCoverage.byRiskTier ?? {},
              schedule: plan.schedule,
              checklistVersionId: plan.checklistVersionId,
            }
          : { year, title: `${year}年度档案行政检查“双随机、一公开”抽查计划`, unitTypes: [], riskTiers: [], stratifyByRisk: false, overall: 10 }
      }
      successMessage={plan ? '已保存' : '已新建计划（草稿）'}
      onSubmit={(v) => {
        const byRiskTier = Object.fromEntries(Object.entries(v.byRiskTier ?? {}).filter(([, n]) => typeof n === 'number'));
        const targetCoverage: TargetCoverage = {
          ...(typeof v.overall === 'number' ? { overall: v.overall } : {}),
          ...(v.stratifyByRisk && Object.keys(byRiskTier).length ? { byRiskTier } : {}),
        };
        const body = {
          year: v.year,
          title: v.title.trim(),
          scope: v.scope.trim(),
          unitTypes: v.unitTypes ?? [],
          riskTiers: v.riskTiers ?? [],
          stratifyByRisk: !!v.stratifyByRisk,
          targetCoverage,
          schedule: v.schedule?.trim() || null,
          checklistVersionId: v.checklistVersionId ?? null,
        };
        return save.mutateAsync({ id: plan?.id, body });
      }}
      onSuccess={(r) => onSaved?.(r as PlanDetail)}
    >
      <Row gutter={16}>
        <Col xs={24} sm={6}>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={18}>
          <Form.Item
            label="计划名称"
            name="title"
            rules={[
              { required: true, whitespace: true, message: '请填写计划名称' },
              { max: 200, message: '不能超过 200 个字' },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="检查范围"
        name="scope"
        rules={[
          { required: true, whitespace: true, message: '请填写检查范围' },
          { max: 2000, message: '不能超过 2000 个字' },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="单位类型" name="unitTypes" extra="不选为不限">
            <Select mode="multiple" allowClear placeholder="不限" options={UNIT_TYPES.map((k) => ({ value: k, label: UNIT_TYPE_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="风险等级" name="riskTiers" extra="不选为不限">
            <Select mode="multiple" allowClear placeholder="不限" options={TIERS.map((k) => ({ value: k, label: RISK_TIER_LABELS[k] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="按风险等级分层抽取" name="stratifyByRisk" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="目标覆盖率（%）" name="overall" extra="每次抽取的默认比例">
            <InputNumber min={0.1} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item noStyle shouldUpdate={(a, b) => a.stratifyByRisk !== b.stratifyByRisk}>
        {(form) =>
          form.getFieldValue('stratifyByRisk') ? (
            <>
              <Typography.Text type="secondary">各风险等级的覆盖率（%），不填按总体覆盖率</Typography.Text>
              <Row gutter={16} style={{ marginTop: 8 }}>
                {TIERS.map((t) => (
                  <Col xs={24} sm={8} key={t}>
                    <Form.Item label={RISK_TIER_LABELS[t]} name={['byRiskTier', t]}>
                      <InputNumber min={0.1} max={100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </>
          ) : null
        }
      </Form.Item>
      <Form.Item label="检查安排" name="schedule" rules={[{ max: 500, message: '不能超过 500 个字' }]}>
        <Input.TextArea rows={2} placeholder="如：全年分批实施，原则上每周四下午开展现场检查；检查前 5 个工作日书面通知被检查单位。" />
      </Form.Item>
      <Form.Item
        label="检查表版本"
        name="checklistVersionId"
        extra={['只能选用已发布的检查表；公开计划时随计划一并公开。', firstPageNote(checklists.data, '检查表')].filter(Boolean).join('')}
      >
        <Select allowClear loading={checklists.isLoading} options={options} placeholder="请选择已发布的检查表" />
      </Form.Item>
    </FormDrawer>
  );
}
