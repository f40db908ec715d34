/**
 * The actions on a licence application, one small form each (the page offers only those the server's
 * `allowedActions` lists; the service refuses the same with the field named): 受理, 一次性告知补正, 收到补正
 * 材料, 听证/检测/专家评审 (不计入期限), 报请延期 and its approval, 决定, 颁发证件, 公开, 撤回.
 */
import { Alert, Checkbox, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationDetail } from '@server/modules/licensing/applications/contracts';
import {
  EXCLUSION_KIND_LABELS,
  EXCLUSION_KINDS,
  RESULT_LABELS,
  RESULTS,
  type ApplicationAction,
  type ExclusionKind,
  type Result,
} from '@server/modules/licensing/labels';
import { DueDate } from '../../shared/DueDate';
import { ActionModal } from '../disclosure/ActionModal';
import { day, notAfterToday } from './common';
import { useEndExclusion, useLicensingAction } from './queries';

export type LicensingModal = ApplicationAction;

const dateItem = (name: string, label: string) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请选择${label}` }]}>
    <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
  </Form.Item>
);

export function LicensingActionModals({ application: a, open, onClose }: { application: ApplicationDetail; open: LicensingModal | null; onClose: () => void }) {
  const accept = useLicensingAction(a.id, 'accept');
  const correction = useLicensingAction(a.id, 'correction');
  const corrected = useLicensingAction(a.id, 'corrected');
  const exclusion = useLicensingAction(a.id, 'exclusions');
  const endExclusion = useEndExclusion(a.id);
  const extensionRequest = useLicensingAction(a.id, 'extension-request');
  const extensionDecision = useLicensingAction(a.id, 'extension-request/decision');
  const decision = useLicensingAction(a.id, 'decision');
  const certificate = useLicensingAction(a.id, 'certificate');
  const publish = useLicensingAction(a.id, 'publish');
  const withdraw = useLicensingAction(a.id, 'withdraw');
  const today = dayjs();
  const openExclusion = a.exclusions.find((x) => !x.to);
  const decisionDue = a.clocks.find((c) => c.kind === 'decision')?.clock.due ?? null;
  const desk = a.channel === 'desk';

  return (
    <>
      <ActionModal<{ acceptedOn: Dayjs }>
        open={open === 'accept'}
        title="受理"
        testId="accept-form"
        onClose={onClose}
        initialValues={{ acceptedOn: today }}
        success="已受理，作出决定的期限自受理之日起计算"
        onSubmit={(v) => accept.mutateAsync({ acceptedOn: day(v.acceptedOn)! })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              申请材料齐全、符合法定形式的，应当受理；最迟于{' '}
              <DueDate due={a.acceptanceBy.due} provisional={a.acceptanceBy.provisional} provisionalYears={a.acceptanceBy.provisionalYears} />{' '}
              受理或者一次告知补正，逾期不告知的，自收到申请材料之日起即为受理（行政许可法第三十二条）。
            </span>
          }
        />
        {dateItem('acceptedOn', '受理日期')}
      </ActionModal>

      <ActionModal<{ sentOn: Dayjs; items: string }>
        open={open === 'correction'}
        title="一次性告知补正"
        testId="licensing-correction-form"
        onClose={onClose}
        initialValues={{ sentOn: today }}
        success="已告知补正，收到补正材料后重新计算受理期限"
        onSubmit={(v) =>
          correction.mutateAsync({
            sentOn: day(v.sentOn)!,
            items: v.items
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
          })
        }
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="补正只能告知一次：请一次列明需要补正的全部内容，每行一项。" />
        {dateItem('sentOn', '告知日期')}
        <Form.Item name="items" label="需要补正的全部内容" rules={[{ required: true, message: '请列明需要补正的内容' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={'如：\n延期移交档案目录缺少 2010 年案卷\n档案保管条件说明须加盖单位公章'} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ receivedOn: Dayjs; received: string[] }>
        open={open === 'corrected'}
        title="收到补正材料"
        testId="corrected-form"
        onClose={onClose}
        initialValues={{ receivedOn: today, received: a.materials.filter((m) => m.received).map((m) => m.name) }}
        success="已登记，受理期限自收到补正材料之日起重新计算"
        onSubmit={(v) =>
          corrected.mutateAsync({
            receivedOn: day(v.receivedOn)!,
            ...(desk ? { materials: a.materials.map((m) => ({ name: m.name, received: v.received.includes(m.name) })) } : {}),
          })
        }
      >
        {dateItem('receivedOn', '收到补正材料日期')}
        {desk && (
          <Form.Item name="received" label="现已收到的申请材料">
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={a.materials.map((m) => ({ value: m.name, label: m.name }))} />
          </Form.Item>
        )}
      </ActionModal>

      <ActionModal<{ kind: ExclusionKind; from: Dayjs; note?: string }>
        open={open === 'exclusionStart'}
        title="听证、检验检测检疫、专家评审"
        testId="exclusion-form"
        onClose={onClose}
        initialValues={{ kind: 'expert_review', from: today }}
        success="已登记，该期间不计入作出决定的期限"
        onSubmit={(v) => exclusion.mutateAsync({ kind: v.kind, from: day(v.from)!, note: v.note ?? '' })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="依法需要听证、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在期限内，并应书面告知申请人（行政许可法第四十五条）。"
        />
        <Form.Item name="kind" label="类别">
          <Radio.Group options={EXCLUSION_KINDS.map((k) => ({ value: k, label: EXCLUSION_KIND_LABELS[k] }))} />
        </Form.Item>
        {dateItem('from', '开始日期')}
        <Form.Item name="note" label="说明">
          <Input maxLength={500} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ to: Dayjs }>
        open={open === 'exclusionEnd' && !!openExclusion}
        title={openExclusion ? `结束${EXCLUSION_KIND_LABELS[openExclusion.kind]}（${openExclusion.from} 开始）` : '结束不计时期间'}
        testId="exclusion-end-form"
        onClose={onClose}
        initialValues={{ to: today }}
        success="已登记，期限恢复计算"
        onSubmit={(v) => endExclusion.mutateAsync({ exclusionId: openExclusion!.id, to: day(v.to)! })}
      >
        {dateItem('to', '结束日期')}
      </ActionModal>

      <ActionModal<{ reason: string }>
        open={open === 'extensionRequest'}
        title="报请延长十个工作日"
        testId="extension-request-form"
        onClose={onClose}
        success="已报请，等待本行政机关负责人批准"
        onSubmit={(v) => extensionRequest.mutateAsync({ reason: v.reason })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              期限内不能作出决定的，经本行政机关负责人批准，可以延长 10 个工作日，并应当将延长期限的理由告知申请人（行政许可法第四十二条）；须在期限届满（
              <DueDate due={decisionDue} provisional={false} />
              ）前批准。
            </span>
          }
        />
        <Form.Item name="reason" label="延期理由" rules={[{ required: true, message: '请填写延期理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ approve: boolean; reason?: string }>
        open={open === 'extensionDecision'}
        title="审批延期报请"
        testId="extension-decision-form"
        onClose={onClose}
        initialValues={{ approve: true }}
        success="已审批"
        onSubmit={(v) => extensionDecision.mutateAsync({ approve: v.approve, ...(v.reason ? { reason: v.reason } : {}) })}
      >
        {a.extensionRequest && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${a.extensionRequest.requestedByName ?? ''} 于 ${a.extensionRequest.requestedOn} 报请延长 10 个工作日：${a.extensionRequest.reason}`}
          />
        )}
        <Form.Item name="approve" label="审批意见">
          <Radio.Group
            options={[
              { value: true, label: '批准延长 10 个工作日' },
              { value: false, label: '不予批准' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {(form) =>
            form.getFieldValue('approve') === false && (
              <Form.Item name="reason" label="不予批准的理由" rules={[{ required: true, message: '请填写理由' }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
              </Form.Item>
            )
          }
        </Form.Item>
      </ActionModal>

      <ActionModal<{ decidedOn: Dayjs; result: Result; decisionNo?: string; reason?: string; remedies?: string; lateReason?: string }>
        open={open === 'decision'}
        title="作出行政许可决定"
        testId="licensing-decision-form"
        width={640}
        onClose={onClose}
        initialValues={{ decidedOn: today, result: 'granted' }}
        success="已作出决定，请在 7 个工作日内公开"
        onSubmit={(v) =>
          decision.mutateAsync({
            decidedOn: day(v.decidedOn)!,
            result: v.result,
            decisionNo: v.decisionNo?.trim() || null,
            reason: v.reason?.trim() || null,
            remedies: v.result === 'refused' ? v.remedies?.trim() || null : null,
            lateReason: v.lateReason?.trim() || null,
          })
        }
      >
        {(form) => (
          <>
            <Form.Item name="result" label="决定">
              <Radio.Group options={RESULTS.map((r) => ({ value: r, label: RESULT_LABELS[r] }))} />
            </Form.Item>
            {dateItem('decidedOn', '决定日期')}
            <Form.Item name="decisionNo" label="决定书文号" extra="留空则按本机关决定书编号自动编号">
              <Input maxLength={100} placeholder="如 档许〔2025〕5号" />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() => {
                const refused = form.getFieldValue('result') === 'refused';
                const d = day(form.getFieldValue('decidedOn') as Dayjs | undefined);
                const late = !!decisionDue && !!d && d > decisionDue;
                return (
                  <>
                    <Form.Item
                      name="reason"
                      label={refused ? '不予许可的理由' : '说明'}
                      rules={refused ? [{ required: true, message: '作出不予行政许可决定的，应当说明理由（第三十八条第二款）' }] : []}
                    >
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
                    </Form.Item>
                    {refused && (
                      <Form.Item
                        name="remedies"
                        label="补充告知的救济事项（选填）"
                        extra="决定书写明：可以自收到决定书之日起六十日内向本机关的行政复议机关申请行政复议，也可以六个月内向人民法院提起行政诉讼（行政复议机关和人民法院按“系统设置”中“救济途径”的设置）。"
                      >
                        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} />
                      </Form.Item>
                    )}
                    {late && (
                      <>
                        <Alert
                          type="error"
                          showIcon
                          style={{ marginBottom: 12 }}
                          data-testid="decision-late"
                          title={`决定日期晚于作出决定的期限 ${decisionDue}${a.extension ? '（已含批准延长的期限）' : '，且未经负责人批准延长'}：逾期作出决定的，须写明逾期说明，该期限将记为逾期办结。`}
                        />
                        <Form.Item name="lateReason" label="逾期说明" rules={[{ required: true, message: '请写明逾期作出决定的原因' }]}>
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
                        </Form.Item>
                      </>
                    )}
                  </>
                );
              }}
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ certificateNo: string; issuedOn: Dayjs }>
        open={open === 'certificate'}
        title="颁发行政许可证件"
        testId="certificate-form"
        onClose={onClose}
        initialValues={{ issuedOn: today }}
        success="已登记颁发许可证件"
        onSubmit={(v) => certificate.mutateAsync({ certificateNo: v.certificateNo, issuedOn: day(v.issuedOn)! })}
      >
        <Form.Item name="certificateNo" label="证件编号" rules={[{ required: true, message: '请填写证件编号' }]}>
          <Input maxLength={100} />
        </Form.Item>
        {dateItem('issuedOn', '颁发日期')}
      </ActionModal>

      <ActionModal<{ publishedOn: Dayjs }>
        open={open === 'publish'}
        title="公开行政许可决定"
        testId="publish-form"
        onClose={onClose}
        initialValues={{ publishedOn: today }}
        success="已公开，决定在门户的结果公开页可见"
        onSubmit={(v) => publish.mutateAsync({ publishedOn: day(v.publishedOn)! })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="门户公开事项名称、申请人（自然人姓名脱敏）、决定、决定日期和证件编号，不含证件号码和联系方式。"
        />
        {dateItem('publishedOn', '公开日期')}
      </ActionModal>

      <ActionModal<{ withdrawnOn: Dayjs; reason?: string }>
        open={open === 'withdraw'}
        title="申请人撤回申请"
        testId="withdraw-form"
        onClose={onClose}
        initialValues={{ withdrawnOn: today }}
        success="已登记撤回"
        onSubmit={(v) => withdraw.mutateAsync({ withdrawnOn: day(v.withdrawnOn)!, reason: v.reason?.trim() || null })}
      >
        {dateItem('withdrawnOn', '撤回日期')}
        <Form.Item name="reason" label="撤回理由">
          <Input maxLength={1000} placeholder="如：申请人书面申请撤回" />
        </Form.Item>
      </ActionModal>
    </>
  );
}
