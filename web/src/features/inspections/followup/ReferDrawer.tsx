/** 移送立案: non-compliant entries of the signed record, with the facts drawn from it (editable), handed to enforcement. */
import { useEffect } from 'react';
import { Form, Input, Typography } from 'antd';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { FormDrawer } from '../../../shared/FormDrawer';
import { Muted } from '../parts';
import { useRefer } from '../queries';
import { OptionRows, indexed, orNull, type DrawerProps } from './pickers';

interface ReferValues {
  entryIds: string[];
  facts: string;
  suspectedBasis?: string;
}

type Entry = InspectionDetail['items'][number];

/** The facts drawn from the record: the on-site date, the unit, and each picked entry with its note. */
function factsOf(d: InspectionDetail, picked: Entry[]): string {
  if (!picked.length) return d.record?.findings ?? '';
  const lines = picked.map((e, n) => `${n + 1}. ${e.code} ${e.title}：${e.onSite?.note?.trim() || '现场检查不符合'}（检查依据：${e.legalBasis}）`);
  return `${d.record?.onSiteDate ?? d.plannedDate}，我局执法人员对${d.unitName}进行现场检查（${d.code}），发现以下问题：\n${lines.join('\n')}`;
}

/** Keeps the facts in step with the entries picked until someone edits them by hand. */
function FactsFromEntries({ d, entries }: { d: InspectionDetail; entries: Entry[] }) {
  const form = Form.useFormInstance<ReferValues>();
  const picked = Form.useWatch('entryIds', form);
  useEffect(() => {
    if (form.isFieldTouched('facts')) return;
    const ids = new Set(picked ?? []);
    // setFields, not setFieldValue: that marks the field touched, and the facts would stop following.
    form.setFields([
      {
        name: 'facts',
        value: factsOf(
          d,
          entries.filter((e) => ids.has(e.entryId)),
        ),
      },
    ]);
  }, [picked, form, d, entries]);
  return null;
}

export function ReferDrawer({ d, open, onClose }: DrawerProps) {
  const refer = useRefer(d.id);
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
      onSubmit={(v) => refer.mutateAsync({ entryIds: v.entryIds ?? [], facts: v.facts ?? '', suspectedBasis: orNull(v.suspectedBasis) })}
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
