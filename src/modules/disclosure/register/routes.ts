/** HTTP surface of the register area (主动公开目录): /api/disclosure/register. Thin: validate → authorise → one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../../kernel/http/context.js';
import { Ok } from '../../../kernel/http/responses.js';
import { IdParams } from '../contracts.js';
import { RegisterCategories, RegisterEntryInput, RegisterEntryPatch, RegisterEntryView, RegisterListQuery, RegisterPage } from './contracts.js';
import { createRegisterEntry, deleteRegisterEntry, getRegisterEntry, listRegister, registerCategories, updateRegisterEntry } from './register.service.js';

const P = '/api/disclosure/register';

export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['政府信息公开'];
  app.get(`${P}/categories`, { schema: { tags, summary: '主动公开目录类别（条例第二十条）', response: { 200: RegisterCategories } } }, async (req) => {
    authed(req, 'disclosure.read');
    return registerCategories();
  });
  app.get(
    P,
    { schema: { tags, summary: '主动公开目录（含 20 个工作日公开期限）', querystring: RegisterListQuery, response: { 200: RegisterPage } } },
    async (req) => listRegister(authed(req, 'disclosure.read'), req.query),
  );
  app.post(P, { schema: { tags, summary: '登记主动公开目录条目', body: RegisterEntryInput, response: { 200: RegisterEntryView } } }, async (req) =>
    createRegisterEntry(authed(req, 'disclosure.handle'), req.body),
  );
  app.get(`${P}/:id`, { schema: { tags, summary: '主动公开目录条目', params: IdParams, response: { 200: RegisterEntryView } } }, async (req) =>
    getRegisterEntry(authed(req, 'disclosure.read'), req.params.id),
  );
  app.patch(
    `${P}/:id`,
    {
      schema: {
        tags,
        summary: '修改主动公开目录条目（登记公开日期、废止日期等）',
        params: IdParams,
        body: RegisterEntryPatch,
        response: { 200: RegisterEntryView },
      },
    },
    async (req) => updateRegisterEntry(authed(req, 'disclosure.handle'), req.params.id, req.body),
  );
  app.delete(`${P}/:id`, { schema: { tags, summary: '删除误登记的目录条目', params: IdParams, response: { 200: Ok } } }, async (req) =>
    deleteRegisterEntry(authed(req, 'disclosure.handle'), req.params.id),
  );
};
