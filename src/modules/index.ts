/** Every module's routes, registered by app.ts after the kernel. */
import type { FastifyPluginAsync } from 'fastify';
import { orgRoutes } from './orgs/index.js';
import { dashboardRoutes } from './dashboard/index.js';

export const moduleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(orgRoutes);
  await app.register(dashboardRoutes);
};
