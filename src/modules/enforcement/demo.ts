/** The enforcement module's demo step: the standard 裁量基准 of the archives law in the top org. */
import type { DemoStep } from '../../kernel/module.js';
import { seedStandardBenchmarks } from './benchmarks/benchmarks.service.js';

export const seedEnforcementDemo: DemoStep = async (ctx, demo) => {
  await seedStandardBenchmarks(ctx, demo.org.id);
};
