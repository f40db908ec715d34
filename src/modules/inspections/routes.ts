/**
 * HTTP surface of inspections: registers each area's routes — /api/inspections/* (signed in),
 * /api/my/inspections/* (the unit's own account) and /api/public/{plans,draws,inspections} (no
 * sign-in). Each area's routes.ts is thin: validate → authorise → one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogueRoutes } from './catalogue/routes.js';
import { drawRoutes } from './draws/routes.js';
import { evaluationRoutes } from './evaluations/routes.js';
import { inspectionFigureRoutes } from './figures/routes.js';
import { followUpRoutes } from './followup/routes.js';
import { loopRoutes } from './loop/routes.js';
import { planRoutes } from './plans/routes.js';
import { publicationRoutes } from './publication/routes.js';

export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(catalogueRoutes); // 检查事项清单、检查表与版本 (catalogue/)
  await app.register(planRoutes); // 年度检查计划、事前公开 (plans/)
  await app.register(drawRoutes); // 双随机抽取、抽查公示 (draws/)
  await app.register(evaluationRoutes); // 评价考评 (evaluations/)
  await app.register(loopRoutes); // 行政检查 from creation to closing, and the unit's own account (loop/)
  await app.register(followUpRoutes); // 约谈、回头看、移送立案、办结 (followup/)
  await app.register(publicationRoutes); // 一公开、典型 (publication/)
  await app.register(inspectionFigureRoutes); // 检查统计、监测预警 (figures/)
};
