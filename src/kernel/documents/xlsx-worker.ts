/**
 * The worker thread that reads uploaded .xlsx files (started and kept by `readSheet` /
 * `readSheetGrid` in xlsx.ts, with a heap limit, and terminated when a read runs past the time
 * limit). Each message is one job: the bytes and what to read; the reply carries the job's id and the
 * result or the reason the read stopped.
 */
import { parentPort } from 'node:worker_threads';
import { readXlsx, XlsxReadError, type XlsxLimits, type XlsxRequest, type XlsxResult } from './xlsx-reader.js';

export interface XlsxJob {
  id: number;
  data: ArrayBuffer;
  request: XlsxRequest;
  limits: XlsxLimits;
}

export type XlsxReply = { id: number } & ({ ok: true; result: XlsxResult } | { ok: false; kind: XlsxReadError['kind'] | 'crash'; message: string });

async function run(job: XlsxJob): Promise<XlsxReply> {
  try {
    return { id: job.id, ok: true, result: await readXlsx(Buffer.from(job.data), job.request, job.limits) };
  } catch (e) {
    if (e instanceof XlsxReadError) return { id: job.id, ok: false, kind: e.kind, message: e.message };
    return { id: job.id, ok: false, kind: 'crash', message: e instanceof Error ? e.message : String(e) };
  }
}

const port = parentPort;
if (port) {
  // One job at a time: the pool in xlsx.ts sends the next one only after the reply.
  port.on('message', (job: XlsxJob) => void run(job).then((reply) => port.postMessage(reply)));
}
