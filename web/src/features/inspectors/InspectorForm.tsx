/** 新建 / 编辑执法人员: certificate number and validity, department, the linked account. */
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { InspectorStatus } from '@server/modules/orgs/contracts';
import type { InspectorView as Inspector } from '@server/modules/orgs/inspectors/contracts';
import { useDepartments } from '../../api/queries';
import { FormDrawer } from '../../shared/FormDrawer';
import { statusOptions } from '../../shared/StatusTag';
import { useCan } from '../../app/auth';
import { useUserPicker } from '../users/queries';
import { useSaveInspector } from './queries';

type InspectorFormValues = {
  name: string;
  certificateNo: string;
  certIssuedOn: Dayjs;
  certExpiresOn: Dayjs;
  departmentId?: string | null;
  userId?: string | null;
  status?: InspectorStatus;
};

export function InspectorFormDrawer({ editing, onClose }: { editing: Inspector | 'new' | null; onClose: () => void }) {
  const can = useCan();
  const save = useSaveInspector();
  const deps = useDepartments(undefined, can('org.read'));
  const users = useUserPicker({ role: 'inspector' }, !!editing && can('user.read'));
  const e = editing && editing !== 'new' ? editing : null;
  return (
    <FormDrawer<InspectorFormValues>
      open={!!editing}
      title={e ? `编辑执法人员：${e.name}` : '新建执法人员'}
      onClose={onClose}
      initialValues={
        e
          ? {
              name: e.name,
              certificateNo: e.certificateNo,
              certIssuedOn: dayjs(e.certIssuedOn),
              certExpiresOn: dayjs(e.certExpiresOn),
              departmentId: e.departmentId,
              userId: e.userId,
              status: e.status,
            }
          : {}
      }
      onSubmit={(v) => {
        const body = {
          name: v.name.trim(),
          certificateNo: v.certificateNo.trim(),
          certIssuedOn: v.certIssuedOn.format('YYYY-MM-DD'),
          certExpiresOn: v.certExpiresOn.format('YYYY-MM-DD'),
          departmentId: v.departmentId ?? null,
          userId: v.userId ?? null,
        };
        return save.mutateAsync(e ? { id: e.id, patch: { ...body, ...(v.status ? { status: v.status } : {}) } } : { create: body });
      }}
      successMessage={e ? '已保存' : '已新建执法人员'}
    >
      <Form.Item
        label="姓名"
        name="name"
        rules={[
          { required: true, whitespace: true, message: '请填写姓名' },
          { max: 40, message: '不能超过 40 个字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label="执法证号"
        name="certificateNo"
        rules={[
          { required: true, whitespace: true, message: '请填写执法证号' },
          { min: 4, message: '请填写完整的执法证号' },
          { max: 40, message: '不能超过 40 位' },
        ]}
      >
        <Input className="mono" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="发证日期" name="certIssuedOn" rules={[{ required: true, message: '请选择发证日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="有效期至"
            name="certExpiresOn"
            dependencies={['certIssuedOn']}
            rules={[
              { required: true, message: '请选择有效期截止日期' },
              ({ getFieldValue }) => ({
                validator: (_r, v: Dayjs | undefined) => {
                  const from = getFieldValue('certIssuedOn') as Dayjs | undefined;
                  return !v || !from || v.isAfter(from) ? Promise.resolve() : Promise.reject(new Error('有效期截止日期应晚于发证日期'));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="科室" name="departmentId">
        <Select allowClear placeholder="选择所在科室" options={(deps.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item label="关联登录账号" name="userId" extra="执法人员角色的账号；关联后该人员可在系统中办理检查。">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择账号（可不选）"
          loading={users.isLoading}
          options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
        />
      </Form.Item>
      {e && (
        <Form.Item label="状态" name="status">
          <Select options={statusOptions('inspector')} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
