/**
 * The modules of this installation, in order: each one's descriptor (index.ts). app.ts installs the
 * list (the kernel builds its registries from it) and registers each module's routes. Demo steps run
 * in this order, so a module comes after the ones whose records its demo uses.
 */
import type { ModuleDescriptor } from '../kernel/module.js';
import { orgsModule } from './orgs/index.js';
import { dashboardModule } from './dashboard/index.js';
import { inspectionsModule } from './inspections/index.js';
import { disclosureModule } from './disclosure/index.js';
import { disputesModule } from './disputes/index.js';
import { enforcementModule } from './enforcement/index.js';
import { licensingModule } from './licensing/index.js';
import { enforcementPublicModule } from './enforcement/public/index.js';

export const MODULES: readonly ModuleDescriptor[] = [
  orgsModule,
  dashboardModule,
  inspectionsModule,
  disclosureModule,
  disputesModule,
  enforcementModule,
  licensingModule,
  enforcementPublicModule,
];
