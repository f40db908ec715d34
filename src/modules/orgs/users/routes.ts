/**
 * HTTP surface of the users of an org (/api/users): accounts, roles, disable/enable, password reset, 账号开通通知;
 * and the signed-in user's own account (/api/account: 联系电话).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf, DOCX_TYPE, sendFile, signedIn } from '../../../kernel/http/context.js';
import { fileResponse } from '../../../kernel/http/responses.js';
import { IdParams } from '../contracts.js';
import { AccountPatch, AccountView, PasswordReset, UserDetail, UserInput, UserListQuery, UserPatch, UsersPage } from './contracts.js';
import { accountNoticeDocx } from './notice.js';
import { createUser, getOwnAccount, getUser, listUsers, resetPassword, setUserStatus, updateOwnAccount, updateUser } from './users.service.js';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['用户'];
  app.get(
    '/api/users',
    { schema: { tags, summary: '用户列表（分页、排序、筛选、搜索）', querystring: UserListQuery, response: { 200: UsersPage } } },
    async (req) => listUsers(authed(req, 'user.read'), req.query),
  );
  app.get('/api/users/:id', { schema: { tags, summary: '用户详情', params: IdParams, response: { 200: UserDetail } } }, async (req) =>
    getUser(authed(req, 'user.read'), req.params.id),
  );
  app.post('/api/users', { schema: { tags, summary: '新建用户（首次登录须修改密码）', body: UserInput, response: { 200: UserDetail } } }, async (req) => {
    const u = await createUser(authed(req, 'user.manage'), req.body);
    return getUser(authed(req, 'user.read'), u.id);
  });
  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: '修改用户（姓名、联系电话、角色、科室、所属单位）', params: IdParams, body: UserPatch, response: { 200: UserDetail } } },
    async (req) => {
      await updateUser(authed(req, 'user.manage'), req.params.id, req.body);
      return getUser(authed(req, 'user.read'), req.params.id);
    },
  );
  app.post(
    '/api/users/:id/disable',
    { schema: { tags, summary: '停用账号（立即退出登录）', params: IdParams, response: { 200: UserDetail } } },
    async (req) => {
      await setUserStatus(authed(req, 'user.manage'), req.params.id, 'disabled');
      return getUser(authed(req, 'user.read'), req.params.id);
    },
  );
  app.post('/api/users/:id/enable', { schema: { tags, summary: '启用账号', params: IdParams, response: { 200: UserDetail } } }, async (req) => {
    await setUserStatus(authed(req, 'user.manage'), req.params.id, 'active');
    return getUser(authed(req, 'user.read'), req.params.id);
  });
  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags, summary: '重置密码（新密码仅显示一次）', params: IdParams, response: { 200: PasswordReset } } },
    async (req) => resetPassword(authed(req, 'user.manage'), req.params.id),
  );
  app.get(
    '/api/users/:id/notice.docx',
    { schema: { tags, summary: '账号开通通知（GB/T 9704 公文格式）', params: IdParams, response: { 200: fileResponse('账号开通通知（.docx）') } } },
    async (req, reply) => {
      const ctx = authed(req, 'user.manage');
      const { buffer, fileName } = await accountNoticeDocx(ctx, req.params.id, { signInUrl: `${req.protocol}://${req.host}/` });
      return sendFile(reply, buffer, fileName, DOCX_TYPE);
    },
  );

  // ---- 本人账号 ----
  app.get('/api/account', { schema: { tags, summary: '本人账号（联系电话、本机关办公电话）', response: { 200: AccountView } } }, async (req) =>
    getOwnAccount({ ...ctxOf(req), actor: signedIn(req) }),
  );
  app.patch(
    '/api/account',
    { schema: { tags, summary: '修改本人联系电话（出具文书时写入附注）', body: AccountPatch, response: { 200: AccountView } } },
    async (req) => updateOwnAccount({ ...ctxOf(req), actor: signedIn(req) }, req.body),
  );
};
