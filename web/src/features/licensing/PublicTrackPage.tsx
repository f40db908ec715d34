/**
 * /public/licensing/track?code= — an application's progress and result by tracking code (no sign-in), the
 * letters addressed to the applicant, and the applicant's own steps: hand in the corrected materials,
 * withdraw before the decision.
 */
import { useState } from 'react';
import { Alert, Card, Descriptions, Input, Typography } from 'antd';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { ApiError, errorMessage } from '../../api/client';
import { DueDate } from '../../shared/DueDate';
import { fmtLongDate } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { PortalCorrection, PortalLetters, PortalWithdraw } from './ApplicantSteps';
import { LicensingStatusTag, ResultTag } from './common';
import { PublicLicensingFrame } from './PublicLicensingFrame';
import { useLicensingPortalTrack } from './queries';

export function PublicLicensingTrackPage() {
  const { code } = useSearch({ strict: false }) as { code?: string };
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');
  const q = useLicensingPortalTrack(code);
  const t = q.data;
  return (
    <PublicLicensingFrame>
      <PageHeader title="行政许可办理查询" description="输入网上申请或窗口登记时取得的查询码，查看受理、审查、决定和公开的进度。" />
      <Card variant="borderless">
        <Input.Search
          size="large"
          placeholder="查询码，如 XK3H7K9M2P4Q"
          enterButton="查询"
          value={input}
          onChange={(e) => setInput(e.target.value.toUpperCase())}
          onSearch={(v) => {
            const c = v.trim().toUpperCase();
            if (c) void navigate({ to: '/public/licensing/track', search: { code: c } });
          }}
          loading={q.isFetching}
          aria-label="查询码"
          className="mono"
          style={{ maxWidth: 480 }}
        />
        <div style={{ marginTop: 20 }} data-testid="licensing-track-result">
          {q.isError &&
            (q.error instanceof ApiError && q.error.status === 404 ? (
              <Alert type="warning" showIcon title="没有找到该查询码对应的申请" description="请核对查询码（不区分大小写，不含易混淆的 0、O、1、I）。" />
            ) : (
              <Alert type="error" showIcon title="查询失败" description={errorMessage(q.error)} />
            ))}
          {t && (
            <Descriptions bordered column={1} size="middle">
              <Descriptions.Item label="查询码">
                <span className="mono">{t.trackingCode}</span>
              </Descriptions.Item>
              <Descriptions.Item label="申请事项">{t.itemName}</Descriptions.Item>
              <Descriptions.Item label="受理机关">{t.orgName}</Descriptions.Item>
              <Descriptions.Item label="办理状态">
                <span data-testid="licensing-track-status" data-status={t.status}>
                  <LicensingStatusTag status={t.status} label={t.statusLabel} />
                  <ResultTag result={t.result} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="收到申请材料日期">{fmtLongDate(t.receivedOn)}</Descriptions.Item>
              {t.acceptanceBy && (
                <Descriptions.Item label="受理或告知补正">
                  不晚于{' '}
                  <DueDate due={t.acceptanceBy.due} provisional={t.acceptanceBy.provisional} provisionalYears={t.acceptanceBy.provisionalYears} format="long" />
                </Descriptions.Item>
              )}
              {t.correctionItems && t.status === 'correcting' && (
                <Descriptions.Item label="需要补正的内容">
                  <ol style={{ margin: 0, paddingLeft: 20 }}>
                    {t.correctionItems.map((x, i) => (
                      <li key={i}>{x}</li>
                    ))}
                  </ol>
                  <Typography.Text type="warning">请按上述内容补正申请材料（可在下方上传），补正后受理期限重新计算。</Typography.Text>
                </Descriptions.Item>
              )}
              {t.acceptedOn && (
                <Descriptions.Item label="受理日期">
                  {fmtLongDate(t.acceptedOn)}
                  {t.acceptanceDeemed && <Typography.Text type="secondary">（逾期未告知补正，自收到申请材料之日起即为受理）</Typography.Text>}
                </Descriptions.Item>
              )}
              {t.status === 'reviewing' && (
                <Descriptions.Item label="作出决定">
                  {t.paused ? (
                    '听证、检测或专家评审中，所需时间不计入期限'
                  ) : t.decisionBy ? (
                    <>
                      不晚于{' '}
                      <DueDate due={t.decisionBy.due} provisional={t.decisionBy.provisional} provisionalYears={t.decisionBy.provisionalYears} format="long" />
                    </>
                  ) : (
                    '—'
                  )}
                </Descriptions.Item>
              )}
              {t.decidedOn && <Descriptions.Item label="决定日期">{fmtLongDate(t.decidedOn)}</Descriptions.Item>}
              {t.reason && <Descriptions.Item label={t.result === 'refused' ? '不予许可的理由' : '说明'}>{t.reason}</Descriptions.Item>}
              {t.remedies && <Descriptions.Item label="救济途径">{t.remedies}</Descriptions.Item>}
              {t.publishedOn && <Descriptions.Item label="结果公开日期">{fmtLongDate(t.publishedOn)}</Descriptions.Item>}
              {t.withdrawnOn && <Descriptions.Item label="撤回日期">{fmtLongDate(t.withdrawnOn)}</Descriptions.Item>}
            </Descriptions>
          )}
          {t && (
            <>
              <PortalCorrection key={`correct-${t.status}`} track={t} />
              <PortalLetters track={t} />
              <PortalWithdraw track={t} />
            </>
          )}
        </div>
      </Card>
    </PublicLicensingFrame>
  );
}
