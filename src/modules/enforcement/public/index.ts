/**
 * 行政执法公示 on the portal (issue 14 §4): a descriptor of its own beside the enforcement module's. It reads
 * three modules through their public faces — the licensing catalogue, the inspection items, the
 * officers — besides enforcement's own records; inspections already reaches enforcement (its referrals),
 * so registering these routes from enforcement's descriptor would close an import cycle. Listed in
 * MODULES after the modules it reads; no actions, settings or demo of its own.
 */
import type { ModuleDescriptor } from '../../../kernel/module.js';
import { publicEnforcementRoutes } from './routes.js';

export const enforcementPublicModule: ModuleDescriptor = {
  name: 'enforcementPublic',
  routes: publicEnforcementRoutes,
};
