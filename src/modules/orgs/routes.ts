/** HTTP surface of orgs & people: each area registers its own routes. */
import type { FastifyPluginAsync } from 'fastify';
import { inspectorRoutes } from './inspectors/routes.js';
import { orgRoutes as orgTreeRoutes } from './orgs/routes.js';
import { unitRoutes } from './units/routes.js';
import { userRoutes } from './users/routes.js';

export const orgRoutes: FastifyPluginAsync = async (app) => {
  await app.register(orgTreeRoutes);
  await app.register(userRoutes);
  await app.register(unitRoutes);
  await app.register(inspectorRoutes);
};
