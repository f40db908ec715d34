/** HTTP surface of the catalogue: /api/licensing/items (staff; the admin writes) and /api/public/licensing/items (portal). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf } from '../../../kernel/http/context.js';
import { Ok } from '../../../kernel/http/responses.js';
import { IdParams } from '../contracts.js';
import { ItemAbolishInput, ItemInput, ItemList, ItemListQuery, ItemView, PublicItemsQuery } from './contracts.js';
import { abolishItem, createItem, deleteItem, getItem, listItems, publicItem, publicItems, updateItem } from './items.service.js';

const P = '/api/licensing/items';

export const itemRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['行政许可'];
  app.get(P, { schema: { tags, summary: '事项目录（含已取消的事项）', querystring: ItemListQuery, response: { 200: ItemList } } }, async (req) =>
    listItems(authed(req, 'licensing.read'), req.query),
  );
  app.get(`${P}/:id`, { schema: { tags, summary: '事项及其办事指南', params: IdParams, response: { 200: ItemView } } }, async (req) =>
    getItem(authed(req, 'licensing.read'), req.params.id),
  );
  app.post(P, { schema: { tags, summary: '新增事项', body: ItemInput, response: { 200: ItemView } } }, async (req) =>
    createItem(authed(req, 'licensing.manage'), req.body),
  );
  app.put(`${P}/:id`, { schema: { tags, summary: '修改事项及其办事指南', params: IdParams, body: ItemInput, response: { 200: ItemView } } }, async (req) =>
    updateItem(authed(req, 'licensing.manage'), req.params.id, req.body),
  );
  app.delete(`${P}/:id`, { schema: { tags, summary: '删除误录的事项（已有申请的只能取消）', params: IdParams, response: { 200: Ok } } }, async (req) =>
    deleteItem(authed(req, 'licensing.manage'), req.params.id),
  );
  app.post(
    `${P}/:id/abolish`,
    { schema: { tags, summary: '取消事项（此后不能再申请）', params: IdParams, body: ItemAbolishInput, response: { 200: ItemView } } },
    async (req) => abolishItem(authed(req, 'licensing.manage'), req.params.id, req.body),
  );

  const portal = ['门户'];
  app.get(
    '/api/public/licensing/items',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: portal, summary: '行政许可事项目录（已取消的事项标明）', querystring: PublicItemsQuery, response: { 200: ItemList } },
    },
    async (req) => publicItems(ctxOf(req), req.query.orgId),
  );
  app.get(
    '/api/public/licensing/items/:id',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: portal, summary: '事项的办事指南', params: IdParams, response: { 200: ItemView } },
    },
    async (req) => publicItem(ctxOf(req), req.params.id),
  );
};
