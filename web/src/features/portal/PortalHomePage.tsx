/**
 * /public — the portal's front door (no sign-in): the bureau (a chooser when there are several, kept
 * in `?org=`), then its sections (政务公开, 行政许可, 双随机一公开, 行政执法公示) with each page in one plain line.
 */
import { Alert, Card, Col, Row, Select, Skeleton, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  FileDoneOutlined,
  IdcardOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  ScheduleOutlined,
  SearchOutlined,
  StarOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { usePublicOrgs } from '../disclosure/queries';
import { PortalFrame } from './PortalFrame';
import { PORTAL_SECTIONS, type PortalLink } from './sections';

const ICONS: Record<string, ReactNode> = {
  'portal-apply-link': <FormOutlined />,
  'portal-track-link': <SearchOutlined />,
  'portal-reports-link': <FileTextOutlined />,
  'portal-plans-link': <ScheduleOutlined />,
  'portal-draws-link': <TeamOutlined />,
  'portal-inspections-link': <AuditOutlined />,
  'portal-exemplary-link': <StarOutlined />,
  'portal-licensing-link': <FormOutlined />,
  'portal-licensing-track-link': <SearchOutlined />,
  'portal-licensing-decisions-link': <FileTextOutlined />,
  'portal-enforcement-link': <SafetyCertificateOutlined />,
  'portal-officers-link': <IdcardOutlined />,
  'portal-procedures-link': <ApartmentOutlined />,
  'portal-penalty-decisions-link': <FileDoneOutlined />,
  'portal-benchmarks-link': <ProfileOutlined />,
};

/** One entry of a section: icon, title and its line, the whole block a link. */
function Entry({ link, org }: { link: PortalLink; org?: string }) {
  const body = (
    <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', padding: '12px 0' }}>
      <span style={{ fontSize: 22, color: '#1d4e89', lineHeight: 1, paddingTop: 2 }}>{ICONS[link.testId] ?? <FileSearchOutlined />}</span>
      <span style={{ minWidth: 0 }}>
        <span style={{ display: 'block', fontSize: 16, fontWeight: 600, color: '#1d4e89' }}>{link.title}</span>
        <Typography.Text type="secondary">{link.description}</Typography.Text>
      </span>
    </div>
  );
  const testId = `home-${link.testId.replace(/^portal-/, '')}`;
  switch (link.path) {
    case '/public/disclosure/apply':
      return (
        <Link to={link.path} search={{ org }} data-testid={testId}>
          {body}
        </Link>
      );
    case '/public/licensing':
    case '/public/licensing/decisions':
    case '/public/enforcement':
    case '/public/enforcement/officers':
    case '/public/enforcement/procedures':
    case '/public/enforcement/decisions':
    case '/public/enforcement/benchmarks':
      return (
        <Link to={link.path} search={{ org }} data-testid={testId}>
          {body}
        </Link>
      );
    case '/public/disclosure/track':
    case '/public/licensing/track':
      return (
        <Link to={link.path} search={{ code: undefined }} data-testid={testId}>
          {body}
        </Link>
      );
    default:
      return (
        <Link to={link.path} data-testid={testId}>
          {body}
        </Link>
      );
  }
}

export function PortalHomePage() {
  const { org } = useSearch({ strict: false }) as { org?: string };
  const navigate = useNavigate();
  const bureaus = usePublicOrgs();
  const items = bureaus.data?.items ?? [];
  // The chosen bureau, else the first of the tree (the top bureau of this installation).
  const bureau = items.find((o) => o.id === org) ?? items[0];

  return (
    <PortalFrame org={bureau?.id}>
      <Card variant="borderless" style={{ marginBottom: 16, background: 'linear-gradient(120deg, #eef3fa 0%, #ffffff 70%)' }} data-testid="portal-bureau">
        {bureaus.isLoading ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : (
          <>
            <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0, marginBottom: 8 }} data-testid="portal-bureau-name">
              {bureau ? bureau.name : '公众服务门户'}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: items.length > 1 ? 12 : 0 }}>
              在这里可以申请政府信息公开、办理行政许可、查询办理进度、阅读年度报告，查看档案行政检查的计划、抽取和结果，以及行政执法公示。无需注册账号。
            </Typography.Paragraph>
            {items.length > 1 && (
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                <Typography.Text>选择机关：</Typography.Text>
                <Select
                  aria-label="选择机关"
                  data-testid="portal-org-select"
                  style={{ width: 280, maxWidth: '100%' }}
                  value={bureau?.id}
                  onChange={(id) => void navigate({ to: '/public', search: { org: id } })}
                  options={items.map((o) => ({ value: o.id, label: o.name }))}
                />
              </div>
            )}
          </>
        )}
        {bureaus.isError && <Alert type="warning" showIcon title="机关名单加载失败" description={errorMessage(bureaus.error)} style={{ marginTop: 12 }} />}
      </Card>
      <Row gutter={[16, 16]}>
        {PORTAL_SECTIONS.map((s) => (
          <Col xs={24} md={12} key={s.key}>
            <Card
              variant="borderless"
              title={<span style={{ fontSize: 18 }}>{s.title}</span>}
              style={{ height: '100%' }}
              data-testid={`portal-section-${s.key}`}
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {s.description}
              </Typography.Paragraph>
              {s.links.map((l, i) => (
                <div key={l.testId} style={i > 0 ? { borderTop: '1px solid #f0f0f0' } : undefined}>
                  <Entry link={l} org={bureau?.id} />
                </div>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
    </PortalFrame>
  );
}
