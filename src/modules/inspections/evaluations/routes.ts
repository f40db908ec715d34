/** 评价考评 (/api/inspections/evaluations): 试算 and stored evaluations. Thin: validate → authorise → one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../../kernel/http/context.js';
import { IdParams } from '../contracts.js';
import { EvaluationCreateInput, EvaluationInput, EvaluationList, EvaluationListQuery, EvaluationView, GradeView } from './contracts.js';
import { createEvaluation, getEvaluation, listEvaluations, tryGrade } from './evaluations.service.js';

const P = '/api/inspections';
const READ = 'inspection.read' as const;
const MANAGE = 'inspection.manage' as const;

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ev = { tags: ['考评'] };
  app.post(
    `${P}/evaluations/grade`,
    { schema: { ...ev, summary: '按考评表试算等级（不保存）', body: EvaluationInput, response: { 200: GradeView } } },
    async (req) => tryGrade(authed(req, READ), req.body),
  );
  app.post(
    `${P}/evaluations`,
    { schema: { ...ev, summary: '保存考评结果并评定等级（须选择被考评单位）', body: EvaluationCreateInput, response: { 200: EvaluationView } } },
    async (req) => createEvaluation(authed(req, MANAGE), req.body),
  );
  app.get(`${P}/evaluations`, { schema: { ...ev, querystring: EvaluationListQuery, response: { 200: EvaluationList } } }, async (req) =>
    listEvaluations(authed(req, READ), req.query),
  );
  app.get(`${P}/evaluations/:id`, { schema: { ...ev, params: IdParams, response: { 200: EvaluationView } } }, async (req) =>
    getEvaluation(authed(req, READ), req.params.id),
  );
};
