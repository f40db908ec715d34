/**
 * Where a draw job runs: a pool under WORKER_MIN_CANDIDATES takes milliseconds and runs in this
 * thread; a larger one (up to hundreds of milliseconds of hashing and sorting) runs in one worker
 * thread kept for the next job, so the event loop is never blocked by it. The worker is started by
 * the first large job or ahead of it (`warmDrawWorker`, when a large pool is frozen: starting one costs
 * about half a second under tsx), holds the process only while a job runs, and ends after a minute idle.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../kernel/http/errors.js';
import { DrawError } from './draw.js';
import { runJob, type DrawJob, type DrawJobResult } from './draw-jobs.js';
import type { DrawWorkerReply, DrawWorkerRequest } from './draw-worker.js';

/** Pools from this many candidates are drawn and verified in the worker thread. */
export const WORKER_MIN_CANDIDATES = 10_000;
const IDLE_MS = 60_000;
const HEAP_MB = 1024;

const requireHere = createRequire(import.meta.url);
const WORKER_URL = new URL(`./draw-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: HEAP_MB };
  let w: Worker;
  if (!WORKER_URL.pathname.endsWith('.ts')) w = new Worker(WORKER_URL, { resourceLimits });
  else {
    // Run from TypeScript (tsx, vitest): the worker registers tsx's loader before it imports its file.
    const tsxApi = pathToFileURL(path.join(path.dirname(requireHere.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
    w = new Worker(code, { eval: true, resourceLimits });
  }
  const failAll = (e: Error) => {
    if (worker === w) worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(e);
    }
  };
  w.on('message', (m: DrawWorkerReply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    settleIdle();
    if (m.ok) p.resolve(m.result);
    else if (m.error.drawCode) p.reject(new DrawError(m.error.drawCode, m.error.message, m.error.details));
    else p.reject(new AppError('internal', `抽取计算失败：${m.error.message}`));
  });
  w.on('error', (e) => failAll(e));
  w.on('exit', (code) => failAll(new Error(`draw worker exited with code ${code}`)));
  w.unref();
  return w;
}

/** While a job runs the worker keeps the process alive; idle, it does not, and ends after IDLE_MS. */
function settleIdle(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (!worker) return;
  if (pending.size > 0) {
    worker.ref();
    return;
  }
  worker.unref();
  const w = worker;
  idleTimer = setTimeout(() => {
    if (worker === w && pending.size === 0) {
      worker = null;
      void w.terminate();
    }
  }, IDLE_MS).unref();
}

/** Start the worker ahead of a large job (a no-op if it runs already). */
export function warmDrawWorker(): void {
  if (!worker) {
    worker = startWorker();
    settleIdle();
  }
}

/** Runs `job` here (small pools) or in the worker (`size` candidates ≥ WORKER_MIN_CANDIDATES). */
export async function runDrawJob<J extends DrawJob>(job: J, size: number): Promise<DrawJobResult<J>> {
  if (size < WORKER_MIN_CANDIDATES) return runJob(job);
  worker ??= startWorker();
  const w = worker;
  const id = ++nextId;
  const result = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
  settleIdle();
  w.postMessage({ id, job } satisfies DrawWorkerRequest);
  return result as Promise<DrawJobResult<J>>;
}
