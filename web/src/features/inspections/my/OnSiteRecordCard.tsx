import { useState } from 'react';
import { Card, Space, Tag, Typography } from 'antd';
import type { InspectionDetail } from '@server/modules/inspections/loop/contracts';
import { FileThumbs, Muted, ResultTag, SignedRecord } from '../parts';
import { MY_INSPECTIONS_URL as P } from '../queries';

/** The signed on-site record as the unit sees it: every item's result and note, the photos, who signed. */
export function OnSiteRecordCard({ d }: { d: InspectionDetail }) {
  const [all, setAll] = useState(false);
  const found = d.items.filter((i) => i.onSite?.result === 'non_compliant');
  const shown = all ? d.items : d.items.filter((i) => i.onSite?.result === 'non_compliant' || i.photos.length > 0 || i.onSite?.note);
  return (
    <Card
      variant="borderless"
      title="现场检查记录"
      extra={<Tag color={found.length ? 'red' : 'green'}>{found.length ? `不符合 ${found.length} 项` : '全部符合或不适用'}</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="my-record"
    >
      <Space style={{ marginBottom: 8 }}>
        <Muted>{all ? `全部 ${d.items.length} 项` : `不符合、有说明或有照片的 ${shown.length} 项`}</Muted>
        <Typography.Link onClick={() => setAll((v) => !v)} data-testid="record-toggle-all">
          {all ? '只看有问题的项' : '查看全部检查项'}
        </Typography.Link>
      </Space>
      <div className="record-items">
        {shown.map((i) => (
          <div key={i.entryId} className="record-item" data-testid="my-record-item" data-code={i.code}>
            <Space wrap>
              <Typography.Text code>{i.code}</Typography.Text>
              <span>{i.title}</span>
              <ResultTag result={i.onSite?.result ?? null} />
            </Space>
            {i.onSite?.note && <div>{i.onSite.note}</div>}
            <FileThumbs base={`${P}/${d.id}/files`} files={i.photos} />
          </div>
        ))}
      </div>
      {d.record && <SignedRecord base={`${P}/${d.id}/files`} record={d.record} />}
    </Card>
  );
}
