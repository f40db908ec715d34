/**
 * 报请立案: asks the head to file a penalty case (the case waits in their 待我审批; 立案 is the day they
 * approve) — from a pending 案件线索 (the party is the referral's unit, the facts its
 * facts), a complaint or the officers' own finding. The form picks at least two certified officers, the
 * approver (a leader), the violation from the 裁量基准 (its circumstances and recommended ranges shown
 * beside it; the circumstance itself is chosen at 告知) and the day; the server's refusals (an expired
 * certificate, a conflict of interest, a benchmark for another kind of party…) land under their fields.
 */
import { useMemo } from 'react';
import { Alert, Checkbox, Col, DatePicker, Descriptions, Form, Input, Radio, Row, Select, Table, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReferralView } from '@server/modules/enforcement/contracts';
import type { BenchmarkView } from '@server/modules/enforcement/benchmarks/contracts';
import type { CaseDetail } from '@server/modules/enforcement/cases/contracts';
import { CASE_SOURCE_LABELS, PARTY_KIND_LABELS, type PartyKind } from '@server/modules/enforcement/labels';
import type { UnitView } from '@server/modules/orgs/units/contracts';
import { api } from '../../api/client';
import { FormDrawer } from '../../shared/FormDrawer';
import { UnitPicker } from '../../shared/UnitPicker';
import { day, notAfterToday } from '../disclosure/common';
import { benchmarksFor, yuan } from './helpers';
import { useApprovers, useBenchmarks, useOfficers, useOpenCase } from './queries';

interface OpenValues {
  source: 'complaint' | 'own';
  partyKind: PartyKind;
  unitId?: string | null;
  partyName?: string;
  partyIdNo?: string;
  partyAddress?: string;
  benchmarkId: string;
  facts: string;
  officerIds: string[];
  approverId: string;
  filedOn: Dayjs;
  major: boolean;
}

/** Server field names per officer (`officerIds.1`) onto the one picker. */
const FIELD_MAP: Record<string, (string | number)[]> = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`officerIds.${i}`, ['officerIds']]));

/** The circumstances of a benchmark → recommended range and penalty types. */
export function BenchmarkLevels({ b, testId }: { b: BenchmarkView; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6, fontSize: 12 }}>
        违反{b.breachBasis}；依据{b.penaltyBasis}，法定幅度 {yuan(b.statutoryMin)}—{yuan(b.statutoryMax)}
        {b.confiscation ? '，并没收违法所得' : ''}。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="circumstance"
        pagination={false}
        dataSource={b.levels}
        columns={[
          { title: '情节', dataIndex: 'circumstanceLabel', width: 64 },
          {
            title: '推荐罚款幅度',
            key: 'range',
            width: 190,
            render: (_: unknown, l) => <span className="mono" style={{ whiteSpace: 'nowrap' }}>{`${yuan(l.min)}—${yuan(l.max)}`}</span>,
          },
          { title: '处罚种类', dataIndex: 'penaltiesLabel', width: 150 },
          { title: '适用情形', dataIndex: 'description', responsive: ['lg'] },
        ]}
      />
    </div>
  );
}

