/** Form rules of a new password: the server's own policy (kernel contracts), checked before sending; the server checks again. */
import type { Rule } from 'antd/es/form';
import { passwordProblem } from '@server/kernel/contracts';

export { PASSWORD_HINT } from '@server/kernel/contracts';

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
