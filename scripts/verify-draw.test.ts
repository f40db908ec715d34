import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDraw } from '../src/modules/inspections/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = path.join(root, 'scripts', 'fixtures', 'draw-D-2025-001.json');
const published = JSON.parse(fs.readFileSync(fixture, 'utf8')) as ReturnType<typeof runDraw>;

/** Run the CLI; returns its exit status and stdout (a non-zero exit is not a test failure here). */
function cli(arg: string): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npx', ['tsx', 'scripts/verify-draw.ts', arg], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number | null; stdout: string; stderr: string };
    return { status: err.status ?? -1, stdout: err.stdout, stderr: err.stderr };
  }
}

let tmp = '';
const write = (name: string, data: unknown) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return file;
};

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantai-verify-draw-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('scripts/verify-draw.ts', () => {
  it('the fixture is the RULES.md §4 test vector in its published form', () => {
    const candidates = Array.from({ length: 100 }, (_, i) => `U${String(i + 1).padStart(4, '0')}`);
    expect(published).toEqual(runDraw({ drawId: 'D-2025-001', entropy: '0'.repeat(64), candidates, k: 5 }));
    expect(published.listHash).toBe('da11684beafe97a68bbbb53c08f3ef7b011da96b3978a4b0580070eee1dfd173');
    expect(published.seed).toBe('06be80b13916f769b4db50624cc4135c0819794c37cb40e132bb7168399c2f37');
    expect(published.selected).toEqual(['U0072', 'U0006', 'U0027', 'U0058', 'U0074']);
  });

  it('verifies the published test vector (exit 0)', () => {
    const r = cli(fixture);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✓ listHash  候选名单哈希一致：da11684beafe97a68bbbb53c08f3ef7b011da96b3978a4b0580070eee1dfd173');
    expect(r.stdout).toContain('✓ seed  种子一致：06be80b13916f769b4db50624cc4135c0819794c37cb40e132bb7168399c2f37');
    expect(r.stdout).toContain('✓ selected  抽中名单一致：U0072、U0006、U0027、U0058、U0074');
    expect(r.stdout).toContain('selected matches: U0072, U0006, U0027, U0058, U0074');
    expect(r.stdout).not.toContain('✗');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('verified');
  });

  it('rejects a tampered copy (exit 1) and names the problem', () => {
    const file = write('tampered.json', { ...published, selected: ['U0072', 'U0006', 'U0027', 'U0058', 'U0001'] });
    const r = cli(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '✗ selected  抽中名单与重新计算的结果不一致：公布为 U0072、U0006、U0027、U0058、U0001，重算为 U0072、U0006、U0027、U0058、U0074',
    );
    expect(r.stdout).toContain('NOT verified, 1 problem(s)');
    expect(r.stdout).not.toMatch(/^verified$/m);
  });

  it('rejects a copy whose candidate list was changed after the fact (exit 1)', () => {
    const file = write('candidates.json', { ...published, candidates: published.candidates.filter((id) => id !== 'U0013') });
    const r = cli(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✗ listHash  候选名单哈希不一致');
    expect(r.stdout).toContain('✓ seed');
  });

  it('exits 2 when the record cannot be read', () => {
    expect(cli(path.join(tmp, 'missing.json'))).toMatchObject({ status: 2 });
    const r = cli(write('broken.json', '{ "drawId": '));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不是有效的 JSON');
  });

  describe('from a URL', () => {
    let server: http.Server;
    let base = '';
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        if (req.url === '/api/public/draws/D-2025-001') {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(published));
        } else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"not_found"}}');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    // The server runs in this process, so the CLI must run asynchronously (execFileSync would block it).
    const run = async (url: string) => {
      try {
        const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/verify-draw.ts', url], { cwd: root, encoding: 'utf8' });
        return { status: 0, stdout, stderr: '' };
      } catch (e) {
        const err = e as { code: number; stdout: string; stderr: string };
        return { status: err.code, stdout: err.stdout, stderr: err.stderr };
      }
    };

    it('fetches GET /api/public/draws/:id and verifies it', async () => {
      const r = await run(`${base}/api/public/draws/D-2025-001`);
      expect(r.status).toBe(0);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('verified');
    });

    it('exits 2 on an HTTP error', async () => {
      const r = await run(`${base}/api/public/draws/D-9999-999`);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('HTTP 404');
    });
  });
});
