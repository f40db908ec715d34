/** Public face of the orgs & people module. */
import type { FastifyPluginAsync } from 'fastify';
import { orgRoutes as coreRoutes } from './routes.js';
import { unitRoutes } from './units.routes.js';

export const orgRoutes: FastifyPluginAsync = async (app) => {
  await app.register(coreRoutes);
  await app.register(unitRoutes);
};
export { creditCodeProblem, makeCreditCode } from './credit-code.js';
export { units, inspectors, inspectorConflicts, departments } from './schema.js';
export { UNIT_TYPES, UNIT_TYPE_LABELS, RISK_TIERS } from './contracts.js';
