/** The enforcement module's demo step: the standard 裁量基准 of the archives law in the top org, then (with the past work) three penalty cases. */
import type { DemoStep } from '../../kernel/module.js';
import { seedStandardBenchmarks } from './benchmarks/benchmarks.service.js';
import { seedDemoCases } from './demo-cases.js';

export const seedEnforcementDemo: DemoStep = async (ctx, demo) => {
  await seedStandardBenchmarks(ctx, demo.org.id);
  await seedDemoCases(ctx, demo);
};
