/**
 * 发文字号设置: the 机关代字 of one kind of the org's documents (机关代字〔年份〕序号号), admin only
 * (`settings.manage`). The endpoint answers {prefix, default, example} on GET and takes {prefix} on PUT.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocPrefixSettings } from '@server/kernel/documents/contracts';
import { api, errorMessage } from '../api/client';
import { applyFieldErrors, formErrorMessage } from './FormDrawer';

export interface DocPrefixCardProps {
  endpoint: string;
  title: string;
  /** What gets numbered, under the save button. */
  hint: string;
  /** data-testid stem: `<testId>-settings`, `<testId>-prefix`, `<testId>-prefix-example`. */
  testId: string;
}

export function DocPrefixCard({ endpoint, title, hint, testId }: DocPrefixCardProps) {
  const KEY = [endpoint];
  const q = useQuery({ queryKey: KEY, queryFn: () => api.get<DocPrefixSettings>(endpoint) });
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
      const r = await api.put<DocPrefixSettings>(endpoint, { prefix: v.prefix.trim() });
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
    <Card variant="borderless" title={title} style={{ maxWidth: 760, marginTop: 16 }} data-testid={`${testId}-settings`}>
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
                  <span className="mono" data-testid={`${testId}-prefix-example`}>
                    {prefix?.trim() ? `${prefix.trim()}〔${year}〕1号` : q.data.example}
                  </span>
                </span>
                <span>（默认“{q.data.default}”）</span>
                <Typography.Link onClick={() => form.setFieldValue('prefix', q.data.default)}>恢复默认</Typography.Link>
              </Space>
            }
          >
            <Input maxLength={20} style={{ width: 200 }} data-testid={`${testId}-prefix`} />
          </Form.Item>
          <Form.Item wrapperCol={{ xs: 24, sm: { span: 14, offset: 10 } }} extra={hint}>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存发文字号
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
