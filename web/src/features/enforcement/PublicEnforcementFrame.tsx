/**
 * The frame of the portal's 行政执法公示 pages (国办发〔2018〕118号): the portal's one frame, the bureau (as on
 * the portal home: `?org=` when it is one of the portal's bureaus, else the first — the top bureau — with
 * a chooser when there are several), and the four pages as tabs that wrap on a phone: 事前公开, 执法人员,
 * 执法流程, 处罚决定公开. A page renders its content for the chosen bureau.
 */
import type { CSSProperties, ReactNode } from 'react';
import { Alert, Card, Select, Skeleton, Space, Typography } from 'antd';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { usePublicOrgs } from '../disclosure/queries';
import { PortalFrame } from '../portal/PortalFrame';

export type EnforcementTab = '/public/enforcement' | '/public/enforcement/officers' | '/public/enforcement/procedures' | '/public/enforcement/decisions';

export const ENFORCEMENT_TABS: { path: EnforcementTab; label: string; testId: string }[] = [
  { path: '/public/enforcement', label: '事前公开', testId: 'enforcement-tab-advance' },
  { path: '/public/enforcement/officers', label: '执法人员', testId: 'enforcement-tab-officers' },
  { path: '/public/enforcement/procedures', label: '执法流程', testId: 'enforcement-tab-procedures' },
  { path: '/public/enforcement/decisions', label: '处罚决定公开', testId: 'enforcement-tab-decisions' },
];

export interface Bureau {
  id: string;
  name: string;
}

/** The bureau the pages are for: `?org=` when it is one of the portal's, else the first of the tree. */
export function useEnforcementOrg() {
  const { org } = useSearch({ strict: false }) as { org?: string };
  const bureaus = usePublicOrgs();
  const items = bureaus.data?.items ?? [];
  const bureau: Bureau | undefined = items.find((o) => o.id === org) ?? items[0];
  return { bureau, items, loading: bureaus.isLoading, error: bureaus.isError ? bureaus.error : null };
}

const tabStyle: CSSProperties = {
  display: 'inline-block',
  padding: '6px 14px',
  borderRadius: 16,
  color: '#1d4e89',
  background: '#eef3fa',
  whiteSpace: 'nowrap',
};
const activeTab = { style: { ...tabStyle, color: '#fff', background: '#1d4e89', fontWeight: 600 }, 'aria-current': 'page' as const };

export function PublicEnforcementFrame({
  tab,
  description,
  children,
}: {
  tab: EnforcementTab;
  description: ReactNode;
  children: (bureau: Bureau) => ReactNode;
}) {
  const { bureau, items, loading, error } = useEnforcementOrg();
  const navigate = useNavigate();
  return (
    <PortalFrame
      org={bureau?.id}
      footer="依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号），行政执法机关事前公开执法主体、人员、职责、权限、依据、程序、救济方式和随机抽查事项清单，事中出示执法证件，事后公开执法决定。"
    >
      <PageHeader title={bureau ? `${bureau.name} · 行政执法公示` : '行政执法公示'} description={description} />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { padding: 12 } }}>
        <Space wrap size={[8, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
          <nav aria-label="行政执法公示栏目" data-testid="enforcement-tabs" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {ENFORCEMENT_TABS.map((t) => (
              <Link
                key={t.path}
                to={t.path}
                search={{ org: bureau?.id }}
                data-testid={t.testId}
                style={tabStyle}
                activeProps={activeTab}
                activeOptions={{ exact: true, includeSearch: false }}
              >
                {t.label}
              </Link>
            ))}
          </nav>
          {items.length > 1 && (
            <Space wrap size={8}>
              <Typography.Text>选择机关：</Typography.Text>
              <Select
                aria-label="选择机关"
                data-testid="enforcement-org-select"
                style={{ width: 240, maxWidth: '100%' }}
                value={bureau?.id}
                onChange={(id: string) => void navigate({ to: tab, search: { org: id } })}
                options={items.map((o) => ({ value: o.id, label: o.name }))}
              />
            </Space>
          )}
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title="机关名单加载失败" description={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {loading ? <Skeleton active /> : bureau ? children(bureau) : !error && <Alert type="info" showIcon title="尚无可公示的行政执法机关" />}
    </PortalFrame>
  );
}
