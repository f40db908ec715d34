/** Recomputes a published draw in this browser (verifyDraw) and shows the result step by step. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Result, Skeleton, Steps, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { usesWebCrypto, verifyDraw, type VerifyStep } from './verifyDraw';
import type { DrawRecord } from '@server/modules/inspections/draws/contracts';

const KIND_LABEL: Record<VerifyStep['kind'], string> = {
  format: '记录格式',
  candidates: '候选名单',
  listHash: '名单哈希',
  seed: '种子',
  selected: '抽取结果',
  stratum: '分层',
  team: '检查组',
};

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A step's title with the record ids in it (检查组 <unit id>) read as the names people know. */
const named = (title: string, names?: (id: string) => string | undefined) => (names ? title.replace(ID, (id) => names(id) ?? id) : title);

function Value({ v }: { v: string | string[] | undefined }) {
  if (v === undefined) return null;
  return <span className="mono hash-text">{Array.isArray(v) ? v.join('、') || '（空）' : v}</span>;
}

export function useDrawVerification(record: DrawRecord | null | undefined) {
  return useQuery({
    queryKey: ['verify-draw', record ? JSON.stringify(record) : null],
    queryFn: () => verifyDraw(record),
    enabled: !!record,
    staleTime: Infinity,
  });
}

export function VerifyPanel({ record, names }: { record: DrawRecord; names?: (id: string) => string | undefined }) {
  const v = useDrawVerification(record);
  if (v.isLoading) return <Skeleton active />;
  if (v.isError || !v.data) return <Alert type="error" showIcon title="浏览器无法完成重新计算" description={String(v.error ?? '')} />;
  const { ok, steps } = v.data;
  const failed = steps.filter((s) => !s.ok);
  return (
    <div data-testid="verify-panel">
      <Result
        className={ok ? 'verify-big verify-ok' : 'verify-big verify-fail'}
        status={ok ? 'success' : 'error'}
        title={<span data-testid="verify-result">{ok ? '已验证' : '验证失败'}</span>}
        subTitle={
          ok
            ? `本浏览器按公布的抽取方法独立重新计算了 ${steps.length} 个环节，全部与公布的记录一致（SHA-256 由${usesWebCrypto() ? '浏览器 Web Crypto' : '页面内置实现'}计算）。`
            : `${failed.length} 个环节与公布的记录不一致：${failed.map((s) => named(s.title, names)).join('、')}`
        }
      />
      <Card size="small" title="逐步核对" variant="borderless" className="verify-steps">
        <Steps
          orientation="vertical"
          size="small"
          items={steps.map((s) => ({
            status: s.ok ? 'finish' : 'error',
            icon: s.ok ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />,
            title: (
              <span data-testid="verify-step" data-ok={s.ok ? '1' : '0'}>
                {named(s.title, names)} {s.kind === 'stratum' || s.kind === 'team' ? <Tag>{KIND_LABEL[s.kind]}</Tag> : null}
                {s.ok ? <Tag color="green">一致</Tag> : <Tag color="red">不一致</Tag>}
              </span>
            ),
            content: (
              <div className="verify-step-body">
                <Typography.Text type={s.ok ? 'secondary' : 'danger'}>{s.detail}</Typography.Text>
                {(s.seed || s.recomputed !== undefined) && (
                  <Descriptions size="small" column={1} className="verify-values">
                    {s.seed && (
                      <Descriptions.Item label="本步种子">
                        <Value v={s.seed} />
                      </Descriptions.Item>
                    )}
                    {s.published !== undefined && (
                      <Descriptions.Item label="公布值">
                        <Value v={names && Array.isArray(s.published) ? s.published.map((x) => names(x) ?? x) : s.published} />
                      </Descriptions.Item>
                    )}
                    {s.recomputed !== undefined && (
                      <Descriptions.Item label="重算值">
                        <Value v={names && Array.isArray(s.recomputed) ? s.recomputed.map((x) => names(x) ?? x) : s.recomputed} />
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                )}
              </div>
            ),
          }))}
        />
      </Card>
    </div>
  );
}

/** Saves the record as a JSON file (for `npm run verify-draw -- file.json`). */
export function downloadRecord(record: DrawRecord) {
  const blob = new Blob([JSON.stringify(record, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${record.drawId}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
