/** HTTP surface of orgs & people: setup, org tree, departments, users. Units and inspectors: see units.routes.ts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed, ctxOf, sendFile, DOCX_TYPE } from '../../kernel/http/context.js';
import { ChildOrgInput, DepartmentInput, OrgPatch, SetupInput, UserInput, UserListQuery, UserPatch } from './contracts.js';
import { needsSetup, runSetup } from './setup.js';
import { createChildOrg, createDepartment, getOrg, listDepartments, orgTree, publicOrgs, renameDepartment, updateOrg } from './orgs.service.js';
import { createUser, getUser, listUsers, resetPassword, setUserStatus, updateUser } from './users.service.js';
import { accountNoticeDocx } from './notice.js';
import { readableOrg } from '../../kernel/tenancy/index.js';

const IdParams = z.object({ id: z.uuid('ID 格式不正确') });

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- first run ----
  app.get('/api/setup/status', { schema: { tags: ['初始化'], summary: '是否需要初始化' } }, async (req) => ({ needsSetup: await needsSetup(ctxOf(req)) }));
  app.post(
    '/api/setup',
    { schema: { tags: ['初始化'], summary: '创建顶级机构和首个管理员（可加载演示数据）', body: SetupInput }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req) => runSetup(ctxOf(req), req.body),
  );

  // ---- public: the bureaus that take applications on the portal ----
  app.get(
    '/api/public/orgs',
    { schema: { tags: ['公开'], summary: '可受理在线申请的行政机关' }, config: { rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (req) => ({ items: await publicOrgs(ctxOf(req)) }),
  );

  // ---- org tree ----
  app.get('/api/orgs', { schema: { tags: ['机构'], summary: '本机构及下级机构树' } }, async (req) => ({ items: await orgTree(authed(req, 'org.read')) }));
  app.get('/api/orgs/:id', { schema: { tags: ['机构'], params: IdParams } }, async (req) => getOrg(authed(req, 'org.read'), req.params.id));
  app.post('/api/orgs', { schema: { tags: ['机构'], summary: '新建下级机构', body: ChildOrgInput } }, async (req) => createChildOrg(authed(req, 'org.manage'), req.body));
  app.patch('/api/orgs/:id', { schema: { tags: ['机构'], params: IdParams, body: OrgPatch } }, async (req) => updateOrg(authed(req, 'org.manage'), req.params.id, req.body));

  // ---- departments ----
  app.get('/api/departments', { schema: { tags: ['科室'], querystring: z.object({ orgId: z.uuid().optional() }) } }, async (req) => {
    const ctx = authed(req, 'org.read');
    const org = await readableOrg(ctx, req.query.orgId);
    return { items: await listDepartments(ctx, org.id) };
  });
  app.post('/api/departments', { schema: { tags: ['科室'], body: DepartmentInput } }, async (req) => createDepartment(authed(req, 'org.manage'), req.body));
  app.patch('/api/departments/:id', { schema: { tags: ['科室'], params: IdParams, body: DepartmentInput } }, async (req) =>
    renameDepartment(authed(req, 'org.manage'), req.params.id, req.body),
  );

  // ---- users ----
  app.get('/api/users', { schema: { tags: ['用户'], summary: '用户列表（分页、排序、筛选、搜索）', querystring: UserListQuery } }, async (req) =>
    listUsers(authed(req, 'user.read'), req.query),
  );
  app.get('/api/users/:id', { schema: { tags: ['用户'], params: IdParams } }, async (req) => getUser(authed(req, 'user.read'), req.params.id));
  app.post('/api/users', { schema: { tags: ['用户'], body: UserInput } }, async (req) => {
    const u = await createUser(authed(req, 'user.manage'), req.body);
    return getUser(authed(req, 'user.read'), u.id);
  });
  app.patch('/api/users/:id', { schema: { tags: ['用户'], params: IdParams, body: UserPatch } }, async (req) => {
    await updateUser(authed(req, 'user.manage'), req.params.id, req.body);
    return getUser(authed(req, 'user.read'), req.params.id);
  });
  app.post('/api/users/:id/disable', { schema: { tags: ['用户'], params: IdParams } }, async (req) => {
    await setUserStatus(authed(req, 'user.manage'), req.params.id, 'disabled');
    return getUser(authed(req, 'user.read'), req.params.id);
  });
  app.post('/api/users/:id/enable', { schema: { tags: ['用户'], params: IdParams } }, async (req) => {
    await setUserStatus(authed(req, 'user.manage'), req.params.id, 'active');
    return getUser(authed(req, 'user.read'), req.params.id);
  });
  app.post('/api/users/:id/reset-password', { schema: { tags: ['用户'], summary: '重置密码（新密码仅显示一次）', params: IdParams } }, async (req) =>
    resetPassword(authed(req, 'user.manage'), req.params.id),
  );
  app.get('/api/users/:id/notice.docx', { schema: { tags: ['用户'], summary: '账号开通通知（GB/T 9704 公文格式）', params: IdParams } }, async (req, reply) => {
    const ctx = authed(req, 'user.manage');
    const { buffer, fileName } = await accountNoticeDocx(ctx, req.params.id, { signInUrl: `${req.protocol}://${req.host}/` });
    return sendFile(reply, buffer, fileName, DOCX_TYPE);
  });
};
