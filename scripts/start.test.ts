/**
 * `npm start` runs built JavaScript (scripts/start.mjs): from a clean checkout it bundles the server
 * into dist/server (main and the two worker entries), serves from it, and a second start reuses the
 * build. Embedded PostgreSQL in a temporary data dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'server');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-start-'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

async function start(): Promise<{ child: ChildProcess; port: number; out: () => string; ms: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', LANTAI_SKIP_WEB_BUILD: '1' };
  delete env.DATABASE_URL;
  delete env.APP_DATABASE_URL;
  const t0 = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}: ${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, port, out: () => out, ms: Date.now() - t0 };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`not healthy after 60 s: ${out}`);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm start (scripts/start.mjs)', () => {
  it('builds dist/server when missing, serves from it, and reuses the build on the next start', async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    const first = await start();
    try {
      expect(first.out()).toMatch(/Built the server \(\d+ source files\)/);
      for (const f of ['main.js', 'xlsx-worker.js', 'draw-worker.js']) expect(fs.existsSync(path.join(OUT, f)), f).toBe(true);
      const doc = (await (await fetch(`http://127.0.0.1:${first.port}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths).length).toBeGreaterThan(100);
      const plans = await fetch(`http://127.0.0.1:${first.port}/api/public/plans`);
      expect(plans.status).toBe(200);
    } finally {
      await stop(first.child);
    }
    const second = await start();
    try {
      expect(second.out()).not.toMatch(/Built the server/);
    } finally {
      await stop(second.child);
    }
  }, 180_000);
});
