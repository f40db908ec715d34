/**
 * The worker thread of large draws (started and kept by draw-runner.ts): each message is one job
 * (draw-jobs.ts) with an id; the reply carries the id and the result, or the refusal (a DrawError's
 * code, message and details) so the caller throws the same error it would have thrown in-thread.
 */
import { parentPort } from 'node:worker_threads';
import { DrawError } from './draw.js';
import { runJob, type DrawJob } from './draw-jobs.js';

export interface DrawWorkerRequest {
  id: number;
  job: DrawJob;
}

export type DrawWorkerReply = { id: number } & (
  { ok: true; result: unknown } | { ok: false; error: { drawCode: DrawError['code'] | null; message: string; details?: unknown } }
);

const port = parentPort;
if (port) {
  port.on('message', ({ id, job }: DrawWorkerRequest) => {
    let reply: DrawWorkerReply;
    try {
      reply = { id, ok: true, result: runJob(job) };
    } catch (e) {
      reply =
        e instanceof DrawError
          ? { id, ok: false, error: { drawCode: e.code, message: e.message, details: e.details } }
          : { id, ok: false, error: { drawCode: null, message: e instanceof Error ? e.message : String(e) } };
    }
    port.postMessage(reply);
  });
}
