/**
 * 账号开通通知: a notice to a new user, laid out as an official document (GB/T 9704) by the kernel
 * renderer, listing the account and how to sign in. It never carries the password: the admin
 * hands the initial password over separately. The admin who issues it is its 联系人 (附注).
 */
import type { ActorCtx } from '../../../kernel/context.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { ROLE_LABELS } from '../../../kernel/auth/labels.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { contactNote, renderOfficialDocx, type Block, type LetterLayout } from '../../../kernel/documents/index.js';
import { getAllSettings } from '../../../kernel/settings.js';
import { orgRef } from '../../../kernel/tenancy/index.js';
import { notFound } from '../../../kernel/http/errors.js';
import { issuingContact } from './contact.service.js';
import { getUser } from './users.service.js';

/** The password policy of kernel/auth/password.ts `passwordProblem`, in words. */
export const PASSWORD_POLICY_TEXT = '密码至少 10 位，须包含大写字母、小写字母、数字、符号中的至少 3 类';
export const INITIAL_PASSWORD_TEXT = '初始密码由系统管理员另行告知，首次登录后请立即修改';

/**
 * The module's one letter: an internal notice to a colleague, so 文件格式 without a 版头 (no 发文字号: it
 * is not filed as a 公文), under the org's name and seal.
 */
export const ACCOUNT_NOTICE_LAYOUT: LetterLayout = { format: 'document', sealed: true };

export interface NoticeOptions {
  /** The sign-in address, e.g. "http://lantai.example.gov.cn/" (the routes pass the request's host). */
  signInUrl?: string;
}

export async function accountNoticeDocx(ctx: ActorCtx, userId: string, opts: NoticeOptions = {}): Promise<{ buffer: Buffer; fileName: string }> {
  const user = await getUser(ctx, userId); // 404 unless the actor's org or below
  authorize(ctx.actor, 'user.manage', { orgId: user.orgId, orgPath: user.orgPath }); // a superior org reads, it does not issue
  const org = await orgRef(ctx.db, user.orgId);
  if (!org) throw notFound('机构');
  const contact = await issuingContact(ctx, org.id, ctx.actor.userId);
  const settings = await getAllSettings(ctx.db, org.id);
  const roles = user.roles.map((r) => ROLE_LABELS[r] ?? r).join('、');
  const signIn = opts.signInUrl ?? '（请向系统管理员询问平台访问地址）';

  const rows: [string, string][] = [
    ['用户名', user.username],
    ['姓名', user.displayName],
    ['所属机构', org.name],
    ['所属科室', user.departmentName ?? '—'],
    ['角色', roles || '—'],
    ...(user.unitName ? ([['所属单位', user.unitName]] as [string, string][]) : []),
    ['登录地址', signIn],
  ];
  const blocks: Block[] = [
    { kind: 'paragraph', text: `根据工作需要，已在兰台法治工作平台为您开通账号。现将有关事项通知如下。` },
    { kind: 'heading1', text: '账号信息' },
    { kind: 'table', columns: ['项目', '内容'], rows },
    { kind: 'heading1', text: '登录方式' },
    { kind: 'paragraph', text: `请使用电脑浏览器访问 ${signIn}，输入用户名和密码登录。` },
    { kind: 'heading1', text: '密码要求' },
    { kind: 'paragraph', text: `${INITIAL_PASSWORD_TEXT}。` },
    { kind: 'paragraph', text: `${PASSWORD_POLICY_TEXT}；请勿使用与其他系统相同或容易被猜到的密码。` },
    {
      kind: 'paragraph',
      text: `连续登录失败 ${settings.loginMaxFailures} 次，账号将被锁定 ${settings.loginLockMinutes} 分钟；${settings.sessionIdleMinutes} 分钟内无操作将自动退出登录。`,
    },
    { kind: 'heading1', text: '注意事项' },
    {
      kind: 'paragraph',
      text: '本账号仅限本人使用，不得转借他人。平台对每一项操作记录操作人和时间（全过程记录），请妥善保管账号和密码；如有遗失或泄露，请及时联系系统管理员重置密码。',
    },
  ];
  const buffer = await renderOfficialDocx({
    ...ACCOUNT_NOTICE_LAYOUT,
    title: '账号开通通知',
    recipient: `${user.displayName}同志`,
    blocks,
    signature: org.name,
    date: todayInChina(ctx.now()),
    note: contactNote(contact),
  });
  return { buffer, fileName: `账号开通通知-${user.username}.docx` };
}
