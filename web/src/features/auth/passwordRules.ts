import type { Rule } from 'antd/es/form';

/** The server's password policy, checked before sending (the server checks again). */
export function passwordProblem(pw: string): string | null {
  if (pw.length < 10) return '密码至少 10 位';
  if (pw.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少 3 类';
  return null;
}

export const PASSWORD_HINT = '至少 10 位，包含大写字母、小写字母、数字、符号中的至少 3 类';

export const passwordRules: Rule[] = [
  { required: true, message: '请输入密码' },
  {
    validator: (_r, v: string | undefined) => {
      const p = v ? passwordProblem(v) : null;
      return p ? Promise.reject(new Error(p)) : Promise.resolve();
    },
  },
];

/** Confirmation must equal the field `of`. */
export const confirmRules = (of: string | (string | number)[]): Rule[] => [
  { required: true, message: '请再次输入密码' },
  ({ getFieldValue }) => ({
    validator: (_r, v: string | undefined) => (!v || getFieldValue(of) === v ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
  }),
];
