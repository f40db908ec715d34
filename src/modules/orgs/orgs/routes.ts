/** HTTP surface of the first run (/api/setup), the org tree (/api/orgs), departments and the portal's list of bureaus. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf } from '../../../kernel/http/context.js';
import { IdParams } from '../contracts.js';
import {
  ChildOrgInput,
  DepartmentInput,
  DepartmentsQuery,
  DepartmentsResponse,
  DepartmentView,
  OrgPatch,
  OrgTreeResponse,
  OrgView,
  PublicOrgsResponse,
  SetupInput,
  SetupResult,
  SetupStatusResponse,
} from './contracts.js';
import { createChildOrg, createDepartment, getOrg, listDepartments, orgTree, publicOrgs, renameDepartment, updateOrg } from './orgs.service.js';
import { needsSetup, runSetup } from './setup.service.js';

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- first run ----
  app.get('/api/setup/status', { schema: { tags: ['初始化'], summary: '是否需要初始化', response: { 200: SetupStatusResponse } } }, async (req) => ({
    needsSetup: await needsSetup(ctxOf(req)),
  }));
  app.post(
    '/api/setup',
    {
      schema: { tags: ['初始化'], summary: '创建顶级机构和首个管理员（可加载演示数据）', body: SetupInput, response: { 200: SetupResult } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => runSetup(ctxOf(req), req.body),
  );

  // ---- public: the bureaus that take applications on the portal ----
  app.get(
    '/api/public/orgs',
    {
      schema: { tags: ['公开'], summary: '可受理在线申请的行政机关', response: { 200: PublicOrgsResponse } },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (req) => ({ items: await publicOrgs(ctxOf(req)) }),
  );

  // ---- org tree ----
  const orgTags = ['机构'];
  app.get('/api/orgs', { schema: { tags: orgTags, summary: '本机构及下级机构树', response: { 200: OrgTreeResponse } } }, async (req) => ({
    items: await orgTree(authed(req, 'org.read')),
  }));
  app.get('/api/orgs/:id', { schema: { tags: orgTags, summary: '机构详情', params: IdParams, response: { 200: OrgView } } }, async (req) =>
    getOrg(authed(req, 'org.read'), req.params.id),
  );
  app.post('/api/orgs', { schema: { tags: orgTags, summary: '新建下级机构', body: ChildOrgInput, response: { 200: OrgView } } }, async (req) =>
    createChildOrg(authed(req, 'org.manage'), req.body),
  );
  app.patch(
    '/api/orgs/:id',
    { schema: { tags: orgTags, summary: '修改机构信息', params: IdParams, body: OrgPatch, response: { 200: OrgView } } },
    async (req) => updateOrg(authed(req, 'org.manage'), req.params.id, req.body),
  );

  // ---- departments ----
  const depTags = ['科室'];
  app.get(
    '/api/departments',
    { schema: { tags: depTags, summary: '本机构（或下级机构）的科室', querystring: DepartmentsQuery, response: { 200: DepartmentsResponse } } },
    async (req) => ({
      items: await listDepartments(authed(req, 'org.read'), req.query.orgId),
    }),
  );
  app.post('/api/departments', { schema: { tags: depTags, summary: '新增科室', body: DepartmentInput, response: { 200: DepartmentView } } }, async (req) =>
    createDepartment(authed(req, 'org.manage'), req.body),
  );
  app.patch(
    '/api/departments/:id',
    { schema: { tags: depTags, summary: '重命名科室', params: IdParams, body: DepartmentInput, response: { 200: DepartmentView } } },
    async (req) => renameDepartment(authed(req, 'org.manage'), req.params.id, req.body),
  );
};
