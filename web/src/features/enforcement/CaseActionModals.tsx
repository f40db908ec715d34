/**
 * The steps of a penalty case, one small form each (the page offers only those the server's
 * `allowedActions` lists; the service refuses the same with the field named, and the refusal lands under
 * that field): 证据, 询问笔录, 回避 (申请、决定), 延长办案期限, 告知, 听证 (申请、通知、举行), 法制审核 (the
 * checklist and opinion; the reviewer sees the discretion reason), 集体讨论, 决定 (处罚 / 不予处罚 incl.
 * 首违不罚), 送达, 缴纳罚款, 申请强制执行, 结案, 公开, 撤销 and 撤回公开.
 */
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
  Upload,
  type FormInstance,
} from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { BenchmarkView } from '@server/modules/enforcement/benchmarks/contracts';
import type { CaseDetail } from '@server/modules/enforcement/cases/contracts';
import {
  CASE_RESULT_LABELS,
  CASE_RESULTS,
  CIRCUMSTANCE_LABELS,
  CIRCUMSTANCES,
  EVIDENCE_KIND_LABELS,
  EVIDENCE_KINDS,
  PENALTY_TYPE_LABELS,
  PENALTY_TYPES,
  REVIEW_ITEM_LABELS,
  REVIEW_ITEMS,
  SERVICE_METHOD_LABELS,
  SERVICE_METHODS,
  type CaseAction,
  type CaseResult,
  type Circumstance,
  type EvidenceKind,
  type PenaltyType,
  type ReviewItem,
  type ServiceMethod,
} from '@server/modules/enforcement/labels';
import { DueDate } from '../../shared/DueDate';
import { ActionModal } from '../disclosure/ActionModal';
import { day, notAfterToday } from '../disclosure/common';
import { cleanPenalties, fineOf, outsideRange, penaltiesText, yuan, type PenaltyRow } from './helpers';
import { useAddEvidence, useApprovers, useBenchmarks, useCaseAction, useOfficers } from './queries';

