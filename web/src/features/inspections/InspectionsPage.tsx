/** 检查任务: every inspection of the org (from draws or ad hoc), filtered by status and source; 新建临时检查. */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from '@tanstack/react-router';
import type { AdHocResult, InspectionSummary } from '@server/modules/inspections/loop/contracts';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { FormDrawer } from '../../shared/FormDrawer';
import { UnitPicker } from '../../shared/UnitPicker';
import { useCan } from '../../app/auth';
import { InspectionStatusTag } from './InspectionStatusTag';
import { INSPECTIONS_URL, useChecklistOptions, useCreateAdHoc, useTeamInspectors } from './queries';
import { firstPageNote } from './shared';
import { INSPECTION_SOURCE_LABELS, INSPECTION_STATUSES, INSPECTION_STATUS_LABELS } from './status';

export function InspectionsPage() {
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<InspectionSummary> = [
    {
      title: '编号',
      dataIndex: 'code',
      width: 150,
      render: (v: string, r) => (
        <Link to="/inspection/inspections/$id" params={{ id: r.id }} data-testid="inspection-link">
          {v}
        </Link>
      ),
    },
    { title: '检查对象', dataIndex: 'unitName' },
    { title: '来源', dataIndex: 'sourceLabel', width: 120, render: (v: string, r) => <Tag color={r.source === 'draw' ? 'blue' : 'purple'}>{v}</Tag> },
    { title: '检查日期', dataIndex: 'plannedDate', width: 110 },
    { title: '检查组', key: 'team', render: (_, r) => r.team.map((t) => t.name).join('、') },
    { title: '状态', dataIndex: 'status', width: 130, render: (v: InspectionSummary['status'], r) => <InspectionStatusTag status={v} label={r.statusLabel} /> },
  ];
  return (
    <>
      <PageHeader
        title="检查任务"
        description="双随机抽查生成的检查和专项/临时检查：通知、自查、现场检查、反馈、整改，逐步办理。"
        extra={
          can('inspection.manage') && (
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-inspection">
              新建临时检查
            </Button>
          )
        }
      />
      <ListPage<InspectionSummary>
        url={INSPECTIONS_URL}
        columns={columns}
        testId="inspections-table"
        searchPlaceholder="单位名称或检查编号"
        filters={[
          { key: 'status', placeholder: '状态', options: INSPECTION_STATUSES.map((s) => ({ value: s, label: INSPECTION_STATUS_LABELS[s] })), width: 150 },
          { key: 'source', placeholder: '来源', options: Object.entries(INSPECTION_SOURCE_LABELS).map(([value, label]) => ({ value, label })), width: 150 },
        ]}
      />
      <AdHocForm open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

interface AdHocValues {
  unitId: string;
  inspectorIds: string[];
  checklistVersionId: string;
  plannedDate: Dayjs;
  reason: string;
}

function AdHocForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateAdHoc();
  const checklists = useChecklistOptions('inspection');
  const inspectors = useTeamInspectors(open);
  const versions = (checklists.data?.items ?? []).filter((c) => c.kind === 'inspection' && c.latestPublished);
  return (
    <FormDrawer<AdHocValues>
      open={open}
      title="新建临时检查"
      onClose={onClose}
      testId="adhoc-form"
      formName="adhoc"
      width={560}
      submitText="创建"
      successMessage="已创建检查任务"
      initialValues={{ checklistVersionId: versions[0]?.latestPublished?.id }}
      onSubmit={(v) =>
        create.mutateAsync({
          unitId: v.unitId,
          inspectorIds: v.inspectorIds ?? [],
          checklistVersionId: v.checklistVersionId,
          // An empty date is the server's to refuse, with its message under the field.
          plannedDate: v.plannedDate?.format('YYYY-MM-DD') as string,
          reason: v.reason,
        })
      }
      onSuccess={(r) => void navigate({ to: '/inspection/inspections/$id', params: { id: (r as AdHocResult).id } })}
    >
      <Form.Item name="unitId" label="检查对象" rules={[{ required: true, message: '请选择检查对象' }]}>
        <UnitPicker />
      </Form.Item>
      <Form.Item
        name="inspectorIds"
        label="检查组（至少 2 名执法人员）"
        rules={[{ required: true, type: 'array', min: 2, message: '检查组至少 2 名执法人员' }]}
      >
        <Select
          mode="multiple"
          size="large"
          loading={inspectors.isLoading}
          placeholder="选择执法人员"
          optionFilterProp="label"
          options={(inspectors.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.certificateNo}）`, disabled: i.certState === 'expired' }))}
        />
      </Form.Item>
      <Form.Item
        name="checklistVersionId"
        label="检查表"
        rules={[{ required: true, message: '请选择检查表' }]}
        extra={firstPageNote(checklists.data, '检查表')}
      >
        <Select size="large" options={versions.map((c) => ({ value: c.latestPublished!.id, label: `${c.name}（第 ${c.latestPublished!.version} 版）` }))} />
      </Form.Item>
      <Form.Item name="plannedDate" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
        <DatePicker size="large" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label="检查事由" rules={[{ required: true, message: '请填写检查事由' }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDrawer>
  );
}
