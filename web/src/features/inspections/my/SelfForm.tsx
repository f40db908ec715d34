import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { ItemResult } from '@server/modules/inspections/labels';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { errorMessage } from '../../../api/client';
import { fmtDateTime } from '../../../shared/format';
import { ClockBadge, Muted, ResultControl, ResultTag } from '../parts';
import { useSaveSelfInspection, useSubmitSelfInspection } from '../queries';

/** 自查表 in the unit's own account: a draft saved in parts, then submitted (only while `allowedActions` allows). */
export function SelfForm({ d }: { d: InspectionDetail }) {
  const { message } = App.useApp();
  const editable = d.allowedActions.includes('saveSelfInspection');
  const [vals, setVals] = useState<Record<string, { result: ItemResult | null; note: string }>>({});
  const [loaded, setLoaded] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const saveSelf = useSaveSelfInspection(d.id);
  const submitSelf = useSubmitSelfInspection(d.id);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (loaded === d.id) return;
    setLoaded(d.id);
    setVals(Object.fromEntries(d.items.map((i) => [i.entryId, { result: i.self?.result ?? null, note: i.self?.note ?? '' }])));
  }, [d, loaded]);

  const save = async () => {
    const results = d.items
      .filter((i) => vals[i.entryId]?.result)
      .map((i) => ({ entryId: i.entryId, result: vals[i.entryId]!.result!, note: vals[i.entryId]!.note.trim() || null }));
    return saveSelf.mutateAsync({ results });
  };
  const run = async (what: 'save' | 'submit') => {
    setBusy(what);
    setError(null);
    try {
      await save();
      if (what === 'submit') await submitSelf.mutateAsync();
      message.success(what === 'submit' ? '自查表已提交' : '已保存草稿');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const done = Object.values(vals).filter((v) => v.result).length;
  const rest = d.items.filter((i) => !vals[i.entryId]?.result).length;
  /** 其余均符合: every item not answered yet becomes 符合 (the answered ones and their notes stay). */
  const restCompliant = () =>
    setVals((m) =>
      Object.fromEntries(
        d.items.map((i) => [i.entryId, m[i.entryId]?.result ? m[i.entryId]! : { result: 'compliant' as ItemResult, note: m[i.entryId]?.note ?? '' }]),
      ),
    );
  return (
    <Card
      variant="borderless"
      title="自查表"
      extra={
        d.selfInspection.submittedAt ? (
          <Tag color="green" data-testid="self-submitted">
            已于 {fmtDateTime(d.selfInspection.submittedAt)} 提交
          </Tag>
        ) : (
          <Tag>
            已填 {done}/{d.items.length}
          </Tag>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="self-form"
    >
      {d.selfInspection.clock && (
        <div style={{ marginBottom: 12 }} data-testid="self-due">
          <ClockBadge clock={d.selfInspection.clock} prefix="提交期限" />
        </div>
      )}
      {editable && rest > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button onClick={restCompliant} data-testid="self-rest-compliant">
            其余均符合
          </Button>
          <Muted>把尚未填写的 {rest} 项填为“符合”，已填的不变；提交前仍可逐项修改。</Muted>
        </Space>
      )}
      <div className="record-items">
        {d.items.map((i) => {
          const v = vals[i.entryId] ?? { result: null, note: '' };
          return (
            <div key={i.entryId} className="record-item" data-testid="self-item" data-code={i.code}>
              <div className="record-item-head">
                <Typography.Text code>{i.code}</Typography.Text> <Typography.Text strong>{i.title}</Typography.Text>
                <div>
                  <Muted>{i.evidenceHint ?? i.legalBasis}</Muted>
                </div>
              </div>
              {editable ? (
                <>
                  <ResultControl value={v.result} onChange={(r) => setVals((m) => ({ ...m, [i.entryId]: { ...v, result: r } }))} testId="self-result" />
                  <Input.TextArea
                    rows={1}
                    placeholder="说明（可选）"
                    value={v.note}
                    onChange={(e) => setVals((m) => ({ ...m, [i.entryId]: { ...v, note: e.target.value } }))}
                    style={{ marginTop: 8 }}
                  />
                </>
              ) : (
                <Space wrap>
                  <ResultTag result={i.self?.result} />
                  {i.self?.note && <Muted>{i.self.note}</Muted>}
                </Space>
              )}
            </div>
          );
        })}
      </div>
      {editable && (
        <Space wrap style={{ marginTop: 16 }}>
          {rest > 0 && <Button onClick={restCompliant}>其余 {rest} 项均符合</Button>}
          <Button size="large" icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void run('save')} data-testid="save-self">
            保存草稿
          </Button>
          <Button type="primary" size="large" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void run('submit')} data-testid="submit-self">
            提交自查表
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="self-error" />}
    </Card>
  );
}
