/** Every module's routes, registered by app.ts after the kernel. */
import type { FastifyPluginAsync } from 'fastify';
import { orgRoutes } from './orgs/index.js';
import { dashboardRoutes } from './dashboard/index.js';
import { inspectionRoutes } from './inspections/index.js';
import { disclosureRoutes } from './disclosure/index.js';
import { disputeRoutes } from './disputes/index.js';
import { enforcementRoutes } from './enforcement/index.js';

export const moduleRoutes: FastifyPluginAsync = async (app) => {
  await app.register(orgRoutes);
  await app.register(dashboardRoutes);
  await app.register(inspectionRoutes);
  await app.register(disclosureRoutes);
  await app.register(disputeRoutes);
  await app.register(enforcementRoutes);
};
