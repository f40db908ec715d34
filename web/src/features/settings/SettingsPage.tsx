/**
 * 系统设置: per-org values — numbers (sign-in lockout, session timeout, certificate warning …) and texts
 * that may be left empty (办公电话: a setting whose default is '' is optional text).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Skeleton, Space, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { TimelineDrawer } from '../../shared/Timeline';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { useMe } from '../../app/auth';
import { DocPrefixCard } from '../../shared/DocPrefixCard';
import { RemedySettingsCard } from '../disclosure/RemedySettingsCard';
import { useSaveSettings, useSettings } from './queries';

export function SettingsPage() {
  const me = useMe();
  const q = useSettings();
  const saveSettings = useSaveSettings();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState(false);
  const { message } = App.useApp();
  const items = q.data?.items ?? [];

  useEffect(() => {
    if (q.data) form.setFieldsValue(Object.fromEntries(q.data.items.map((i) => [i.key, i.value])));
  }, [q.data, form]);

  const save = async (v: Record<string, unknown>) => {
    setError(null);
    try {
      await saveSettings.mutateAsync(v);
      message.success('设置已保存');
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    }
  };

  return (
    <>
      <PageHeader
        title="系统设置"
        description={`${me.org.name}的本机构设置。修改即时生效，并写入全过程记录。`}
        extra={<Button onClick={() => setHistory(true)}>修改记录</Button>}
      />
      <Card variant="borderless" style={{ maxWidth: 760 }}>
        {q.isLoading && <Skeleton active />}
        {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {items.length > 0 && (
          <Form
            form={form}
            layout="horizontal"
            labelWrap
            // every number is required and the text says 可不填: a wrapped label's asterisk would stand apart from it
            requiredMark={false}
            labelCol={{ xs: 24, sm: 12 }}
            wrapperCol={{ xs: 24, sm: 12 }}
            onFinish={(v) => void save(v)}
            data-testid="settings-form"
          >
            {items.map((s) =>
              typeof s.default === 'string' ? (
                <Form.Item key={s.key} name={s.key} label={s.label} extra="可不填；填写后保存时检查格式">
                  <Input allowClear style={{ width: 220 }} />
                </Form.Item>
              ) : (
                <Form.Item
                  key={s.key}
                  name={s.key}
                  label={s.label}
                  rules={[{ required: true, message: `请填写${s.label}` }]}
                  extra={
                    <Space size={4}>
                      <span>默认值 {String(s.default)}</span>
                      <Typography.Link onClick={() => form.setFieldValue(s.key, s.default)}>恢复默认</Typography.Link>
                    </Space>
                  }
                >
                  <InputNumber precision={0} style={{ width: 160 }} />
                </Form.Item>
              ),
            )}
            <Form.Item wrapperCol={{ xs: 24, sm: { span: 12, offset: 12 } }}>
              <Space>
                <Button type="primary" htmlType="submit" loading={saveSettings.isPending}>
                  保存设置
                </Button>
                <Button onClick={() => form.setFieldsValue(Object.fromEntries(items.map((i) => [i.key, i.value])))}>撤销修改</Button>
              </Space>
            </Form.Item>
          </Form>
        )}
      </Card>
      <DocPrefixCard
        endpoint="/api/inspections/doc-settings"
        title="行政检查文书发文字号"
        hint="检查通知书、反馈意见书等出具时按年度顺序编号；已编发的文号不变。"
        testId="inspection-doc"
      />
      <DocPrefixCard
        endpoint="/api/disclosure/letter-settings"
        title="政府信息公开文书发文字号"
        hint="受理回执、补正告知书、答复书、收费通知等首次生成时按年度顺序编号；已编发的文号不变。"
        testId="letter"
      />
      <RemedySettingsCard />
      <TimelineDrawer open={history} onClose={() => setHistory(false)} entityType="settings" entityId={me.org.id} title="系统设置的修改记录" />
    </>
  );
}
