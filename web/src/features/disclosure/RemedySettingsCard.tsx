/**
 * 答复书的救济途径: the 行政复议机关 and the 人民法院 every reply letter names (行政复议法 2023 第二十条、
 * 第二十三条、第二十四条), admin only (`settings.manage`). Defaults come from the bureau's name and level;
 * a city or province bureau should name the exact court (e.g. one designated for administrative cases).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { useRemedySettings, useSaveRemedySettings } from './queries';

export function RemedySettingsCard() {
  const q = useRemedySettings();
  const mutation = useSaveRemedySettings();
  const [form] = Form.useForm<{ reviewOrgan: string; court: string }>();
  const saving = mutation.isPending;
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  const save = async (v: { reviewOrgan: string; court: string }) => {
    setError(null);
    try {
      await mutation.mutateAsync({ reviewOrgan: v.reviewOrgan.trim(), court: v.court.trim() });
      message.success('已保存答复书载明的行政复议机关和人民法院');
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    }
  };

  const d = q.data;
  const courtIsDefault = !!d && d.court === d.defaults.court && d.court.includes('有管辖权');
  return (
    <Card variant="borderless" title="政府信息公开答复书的救济途径" style={{ maxWidth: 760, marginTop: 16 }} data-testid="remedy-settings">
      {q.isLoading && <Skeleton active paragraph={{ rows: 3 }} />}
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {courtIsDefault && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="remedy-court-default"
          title="尚未填写具体的人民法院"
          description="本机关的行政案件由所在地的基层人民法院管辖，实行行政案件集中管辖的，由指定的法院管辖。请填写法院全称，答复书将写明。"
        />
      )}
      {d && (
        <Form
          form={form}
          key={`${d.reviewOrgan}|${d.court}`}
          layout="horizontal"
          labelCol={{ xs: 24, sm: 7 }}
          wrapperCol={{ xs: 24, sm: 17 }}
          initialValues={{ reviewOrgan: d.reviewOrgan, court: d.court }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item
            name="reviewOrgan"
            label="行政复议机关"
            rules={[{ max: 100, message: '不能超过 100 个字' }]}
            extra={
              <Space size={8} wrap>
                <span>本级人民政府（行政复议法第二十四条）；默认“{d.defaults.reviewOrgan}”</span>
                <Typography.Link onClick={() => form.setFieldValue('reviewOrgan', d.defaults.reviewOrgan)}>恢复默认</Typography.Link>
              </Space>
            }
          >
            <Input maxLength={100} data-testid="remedy-review-organ" />
          </Form.Item>
          <Form.Item
            name="court"
            label="人民法院"
            rules={[{ max: 100, message: '不能超过 100 个字' }]}
            extra={
              <Space size={8} wrap>
                <span>默认“{d.defaults.court}”</span>
                <Typography.Link onClick={() => form.setFieldValue('court', d.defaults.court)}>恢复默认</Typography.Link>
              </Space>
            }
          >
            <Input maxLength={100} data-testid="remedy-court" />
          </Form.Item>
          <Form.Item wrapperCol={{ xs: 24, sm: { span: 17, offset: 7 } }}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="remedy-save">
              保存
            </Button>
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
            不予公开（含部分公开中不予公开的部分）的答复书写明：
          </Typography.Paragraph>
          <Typography.Paragraph style={{ fontSize: 12 }} data-testid="remedy-example-refusal">
            {d.examples.refusal.join('')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
            其他答复书写明：
          </Typography.Paragraph>
          <Typography.Paragraph style={{ fontSize: 12, marginBottom: 0 }} data-testid="remedy-example-other">
            {d.examples.other.join('')}
          </Typography.Paragraph>
        </Form>
      )}
    </Card>
  );
}