const dateItem = (name: string | (string | number)[], label: string, extra?: string) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请选择${label}` }]} extra={extra}>
    <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
  </Form.Item>
);

/** Server field names per index (`officerIds.1`) onto the one picker. */
const indexed = (name: string) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`${name}.${i}`, [name]]));

/** The penalties of a notice or a decision: type, amount (fine, confiscation), note. */
function PenaltiesField({ benchmark }: { benchmark: BenchmarkView | undefined }) {
  return (
    <Form.List name="penalties">
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="penalties-field">
          <Typography.Text strong>处罚</Typography.Text>
          {fields.map((f) => (
            <Row gutter={8} key={f.key} style={{ marginTop: 8 }} align="top" data-testid="penalty-row">
              <Col flex="150px">
                <Form.Item name={[f.name, 'type']} rules={[{ required: true, message: '请选择处罚种类' }]} style={{ marginBottom: 8 }}>
                  <Select
                    placeholder="处罚种类"
                    aria-label="处罚种类"
                    options={PENALTY_TYPES.map((t) => ({
                      value: t,
                      label: PENALTY_TYPE_LABELS[t],
                      disabled: t === 'confiscation' && benchmark ? !benchmark.confiscation : false,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col flex="auto">
                <Form.Item noStyle shouldUpdate>
                  {(form) => {
                    const type = form.getFieldValue(['penalties', f.name, 'type']) as PenaltyType | undefined;
                    return type === 'fine' || type === 'confiscation' ? (
                      <Form.Item
                        name={[f.name, 'amount']}
                        rules={type === 'fine' ? [{ required: true, message: '请填写罚款金额' }] : []}
                        style={{ marginBottom: 8 }}
                      >
                        <InputNumber
                          min={0}
                          precision={2}
                          style={{ width: '100%' }}
                          suffix="元"
                          aria-label={type === 'fine' ? '罚款金额' : '没收金额'}
                          placeholder={type === 'fine' ? '罚款金额' : '没收违法所得金额'}
                        />
                      </Form.Item>
                    ) : (
                      <Form.Item name={[f.name, 'note']} style={{ marginBottom: 8 }}>
                        <Input maxLength={500} placeholder="说明（可选）" aria-label="处罚说明" />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Col>
              <Col flex="40px">
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此项处罚" disabled={fields.length <= 1} />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 4, marginBottom: 16 }} data-testid="add-penalty">
            添加处罚种类
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** The discretion reason: required, with the recommended range named, when the fine lies outside it. */
function DiscretionField({
  benchmark,
  circumstance,
  form,
}: {
  benchmark: BenchmarkView | undefined;
  circumstance: Circumstance | undefined;
  form: FormInstance;
}) {
  return (
    <Form.Item noStyle shouldUpdate>
      {() => {
        const out = outsideRange(benchmark, (form.getFieldValue('circumstance') as Circumstance | undefined) ?? circumstance, form.getFieldValue('penalties'));
        return (
          <>
            {out && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="outside-range"
                title={`罚款 ${yuan(fineOf(form.getFieldValue('penalties')))} 不在该情节的推荐幅度（${yuan(out.min)}—${yuan(out.max)}）内：须书面说明裁量理由，法制审核时审核人员可见。`}
              />
            )}
            <Form.Item
              name="discretionReason"
              label="裁量理由"
              rules={out ? [{ required: true, message: '超出推荐幅度的，须书面说明裁量理由' }] : []}
              extra={out ? undefined : '在推荐幅度内的可不填。'}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="discretion-reason" />
            </Form.Item>
          </>
        );
      }}
    </Form.Item>
  );
}

/** What the reviewer and the decider see of the proposal: penalties, circumstance, range and the discretion reason. */
export function ProposalSummary({ c }: { c: CaseDetail }) {
  const p = c.proposal;
  if (!p) return <Alert type="info" showIcon style={{ marginBottom: 12 }} title="本案尚未告知拟作出的处罚。" />;
  return (
    <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }} data-testid="proposal-summary">
      <Descriptions.Item label="违法行为">{c.violation ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="拟作出的处罚">{penaltiesText(p.penalties)}</Descriptions.Item>
      <Descriptions.Item label="情节">
        {p.circumstanceLabel}
        {p.recommended && (
          <Typography.Text type="secondary">
            （推荐罚款幅度 {yuan(p.recommended.min)}—{yuan(p.recommended.max)}）
          </Typography.Text>
        )}
      </Descriptions.Item>
      {(p.discretionReason || p.outsideRecommended) && (
        <Descriptions.Item label={p.outsideRecommended ? '裁量理由（超出推荐幅度）' : '裁量理由'}>
          <Typography.Text type={p.outsideRecommended ? 'warning' : undefined} data-testid="proposal-discretion">
            {p.discretionReason ?? '—'}
          </Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function CaseActionModals({ c, open, onClose }: { c: CaseDetail; open: CaseAction | null; onClose: () => void }) {
  const today = dayjs();
  const evidence = useAddEvidence(c.id);
  const inquiry = useCaseAction(c.id, 'inquiries');
  const withdrawal = useCaseAction(c.id, 'withdrawals');
  const withdrawalDecision = useCaseAction(c.id, 'withdrawals/decide');
  const extend = useCaseAction(c.id, 'extend');
  const notify = useCaseAction(c.id, 'notify');
  const hearingRequest = useCaseAction(c.id, 'hearing/request');
  const hearingSchedule = useCaseAction(c.id, 'hearing/schedule');
  const hearingHeld = useCaseAction(c.id, 'hearing/held');
  const review = useCaseAction(c.id, 'review');
  const discussion = useCaseAction(c.id, 'discussion');
  const decide = useCaseAction(c.id, 'decide');
  const serve = useCaseAction(c.id, 'serve');
  const pay = useCaseAction(c.id, 'payments');
  const instalments = useCaseAction(c.id, 'instalments');
  const filing = useCaseAction(c.id, 'filing-decision');
  const court = useCaseAction(c.id, 'court');
  const close = useCaseAction(c.id, 'close');
  const publish = useCaseAction(c.id, 'publish');
  const revoke = useCaseAction(c.id, 'revoke');
  const withdrawPublication = useCaseAction(c.id, 'withdraw-publication');
  const needsPeople = open === 'extend' || open === 'decideWithdrawal';
  const approvers = useApprovers(open === 'extend' || open === 'instalments');
  const officers = useOfficers(needsPeople);
  const benchmarks = useBenchmarks(open === 'notify' || open === 'decide');
  const benchmark = benchmarks.data?.items.find((b) => b.id === c.benchmarkId);
  const caseOfficers = c.officers.map((o) => ({ value: o.id, label: o.name }));
  const pendingWithdrawals = c.withdrawals.filter((w) => w.status === 'pending');
  const decisionClock = c.clocks.find((k) => k.kind === 'enforcement.decision');
  const fine = c.penalties.filter((p) => p.type === 'fine').reduce((s, p) => s + (p.amount ?? 0), 0);

  return (
    <>
      <ActionModal<{ kind: EvidenceKind; title: string; collectedOn: Dayjs; file: { originFileObj?: File }[] }>
        open={open === 'addEvidence'}
        title="上传证据"
        testId="evidence-form"
        onClose={onClose}
        initialValues={{ kind: 'photo', collectedOn: today, file: [] }}
        success="证据已上传"
        onSubmit={(v) => evidence.mutateAsync({ kind: v.kind, title: v.title, collectedOn: day(v.collectedOn)!, file: v.file[0]!.originFileObj! })}
      >
        <Form.Item name="kind" label="证据种类">
          <Radio.Group options={EVIDENCE_KINDS.map((k) => ({ value: k, label: EVIDENCE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="title" label="证据名称" rules={[{ required: true, message: '请填写证据名称' }]}>
          <Input maxLength={200} placeholder="如：库房现场照片、借阅登记簿复印件" />
        </Form.Item>
        {dateItem('collectedOn', '取证日期')}
        <Form.Item
          name="file"
          label="文件"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: unknown[] }) => e.fileList.slice(-1)}
          rules={[{ validator: async (_, v: unknown[] | undefined) => ((v ?? []).length ? undefined : Promise.reject(new Error('请选择要上传的证据文件'))) }]}
          extra="照片（JPEG、PNG、WebP）、书证（PDF、Word）、录音（MP3、WAV、M4A）或录像（MP4、MOV、WebM），按文件内容核对种类。"
        >
          <Upload beforeUpload={() => false} maxCount={1} data-testid="evidence-file">
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </ActionModal>

      <ActionModal<{ heldOn: Dayjs; place: string; person: string; officerIds: string[]; content: string }>
        open={open === 'addInquiry'}
        title="询问笔录"
        testId="inquiry-form"
        width={640}
        onClose={onClose}
        fieldMap={indexed('officerIds')}
        initialValues={{ heldOn: today, officerIds: c.officers.map((o) => o.id) }}
        success="询问笔录已记录"
        onSubmit={(v) => inquiry.mutateAsync({ heldOn: day(v.heldOn)!, place: v.place, person: v.person, officerIds: v.officerIds, content: v.content })}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            {dateItem('heldOn', '询问日期')}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="place" label="询问地点" rules={[{ required: true, message: '请填写询问地点' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="person" label="被询问人" rules={[{ required: true, message: '请填写被询问人' }]}>
          <Input maxLength={100} placeholder="姓名及职务" />
        </Form.Item>
        <Form.Item name="officerIds" label="在场执法人员" extra="询问时执法人员不得少于两人。">
          <Checkbox.Group options={caseOfficers} />
        </Form.Item>
        <Form.Item name="content" label="询问内容" rules={[{ required: true, message: '请填写询问内容' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} placeholder={'问：……\n答：……'} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ inspectorId: string; reason: string; requestedOn: Dayjs }>
        open={open === 'requestWithdrawal'}
        title="回避申请"
        testId="withdrawal-form"
        onClose={onClose}
        initialValues={{ requestedOn: today }}
        success="已登记回避申请：作出回避决定前，案件的其他办理暂停"
        onSubmit={(v) => withdrawal.mutateAsync({ inspectorId: v.inspectorId, reason: v.reason, requestedOn: day(v.requestedOn)! })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="当事人认为执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避；回避决定作出之前，不停止调查（行政处罚法第四十三条），本系统在决定前不办理其他步骤。"
        />
        <Form.Item name="inspectorId" label="申请回避的执法人员" rules={[{ required: true, message: '请选择执法人员' }]}>
          <Select options={caseOfficers} />
        </Form.Item>
        <Form.Item name="reason" label="回避理由" rules={[{ required: true, message: '请填写回避理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        {dateItem('requestedOn', '申请日期')}
      </ActionModal>

      <ActionModal<{ withdrawalId: string; granted: boolean; decidedOn: Dayjs; replacementId?: string }>
        open={open === 'decideWithdrawal'}
        title="回避决定"
        testId="withdrawal-decision-form"
        onClose={onClose}
        initialValues={{ withdrawalId: pendingWithdrawals[0]?.id, granted: true, decidedOn: today }}
        success="已作出回避决定"
        onSubmit={(v) =>
          withdrawalDecision.mutateAsync({
            withdrawalId: v.withdrawalId,
            granted: v.granted,
            decidedOn: day(v.decidedOn)!,
            ...(v.granted && v.replacementId ? { replacementId: v.replacementId } : {}),
          })
        }
      >
        {(form) => (
          <>
            <Form.Item name="withdrawalId" label="回避申请" rules={[{ required: true, message: '请选择回避申请' }]}>
              <Select options={pendingWithdrawals.map((w) => ({ value: w.id, label: `${w.inspectorName}：${w.reason}（${w.requestedOn} 申请）` }))} />
            </Form.Item>
            <Form.Item name="granted" label="决定">
              <Radio.Group
                options={[
                  { value: true, label: '准予回避' },
                  { value: false, label: '不予回避' },
                ]}
              />
            </Form.Item>
            {dateItem('decidedOn', '决定日期')}
            <Form.Item noStyle shouldUpdate>
              {() =>
                form.getFieldValue('granted') ? (
                  <Form.Item name="replacementId" label="更换的执法人员" extra="回避后本案执法人员不得少于两人。">
                    <Select
                      allowClear
                      loading={officers.isLoading}
                      options={(officers.data?.items ?? [])
                        .filter((i) => !c.officers.some((o) => o.id === i.id))
                        .map((i) => ({ value: i.id, label: `${i.name}（执法证 ${i.certificateNo}）`, disabled: i.certState === 'expired' }))}
                    />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ approve: boolean; decidedOn: Dayjs; reason?: string }>
        open={open === 'approveFiling'}
        title="立案审批"
        testId="filing-form"
        onClose={onClose}
        initialValues={{ approve: true, decidedOn: today }}
        success="已作出立案审批"
        onSubmit={(v) => filing.mutateAsync({ approve: v.approve, decidedOn: day(v.decidedOn)!, ...(v.approve ? {} : { reason: v.reason }) })}
      >
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label="当事人">{c.partyName}</Descriptions.Item>
          <Descriptions.Item label="违法行为">{c.violation ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="涉嫌违法事实">{c.facts ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="执法人员">{c.officers.map((o) => `${o.name}（${o.certificateNo}）`).join('、')}</Descriptions.Item>
          <Descriptions.Item label="报请日期">{c.filedOn}</Descriptions.Item>
        </Descriptions>
        <Form.Item name="approve" label="审批意见">
          <Radio.Group
            options={[
              { value: true, label: '同意立案' },
              { value: false, label: '不予立案' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.approve !== b.approve}>
          {({ getFieldValue }) =>
            getFieldValue('approve') === false && (
              <Form.Item name="reason" label="不予立案的理由" rules={[{ required: true, message: '请写明不予立案的理由' }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
            )
          }
        </Form.Item>
        {dateItem('decidedOn', '审批日期', '同意的，立案日期为审批日期，九十日办案期限自此计算。')}
      </ActionModal>

      <ActionModal<{ days: number; reason: string; approverId: string; approvedOn: Dayjs }>
        open={open === 'extend'}
        title="延长办案期限"
        testId="extend-form"
        onClose={onClose}
        initialValues={{ days: 30, approvedOn: today }}
        success="已延长办案期限"
        onSubmit={(v) => extend.mutateAsync({ days: v.days, reason: v.reason, approverId: v.approverId, approvedOn: day(v.approvedOn)! })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              九十日内不能作出决定的，经负责人批准可以延长；须在期限（
              <DueDate due={decisionClock?.due} provisional={decisionClock?.provisional} />
              ）届满前批准。
            </span>
          }
        />
        <Form.Item name="days" label="延长（日）" rules={[{ required: true, message: '请填写延长的天数' }]}>
          <InputNumber min={1} max={90} precision={0} suffix="日" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="reason" label="延长理由" rules={[{ required: true, message: '请填写延长理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="approverId" label="批准的负责人" rules={[{ required: true, message: '请选择负责人' }]}>
              <Select loading={approvers.isLoading} options={(approvers.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {dateItem('approvedOn', '批准日期')}
          </Col>
        </Row>
      </ActionModal>

      <ActionModal<{ circumstance: Circumstance; penalties: PenaltyRow[]; discretionReason?: string; noticeOn: Dayjs; servedOn: Dayjs }>
        open={open === 'notify'}
        title="告知拟作出的行政处罚及陈述、申辩、听证权利"
        testId="notify-form"
        width={720}
        onClose={onClose}
        initialValues={{ circumstance: 'general', penalties: [{ type: 'warning' }, { type: 'fine' }], noticeOn: today, servedOn: today }}
        success="已告知，行政处罚事先告知书可下载"
        onSubmit={(v) =>
          notify.mutateAsync({
            circumstance: v.circumstance,
            penalties: cleanPenalties(v.penalties),
            ...(v.discretionReason?.trim() ? { discretionReason: v.discretionReason.trim() } : {}),
            noticeOn: day(v.noticeOn)!,
            servedOn: day(v.servedOn)!,
          })
        }
      >
        {(form) => (
          <>
            <Typography.Paragraph type="secondary">
              违法行为：{c.violation ?? '—'}
              。作出处罚决定前，告知当事人拟作出的处罚内容及事实、理由、依据，并告知其陈述、申辩的权利；罚款达到较大数额的，告知其有权要求听证（行政处罚法第四十四条、第六十三条）。
            </Typography.Paragraph>
            <Form.Item name="circumstance" label="违法情节" rules={[{ required: true, message: '请选择违法情节' }]}>
              <Radio.Group data-testid="notify-circumstance">
                <Space direction="vertical">
                  {CIRCUMSTANCES.map((k) => {
                    const l = benchmark?.levels.find((x) => x.circumstance === k);
                    return (
                      <Radio key={k} value={k}>
                        {CIRCUMSTANCE_LABELS[k]}
                        {l && (
                          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                            推荐罚款 {yuan(l.min)}—{yuan(l.max)}；{l.penaltiesLabel}
                          </Typography.Text>
                        )}
                      </Radio>
                    );
                  })}
                </Space>
              </Radio.Group>
            </Form.Item>
            <PenaltiesField benchmark={benchmark} />
            <DiscretionField benchmark={benchmark} circumstance={undefined} form={form} />
            <Row gutter={12}>
              <Col xs={24} md={12}>
                {dateItem('noticeOn', '告知书日期')}
              </Col>
              <Col xs={24} md={12}>
                {dateItem('servedOn', '告知书送达日期', '听证申请期限自送达之日起计算。')}
              </Col>
            </Row>
          </>
        )}
      </ActionModal>

      <ActionModal<{ requestedOn: Dayjs }>
        open={open === 'requestHearing'}
        title="当事人申请听证"
        testId="hearing-request-form"
        onClose={onClose}
        initialValues={{ requestedOn: today }}
        success="已登记听证申请"
        onSubmit={(v) => hearingRequest.mutateAsync({ requestedOn: day(v.requestedOn)! })}
      >
        {dateItem('requestedOn', '申请日期', '当事人应当在告知书送达后五个工作日内提出。')}
      </ActionModal>

      <ActionModal<{ noticeOn: Dayjs; hearingOn: Dayjs }>
        open={open === 'scheduleHearing'}
        title="听证通知"
        testId="hearing-schedule-form"
        onClose={onClose}
        initialValues={{ noticeOn: today }}
        success="已登记听证通知"
        onSubmit={(v) => hearingSchedule.mutateAsync({ noticeOn: day(v.noticeOn)!, hearingOn: day(v.hearingOn)! })}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="应当在举行听证的七日前通知当事人举行听证的时间、地点（行政处罚法第六十四条）。" />
        {dateItem('noticeOn', '通知日期')}
        <Form.Item name="hearingOn" label="听证日期" rules={[{ required: true, message: '请选择听证日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ heldOn: Dayjs; record: string }>
        open={open === 'holdHearing'}
        title="举行听证"
        testId="hearing-held-form"
        width={640}
        onClose={onClose}
        initialValues={{ heldOn: today }}
        success="已记录听证"
        onSubmit={(v) => hearingHeld.mutateAsync({ heldOn: day(v.heldOn)!, record: v.record })}
      >
        {dateItem('heldOn', '听证日期')}
        <Form.Item name="record" label="听证笔录摘要" rules={[{ required: true, message: '请填写听证笔录摘要' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ reviewedOn: Dayjs; checklist: Record<ReviewItem, boolean>; opinion: string; result: 'passed' | 'returned' }>
        open={open === 'review'}
        title="法制审核"
        testId="review-form"
        width={720}
        onClose={onClose}
        initialValues={{ reviewedOn: today, checklist: Object.fromEntries(REVIEW_ITEMS.map((k) => [k, false])) as Record<ReviewItem, boolean> }}
        success="已记录法制审核意见"
        onSubmit={(v) => review.mutateAsync({ reviewedOn: day(v.reviewedOn)!, checklist: v.checklist, opinion: v.opinion, result: v.result })}
      >
        {c.reviewRequiredBecause.length > 0 && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`本案须经法制审核：${c.reviewRequiredBecause.join('、')}。`} />
        )}
        <ProposalSummary c={c} />
        <Typography.Text strong>审核事项（逐项核对，符合的勾选）</Typography.Text>
        <div style={{ margin: '8px 0 12px' }} data-testid="review-checklist">
          {REVIEW_ITEMS.map((k) => (
            <Form.Item key={k} name={['checklist', k]} valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox data-item={k}>{REVIEW_ITEM_LABELS[k]}</Checkbox>
            </Form.Item>
          ))}
        </div>
        <Form.Item name="opinion" label="审核意见" rules={[{ required: true, message: '请填写审核意见' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="review-opinion" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="result" label="审核结论" rules={[{ required: true, message: '请选择审核结论' }]}>
              <Radio.Group
                data-testid="review-result"
                options={[
                  { value: 'passed', label: '通过' },
                  { value: 'returned', label: '退回' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {dateItem('reviewedOn', '审核日期')}
          </Col>
        </Row>
      </ActionModal>

      <ActionModal<{ heldOn: Dayjs; participants: string; conclusion: string }>
        open={open === 'discuss'}
        title="负责人集体讨论"
        testId="discussion-form"
        width={640}
        onClose={onClose}
        initialValues={{ heldOn: today }}
        success="已记录集体讨论"
        onSubmit={(v) => discussion.mutateAsync({ heldOn: day(v.heldOn)!, participants: v.participants, conclusion: v.conclusion })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）。"
        />
        {dateItem('heldOn', '讨论日期')}
        <Form.Item name="participants" label="参加人员" rules={[{ required: true, message: '请填写参加人员' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="conclusion" label="讨论结论" rules={[{ required: true, message: '请填写讨论结论' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{
        result: CaseResult;
        decidedOn: Dayjs;
        penalties: PenaltyRow[];
        discretionReason?: string;
        payWithinDays: number;
        firstViolation: boolean;
        educationRecord?: string;
        reason?: string;
      }>
        open={open === 'decide'}
        title="作出决定"
        testId="decide-form"
        width={720}
        onClose={onClose}
        initialValues={{
          result: c.proposal ? 'penalty' : 'no_penalty',
          decidedOn: today,
          penalties: c.proposal?.penalties.map((p) => ({ type: p.type, amount: p.amount, note: p.note ?? undefined })) ?? [{}],
          discretionReason: c.proposal?.discretionReason ?? undefined,
          payWithinDays: 15,
          firstViolation: false,
        }}
        success="已作出决定，决定书可下载"
        onSubmit={(v) =>
          decide.mutateAsync({
            result: v.result,
            decidedOn: day(v.decidedOn)!,
            ...(v.result === 'penalty'
              ? {
                  penalties: cleanPenalties(v.penalties),
                  ...(v.discretionReason?.trim() ? { discretionReason: v.discretionReason.trim() } : {}),
                  payWithinDays: v.payWithinDays,
                }
              : v.result === 'no_penalty' && v.firstViolation
                ? { firstViolation: true, educationRecord: v.educationRecord?.trim() ?? '' }
                : { reason: v.reason?.trim() ?? '' }),
          })
        }
      >
        {(form) => (
          <>
            <Form.Item name="result" label="决定">
              <Radio.Group
                data-testid="decide-result"
                options={CASE_RESULTS.map((r) => ({ value: r, label: CASE_RESULT_LABELS[r], disabled: r === 'penalty' && !c.proposal }))}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() => {
                const result = form.getFieldValue('result') as CaseResult;
                if (result === 'penalty')
                  return (
                    <>
                      <ProposalSummary c={c} />
                      <Typography.Paragraph type="secondary">
                        决定的处罚不得重于告知的处罚：不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条）。
                      </Typography.Paragraph>
                      <PenaltiesField benchmark={benchmark} />
                      <DiscretionField benchmark={benchmark} circumstance={c.proposal?.circumstance} form={form} />
                      <Form.Item name="payWithinDays" label="罚款缴纳期限" extra="自收到决定书之日起计算（行政处罚法第六十七条）。">
                        <InputNumber min={1} max={90} precision={0} suffix="日" style={{ width: 180 }} />
                      </Form.Item>
                    </>
                  );
                if (result === 'no_penalty')
                  return (
                    <>
                      <Form.Item name="firstViolation" valuePropName="checked">
                        <Checkbox data-testid="first-violation">首违不罚：初次违法且危害后果轻微并及时改正（行政处罚法第三十三条第一款）</Checkbox>
                      </Form.Item>
                      {form.getFieldValue('firstViolation') ? (
                        <Form.Item name="educationRecord" label="对当事人的教育情况" rules={[{ required: true, message: '首违不罚须记录对当事人的教育情况' }]}>
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
                        </Form.Item>
                      ) : (
                        <Form.Item name="reason" label="不予行政处罚的理由和依据" rules={[{ required: true, message: '请写明不予行政处罚的理由和依据' }]}>
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
                        </Form.Item>
                      )}
                    </>
                  );
                return (
                  <Form.Item name="reason" label="违法事实不能成立的理由" rules={[{ required: true, message: '请写明理由' }]}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
                  </Form.Item>
                );
              }}
            </Form.Item>
            {dateItem('decidedOn', '决定日期')}
          </>
        )}
      </ActionModal>

      <ActionModal<{ method: ServiceMethod; servedOn: Dayjs }>
        open={open === 'serve'}
        title="送达决定书"
        testId="serve-form"
        onClose={onClose}
        initialValues={{ method: 'direct', servedOn: today }}
        success="已登记送达"
        onSubmit={(v) => serve.mutateAsync({ method: v.method, servedOn: day(v.servedOn)! })}
      >
        <Form.Item name="method" label="送达方式">
          <Select options={SERVICE_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABELS[m] }))} />
        </Form.Item>
        {dateItem('servedOn', '送达日期')}
      </ActionModal>

      <ActionModal<{ paidOn: Dayjs; amount: number }>
        open={open === 'pay'}
        title="缴纳罚款"
        testId="pay-form"
        onClose={onClose}
        initialValues={{ paidOn: today, amount: Math.max(0, fine - c.fineCollected) || undefined }}
        success="已登记缴款"
        onSubmit={(v) => pay.mutateAsync({ paidOn: day(v.paidOn)!, amount: v.amount })}
      >
        <Typography.Paragraph type="secondary">
          罚款 {yuan(fine)}，已缴 {yuan(c.fineCollected)}。
        </Typography.Paragraph>
        <Form.Item name="amount" label="本次缴纳金额" rules={[{ required: true, message: '请填写缴纳金额' }]}>
          <InputNumber min={0.01} precision={2} suffix="元" style={{ width: 220 }} />
        </Form.Item>
        {dateItem('paidOn', '缴纳日期')}
      </ActionModal>

      <ActionModal<{ requestedOn: Dayjs; approvedOn: Dayjs; approverId: string; reason: string; schedule: { dueOn?: Dayjs; amount?: number }[] }>
        open={open === 'instalments'}
        title="批准暂缓或者分期缴纳罚款"
        testId="instalments-form"
        width={640}
        onClose={onClose}
        fieldMap={Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`schedule.${i}.dueOn`, ['schedule', i, 'dueOn']]))}
        initialValues={{ requestedOn: today, approvedOn: today, schedule: [{ amount: Math.max(0, fine - c.fineCollected) || undefined }] }}
        success="已登记批准的缴纳计划"
        onSubmit={(v) =>
          instalments.mutateAsync({
            requestedOn: day(v.requestedOn)!,
            approvedOn: day(v.approvedOn)!,
            approverId: v.approverId,
            reason: v.reason,
            schedule: v.schedule.map((p) => ({ dueOn: day(p.dueOn)!, amount: p.amount ?? 0 })),
          })
        }
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关负责人批准，可以暂缓或者分期缴纳（行政处罚法第六十六条）。尚未缴纳 ${yuan(Math.max(0, fine - c.fineCollected))}，各期合计应与之相等。`}
        />
        <Form.Item name="reason" label="当事人申请理由" rules={[{ required: true, message: '请填写当事人申请理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            {dateItem('requestedOn', '申请日期')}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="approverId" label="批准的负责人" rules={[{ required: true, message: '请选择负责人' }]}>
              <Select loading={approvers.isLoading} options={(approvers.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            {dateItem('approvedOn', '批准日期')}
          </Col>
        </Row>
        <Form.List name="schedule">
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="instalments-schedule">
              <Typography.Text strong>缴纳计划（一期为暂缓缴纳）</Typography.Text>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} style={{ marginTop: 8 }} align="top" data-testid="instalment-row">
                  <Col flex="60px" style={{ paddingTop: 5 }}>{`第 ${i + 1} 期`}</Col>
                  <Col flex="170px">
                    <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请选择缴纳日期' }]} style={{ marginBottom: 8 }}>
                      <DatePicker placeholder="缴纳截止日期" aria-label={`第 ${i + 1} 期缴纳截止日期`} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="170px">
                    <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: '请填写金额' }]} style={{ marginBottom: 8 }}>
                      <InputNumber min={0.01} precision={2} suffix="元" aria-label={`第 ${i + 1} 期金额`} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  {fields.length > 1 && (
                    <Col flex="32px">
                      <Button type="text" icon={<DeleteOutlined />} aria-label="删除此期" onClick={() => remove(f.name)} />
                    </Col>
                  )}
                </Row>
              ))}
              {fields.length < 12 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 4 }} data-testid="instalment-add">
                  增加一期
                </Button>
              )}
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
      </ActionModal>

      <ActionModal<{ appliedOn: Dayjs; court: string }>
        open={open === 'applyCourt'}
        title="申请人民法院强制执行"
        testId="court-form"
        onClose={onClose}
        initialValues={{ appliedOn: today }}
        success="已登记强制执行申请"
        onSubmit={(v) => court.mutateAsync({ appliedOn: day(v.appliedOn)!, court: v.court })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="当事人逾期不申请行政复议或者提起行政诉讼，又不履行的，可以申请人民法院强制执行（行政处罚法第七十二条）。"
        />
        <Form.Item name="court" label="人民法院" rules={[{ required: true, message: '请填写人民法院' }]}>
          <Input maxLength={200} />
        </Form.Item>
        {dateItem('appliedOn', '申请日期')}
      </ActionModal>

      <ActionModal<{ closedOn: Dayjs }>
        open={open === 'close'}
        title="结案"
        testId="close-form"
        onClose={onClose}
        initialValues={{ closedOn: today }}
        success="已结案"
        onSubmit={(v) => close.mutateAsync({ closedOn: day(v.closedOn)! })}
      >
        {dateItem('closedOn', '结案日期')}
      </ActionModal>

      <ActionModal<{ publishedOn: Dayjs }>
        open={open === 'publish'}
        title="公开行政处罚决定"
        testId="publish-form"
        onClose={onClose}
        initialValues={{ publishedOn: today }}
        success="已登记公开"
        onSubmit={(v) => publish.mutateAsync({ publishedOn: day(v.publishedOn)! })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="具有一定社会影响的行政处罚决定应当依法公开，自作出决定之日起七个工作日内（行政处罚法第四十八条）。"
        />
        {dateItem('publishedOn', '公开日期')}
      </ActionModal>

      <ActionModal<{ revokedOn: Dayjs; reason: string }>
        open={open === 'revoke'}
        title="决定被撤销"
        testId="revoke-form"
        onClose={onClose}
        initialValues={{ revokedOn: today }}
        success="已登记撤销：已公开的决定须在三个工作日内撤回"
        onSubmit={(v) => revoke.mutateAsync({ revokedOn: day(v.revokedOn)!, reason: v.reason })}
      >
        <Form.Item name="reason" label="撤销原因" rules={[{ required: true, message: '请填写撤销原因' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} placeholder="如：经行政复议决定撤销" />
        </Form.Item>
        {dateItem('revokedOn', '撤销日期')}
      </ActionModal>

      <ActionModal<{ withdrawnOn: Dayjs }>
        open={open === 'withdrawPublication'}
        title="撤回已公开的处罚决定"
        testId="withdraw-publication-form"
        onClose={onClose}
        initialValues={{ withdrawnOn: today }}
        success="已撤回公开"
        onSubmit={(v) => withdrawPublication.mutateAsync({ withdrawnOn: day(v.withdrawnOn)! })}
      >
        {dateItem('withdrawnOn', '撤回日期')}
      </ActionModal>
    </>
  );
}
