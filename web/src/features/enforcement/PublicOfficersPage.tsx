/**
 * /public/enforcement/officers?org= — 执法人员 (事中公示): the bureau's officers whose certificate is valid
 * today, each with the certificate number and its validity, so a citizen can check the certificate an
 * officer shows on site. Never an identity number or a telephone (the server sends none). Cards that
 * wrap, paged.
 */
import { useState } from 'react';
import { Alert, Card, List, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client';
import { PublicEnforcementFrame, type Bureau } from './PublicEnforcementFrame';
import { usePublicOfficers } from './publicQueries';

const PAGE_SIZE = 24;

function Officers({ bureau }: { bureau: Bureau }) {
  const [page, setPage] = useState(1);
  const q = usePublicOfficers(bureau.id, page, PAGE_SIZE);
  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary">
        执法人员实施行政检查、调查取证时不少于两人，并主动出示执法证件。以下为执法证件在有效期内的执法人员，共 {q.data?.total ?? '…'}{' '}
        名；证件是否有效，可按姓名和执法证号核对。
      </Typography.Paragraph>
      {q.isError && <Alert type="error" showIcon title="执法人员名单加载失败" description={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <List
        grid={{ gutter: 12, xs: 1, sm: 2, md: 3, lg: 4 }}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '本机关暂无执法证件在有效期内的执法人员' }}
        data-testid="public-officers"
        pagination={
          (q.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }
            : false
        }
        renderItem={(o) => (
          <List.Item>
            <Card size="small" data-testid="public-officer">
              <Typography.Text strong style={{ fontSize: 16 }}>
                <SafetyCertificateOutlined style={{ color: '#1d4e89', marginRight: 6 }} />
                {o.name}
              </Typography.Text>
              <div style={{ marginTop: 6 }}>
                执法证号：<span className="mono">{o.certificateNo}</span>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                有效期：{o.certIssuedOn} 至 {o.certExpiresOn}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function PublicOfficersPage() {
  return (
    <PublicEnforcementFrame
      tab="/public/enforcement/officers"
      description="事中公示：执法人员的姓名、执法证号和证件有效期。执法证件过期的人员不得从事行政执法活动，不在此列。"
    >
      {(bureau) => <Officers bureau={bureau} />}
    </PublicEnforcementFrame>
  );
}
