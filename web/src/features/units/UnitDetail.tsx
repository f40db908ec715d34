/** A unit's details (`GET /api/units/:id`) with its inspections and evaluations and its 时间线 (全过程记录). */
import { Alert, Button, Descriptions, Drawer, Skeleton, Table, Tabs, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { EditOutlined } from '@ant-design/icons';
import type { UnitView as Unit } from '@server/modules/orgs/units/contracts';
import type { InspectionSummary } from '@server/modules/inspections/loop/contracts';
import type { EvaluationView } from '@server/modules/inspections/evaluations/contracts';
import { useCan } from '../../app/auth';
import { useUnitRecords } from '../inspections/queries';
import { errorMessage } from '../../api/client';
import { StatusTag } from '../../shared/StatusTag';
import { AuditTimeline } from '../../shared/Timeline';
import { dash, fmtDate, fmtDateTime } from '../../shared/format';
import { useUnit } from './queries';

export function UnitDescriptions({ unit, column = 2 }: { unit: Unit; column?: number }) {
  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: column }} data-testid="unit-descriptions">
      <Descriptions.Item label="单位名称" span={column}>
        {unit.name}
      </Descriptions.Item>
      <Descriptions.Item label="统一社会信用代码">
        <span className="mono">{unit.creditCode}</span>
      </Descriptions.Item>
      <Descriptions.Item label="单位类型">{unit.typeLabel}</Descriptions.Item>
      <Descriptions.Item label="所属行业">{dash(unit.industry)}</Descriptions.Item>
      <Descriptions.Item label="风险等级">
        <StatusTag kind="risk" value={unit.riskTier} label={unit.riskTierLabel} />
      </Descriptions.Item>
      <Descriptions.Item label="地址" span={column}>
        {dash(unit.address)}
      </Descriptions.Item>
      <Descriptions.Item label="联系人">{dash(unit.contactName)}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{dash(unit.contactPhone)}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <StatusTag kind="unit" value={unit.status} />
      </Descriptions.Item>
      <Descriptions.Item label="更新时间">{fmtDateTime(unit.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** The unit's inspections (each opening its page) and evaluations. */
function UnitRecords({ unit }: { unit: Unit }) {
  const { inspections, evaluations } = useUnitRecords(unit.id, unit.orgId, true);
  return (
    <div data-testid="unit-records">
      <Typography.Title level={5}>检查记录</Typography.Title>
      <Table<InspectionSummary>
        size="small"
        rowKey="id"
        loading={inspections.isLoading}
        dataSource={inspections.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '该单位尚无检查记录' }}
        data-testid="unit-inspections"
        columns={[
          {
            title: '检查编号',
            dataIndex: 'code',
            render: (v: string, r) => (
              <Link to="/inspection/inspections/$id" params={{ id: r.id }}>
                {v}
              </Link>
            ),
          },
          { title: '检查日期', dataIndex: 'plannedDate', render: fmtDate },
          { title: '来源', dataIndex: 'sourceLabel' },
          { title: '状态', dataIndex: 'statusLabel' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        考评记录
      </Typography.Title>
      <Table<EvaluationView>
        size="small"
        rowKey="id"
        loading={evaluations.isLoading}
        dataSource={evaluations.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '该单位尚无考评记录' }}
        data-testid="unit-evaluations"
        columns={[
          { title: '考评名称', dataIndex: 'title' },
          { title: '考评日期', dataIndex: 'evaluatedOn', render: fmtDate },
          { title: '等级', dataIndex: 'gradeLabel' },
        ]}
      />
    </div>
  );
}

export function UnitDetailDrawer({ id, onClose, onEdit }: { id: string | null; onClose: () => void; onEdit?: (u: Unit) => void }) {
  const q = useUnit(id);
  const canInspect = useCan()('inspection.read');
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={q.data ? q.data.name : '检查对象详情'}
      extra={
        onEdit &&
        q.data?.allowedActions.includes('edit') && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(q.data)}>
            编辑
          </Button>
        )
      }
    >
      <div data-testid="unit-detail">
        {q.isLoading && <Skeleton active />}
        {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
        {q.data && (
          <Tabs
            items={[
              { key: 'info', label: '基本信息', children: <UnitDescriptions unit={q.data} /> },
              ...(canInspect ? [{ key: 'records', label: '检查与考评', children: <UnitRecords unit={q.data} /> }] : []),
              {
                key: 'timeline',
                label: '时间线',
                children: (
                  <>
                    <Typography.Paragraph type="secondary">该单位记录的每一次新建、导入和修改，均写入不可篡改的全过程记录。</Typography.Paragraph>
                    <AuditTimeline entityType="unit" entityId={q.data.id} orgId={q.data.orgId} />
                  </>
                ),
              },
            ]}
          />
        )}
      </div>
    </Drawer>
  );
}
