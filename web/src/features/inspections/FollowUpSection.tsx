/**
 * 约谈, 回头看, 移送立案 and 办结 on the bureau's inspection detail: the flagged rectification items
 * (returned twice / overdue, RULES.md §3) with what addressed each, buttons for exactly the actions
 * the server accepts (`allowedActions`, narrowed by the record in loop.ts `actionsInContext`), a
 * drawer per action, and the interviews (.docx), follow-ups, referrals, the closure and the
 * interview-commitment clock. On a follow-up inspection, the parent and the items re-checked.
 * The parent card and the interview list are shared with the unit's page (MyInspectionsPage).
 */
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { AuditOutlined, CheckCircleOutlined, DeleteOutlined, PlusOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { api } from '../../api/client';
import { REFERRAL_STATUS_COLORS } from '../../api/enforcement';
import type { InspectionDetail } from '../../api/inspections';
import type {
  CloseBody,
  CommitmentClock,
  FlagView,
  FollowUpBody,
  FollowUpParent,
  InspectionFollowUpDetail,
  InterviewBody,
  InterviewView,
  ReferralBody,
} from '../../api/inspection-followup';
import type { Inspector, Page } from '../../api/types';
import { FormDrawer } from '../../shared/FormDrawer';
import { InspectionStatusTag } from './InspectionStatusTag';
import { ClockBadge, DownloadButton, Muted } from './parts';

const P = '/api/inspections';
type Done = (d?: InspectionDetail) => void;
type Action = 'interview' | 'followUp' | 'refer' | 'close';

const ITEM_STATUS_COLORS = { open: 'default', reported: 'blue', accepted: 'green', returned: 'red' } as const;
/** A whole checkbox row as the touch target (tablets). */
const OPTION_ROW: CSSProperties = { display: 'flex', alignItems: 'flex-start', minHeight: 44, padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, width: '100%', marginInlineStart: 0 };
const day = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : undefined);
const orNull = (s: string | null | undefined) => s?.trim() || null;

