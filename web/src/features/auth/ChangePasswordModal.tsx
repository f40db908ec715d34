/** 修改密码 (`POST /api/auth/password {current,next}`); forced after a reset (mustChangePassword). */
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { PASSWORD_HINT, confirmRules, passwordRules } from './passwordRules';
import { useChangePassword } from './queries';
import { useLogout } from '../../app/auth';

export function ChangePasswordModal({ open, forced, onClose }: { open: boolean; forced: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ current: string; next: string; confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const change = useChangePassword();
  const logout = useLogout();

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      await change.mutateAsync({ current: v.current, next: v.next });
      message.success('密码已修改');
      form.resetFields();
      onClose();
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    }
  };

  return (
    <Modal
      open={open}
      title={forced ? '请先修改初始密码' : '修改密码'}
      okText="确认修改"
      cancelText={forced ? '退出登录' : '取消'}
      confirmLoading={change.isPending}
      onOk={() => void submit()}
      onCancel={() => {
        if (forced) void logout();
        else {
          form.resetFields();
          setError(null);
          onClose();
        }
      }}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      destroyOnHidden
      data-testid="change-password"
    >
      {forced && <Alert type="info" showIcon title="您的密码由管理员设置或重置，为保障账号安全，请设置只有您知道的新密码。" style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label="新密码" rules={passwordRules} extra={PASSWORD_HINT}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="确认新密码" dependencies={['next']} rules={confirmRules('next')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