export function OpenCaseDrawer({ open, onClose, referral }: { open: boolean; onClose: () => void; referral?: ReferralView | null }) {
  const navigate = useNavigate();
  const openCase = useOpenCase();
  const benchmarks = useBenchmarks(open);
  const officers = useOfficers(open);
  const approvers = useApprovers(open);
  const all = useMemo(() => benchmarks.data?.items ?? [], [benchmarks.data]);
  const today = dayjs();

  return (
    <FormDrawer<OpenValues>
      open={open}
      title={referral ? `报请立案：案件线索 ${referral.code}` : '新建案件（报请立案）'}
      width={720}
      onClose={onClose}
      testId="open-case-form"
      formName="open-case"
      submitText="报请立案"
      successMessage=""
      fieldMap={FIELD_MAP}
      initialValues={{
        source: 'own',
        partyKind: 'unit',
        unitId: referral?.unitId ?? null,
        facts: referral?.facts ?? '',
        officerIds: [],
        filedOn: referral && dayjs(referral.referredOn).isAfter(today) ? dayjs(referral.referredOn) : today,
        major: false,
      }}
      onSubmit={(v) =>
        openCase.mutateAsync({
          source: referral ? 'inspection' : v.source,
          ...(referral ? { referralId: referral.id } : {}),
          partyKind: referral ? 'unit' : v.partyKind,
          ...((referral ? referral.unitId : v.partyKind === 'unit' ? v.unitId : null) ? { unitId: (referral ? referral.unitId : v.unitId)! } : {}),
          ...(v.partyKind === 'individual' && !referral
            ? { partyName: v.partyName?.trim() ?? '', ...(v.partyIdNo?.trim() ? { partyIdNo: v.partyIdNo.trim() } : {}) }
            : {}),
          ...(v.partyAddress?.trim() ? { partyAddress: v.partyAddress.trim() } : {}),
          benchmarkId: v.benchmarkId,
          facts: v.facts,
          officerIds: v.officerIds ?? [],
          filedOn: day(v.filedOn)!,
          approverId: v.approverId,
          major: !!v.major,
        })
      }
      onSuccess={(r) => {
        const d = r as CaseDetail;
        void navigate({ to: '/enforcement/cases/$id', params: { id: d.id } });
      }}
    >
      {(form) => (
        <>
          {referral ? (
            <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }} data-testid="open-case-referral">
              <Descriptions.Item label="案件来源">{CASE_SOURCE_LABELS.inspection}</Descriptions.Item>
              <Descriptions.Item label="当事人（单位）">{referral.unitName}</Descriptions.Item>
              <Descriptions.Item label="涉嫌违反">{referral.suspectedBasis ?? '—'}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="source" label="案件来源">
                  <Radio.Group
                    options={(['own', 'complaint'] as const).map((s) => ({ value: s, label: CASE_SOURCE_LABELS[s] }))}
                    data-testid="open-case-source"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="partyKind" label="当事人类型">
                  <Radio.Group
                    options={(['unit', 'individual'] as const).map((k) => ({ value: k, label: PARTY_KIND_LABELS[k] }))}
                    onChange={() => form.setFieldValue('benchmarkId', undefined)}
                  />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Form.Item noStyle shouldUpdate={(a, b) => a.partyKind !== b.partyKind}>
            {() =>
              referral ? null : form.getFieldValue('partyKind') === 'individual' ? (
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item name="partyName" label="当事人姓名" rules={[{ required: true, message: '请填写当事人姓名' }]}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="partyIdNo" label="身份证件号码">
                      <Input maxLength={50} className="mono" />
                    </Form.Item>
                  </Col>
                </Row>
              ) : (
                <Form.Item name="unitId" label="当事人（单位）" rules={[{ required: true, message: '请选择当事人（单位）' }]} extra="从检查对象名录中选择。">
                  <UnitPicker onChange={() => form.setFieldValue('benchmarkId', undefined)} />
                </Form.Item>
              )
            }
          </Form.Item>
          {!referral && (
            <Form.Item name="partyAddress" label="当事人地址" extra="单位当事人不填的，取名录中的地址。">
              <Input maxLength={300} />
            </Form.Item>
          )}
          <Form.Item noStyle shouldUpdate={(a, b) => a.unitId !== b.unitId || a.partyKind !== b.partyKind || a.benchmarkId !== b.benchmarkId}>
            {() => (
              <BenchmarkField
                all={all}
                loading={benchmarks.isLoading}
                partyKind={referral ? 'unit' : (form.getFieldValue('partyKind') as PartyKind)}
                unitId={(referral ? referral.unitId : form.getFieldValue('unitId')) as string | null | undefined}
                chosen={all.find((b) => b.id === form.getFieldValue('benchmarkId'))}
              />
            )}
          </Form.Item>
          <Form.Item name="facts" label="涉嫌违法事实" rules={[{ required: true, message: '请填写涉嫌违法事实' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} showCount data-testid="open-case-facts" />
          </Form.Item>
          <Form.Item
            name="officerIds"
            label="执法人员"
            extra="不得少于两人，均须持有有效执法证；与当事人有利害关系的须回避。"
            rules={[
              { required: true, message: '请选择执法人员' },
              { validator: async (_, v: string[] | undefined) => ((v ?? []).length >= 2 ? undefined : Promise.reject(new Error('执法人员不得少于两人'))) },
            ]}
          >
            <Select
              mode="multiple"
              loading={officers.isLoading}
              placeholder="选择两名以上执法人员"
              optionFilterProp="label"
              data-testid="open-case-officers"
              options={(officers.data?.items ?? []).map((i) => ({
                value: i.id,
                label: `${i.name}（执法证 ${i.certificateNo}${i.certState === 'expired' ? '，已过期' : ''}）`,
                disabled: i.certState === 'expired',
              }))}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="approverId" label="报请审批的负责人" rules={[{ required: true, message: '请选择审批立案的负责人' }]}>
                <Select
                  loading={approvers.isLoading}
                  placeholder="本机关负责人"
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="open-case-approver"
                  options={(approvers.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  notFoundContent="本机关没有可审批立案的负责人账号"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="filedOn" label="报请日期" rules={[{ required: true, message: '请选择报请日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="major" valuePropName="checked" extra="重大、复杂案件作出决定前须经法制审核（行政处罚法第五十八条）。">
            <Checkbox data-testid="open-case-major">重大、复杂案件</Checkbox>
          </Form.Item>
          <Alert
            type="info"
            showIcon
            title="报请后由负责人在工作台“待我审批”中审批；批准之日为立案日期，自立案之日起九十日内作出处理决定（行政处罚法第六十条），经负责人批准可以延长。"
          />
        </>
      )}
    </FormDrawer>
  );
}

/** The violation picker: the benchmarks that fit the party (a unit's type read from the directory), then the chosen one's circumstances. */
function BenchmarkField({
  all,
  loading,
  partyKind,
  unitId,
  chosen,
}: {
  all: BenchmarkView[];
  loading: boolean;
  partyKind: PartyKind;
  unitId: string | null | undefined;
  chosen: BenchmarkView | undefined;
}) {
  const unit = useQuery({
    queryKey: ['/api/units', 'detail', unitId],
    queryFn: () => api.get<UnitView>(`/api/units/${unitId}`),
    enabled: partyKind === 'unit' && !!unitId,
    staleTime: 60_000,
  });
  const fit = benchmarksFor(all, partyKind, partyKind === 'unit' ? unit.data?.type : null);
  return (
    <>
      <Form.Item
        name="benchmarkId"
        label="违法行为（裁量基准）"
        rules={[{ required: true, message: '请选择违法行为' }]}
        extra={!loading && all.length === 0 ? '本机关尚未载入裁量基准，请先在“裁量基准”页载入。' : undefined}
      >
        <Select
          loading={loading}
          placeholder="选择涉嫌的违法行为"
          data-testid="open-case-benchmark"
          showSearch={{ optionFilterProp: 'label' }}
          options={fit.map((b) => ({ value: b.id, label: `${b.violation}（${b.partyKindLabel}）`, basis: b.breachBasis }))}
          optionRender={(o) => (
            <div style={{ whiteSpace: 'normal' }}>
              <div>{o.data.label}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {(o.data as { basis?: string }).basis}
              </Typography.Text>
            </div>
          )}
        />
      </Form.Item>
      {chosen && (
        <div style={{ marginTop: -8, marginBottom: 16 }}>
          <BenchmarkLevels b={chosen} testId="open-case-levels" />
        </div>
      )}
    </>
  );
}
