/**
 * 双随机抽取 (/api/inspections/plans/:id/draws, /api/inspections/draws) and the portal's published
 * draws (/api/public/draws, no sign-in, rate-limited). Thin: validate → authorise → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, ctxOf } from '../../../kernel/http/context.js';
import { IdParams } from '../contracts.js';
import {
  DrawCreateInput,
  DrawDetail,
  DrawExecuteInput,
  DrawList,
  DrawListQuery,
  DrawRecord,
  DrawUnitPage,
  DrawUnitsQuery,
  PublicDrawList,
  PublicDrawListQuery,
  PublicDrawNames,
  PublicDrawParams,
} from './contracts.js';
import {
  createDraw,
  drawRecordJson,
  drawUnits,
  executeDraw,
  getDraw,
  listDraws,
  publicDrawJson,
  publicDrawNames,
  publicDraws,
  publishDraw,
} from './draws.service.js';

const P = '/api/inspections';
const READ = 'inspection.read' as const;
const MANAGE = 'inspection.manage' as const;
const JSON_TYPE = 'application/json; charset=utf-8';
/** A record already serialised (by PostgreSQL): fastify sends a string with a JSON content type as it is, past the serializer. */
const serialised = (json: string) => json as unknown as DrawRecord;

export const drawRoutes: FastifyPluginAsyncZod = async (app) => {
  const draws = { tags: ['双随机抽取'] };
  app.post(
    `${P}/plans/:id/draws`,
    {
      schema: {
        ...draws,
        summary: '冻结候选名单（新抽取，或带 supersedes 与 reason 的重新抽取）',
        params: IdParams,
        body: DrawCreateInput,
        response: { 200: DrawDetail },
      },
    },
    async (req) => createDraw(authed(req, MANAGE), req.params.id, req.body),
  );
  app.get(`${P}/draws`, { schema: { ...draws, querystring: DrawListQuery, response: { 200: DrawList } } }, async (req) =>
    listDraws(authed(req, READ), req.query),
  );
  app.get(
    `${P}/draws/:id`,
    { schema: { ...draws, summary: '抽取批次详情（参数、结果与检查组、服务器校验）', params: IdParams, response: { 200: DrawDetail } } },
    async (req) => getDraw(authed(req, READ), req.params.id),
  );
  app.get(
    `${P}/draws/:id/units`,
    { schema: { ...draws, summary: '冻结的候选名单（分页）', params: IdParams, querystring: DrawUnitsQuery, response: { 200: DrawUnitPage } } },
    async (req) => drawUnits(authed(req, READ), req.params.id, req.query),
  );
  // The record is JSON text written by PostgreSQL in the documented field order, sent as it is.
  app.get(
    `${P}/draws/:id/record`,
    { schema: { ...draws, summary: '抽取记录（lantai-draw-v1，含完整候选名单；未公布的批次也可取得）', params: IdParams, response: { 200: DrawRecord } } },
    async (req, reply) => reply.type(JSON_TYPE).send(serialised(await drawRecordJson(authed(req, READ), req.params.id))),
  );
  app.post(
    `${P}/draws/:id/execute`,
    { schema: { ...draws, summary: '抽取（只能一次）', params: IdParams, body: DrawExecuteInput, response: { 200: DrawDetail } } },
    async (req) => executeDraw(authed(req, MANAGE), req.params.id, req.body),
  );
  app.post(`${P}/draws/:id/publish`, { schema: { ...draws, summary: '公布抽取结果', params: IdParams, response: { 200: DrawDetail } } }, async (req) =>
    publishDraw(authed(req, MANAGE), req.params.id),
  );

  // ---- 公开（无需登录，按客户端限流） ----
  const pub = { tags: ['公开'] };
  const limited = { rateLimit: { max: 300, timeWindow: '1 minute' } };
  app.get(
    '/api/public/draws',
    { config: limited, schema: { ...pub, summary: '已公布的双随机抽取批次（分页）', querystring: PublicDrawListQuery, response: { 200: PublicDrawList } } },
    async (req) => publicDraws(ctxOf(req), req.query),
  );
  app.get(
    '/api/public/draws/:id',
    {
      config: limited,
      schema: { ...pub, summary: '抽取记录（lantai-draw-v1，可用 npm run verify-draw 复核）', params: PublicDrawParams, response: { 200: DrawRecord } },
    },
    async (req, reply) => reply.type(JSON_TYPE).send(serialised(await publicDrawJson(ctxOf(req), req.params.id))),
  );
  app.get(
    '/api/public/draws/:id/names',
    { config: limited, schema: { ...pub, summary: '抽取结果中单位与执法人员的名称（一公开）', params: PublicDrawParams, response: { 200: PublicDrawNames } } },
    async (req) => publicDrawNames(ctxOf(req), req.params.id),
  );
};
