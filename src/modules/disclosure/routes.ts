/**
 * HTTP surface of 政府信息公开: /api/disclosure/* (signed in) and /api/public/disclosure/* (portal, no
 * account), one plugin per use-case area.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { annualReportRoutes } from './annual-report/routes.js';
import { applicationRoutes } from './applications/routes.js';
import { feeRoutes } from './fees/routes.js';
import { letterRoutes } from './letters/routes.js';
import { registerRoutes } from './register/routes.js';

export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(applicationRoutes);
  await app.register(feeRoutes);
  await app.register(letterRoutes);
  await app.register(registerRoutes);
  await app.register(annualReportRoutes);
};
