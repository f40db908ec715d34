/**
 * HTTP surface of 行政许可: /api/licensing/* (signed in) and /api/public/licensing/* (portal, no account),
 * one plugin per use-case area.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicationRoutes } from './applications/routes.js';
import { itemRoutes } from './items/routes.js';

export const licensingRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(itemRoutes);
  await app.register(applicationRoutes);
};
