/**
 * Chinese names of request fields, for the summary line of a validation error ("请求内容有误：名称 …").
 * The kernel names its own; each module adds its fields through its descriptor (`fieldLabels`).
 */
const KERNEL_FIELD_LABELS: Record<string, string> = {
  sessionIdleMinutes: '会话空闲超时',
  loginMaxFailures: '锁定次数',
  loginLockMinutes: '锁定时长',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  name: '名称',
  from: '起算日',
  days: '天数',
  unit: '期限单位',
  page: '页码',
  pageSize: '每页条数',
};

let labels: Record<string, string> = { ...KERNEL_FIELD_LABELS };

export function setFieldLabels(parts: readonly Record<string, string>[]): void {
  labels = Object.assign({}, KERNEL_FIELD_LABELS, ...parts);
}

export function fieldLabel(path: string): string | undefined {
  return labels[path];
}
