/** 联系电话 (user menu): the signed-in user's own telephone, printed in the 附注 of the letters they issue. */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { useAccount, useUpdateAccount } from './queries';
import { TELEPHONE_PLACEHOLDER, telephoneRules, telephoneValue } from './telephone';

export function AccountTelephoneModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ telephone: string | null }>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const account = useAccount(open);
  const update = useUpdateAccount();

  useEffect(() => {
    if (open && account.data) form.setFieldsValue({ telephone: account.data.telephone });
  }, [open, account.data, form]);

  const close = () => {
    setError(null);
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      await update.mutateAsync({ telephone: telephoneValue(v.telephone) });
      message.success('联系电话已保存');
      close();
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    }
  };

  const office = account.data?.officeTelephone;
  return (
    <Modal
      open={open}
      title="联系电话"
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      data-testid="account-telephone"
    >
      {account.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {account.isError && <Alert type="error" showIcon title={errorMessage(account.error)} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {account.data && (
        <Form form={form} layout="vertical" preserve={false}>
          <Typography.Paragraph type="secondary">
            您出具检查通知书、反馈意见书、告知书等文书时，本电话作为经办人的联系电话写入文书附注。
            {office ? `不填则使用本机关的办公电话 ${office}。` : '本机关尚未设置办公电话：不填写将不能出具文书。'}
          </Typography.Paragraph>
          <Form.Item name="telephone" label="联系电话" rules={telephoneRules}>
            <Input placeholder={TELEPHONE_PLACEHOLDER} allowClear autoComplete="tel" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
