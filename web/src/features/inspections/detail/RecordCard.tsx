/**
 * 现场检查记录 on the bureau's detail (tablet-sized controls): per-item results with notes and photos,
 * the inspectors present, the unit's representative, findings; signatures drawn on screen. Frozen once
 * signed; editable and signable only as `allowedActions` says.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Empty, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { CheckOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemResult } from '@server/modules/inspections/labels';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { errorMessage } from '../../../api/client';
import { ClockBadge, EvidenceUsageNote, FileThumbs, Muted, PhotoUpload, ResultControl, ResultTag, SignedRecord } from '../parts';
import { SignaturePad } from '../SignaturePad';
import { INSPECTIONS_URL as P, useRefreshInspection, useSaveRecord, useSignRecord } from '../queries';

interface ItemState {
  result: ItemResult | null;
  note: string;
}

export function RecordCard({ d, editable, canSign }: { d: InspectionDetail; editable: boolean; canSign: boolean }) {
  const { message } = App.useApp();
  const signed = !!d.record?.signedOn;
  const [items, setItems] = useState<Record<string, ItemState>>({});
  const [onSiteDate, setOnSiteDate] = useState<Dayjs>(dayjs());
  const [present, setPresent] = useState<string[]>([]);
  const [repName, setRepName] = useState('');
  const [repTitle, setRepTitle] = useState('');
  const [findings, setFindings] = useState('');
  const [sigs, setSigs] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState<'save' | 'sign' | null>(null);
  const saveRecord = useSaveRecord(d.id);
  const signRecord = useSignRecord(d.id);
  const refresh = useRefreshInspection(d.id);
  const [error, setError] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);

  // Load the saved record once per inspection.
  useEffect(() => {
    if (loadedFor === d.id) return;
    setLoadedFor(d.id);
    setItems(Object.fromEntries(d.items.map((i) => [i.entryId, { result: i.onSite?.result ?? null, note: i.onSite?.note ?? '' }])));
    if (d.record) {
      setOnSiteDate(dayjs(d.record.onSiteDate));
      setPresent(d.record.inspectorsPresent.map((p) => p.id));
      setRepName(d.record.representative?.name ?? '');
      setRepTitle(d.record.representative?.title ?? '');
      setFindings(d.record.findings ?? '');
    }
  }, [d, loadedFor]);

  const body = () => ({
    onSiteDate: onSiteDate.format('YYYY-MM-DD'),
    items: d.items.map((i) => ({ entryId: i.entryId, result: items[i.entryId]?.result ?? null, note: items[i.entryId]?.note?.trim() || null })),
    inspectorsPresent: present,
    representative: repName.trim() && repTitle.trim() ? { name: repName.trim(), title: repTitle.trim() } : null,
    findings: findings.trim() || null,
  });
  const save = async (quiet = false) => {
    const r = await saveRecord.mutateAsync(body());
    if (!quiet) message.success('已保存现场检查记录');
    return r;
  };
  const onSave = async () => {
    setBusy('save');
    setError(null);
    try {
      await save();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const onSign = async () => {
    setBusy('sign');
    setError(null);
    try {
      await save(true);
      await signRecord.mutateAsync({
        inspectors: present.filter((p) => sigs[p]).map((p) => ({ inspectorId: p, signature: sigs[p]! })),
        representative: sigs.representative ? { signature: sigs.representative } : null,
      });
      message.success('现场检查记录已签署');
    } catch (e) {
      setError(errorMessage(e));
      refresh();
    } finally {
      setBusy(null);
    }
  };

  const readOnly = signed || !editable;
  const stats = useMemo(() => {
    const v = Object.values(items);
    return { done: v.filter((x) => x.result).length, bad: v.filter((x) => x.result === 'non_compliant').length };
  }, [items]);

  if (!editable && !d.record) {
    return (
      <Card variant="borderless" title="现场检查记录" style={{ marginBottom: 16 }} data-testid="record-card">
        <Empty description={d.status === 'planned' ? '送达检查通知书后填写' : '尚未填写'} />
      </Card>
    );
  }

  return (
    <Card
      variant="borderless"
      title="现场检查记录"
      extra={
        signed ? (
          <Tag color="green" data-testid="record-signed">
            已于 {d.record!.signedOn} 签署 · 只读
          </Tag>
        ) : (
          <Tag>
            已填 {stats.done}/{d.items.length}，不符合 {stats.bad}
          </Tag>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="record-card"
    >
      <Form layout="vertical" disabled={readOnly}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="现场检查日期" extra={readOnly ? undefined : `不得早于检查通知书所定的检查日期 ${d.plannedDate}`}>
              <DatePicker size="large" value={onSiteDate} onChange={(v) => v && setOnSiteDate(v)} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {d.record?.clock && <ClockBadge clock={d.record.clock} prefix="记录签字归档期限" />}
          </Col>
        </Row>
        {!readOnly && <EvidenceUsageNote usage={d.evidenceUsage} />}
        <div className="record-items" data-testid="record-items">
          {d.items.map((i) => {
            const s = items[i.entryId] ?? { result: null, note: '' };
            return (
              <div key={i.entryId} className="record-item" data-testid="record-item" data-code={i.code}>
                <div className="record-item-head">
                  <Typography.Text code>{i.code}</Typography.Text> <Typography.Text strong>{i.title}</Typography.Text>
                  <div>
                    <Muted>
                      {i.legalBasis}
                      {i.method ? ` · ${i.method}` : ''}
                    </Muted>
                  </div>
                  {i.self && (
                    <div>
                      <Muted>单位自查：</Muted>
                      <ResultTag result={i.self.result} />
                      {i.self.note && <Muted>{i.self.note}</Muted>}
                    </div>
                  )}
                </div>
                {readOnly ? (
                  <Space wrap>
                    <ResultTag result={i.onSite?.result ?? null} />
                    {i.onSite?.note && <span>{i.onSite.note}</span>}
                  </Space>
                ) : (
                  <>
                    <ResultControl value={s.result} onChange={(v) => setItems((m) => ({ ...m, [i.entryId]: { ...s, result: v } }))} testId="result-control" />
                    <Input.TextArea
                      rows={2}
                      placeholder="检查情况说明"
                      value={s.note}
                      onChange={(e) => setItems((m) => ({ ...m, [i.entryId]: { ...s, note: e.target.value } }))}
                      style={{ marginTop: 8 }}
                      data-testid="item-note"
                    />
                  </>
                )}
                <Space wrap style={{ marginTop: 8 }} align="start">
                  <FileThumbs base={`${P}/${d.id}/files`} files={i.photos} />
                  {!readOnly && <PhotoUpload url={`${P}/${d.id}/photos?entryId=${i.entryId}`} onDone={refresh} testId="photo-upload" />}
                </Space>
              </div>
            );
          })}
        </div>

        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={12}>
            <Form.Item label="到场执法人员">
              <Checkbox.Group
                value={present}
                onChange={(v) => setPresent(v as string[])}
                data-testid="inspectors-present"
                style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
              >
                {d.team.map((t) => (
                  <Checkbox key={t.id} value={t.id} className="big-check">
                    {t.name}（执法证号 {t.certificateNo}）
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="被检查单位代表姓名">
              <Input size="large" value={repName} onChange={(e) => setRepName(e.target.value)} data-testid="rep-name" />
            </Form.Item>
            <Form.Item label="被检查单位代表职务">
              <Input size="large" value={repTitle} onChange={(e) => setRepTitle(e.target.value)} data-testid="rep-title" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="发现的问题">
          <Input.TextArea rows={4} value={findings} onChange={(e) => setFindings(e.target.value)} data-testid="findings" />
        </Form.Item>
      </Form>

      {!readOnly && (
        <Button size="large" icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void onSave()} data-testid="save-record">
          保存记录
        </Button>
      )}

      {!signed && canSign && (
        <div style={{ marginTop: 24 }} data-testid="sign-section">
          <Typography.Title level={5}>签名</Typography.Title>
          <Muted>到场执法人员与被检查单位代表在下方手写签名，确认后记录不可修改。</Muted>
          <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
            {d.team
              .filter((t) => present.includes(t.id))
              .map((t) => (
                <Col xs={24} md={12} key={t.id}>
                  <SignaturePad label={`执法人员 ${t.name}`} testId="signature-pad" onChange={(png) => setSigs((m) => ({ ...m, [t.id]: png }))} />
                </Col>
              ))}
            <Col xs={24} md={12}>
              <SignaturePad
                label={`被检查单位代表${repName ? ` ${repName}` : ''}`}
                testId="signature-pad"
                onChange={(png) => setSigs((m) => ({ ...m, representative: png }))}
              />
            </Col>
          </Row>
          <Button
            type="primary"
            size="large"
            icon={<CheckOutlined />}
            loading={busy === 'sign'}
            onClick={() => void onSign()}
            style={{ marginTop: 16 }}
            data-testid="sign-record"
          >
            确认签署
          </Button>
        </div>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="record-error" />}

      {signed && d.record && <SignedRecord base={`${P}/${d.id}/files`} record={d.record} />}
    </Card>
  );
}
