/** /public/disclosure/track?code= — status and expected reply date by tracking code (no sign-in). */
import { useState } from 'react';
import { Alert, Card, Descriptions, Input, Typography } from 'antd';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { ApiError, errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { fmtLongDate } from '../../shared/format';
import { DueDate } from '../../shared/DueDate';
import { ApplicationStatusTag } from './common';
import { PublicDisclosureFrame } from './PublicDisclosureFrame';
import { usePortalTrack } from './queries';

export function PublicTrackPage() {
  const { code } = useSearch({ strict: false }) as { code?: string };
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');
  const q = usePortalTrack(code);
  const t = q.data;
  return (
    <PublicDisclosureFrame>
      <PageHeader title="办理进度查询" description="输入提交申请时取得的查询码，查看办理状态和预计答复日期。" />
      <Card variant="borderless">
        <Input.Search
          size="large"
          placeholder="查询码，如 GK3H7K9M2P4Q"
          enterButton="查询"
          value={input}
          onChange={(e) => setInput(e.target.value.toUpperCase())}
          onSearch={(v) => {
            const c = v.trim().toUpperCase();
            if (c) void navigate({ to: '/public/disclosure/track', search: { code: c } });
          }}
          loading={q.isFetching}
          aria-label="查询码"
          className="mono"
          style={{ maxWidth: 480 }}
        />
        <div style={{ marginTop: 20 }} data-testid="track-result">
          {q.isError &&
            (q.error instanceof ApiError && q.error.status === 404 ? (
              <Alert
                type="warning"
                showIcon
                title="没有找到该查询码对应的申请"
                description="请核对查询码（不区分大小写，不含易混淆的 0、O、1、I）。"
                data-testid="track-not-found"
              />
            ) : (
              <Alert type="error" showIcon title="查询失败" description={errorMessage(q.error)} />
            ))}
          {t && (
            <Descriptions bordered column={1} size="middle">
              <Descriptions.Item label="查询码">
                <span className="mono">{t.trackingCode}</span>
              </Descriptions.Item>
              <Descriptions.Item label="办理状态">
                <span data-testid="track-status">
                  <ApplicationStatusTag status={t.status} label={t.statusLabel} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="收到申请日期">{fmtLongDate(t.receivedOn)}</Descriptions.Item>
              {t.decidedOn ? (
                <Descriptions.Item label="答复日期">{fmtLongDate(t.decidedOn)}</Descriptions.Item>
              ) : (
                <Descriptions.Item label="预计答复日期">
                  <span data-testid="track-expected" data-date={t.expectedReplyDate ?? ''} data-provisional={t.provisional ? 'true' : 'false'}>
                    {t.awaitingCorrection ? (
                      '等待补正，补正后重新计算'
                    ) : t.expectedReplyDate ? (
                      <>
                        不晚于{' '}
                        <DueDate
                          due={t.expectedReplyDate}
                          provisional={t.provisional}
                          provisionalYears={t.provisionalYears}
                          {...(t.provisionalNote ? { provisionalNote: t.provisionalNote } : {})}
                          format="long"
                        />
                      </>
                    ) : (
                      '—'
                    )}
                  </span>
                  {t.extended && <Typography.Text type="secondary">（已依法延长答复期限）</Typography.Text>}
                </Descriptions.Item>
              )}
              {t.awaitingCorrection && t.correctionDeadline && (
                <Descriptions.Item label="补正期限">
                  <Typography.Text type="warning">请于 {fmtLongDate(t.correctionDeadline)} 前按补正通知补正申请</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
        </div>
      </Card>
    </PublicDisclosureFrame>
  );
}
