/**
 * 登录. Shows the server's own message (wrong password with remaining attempts, locked, disabled). Names
 * only what the system does, and leads citizens to the public portal (no account needed there).
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useRouter, useSearch } from '@tanstack/react-router';
import { ApiError, errorMessage } from '../../api/client';
import { Logo } from '../../shared/Logo';
import { useLogin } from './queries';

export function LoginPage() {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const login = useLogin();
  const router = useRouter();
  const search = useSearch({ from: '/login' });

  const submit = async (v: { username: string; password: string }) => {
    setError(null);
    try {
      await login.mutateAsync({ username: v.username.trim(), password: v.password });
      router.history.push(search.redirect ?? '/');
    } catch (e) {
      setError({ text: errorMessage(e), locked: e instanceof ApiError && e.status === 423 });
      form.setFieldValue('password', '');
    }
  };

  return (
    <div className="public-page">
      <div className="login-frame">
        <div className="login-aside">
          <div>
            <Logo size={48} />
            <Typography.Title level={2}>兰台</Typography.Title>
            <div className="lead">档案行政执法与法治政府建设工作平台</div>
            <ul>
              <li>行政检查 · 双随机一公开 · 整改与检查结果公开</li>
              <li>政府信息公开 · 依申请公开 · 年度报告</li>
              <li>行政复议和诉讼 · 案件线索移送</li>
              <li>法定期限自动计算，全过程记录可追溯</li>
            </ul>
          </div>
          <div className="aside-foot">本系统仅限授权工作人员使用，所有操作均记入全过程记录。</div>
        </div>
        <div className="login-main">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            用户登录
          </Typography.Title>
          <Typography.Paragraph type="secondary">请使用系统管理员分配的账号登录</Typography.Paragraph>
          {error && <Alert data-testid="login-error" type={error.locked ? 'warning' : 'error'} showIcon title={error.text} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="login-form">
            <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" block loading={login.isPending}>
                登 录
              </Button>
            </Form.Item>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            忘记密码或账号被锁定，请联系本机构系统管理员重置。
          </Typography.Text>
          <div className="login-portal" style={{ marginTop: 20, paddingTop: 16, borderTop: '1px solid #f0f0f0' }}>
            <Typography.Text type="secondary">社会公众无需登录：</Typography.Text>
            <Link to="/public" search={{ org: undefined }} data-testid="login-portal-link">
              <GlobalOutlined /> 进入公众服务门户
            </Link>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                申请政府信息公开、查询办理进度、阅读年度报告，查看检查计划、抽取公示和检查结果。
              </Typography.Text>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
