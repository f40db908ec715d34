/** 初始化: first run — create the top org and the first admin, optionally with demo data. */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Divider, Form, Input, Result, Row, Select, Skeleton, Space, Table, Typography } from 'antd';
import { CopyOutlined, LoginOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ORG_LEVELS, ORG_LEVEL_LABELS, ROLE_LABELS, type OrgLevel } from '@server/kernel/contracts';
import type { DemoAccount, SetupResult } from '@server/modules/orgs/orgs/contracts';
import { errorMessage } from '../../api/client';
import { setupStatusQuery } from '../../api/queries';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';
import { Logo } from '../../shared/Logo';
import { PASSWORD_HINT, confirmRules, passwordRules } from '../auth/passwordRules';
import { useSetup } from './queries';

interface SetupForm {
  org: { name: string; level: OrgLevel; regionCode: string };
  admin: { username: string; displayName: string; password: string };
  confirm: string;
  demo: boolean;
  demoHistory: boolean;
}

export function SetupPage() {
  const status = useQuery(setupStatusQuery);
  const [result, setResult] = useState<SetupResult | null>(null);
  const navigate = useNavigate();

  let body;
  if (result) body = <SetupDone result={result} onLogin={() => void navigate({ to: '/login', search: { redirect: undefined } })} />;
  else if (status.isLoading) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (status.isError) body = <Alert type="error" showIcon title="无法连接服务器" description={errorMessage(status.error)} />;
  else if (status.data && !status.data.needsSetup)
    body = (
      <Result
        status="info"
        title="系统已完成初始化"
        subTitle="本系统已经创建了机构和管理员账号，不能再次初始化。"
        extra={
          <Button type="primary" onClick={() => void navigate({ to: '/login', search: { redirect: undefined } })}>
            前往登录
          </Button>
        }
      />
    );
  else body = <SetupForm onDone={setResult} />;

  return (
    <div className="public-page">
      <Card className="setup-card" variant="borderless">
        <div className="setup-title">
          <Logo size={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              兰台 · 系统初始化
            </Typography.Title>
            <Typography.Text type="secondary">首次使用：创建本级档案行政机构和系统管理员账号</Typography.Text>
          </div>
        </div>
        <Divider style={{ margin: '16px 0 24px' }} />
        {body}
      </Card>
    </div>
  );
}

function SetupForm({ onDone }: { onDone: (r: SetupResult) => void }) {
  const [form] = Form.useForm<SetupForm>();
  const [error, setError] = useState<string | null>(null);
  const setup = useSetup();

  const submit = async (v: SetupForm) => {
    setError(null);
    try {
      onDone(
        await setup.mutateAsync({
          org: { name: v.org.name.trim(), level: v.org.level, regionCode: v.org.regionCode.trim() },
          admin: { username: v.admin.username.trim(), displayName: v.admin.displayName.trim(), password: v.admin.password },
          demo: !!v.demo,
          demoHistory: !!v.demo && !!v.demoHistory,
        }),
      );
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e)));
    }
  };

  return (
    <Form<SetupForm>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{ org: { level: 'city' }, demo: true, demoHistory: true }}
      requiredMark
      data-testid="setup-form"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>机构信息</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="机构名称"
            name={['org', 'name']}
            rules={[
              { required: true, whitespace: true, message: '请填写机构名称' },
              { max: 100, message: '机构名称不能超过 100 个字' },
            ]}
          >
            <Input placeholder="如：某某市档案局" autoComplete="organization" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="层级" name={['org', 'level']} rules={[{ required: true, message: '请选择层级' }]}>
            <Select options={ORG_LEVELS.map((k) => ({ value: k, label: ORG_LEVEL_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label="行政区划代码"
            name={['org', 'regionCode']}
            rules={[
              { required: true, message: '请填写行政区划代码' },
              { pattern: /^\d{6}$/, message: '行政区划代码应为 6 位数字' },
            ]}
          >
            <Input placeholder="6 位数字" maxLength={6} inputMode="numeric" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>系统管理员</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="管理员用户名"
            name={['admin', 'username']}
            rules={[
              { required: true, message: '请填写用户名' },
              { pattern: /^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, message: '用户名为 3–32 位字母、数字或 . _ -，以字母开头' },
            ]}
          >
            <Input placeholder="如：admin" autoComplete="username" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="姓名"
            name={['admin', 'displayName']}
            rules={[
              { required: true, whitespace: true, message: '请填写姓名' },
              { max: 40, message: '姓名不能超过 40 个字' },
            ]}
          >
            <Input placeholder="管理员姓名" autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="密码" name={['admin', 'password']} rules={passwordRules} extra={PASSWORD_HINT}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="确认密码" name="confirm" dependencies={[['admin', 'password']]} rules={confirmRules(['admin', 'password'])}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="demo" valuePropName="checked" extra="创建一个下级区县档案局、各角色演示账号、检查对象和执法人员示例数据，便于试用。">
        <Checkbox>加载演示数据</Checkbox>
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.demo !== b.demo}>
        {({ getFieldValue }) =>
          getFieldValue('demo') ? (
            <Form.Item
              name="demoHistory"
              valuePropName="checked"
              extra="近 8 个月的检查工作记录：一批双随机抽查的全流程（含整改、约谈、回头看、移送立案、结果公开和典型）、专项检查和考评，供检查统计、监测预警和公开页面试用。"
            >
              <Checkbox>包含检查工作示例记录</Checkbox>
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={setup.isPending} size="large" block>
          完成初始化
        </Button>
      </Form.Item>
    </Form>
  );
}

function SetupDone({ result, onLogin }: { result: SetupResult; onLogin: () => void }) {
  const { message } = App.useApp();
  const accounts = result.demoAccounts ?? [];
  const copyAll = async () => {
    const text = accounts.map((a) => `${a.username}\t${a.password}\t${ROLE_LABELS[a.role] ?? a.role}\t${a.displayName}\t${a.org}`).join('\n');
    try {
      await navigator.clipboard.writeText(`账号\t密码\t角色\t姓名\t所属机构\n${text}`);
      message.success('已复制到剪贴板');
    } catch {
      message.error('浏览器不允许复制，请手动记录');
    }
  };
  return (
    <div data-testid="setup-done">
      <Result
        status="success"
        title="初始化完成"
        subTitle={`已创建机构「${result.org.name}」（${ORG_LEVEL_LABELS[result.org.level] ?? result.org.level}）和系统管理员「${result.admin.displayName}（${result.admin.username}）」。`}
        style={{ paddingTop: 8, paddingBottom: 16 }}
      />
      {accounts.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title="演示账号密码仅显示一次，请妥善保存"
            description="关闭或刷新本页面后将无法再次查看；忘记密码可由系统管理员在“用户管理”中重置。"
            style={{ marginBottom: 16 }}
          />
          <Table<DemoAccount>
            data-testid="demo-accounts"
            size="small"
            rowKey="username"
            pagination={false}
            dataSource={accounts}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '账号', dataIndex: 'username', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              {
                title: '密码',
                dataIndex: 'password',
                render: (v: string) => (
                  <Typography.Text code copyable={{ text: v, tooltips: ['复制', '已复制'] }} data-testid="demo-password">
                    {v}
                  </Typography.Text>
                ),
              },
              { title: '角色', dataIndex: 'role', render: (r: DemoAccount['role']) => ROLE_LABELS[r] ?? r },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '所属机构', dataIndex: 'org' },
            ]}
          />
        </>
      )}
      <Space style={{ marginTop: 24, display: 'flex', justifyContent: 'center' }}>
        {accounts.length > 0 && (
          <Button icon={<CopyOutlined />} onClick={() => void copyAll()}>
            复制全部账号
          </Button>
        )}
        <Button type="primary" icon={<LoginOutlined />} onClick={onLogin}>
          前往登录
        </Button>
      </Space>
    </div>
  );
}
