/** 发文字号设置: the 机关代字 of the org's disclosure letters (机关代字〔年份〕序号号), admin only (`settings.manage`). */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../../api/client';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import type { LetterSettings } from './registerTypes';

const KEY = ['/api/disclosure/letter-settings'];

export function LetterSettingsCard() {
  const q = useQuery({ queryKey: KEY, queryFn: () => api.get<LetterSettings>('/api/disclosure/letter-settings') });
  const [form] = Form.useForm<{ prefix: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const prefix = Form.useWatch('prefix', form);

  const save = async (v: { prefix: string }) => {
    setSaving(true);
    setError(null);
    try {
      const r = await api.put<LetterSettings>('/api/disclosure/letter-settings', { prefix: v.prefix.trim() });
      qc.setQueryData(KEY, r);
      message.success(`机关代字已设为“${r.prefix}”`);
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    } finally {
      setSaving(false);
    }
  };

  const year = new Date().getFullYear();
  return (
    <Card variant="borderless" title="政府信息公开文书发文字号" style={{ maxWidth: 760, marginTop: 16 }} data-testid="letter-settings">
      {q.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {q.data && (
        <Form
          form={form}
          key={q.data.prefix}
          layout="horizontal"
          labelCol={{ xs: 24, sm: 10 }}
          wrapperCol={{ xs: 24, sm: 14 }}
          initialValues={{ prefix: q.data.prefix }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item
            name="prefix"
            label="机关代字"
            rules={[
              { required: true, whitespace: true, message: '请填写机关代字' },
              { max: 20, message: '机关代字不能超过 20 个字' },
              { pattern: /^[^\s〔〕﹝﹞[\]［］【】()（）]+$/u, message: '机关代字不能含有空格或括号' },
            ]}
            extra={
              <Space size={8} wrap>
                <span>
                  文号示例：
                  <span className="mono" data-testid="letter-prefix-example">
                    {prefix?.trim() ? `${prefix.trim()}〔${year}〕1号` : q.data.example}
                  </span>
                </span>
                <span>（默认“{q.data.default}”）</span>
                <Typography.Link onClick={() => form.setFieldValue('prefix', q.data.default)}>恢复默认</Typography.Link>
              </Space>
            }
          >
            <Input maxLength={20} style={{ width: 200 }} data-testid="letter-prefix" />
          </Form.Item>
          <Form.Item wrapperCol={{ xs: 24, sm: { span: 14, offset: 10 } }} extra="受理回执、补正告知书、答复书、收费通知等首次生成时按年度顺序编号；已编发的文号不变。">
            <Button type="primary" htmlType="submit" loading={saving}>
              保存发文字号
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
