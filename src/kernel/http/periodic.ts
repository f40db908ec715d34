import type { FastifyInstance } from 'fastify';

/**
 * A job the app runs when it is ready and then every `everyMs` (a sweep that records what the
 * passing of time decided: a lapsed consultation, an acceptance by silence). One run at a time; the
 * app waits for a run in progress when it closes. `fn` answers how many records it wrote, logged
 * as `<name>: <n> <what>` when not zero.
 */
export function schedulePeriodic(app: FastifyInstance, opts: { name: string; what: string; everyMs: number; run: () => Promise<number> }): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= opts
      .run()
      .then((n) => {
        if (n) app.log.info(`${opts.name}: ${n} ${opts.what}`);
      })
      .catch((err: unknown) => app.log.error({ err }, `${opts.name} failed`))
      .finally(() => {
        running = null;
      });
    return running;
  };
  app.addHook('onReady', async () => {
    await run();
    timer = setInterval(() => void run(), opts.everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
