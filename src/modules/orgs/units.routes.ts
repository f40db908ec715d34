import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
// Units and inspectors routes: being written.
export const unitRoutes: FastifyPluginAsyncZod = async () => {};
