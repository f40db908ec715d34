/** One inspector: certificate, status, conflicts of interest (回避) and the timeline (全过程记录). */
import { Alert, Button, Descriptions, Drawer, Skeleton, Tabs } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { InspectorView as Inspector } from '@server/modules/orgs/inspectors/contracts';
import { errorMessage } from '../../api/client';
import { StatusTag } from '../../shared/StatusTag';
import { AuditTimeline } from '../../shared/Timeline';
import { dash, fmtDate } from '../../shared/format';
import { ConflictsPanel } from './ConflictsPanel';
import { DaysToExpiry } from './expiry';
import { useInspector } from './queries';

export function InspectorDrawer({ id, onClose, write, onEdit }: { id: string | null; onClose: () => void; write: boolean; onEdit: (i: Inspector) => void }) {
  const q = useInspector(id);
  const d = q.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={d ? `执法人员：${d.name}` : '执法人员详情'}
      extra={
        write &&
        d && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(d)}>
            编辑
          </Button>
        )
      }
    >
      {q.isLoading && <Skeleton active />}
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {d && (
        <Tabs
          items={[
            {
              key: 'info',
              label: '基本信息',
              children: (
                <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label="姓名">{d.name}</Descriptions.Item>
                  <Descriptions.Item label="执法证号">
                    <span className="mono">{d.certificateNo}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="发证日期">{fmtDate(d.certIssuedOn)}</Descriptions.Item>
                  <Descriptions.Item label="有效期至">
                    {fmtDate(d.certExpiresOn)} <DaysToExpiry date={d.certExpiresOn} />
                  </Descriptions.Item>
                  <Descriptions.Item label="证件状态">
                    <StatusTag kind="cert" value={d.certState} label={d.certStateLabel} />
                  </Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <StatusTag kind="inspector" value={d.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label="科室">{dash(d.departmentName)}</Descriptions.Item>
                  <Descriptions.Item label="回避单位">{d.conflicts.length} 个</Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'conflicts',
              label: `回避关系（${d.conflicts.length}）`,
              children: <ConflictsPanel inspector={d} write={write} />,
            },
            { key: 'timeline', label: '时间线', children: <AuditTimeline entityType="inspector" entityId={d.id} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
