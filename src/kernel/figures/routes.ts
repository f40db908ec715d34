/** The figure registry over HTTP: every figure the actor may read, and one figure's records. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signedIn } from '../http/context.js';
import { FigureKeyParams, FigureRecordsQuery, FigureRecordsResponse, FiguresQuery, FiguresResponse } from './contracts.js';
import { allFigures, figureRecords, figureScope } from './registry.js';

export const figureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['统计'];
  app.get(
    '/api/figures',
    {
      schema: {
        tags,
        summary: '统计数：期间内本机构（或含下级）的每项统计及其单位；只含有权查看的模块',
        querystring: FiguresQuery,
        response: { 200: FiguresResponse },
      },
    },
    async (req) => {
      const ctx = { db: req.server.db, actor: signedIn(req), now: req.server.now };
      return allFigures(ctx, await figureScope(ctx, req.query));
    },
  );
  app.get(
    '/api/figures/:key/records',
    {
      schema: {
        tags,
        summary: '某项统计所计的记录（分页）；记录数即统计数',
        params: FigureKeyParams,
        querystring: FigureRecordsQuery,
        response: { 200: FigureRecordsResponse },
      },
    },
    async (req) => {
      const ctx = { db: req.server.db, actor: signedIn(req), now: req.server.now };
      return figureRecords(ctx, req.params.key, await figureScope(ctx, req.query), req.query.page, req.query.pageSize);
    },
  );
};
