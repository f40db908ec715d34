/** (b) Each role signs in and sees exactly its menu (SPEC: who uses it). */
import { assertEqual, menuLabels, seeText, signIn, signOut, type FlowContext } from '../lib.js';

export const name = '各角色登录后菜单正确';

const ALL = [
  '工作台',
  '机构与科室',
  '用户管理',
  '检查对象名录',
  '执法人员名录',
  '行政检查',
  '行政处罚',
  '行政许可',
  '政府信息公开',
  '工作日历',
  '全过程记录',
  '系统设置',
];
const EXPECTED: Record<string, { label: string; menu: string[] }> = {
  admin: { label: '系统管理员', menu: ALL },
  leader: {
    label: '局领导',
    menu: ['工作台', '机构与科室', '用户管理', '检查对象名录', '执法人员名录', '行政检查', '行政处罚', '行政许可', '政府信息公开', '工作日历', '全过程记录'],
  },
  legal: {
    label: '法制科',
    menu: ['工作台', '机构与科室', '检查对象名录', '执法人员名录', '行政检查', '行政处罚', '行政许可', '政府信息公开', '工作日历', '全过程记录'],
  },
  inspector: { label: '执法人员', menu: ['工作台', '机构与科室', '检查对象名录', '执法人员名录', '行政检查', '行政处罚', '工作日历'] },
  staff: { label: '业务科室', menu: ['工作台', '机构与科室', '检查对象名录', '执法人员名录', '行政检查', '行政处罚', '行政许可', '政府信息公开', '工作日历'] },
  unit: { label: '立档单位', menu: ['工作台', '工作日历', '我的单位', '检查与整改'] },
  superior: {
    label: '上级机关',
    menu: ['工作台', '机构与科室', '用户管理', '检查对象名录', '执法人员名录', '行政检查', '行政处罚', '行政许可', '政府信息公开', '工作日历', '全过程记录'],
  },
};

export async function run({ page, baseUrl, state }: FlowContext): Promise<void> {
  const who = [
    state.admin,
    ...Object.keys(EXPECTED)
      .filter((r) => r !== 'admin')
      .map((u) => state.accounts.find((a) => a.username === u)),
  ];
  for (const [i, account] of who.entries()) {
    const role = i === 0 ? 'admin' : Object.keys(EXPECTED).filter((r) => r !== 'admin')[i - 1]!;
    if (!account) throw new Error(`no demo account for ${role} (did the setup flow pass?)`);
    await signIn(page, baseUrl, account.username, account.password);
    assertEqual(await menuLabels(page), EXPECTED[role]!.menu, `menu of ${role}`);
    await seeText(page.getByTestId('user-menu'), new RegExp(EXPECTED[role]!.label), `role label of ${role} in the header`);
    await signOut(page);
  }
}
