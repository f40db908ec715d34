/** 执行抽取: once, with the server's random bytes or the public value named when the pool was frozen. */
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { DrawDetail, DrawExecuteInput } from '@server/modules/inspections/draws/contracts';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { useExecuteDraw } from './queries';

export function ExecuteModal({ draw, open, onClose }: { draw: DrawDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ entropy?: string }>();
  const { message } = App.useApp();
  const execute = useExecuteDraw(draw.id);
  const [error, setError] = useState<string | null>(null);
  const isPublic = draw.entropySource === 'public';
  const submit = async () => {
    let v: { entropy?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      const body: DrawExecuteInput = isPublic
        ? { entropySource: 'public', entropy: v.entropy?.trim(), publicValueName: draw.publicValueName ?? undefined }
        : { entropySource: 'server' };
      await execute.mutateAsync(body);
      message.success(`批次 ${draw.drawId} 已抽取`);
      onClose();
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    }
  };
  return (
    <Modal
      open={open}
      title={`执行抽取：${draw.drawId}`}
      okText="抽取"
      cancelText="取消"
      confirmLoading={execute.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'confirm-execute' } as Record<string, string>}
    >
      <Typography.Paragraph>每个批次只能抽取一次。抽取结果写入全过程记录，不能撤销；如确需重抽，须说明理由另行抽取，本批次保留可查。</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        候选名单哈希 <span className="mono hash-text">{draw.listHash}</span>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="execute">
        {isPublic ? (
          <Form.Item
            label={`公开随机值：${draw.publicValueName}`}
            name="entropy"
            rules={[
              { required: true, whitespace: true, message: `请填写“${draw.publicValueName}”的数值` },
              { max: 200, message: '不能超过 200 个字符' },
              { pattern: /^[^|]*$/, message: '公开随机值不能包含“|”' },
            ]}
            extra="按公布的原样填写（如开奖号码 3 5 7 0 1 填写为 35701），公众将用同一数值复核。"
          >
            <Input placeholder="开奖号码" className="mono" />
          </Form.Item>
        ) : (
          <Typography.Paragraph>随机数由服务器在抽取时生成（32 字节），并随结果一同公布。</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