export function FollowUpSection({ d: base, onDone }: { d: InspectionDetail; onDone: Done }) {
  // The bureau's detail carries the follow-up part (followUpView); InspectionDetail does not declare it.
  const d = base as InspectionFollowUpDetail;
  const [open, setOpen] = useState<Action | null>(null);
  const actions = (['interview', 'followUp', 'refer', 'close'] as const).filter((a) => d.allowedActions.includes(a));
  const history = d.flags.length + d.interviews.length + d.followUps.length + d.referrals.length > 0 || !!d.closeNote;
  const items = new Map((d.feedback?.items ?? []).map((x) => [x.id, x]));
  const close = () => setOpen(null);

  return (
    <>
      {d.parent && <FollowUpParentCard parent={d.parent} side="bureau" />}
      {(actions.length > 0 || history) && (
        <Card variant="borderless" title="约谈、回头看、移送立案与办结" style={{ marginBottom: 16 }} data-testid="followup-card">
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {actions.length > 0 && (
              <Space wrap data-testid="followup-actions">
                {actions.includes('interview') && (
                  <Button size="large" icon={<TeamOutlined />} onClick={() => setOpen('interview')} data-testid="action-interview">
                    约谈
                  </Button>
                )}
                {actions.includes('followUp') && (
                  <Button size="large" icon={<AuditOutlined />} onClick={() => setOpen('followUp')} data-testid="action-followUp">
                    组织回头看
                  </Button>
                )}
                {actions.includes('refer') && (
                  <Button size="large" icon={<SendOutlined />} onClick={() => setOpen('refer')} data-testid="action-refer">
                    移送立案
                  </Button>
                )}
                {actions.includes('close') && (
                  <Button type="primary" size="large" icon={<CheckCircleOutlined />} onClick={() => setOpen('close')} data-testid="action-close">
                    办结
                  </Button>
                )}
              </Space>
            )}

            {d.flags.length > 0 && (
              <Section title="应约谈或组织回头看的整改事项">
                {d.flags.map((f) => (
                  <FlagRow key={f.itemId} f={f} title={items.get(f.itemId)?.title} />
                ))}
              </Section>
            )}

            {d.interviews.length > 0 && (
              <Section title="约谈记录">
                <InterviewCards interviews={d.interviews} commitment={d.commitment} items={d.feedback?.items ?? []} docxBase={`${P}/${d.id}/interviews`} code={d.code} />
              </Section>
            )}

            {d.followUps.length > 0 && (
              <Section title="回头看">
                {d.followUps.map((f) => (
                  <div key={f.id} className="record-item" data-testid="followup-row">
                    <Space wrap>
                      <Link to="/inspection/inspections/$id" params={{ id: f.id }} data-testid="followup-link">
                        {f.code}
                      </Link>
                      <InspectionStatusTag status={f.status} label={f.statusLabel} />
                      <Muted>计划检查日期 {f.plannedDate}</Muted>
                      <span>复查 {f.itemCodes.join('、')}</span>
                    </Space>
                  </div>
                ))}
              </Section>
            )}

            {d.referrals.length > 0 && (
              <Section title="移送立案">
                {d.referrals.map((r) => (
                  <div key={r.id} className="record-item" data-testid="referral-row" data-status={r.status}>
                    <Space wrap>
                      <Typography.Text strong data-testid="referral-code">
                        {r.code}
                      </Typography.Text>
                      <Tag color={REFERRAL_STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
                      <Muted>{r.referredOn} 移送</Muted>
                      <span>{r.entries.map((e) => `${e.code} ${e.title}`).join('；')}</span>
                    </Space>
                    <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{r.facts}</div>
                    {r.suspectedBasis && <Muted>涉嫌违反：{r.suspectedBasis}</Muted>}
                    {r.decisionNote && <div><Muted>不予立案理由：{r.decisionNote}</Muted></div>}
                  </div>
                ))}
                <Link to="/enforcement/referrals">查看案件线索</Link>
              </Section>
            )}

            {d.closeNote && (
              <Alert type="success" showIcon data-testid="close-note" title={`已于 ${d.closedOn ?? ''} 办结`} description={<span style={{ whiteSpace: 'pre-wrap' }}>{d.closeNote}</span>} />
            )}
          </Space>
        </Card>
      )}
      <InterviewDrawer d={d} open={open === 'interview'} onClose={close} onDone={onDone} />
      <FollowUpDrawer d={d} open={open === 'followUp'} onClose={close} onDone={onDone} />
      <ReferDrawer d={d} open={open === 'refer'} onClose={close} onDone={onDone} />
      <CloseDrawer d={d} open={open === 'close'} onClose={close} onDone={onDone} />
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}

/** A flagged item, why, and what has addressed it (or that nothing has yet). */
function FlagRow({ f, title }: { f: FlagView; title: string | undefined }) {
  const a = f.addressedBy;
  const addressed = a.interviews.length + a.followUps.length + a.referrals.length > 0;
  return (
    <div className="record-item" data-testid="flag" data-code={f.code} data-addressed={addressed}>
      <Space wrap>
        <Typography.Text code>{f.code}</Typography.Text>
        {title && <Typography.Text strong>{title}</Typography.Text>}
        {addressed ? <Tag color="green">已处理</Tag> : <Tag color="orange">待处理</Tag>}
      </Space>
      <div>
        <Muted>{f.reason}</Muted>
      </div>
      {addressed && (
        <Space wrap size={4} style={{ marginTop: 4 }} data-testid="flag-addressed">
          {a.interviews.map((i) => (
            <Tag key={i.id} color="blue">
              {i.heldOn} 约谈
            </Tag>
          ))}
          {a.followUps.map((x) => (
            <Tag key={x.id} color="purple">
              回头看{' '}
              <Link to="/inspection/inspections/$id" params={{ id: x.id }}>
                {x.code}
              </Link>
              （{x.statusLabel}）
            </Tag>
          ))}
          {a.referrals.map((x) => (
            <Tag key={x.id} color="volcano">
              移送 {x.code}（{x.statusLabel}）
            </Tag>
          ))}
        </Space>
      )}
    </div>
  );
}

/** The interview-commitment clock (calendar days, so not ClockBadge's 工作日 count). */
export function CommitmentBadge({ clock }: { clock: CommitmentClock }) {
  const left = clock.daysLeft;
  return (
    <Space wrap size={4} data-testid="commitment-clock">
      <ClockBadge clock={{ ...clock, daysLeft: null }} prefix="整改承诺期限" />
      {left !== null && clock.state !== 'met' && clock.state !== 'missed' && <Muted>{left >= 0 ? `剩余 ${left} 天` : `逾期 ${-left} 天`}</Muted>}
    </Space>
  );
}

/** 约谈记录 as cards: date, place, both sides, items, content, commitments (+ the clock); the .docx on the bureau's side. */
export function InterviewCards({
  interviews,
  commitment,
  items,
  docxBase,
  code,
}: {
  interviews: InterviewView[];
  commitment: CommitmentClock | null;
  items: { id: string; code: string; title: string }[];
  docxBase?: string;
  code: string;
}) {
  const byId = new Map(items.map((x) => [x.id, x]));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {commitment && <CommitmentBadge clock={commitment} />}
      {interviews.map((i) => (
        <Card
          key={i.id}
          size="small"
          data-testid="interview"
          title={
            <span>
              {i.heldOn} 约谈 · {i.place}
            </span>
          }
          extra={
            docxBase && (
              <DownloadButton path={`${docxBase}/${i.id}.docx`} name={`约谈记录-${code}-${i.heldOn}.docx`} testId="download-interview">
                约谈记录
              </DownloadButton>
            )
          }
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label="约谈人">{i.interviewers.map((x) => `${x.name}（${x.certificateNo}）`).join('、')}</Descriptions.Item>
            <Descriptions.Item label="被约谈人">{i.attendees.map((x) => `${x.name}（${x.title}）`).join('、')}</Descriptions.Item>
            <Descriptions.Item label="整改事项">
              <span data-testid="interview-items">{i.itemIds.map((id, n) => (byId.get(id) ? `${byId.get(id)!.code} ${byId.get(id)!.title}` : i.itemCodes[n])).join('；')}</span>
            </Descriptions.Item>
            <Descriptions.Item label="约谈内容">
              <span style={{ whiteSpace: 'pre-wrap' }}>{i.content}</span>
            </Descriptions.Item>
            <Descriptions.Item label="整改承诺">
              <span data-testid="interview-commitments" style={{ whiteSpace: 'pre-wrap' }}>
                {i.commitments ?? '无'}
                {i.commitmentDue ? `（承诺于 ${i.commitmentDue} 前完成）` : ''}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
    </Space>
  );
}

/** On a follow-up inspection (回头看): the parent and the rectification items being re-checked. */
export function FollowUpParentCard({ parent, side }: { parent: FollowUpParent; side: 'bureau' | 'unit' }) {
  const link =
    side === 'bureau' ? (
      <Link to="/inspection/inspections/$id" params={{ id: parent.id }} data-testid="parent-link">
        {parent.code}
      </Link>
    ) : (
      <Link to="/my/inspections/$id" params={{ id: parent.id }} data-testid="parent-link">
        {parent.code}
      </Link>
    );
  return (
    <Card variant="borderless" title="回头看" style={{ marginBottom: 16 }} data-testid="parent-card">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>本次检查是对检查 {link} 整改情况的回头看</span>
        <InspectionStatusTag status={parent.status} label={parent.statusLabel} />
        {parent.feedbackDocNumber && <Muted>反馈意见书 {parent.feedbackDocNumber}</Muted>}
      </Space>
      <div>
        <Muted>复查以下整改事项：</Muted>
      </div>
      {parent.items.map((x) => (
        <div key={x.id} className="record-item" data-testid="parent-item" data-code={x.code}>
          <Space wrap>
            <Typography.Text code>{x.code}</Typography.Text>
            <Typography.Text strong>{x.title}</Typography.Text>
            <Tag color={ITEM_STATUS_COLORS[x.status]}>{x.statusLabel}</Tag>
            {x.returnCount > 0 && <Tag color="volcano">退回 {x.returnCount} 次</Tag>}
          </Space>
          <div>{x.text}</div>
        </div>
      ))}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// The drawers. Validation is the server's: its field messages show under each field (FormDrawer).

interface DrawerProps {
  d: InspectionFollowUpDetail;
  open: boolean;
  onClose: () => void;
  onDone: Done;
}

/** Maps the server's per-index field names (itemIds.0, …) onto the one form field. */
const indexed = (name: string, n: number) => Object.fromEntries(Array.from({ length: Math.max(n, 1) }, (_, i) => [`${name}.${i}`, [name]]));

function useInspectors(open: boolean) {
  return useQuery({
    queryKey: ['/api/inspectors', 'team-picker'],
    queryFn: () => api.get<Page<Inspector>>('/api/inspectors', { page: 1, pageSize: 100, status: 'active' }),
    enabled: open,
  });
}

function InspectorSelect({ open, value, onChange, testId }: { open: boolean; value?: string[]; onChange?: (v: string[]) => void; testId: string }) {
  const q = useInspectors(open);
  return (
    <Select
      mode="multiple"
      size="large"
      loading={q.isLoading}
      placeholder="选择执法人员"
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      data-testid={testId}
      options={(q.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.certificateNo}）`, disabled: i.certState === 'expired' }))}
    />
  );
}

function OptionRows({ value, onChange, options, testId }: { value?: string[]; onChange?: (v: string[]) => void; options: { value: string; code: string; label: ReactNode; disabled?: boolean }[]; testId: string }) {
  if (!options.length) return <Empty description="没有可选的事项" />;
  return (
    <div data-testid={testId}>
      <Checkbox.Group value={value} onChange={(v) => onChange?.(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 8, width: '100%' }}>
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} disabled={o.disabled} style={OPTION_ROW} data-code={o.code}>
            {o.label}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  );
}

interface InterviewValues {
  heldOn: Dayjs | null;
  place: string;
  interviewerIds: string[];
  attendees: { name?: string; title?: string }[];
  itemIds: string[];
  content: string;
  commitments?: string;
  commitmentDue?: Dayjs | null;
}

function InterviewDrawer({ d, open, onClose, onDone }: DrawerProps) {
  const items = new Map((d.feedback?.items ?? []).map((x) => [x.id, x]));
  return (
    <FormDrawer<InterviewValues>
      open={open}
      title={`约谈 · ${d.unitName}`}
      onClose={onClose}
      testId="interview-form"
      formName="interview"
      width={640}
      submitText="保存约谈记录"
      successMessage="已保存约谈记录"
      fieldMap={{ ...indexed('itemIds', d.flags.length), ...indexed('interviewerIds', 10) }}
      initialValues={{ heldOn: dayjs(), interviewerIds: d.team.map((t) => t.id), attendees: [{ name: '', title: '' }], itemIds: [] }}
      onSubmit={(v) =>
        api.post<InspectionDetail>(`${P}/${d.id}/interviews`, {
          heldOn: day(v.heldOn) ?? '',
          place: v.place ?? '',
          interviewerIds: v.interviewerIds ?? [],
          attendees: (v.attendees ?? []).map((a) => ({ name: a?.name ?? '', title: a?.title ?? '' })),
          itemIds: v.itemIds ?? [],
          content: v.content ?? '',
          commitments: orNull(v.commitments),
          commitmentDue: day(v.commitmentDue) ?? null,
        } satisfies InterviewBody)
      }
      onSuccess={(r) => onDone(r as InspectionDetail)}
    >
      <Muted>整改事项被退回两次或逾期未通过审核的，约谈被检查单位负责人（约谈人至少 2 名执法人员）。</Muted>
      <Form.Item name="itemIds" label="约谈涉及的整改事项" required style={{ marginTop: 12 }}>
        <OptionRows
          testId="interview-items-pick"
          options={d.flags.map((f) => ({
            value: f.itemId,
            code: f.code,
            label: (
              <span>
                <Typography.Text code>{f.code}</Typography.Text> {items.get(f.itemId)?.title}
                <br />
                <Muted>{f.reason}</Muted>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="heldOn" label="约谈日期" required>
        <DatePicker size="large" allowClear={false} style={{ width: '100%' }} data-testid="interview-date" />
      </Form.Item>
      <Form.Item name="place" label="约谈地点" required>
        <Input size="large" maxLength={200} placeholder="如：市档案局三楼会议室" />
      </Form.Item>
      <Form.Item name="interviewerIds" label="约谈人（至少 2 名执法人员）" required>
        <InspectorSelect open={open} testId="interviewers" />
      </Form.Item>
      <Form.Item label="被约谈人（单位负责人或档案工作负责人）" required style={{ marginBottom: 0 }}>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }} data-testid="attendee-row">
                  <Form.Item name={[f.name, 'name']} style={{ marginBottom: 12 }}>
                    <Input size="large" placeholder="姓名" maxLength={50} aria-label="被约谈人姓名" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} style={{ marginBottom: 12 }}>
                    <Input size="large" placeholder="职务" maxLength={50} aria-label="被约谈人职务" />
                  </Form.Item>
                  {fields.length > 1 && <Button size="large" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此人" />}
                </Space>
              ))}
              <Button size="large" icon={<PlusOutlined />} onClick={() => add({ name: '', title: '' })} style={{ marginBottom: 16 }} data-testid="add-attendee">
                添加被约谈人
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="content" label="约谈内容" required>
        <Input.TextArea rows={4} maxLength={5000} placeholder="通报检查发现的问题和整改情况，听取说明，提出整改要求" />
      </Form.Item>
      <Form.Item name="commitments" label="整改承诺">
        <Input.TextArea rows={3} maxLength={5000} placeholder="被约谈单位作出的整改承诺（可选）" />
      </Form.Item>
      <Form.Item name="commitmentDue" label="承诺完成日期" extra="填写后开始计算整改承诺期限，显示在工作台。">
        <DatePicker size="large" style={{ width: '100%' }} data-testid="commitment-due" />
      </Form.Item>
    </FormDrawer>
  );
}

interface FollowUpValues {
  plannedDate: Dayjs | null;
  inspectorIds: string[];
  itemIds: string[];
  reason?: string;
}

/** Fills the planned date with the earliest day a notice sent today allows (working days), unless already chosen. */
function EarliestPlannedDate({ days }: { days: number }) {
  const form = Form.useFormInstance<FollowUpValues>();
  const today = dayjs().format('YYYY-MM-DD');
  const q = useQuery({ queryKey: ['/api/calendar/due', today, days], queryFn: () => api.get<{ due: string }>('/api/calendar/due', { from: today, days, unit: 'working' }) });
  useEffect(() => {
    if (q.data?.due && !form.getFieldValue('plannedDate')) form.setFieldValue('plannedDate', dayjs(q.data.due));
  }, [q.data, form]);
  return null;
}

function FollowUpDrawer({ d, open, onClose, onDone }: DrawerProps) {
  const navigate = useNavigate();
  const closed = d.status === 'closed';
  const flagged = new Set(d.flags.map((f) => f.itemId));
  const running = new Map(d.followUps.filter((f) => f.status !== 'closed').flatMap((f) => f.itemIds.map((id) => [id, f.code] as const)));
  const candidates = (d.feedback?.items ?? []).filter((x) => closed || flagged.has(x.id));
  return (
    <FormDrawer<FollowUpValues>
      open={open}
      title={`组织回头看 · ${d.unitName}`}
      onClose={onClose}
      testId="followup-form"
      formName="followup"
      width={600}
      submitText="创建回头看检查"
      successMessage="已创建回头看检查任务"
      fieldMap={indexed('itemIds', candidates.length)}
      initialValues={{ inspectorIds: d.team.map((t) => t.id), itemIds: candidates.filter((x) => !running.has(x.id)).map((x) => x.id) }}
      onSubmit={(v) =>
        api.post<InspectionDetail>(`${P}/${d.id}/follow-ups`, {
          plannedDate: day(v.plannedDate) ?? '',
          inspectorIds: v.inspectorIds ?? [],
          itemIds: v.itemIds ?? [],
          reason: orNull(v.reason),
        } satisfies FollowUpBody)
      }
      onSuccess={(r) => {
        onDone();
        void navigate({ to: '/inspection/inspections/$id', params: { id: (r as InspectionDetail).id } });
      }}
    >
      <Muted>回头看是对同一单位、同一检查表的一次新检查，复查所选整改事项，按检查流程送达通知书、现场检查。</Muted>
      <EarliestPlannedDate days={d.notice.requiredWorkingDays} />
      <Form.Item name="itemIds" label="复查的整改事项" required style={{ marginTop: 12 }}>
        <OptionRows
          testId="followup-items-pick"
          options={candidates.map((x) => ({
            value: x.id,
            code: x.code,
            disabled: running.has(x.id),
            label: (
              <span>
                <Typography.Text code>{x.code}</Typography.Text> {x.title} <Tag color={ITEM_STATUS_COLORS[x.status]}>{x.statusLabel}</Tag>
                {running.has(x.id) && <Muted>已在回头看 {running.get(x.id)} 中复查</Muted>}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="plannedDate" label="计划检查日期" required extra={`检查通知书应至迟于检查日前 ${d.notice.requiredWorkingDays} 个工作日送达。`}>
        <DatePicker size="large" allowClear={false} style={{ width: '100%' }} data-testid="followup-date" />
      </Form.Item>
      <Form.Item name="inspectorIds" label="检查组（至少 2 名执法人员）" required>
        <InspectorSelect open={open} testId="followup-team" />
      </Form.Item>
      <Form.Item name="reason" label="检查事由">
        <Input.TextArea rows={2} maxLength={500} placeholder={`默认：对 ${d.code} 整改情况回头看`} />
      </Form.Item>
    </FormDrawer>
  );
}

interface ReferValues {
  entryIds: string[];
  facts: string;
  suspectedBasis?: string;
}

type Entry = InspectionDetail['items'][number];

/** The facts drawn from the record: the on-site date, the unit, and each picked entry with its note. */
function factsOf(d: InspectionFollowUpDetail, picked: Entry[]): string {
  if (!picked.length) return d.record?.findings ?? '';
  const lines = picked.map((e, n) => `${n + 1}. ${e.code} ${e.title}：${e.onSite?.note?.trim() || '现场检查不符合'}（检查依据：${e.legalBasis}）`);
  return `${d.record?.onSiteDate ?? d.plannedDate}，我局执法人员对${d.unitName}进行现场检查（${d.code}），发现以下问题：\n${lines.join('\n')}`;
}

/** Keeps the facts in step with the entries picked until someone edits them by hand. */
function FactsFromEntries({ d, entries }: { d: InspectionFollowUpDetail; entries: Entry[] }) {
  const form = Form.useFormInstance<ReferValues>();
  const picked = Form.useWatch('entryIds', form);
  useEffect(() => {
    if (form.isFieldTouched('facts')) return;
    const ids = new Set(picked ?? []);
    // setFields, not setFieldValue: that marks the field touched, and the facts would stop following.
    form.setFields([{ name: 'facts', value: factsOf(d, entries.filter((e) => ids.has(e.entryId))) }]);
  }, [picked, form, d, entries]);
  return null;
}

function ReferDrawer({ d, open, onClose, onDone }: DrawerProps) {
  const referred = new Set(d.referralEntryIds);
  const entries = d.items.filter((i) => i.onSite?.result === 'non_compliant' && !referred.has(i.entryId));
  return (
    <FormDrawer<ReferValues>
      open={open}
      title={`移送立案 · ${d.unitName}`}
      onClose={onClose}
      testId="refer-form"
      formName="refer"
      width={640}
      submitText="移送"
      successMessage="已移送案件线索"
      fieldMap={indexed('entryIds', entries.length)}
      initialValues={{ entryIds: [], facts: factsOf(d, []) }}
      onSubmit={(v) =>
        api.post<InspectionDetail>(`${P}/${d.id}/referrals`, { entryIds: v.entryIds ?? [], facts: v.facts ?? '', suspectedBasis: orNull(v.suspectedBasis) } satisfies ReferralBody)
      }
      onSuccess={(r) => onDone(r as InspectionDetail)}
    >
      <Muted>将现场检查记录中的不符合项作为案件线索移送行政处罚，由法制机构审查是否立案。</Muted>
      <FactsFromEntries d={d} entries={entries} />
      <Form.Item name="entryIds" label="移送的不符合项" required style={{ marginTop: 12 }}>
        <OptionRows
          testId="refer-entries-pick"
          options={entries.map((e) => ({
            value: e.entryId,
            code: e.code,
            label: (
              <span>
                <Typography.Text code>{e.code}</Typography.Text> {e.title}
                {e.onSite?.note && (
                  <>
                    <br />
                    <Muted>{e.onSite.note}</Muted>
                  </>
                )}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="facts" label="违法事实" required extra="按所选检查项和现场检查记录的说明生成，可修改。">
        <Input.TextArea rows={6} maxLength={5000} data-testid="refer-facts" />
      </Form.Item>
      <Form.Item name="suspectedBasis" label="涉嫌违反的规定">
        <Input size="large" maxLength={500} placeholder="如：《中华人民共和国档案法》第四十八条" />
      </Form.Item>
    </FormDrawer>
  );
}

interface CloseValues {
  note: string;
  closedOn: Dayjs | null;
}

/** A default note: each flagged item and what addressed it. */
function closeNoteOf(d: InspectionFollowUpDetail): string {
  const parts = d.flags.map((f) => {
    const a = f.addressedBy;
    const how = [
      ...a.interviews.map((i) => `${i.heldOn} 约谈`),
      ...a.followUps.map((x) => `回头看 ${x.code}`),
      ...a.referrals.map((x) => `移送立案 ${x.code}`),
    ];
    return `${f.code} 已${how.join('、')}`;
  });
  return parts.length ? `整改事项 ${parts.join('；')}，其余整改事项均已通过审核，予以办结。` : '';
}

function CloseDrawer({ d, open, onClose, onDone }: DrawerProps) {
  return (
    <FormDrawer<CloseValues>
      open={open}
      title={`办结 · ${d.code}`}
      onClose={onClose}
      testId="close-form"
      formName="close"
      width={560}
      submitText="办结"
      successMessage="检查已办结"
      initialValues={{ note: closeNoteOf(d), closedOn: dayjs() }}
      onSubmit={(v) => api.post<InspectionDetail>(`${P}/${d.id}/close`, { note: v.note ?? '', closedOn: day(v.closedOn) } satisfies CloseBody)}
      onSuccess={(r) => onDone(r as InspectionDetail)}
    >
      <Muted>整改事项均已通过审核，或逾期、被退回两次的事项已约谈、组织回头看或移送立案的，可以办结。</Muted>
      <Form.Item name="note" label="办结说明" required style={{ marginTop: 12 }}>
        <Input.TextArea rows={4} maxLength={2000} data-testid="close-note-input" />
      </Form.Item>
      <Form.Item name="closedOn" label="办结日期" required>
        <DatePicker size="large" allowClear={false} style={{ width: '100%' }} data-testid="close-date" />
      </Form.Item>
    </FormDrawer>
  );
}
