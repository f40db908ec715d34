/** 回避关系 of one inspector: the units it must not inspect; register one (unit + reason) or remove one. */
import { useState } from 'react';
import { Alert, App, Button, Col, Empty, Form, Input, Popconfirm, Row, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { InspectorConflictView as InspectorConflict, InspectorDetail } from '@server/modules/orgs/inspectors/contracts';
import { errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../shared/FormDrawer';
import { UnitPicker } from '../../shared/UnitPicker';
import { useAddConflict, useRemoveConflict } from './queries';

export function ConflictsPanel({ inspector, write }: { inspector: InspectorDetail; write: boolean }) {
  const [form] = Form.useForm<{ unitId: string; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const addConflict = useAddConflict(inspector.id);
  const removeConflict = useRemoveConflict(inspector.id);
  const add = async (v: { unitId: string; reason: string }) => {
    setError(null);
    try {
      await addConflict.mutateAsync({ unitId: v.unitId, reason: v.reason.trim() });
      message.success('已登记回避关系');
      form.resetFields();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(errorMessage(e));
    }
  };
  const remove = async (c: InspectorConflict) => {
    try {
      await removeConflict.mutateAsync(c.id);
      message.success('已解除回避关系');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">登记了回避关系的单位，随机抽取时不会为其匹配该执法人员。</Typography.Paragraph>
      {write && (
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)} style={{ marginBottom: 16 }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Row gutter={12}>
            <Col xs={24} md={11}>
              <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
                <UnitPicker />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item
                name="reason"
                label="回避事由"
                rules={[
                  { required: true, whitespace: true, message: '请填写回避事由' },
                  { max: 200, message: '不能超过 200 个字' },
                ]}
              >
                <Input placeholder="如：配偶在该单位任职" />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item label=" ">
                <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={addConflict.isPending} block>
                  登记
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
      <Table<InspectorConflict>
        size="small"
        rowKey="id"
        dataSource={inspector.conflicts}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无回避关系" /> }}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '回避事由', dataIndex: 'reason' },
          ...(write
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, c: InspectorConflict) => (
                    <Popconfirm title="解除该回避关系？" okText="解除" okButtonProps={{ danger: true }} onConfirm={() => remove(c)}>
                      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                        解除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
