/**
 * Restart after a crash (issue 11 §4): a PostgreSQL orphaned by an app killed with -9 is stopped and
 * the data dir reused; a PostgreSQL that dies under a running app is started again and the pool
 * reconnects instead of the process dying on an unhandled 'error'.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive, startEmbeddedPostgres, type EmbeddedServer } from './embedded.js';
import { openPool } from './index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-embedded-'));
let server: EmbeddedServer | null = null;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const postmasterPid = () => Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('embedded PostgreSQL after a crash', () => {
  it('stops the server an app killed with -9 left running, and starts on the same data dir', async () => {
    // node itself (not the tsx wrapper, whose -9 would leave its node child running): the app's process.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'fixtures/hold-embedded.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`fixture exited ${String(code)}`)));
    });
    const orphan = postmasterPid();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    child.stdout.destroy();
    expect(isAlive(orphan)).toBe(true); // the app is gone, its PostgreSQL is not

    server = await startEmbeddedPostgres(dir);
    expect(isAlive(orphan)).toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    const pool = openPool(server.url('postgres'), 2);
    expect((await pool.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
    await pool.end();
  }, 120_000);

  it('starts PostgreSQL again when it dies under the app; the pool reconnects', async () => {
    const s = server!;
    let exited = false;
    s.onUnexpectedExit(() => {
      exited = true;
    });
    const pool = openPool(s.url('postgres'), 2);
    const held = await pool.connect(); // a checked-out client: its 'error' must not end the process
    process.kill(postmasterPid(), 'SIGKILL');
    for (let i = 0; i < 100 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    expect(exited).toBe(true);
    await expect(held.query('SELECT 1')).rejects.toThrow();
    held.release(true);
    await s.restart();
    expect((await pool.query('SELECT 2 AS two')).rows[0]).toEqual({ two: 2 });
    await pool.end();
  }, 120_000);
});
