/**
 * 检查统计 (GET /api/inspections/figures, …/figures/:name/records) and 监测预警
 * (GET /api/inspections/monitors). Read-only: `inspection.read`; a superior reads the roll-up of
 * its descendants. Thin: validate → authorise → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed, sendFile, XLSX_TYPE } from '../../../kernel/http/context.js';
import { fileResponse } from '../../../kernel/http/responses.js';
import { figuresXlsx, monitorsXlsx } from './export.service.js';
import { FigureParams, FigureRecordsQuery, FigureRecordsResult, FiguresQuery, FiguresResult, MonitorsQuery, MonitorsResult } from './contracts.js';
import { figureRecords, figures, monitors } from './figures.service.js';

const READ = 'inspection.read' as const;
const P = '/api/inspections';

export const inspectionFigureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['检查统计'];
  app.get(
    `${P}/figures`,
    { schema: { tags, summary: '检查统计（按期间、单位类型、机构；含下级时按机构分列）', querystring: FiguresQuery, response: { 200: FiguresResult } } },
    async (req) => figures(authed(req, READ), req.query),
  );
  app.get(
    `${P}/figures/export.xlsx`,
    {
      schema: {
        tags,
        summary: '导出检查统计（.xlsx：各项统计，及每项统计所计的全部记录）',
        querystring: FiguresQuery,
        response: { 200: fileResponse('检查统计（.xlsx）') },
      },
    },
    async (req, reply) => {
      const { buffer, fileName } = await figuresXlsx(authed(req, READ), req.query);
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
  app.get(
    `${P}/figures/:name/records`,
    {
      schema: {
        tags,
        summary: '某项统计所计的记录（分页；分布类可按 key 取一组）',
        params: FigureParams,
        querystring: FigureRecordsQuery,
        response: { 200: FigureRecordsResult },
      },
    },
    async (req) => figureRecords(authed(req, READ), req.params.name, req.query),
  );
  app.get(
    `${P}/monitors`,
    { schema: { tags: ['监测预警'], summary: '监测预警：重复检查、整改逾期、执法人员工作量', querystring: MonitorsQuery, response: { 200: MonitorsResult } } },
    async (req) => monitors(authed(req, READ), req.query),
  );
  app.get(
    `${P}/monitors/export.xlsx`,
    {
      schema: {
        tags: ['监测预警'],
        summary: '导出监测预警（.xlsx：重复检查、整改逾期、执法人员工作量）',
        querystring: MonitorsQuery,
        response: { 200: fileResponse('监测预警（.xlsx）') },
      },
    },
    async (req, reply) => {
      const { buffer, fileName } = await monitorsXlsx(authed(req, READ), req.query);
      return sendFile(reply, buffer, fileName, XLSX_TYPE);
    },
  );
};
