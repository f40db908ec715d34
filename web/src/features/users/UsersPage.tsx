/** 用户管理: accounts of the org, 联系电话, roles, disable/enable, password reset, 账号开通通知. */
import { useState } from 'react';
import { App, Button, Dropdown, Form, Input, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DownOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { ROLES, ROLE_LABELS, type Role } from '@server/kernel/contracts';
import type { User, UserAction, UserDetail } from '@server/modules/orgs/users/contracts';
import { USER_STATUSES, USER_STATUS_LABELS } from '@server/modules/orgs/contracts';
import { download, errorMessage } from '../../api/client';
import { useDepartments } from '../../api/queries';
import { FormDrawer } from '../../shared/FormDrawer';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { TimelineDrawer } from '../../shared/Timeline';
import { UnitPicker } from '../../shared/UnitPicker';
import { fmtDateTime } from '../../shared/format';
import { useCan } from '../../app/auth';
import { PASSWORD_HINT, passwordRules } from '../auth/passwordRules';
import { USERS_URL, useCreateUser, useResetPassword, useSetUserStatus, useUpdateUser } from './queries';
import { TELEPHONE_PLACEHOLDER, telephoneRules, telephoneValue } from './telephone';

type UserForm = {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  departmentId?: string | null;
  unitId?: string | null;
  telephone?: string | null;
};

/** A password that satisfies the policy, generated in the browser (crypto.getRandomValues). */
function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const body = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${body.slice(0, 4)}K${body.slice(4, 8)}m5@${body.slice(8)}`;
}

const isLocked = (u: User) => !!u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs());

export function UsersPage() {
  const can = useCan();
  const manage = can('user.manage');
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const setStatus = useSetUserStatus();
  const resetPassword = useResetPassword();
  const { message, modal } = App.useApp();
  const deps = useDepartments(undefined, can('org.read'));
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [timeline, setTimeline] = useState<User | null>(null);

  const act = async (u: User, what: 'disable' | 'enable') => {
    try {
      await setStatus.mutateAsync({ id: u.id, action: what });
      message.success(what === 'disable' ? `已停用 ${u.displayName}` : `已启用 ${u.displayName}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const reset = async (u: User) => {
    try {
      const r = await resetPassword.mutateAsync(u.id);
      modal.success({
        title: `已重置 ${u.displayName}（${u.username}）的密码`,
        width: 480,
        content: (
          <div data-testid="reset-password-result">
            <p>新密码如下，仅显示一次，请妥善交给本人。用户下次登录时须修改密码。</p>
            <Typography.Text code copyable={{ text: r.password }} style={{ fontSize: 16 }}>
              {r.password}
            </Typography.Text>
          </div>
        ),
        okText: '我已记下',
      });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const notice = async (u: User) => {
    try {
      await download(`${USERS_URL}/${u.id}/notice.docx`, undefined, `账号开通通知-${u.username}.docx`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', key: 'username', sorter: true, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', sorter: true },
    { title: '联系电话', dataIndex: 'telephone', key: 'telephone', render: (v: string | null) => v ?? '—' },
    {
      title: '角色',
      dataIndex: 'roles',
      key: 'role',
      filters: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] })),
      render: (roles: Role[]) =>
        roles.map((r) => (
          <Tag key={r} color={r === 'admin' ? 'geekblue' : undefined}>
            {ROLE_LABELS[r] ?? r}
          </Tag>
        )),
    },
    { title: '科室', dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
    { title: '所属单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      filters: USER_STATUSES.map((s) => ({ value: s, text: USER_STATUS_LABELS[s] })),
      render: (v: string, u) =>
        isLocked(u) && v === 'active' ? (
          <Tooltip title={`锁定至 ${fmtDateTime(u.lockedUntil)}`}>
            <span>
              <StatusTag kind="user" value="locked" />
            </span>
          </Tooltip>
        ) : (
          <StatusTag kind="user" value={v} />
        ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', key: 'lastLoginAt', sorter: true, render: fmtDateTime },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: fmtDateTime, responsive: ['xl'] },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, u) => {
        const allowed = (a: UserAction) => u.allowedActions.includes(a);
        return (
          <Space size={0}>
            {allowed('edit') && (
              <Button type="link" size="small" onClick={() => setEditing(u)}>
                编辑
              </Button>
            )}
            {(allowed('disable') || allowed('enable')) && (
              <Popconfirm
                title={u.status === 'active' ? `停用 ${u.displayName} 的账号？` : `启用 ${u.displayName} 的账号？`}
                description={u.status === 'active' ? '停用后该账号立即退出登录，且不能再登录。' : undefined}
                okText={u.status === 'active' ? '停用' : '启用'}
                okButtonProps={{ danger: u.status === 'active' }}
                onConfirm={() => act(u, u.status === 'active' ? 'disable' : 'enable')}
              >
                <Button type="link" size="small" danger={u.status === 'active'}>
                  {u.status === 'active' ? '停用' : '启用'}
                </Button>
              </Popconfirm>
            )}
            <Dropdown
              menu={{
                items: [
                  ...(allowed('resetPassword') ? [{ key: 'reset', label: isLocked(u) ? '重置密码并解锁' : '重置密码' }] : []),
                  ...(allowed('notice') ? [{ key: 'notice', label: '账号开通通知（.docx）' }] : []),
                  { key: 'timeline', label: '全过程记录' },
                ],
                onClick: ({ key }) => {
                  if (key === 'reset')
                    modal.confirm({
                      title: `重置 ${u.displayName} 的密码？`,
                      content: '将生成一个新的随机密码，原密码立即失效，该用户须在下次登录时修改密码。',
                      okText: '重置',
                      onOk: () => reset(u),
                    });
                  if (key === 'notice') void notice(u);
                  if (key === 'timeline') setTimeline(u);
                },
              }}
            >
              <Button type="link" size="small">
                更多 <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title="用户管理" description="本机构的用户账号与角色。新建或重置的密码只显示一次，用户首次登录须修改密码。" />
      <ListPage<User>
        url={USERS_URL}
        testId="users-table"
        columns={columns}
        searchPlaceholder="搜索用户名或姓名"
        orgFilter
        defaultSort={{ sort: 'username', order: 'asc' }}
        actions={() =>
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建用户
            </Button>
          )
        }
      />
      <FormDrawer<UserForm>
        open={!!editing}
        title={editing === 'new' ? '新建用户' : `编辑用户：${editing?.displayName ?? ''}`}
        onClose={() => setEditing(null)}
        initialValues={
          editing && editing !== 'new'
            ? {
                displayName: editing.displayName,
                telephone: editing.telephone,
                roles: editing.roles,
                departmentId: editing.departmentId,
                unitId: editing.unitId,
              }
            : { roles: ['staff'], password: randomPassword() }
        }
        onSubmit={(v) => {
          const body = {
            displayName: v.displayName.trim(),
            telephone: telephoneValue(v.telephone),
            roles: v.roles,
            departmentId: v.departmentId ?? null,
            unitId: v.roles.includes('unit') ? (v.unitId ?? null) : null,
          };
          return editing === 'new'
            ? createUser.mutateAsync({ ...body, username: v.username.trim(), password: v.password })
            : updateUser.mutateAsync({ id: (editing as User).id, patch: body });
        }}
        onSuccess={(r) => {
          if (editing === 'new') {
            const u = r as UserDetail;
            modal.info({
              title: `已创建用户 ${u.displayName}（${u.username}）`,
              content: '请将用户名和初始密码告知本人，或下载“账号开通通知”送达。用户首次登录须修改密码。',
              okText: '知道了',
            });
          }
        }}
        successMessage={editing === 'new' ? '已创建用户' : '已保存'}
      >
        {(form) => (
          <>
            {editing === 'new' && (
              <Form.Item
                label="用户名"
                name="username"
                rules={[
                  { required: true, message: '请填写用户名' },
                  { pattern: /^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, message: '用户名为 3–32 位字母、数字或 . _ -，以字母开头' },
                ]}
              >
                <Input autoComplete="off" placeholder="登录用的账号，如 zhangsan" />
              </Form.Item>
            )}
            <Form.Item
              label="姓名"
              name="displayName"
              rules={[
                { required: true, whitespace: true, message: '请填写姓名' },
                { max: 40, message: '不能超过 40 个字' },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label="联系电话"
              name="telephone"
              rules={telephoneRules}
              extra="出具文书时作为经办人的联系电话写入附注；不填则使用“系统设置”中的办公电话。"
            >
              <Input placeholder={TELEPHONE_PLACEHOLDER} allowClear />
            </Form.Item>
            {editing === 'new' && (
              <Form.Item label="初始密码" required extra={`${PASSWORD_HINT}。仅在此处显示，请告知本人。`}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="password" noStyle rules={passwordRules}>
                    <Input autoComplete="new-password" className="mono" />
                  </Form.Item>
                  <Button icon={<ThunderboltOutlined />} onClick={() => form.setFieldValue('password', randomPassword())}>
                    随机生成
                  </Button>
                </Space.Compact>
              </Form.Item>
            )}
            <Form.Item label="角色" name="roles" rules={[{ required: true, message: '至少选择一个角色' }]}>
              <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} placeholder="可多选" />
            </Form.Item>
            <Form.Item label="科室" name="departmentId">
              <Select
                allowClear
                placeholder="选择所在科室"
                loading={deps.isLoading}
                options={(deps.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.roles !== b.roles}>
              {() =>
                (form.getFieldValue('roles') as Role[] | undefined)?.includes('unit') && (
                  <Form.Item label="所属单位（立档单位）" name="unitId" rules={[{ required: true, message: '立档单位账号须关联一个检查对象单位' }]}>
                    <UnitPicker initialLabel={editing && editing !== 'new' ? editing.unitName : null} />
                  </Form.Item>
                )
              }
            </Form.Item>
          </>
        )}
      </FormDrawer>
      <TimelineDrawer
        open={!!timeline}
        onClose={() => setTimeline(null)}
        entityType="user"
        entityId={timeline?.id ?? null}
        title={`全过程记录 · ${timeline?.displayName ?? ''}`}
      />
    </>
  );
}
