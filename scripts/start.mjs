/**
 * `npm start`: runs the server as built JavaScript (no TypeScript compiler at every start, and one
 * file to load instead of two hundred). When `dist/server/` is missing or older than the sources
 * (`src/**\/*.ts`, tests aside), esbuild bundles `src/main.ts` and the two worker threads' entries
 * (their code is found beside the bundle: `./xlsx-worker.js`, `./draw-worker.js`) into it, with the
 * npm packages left as imports (about a second); then `dist/server/main.js` runs in this process.
 * `npm run dev` and the tests run the TypeScript itself (tsx, vitest).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const OUT = path.join(ROOT, 'dist', 'server');
const STAMP = path.join(OUT, 'built-from.txt');

/** The server's source files (no tests, no test harness). */
function sources(dir = SRC, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== path.join(SRC, 'test')) sources(p, out);
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** What the build was made from: every file's name, size and time (a changed, added or removed file makes it stale). */
function fingerprint(files) {
  return files
    .map((f) => {
      const s = fs.statSync(f);
      return `${path.relative(SRC, f)} ${s.size} ${Math.floor(s.mtimeMs)}`;
    })
    .sort()
    .join('\n');
}

const files = sources();
const print = fingerprint(files);
const built = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8') : null;
if (built !== print) {
  const t0 = Date.now();
  const { build } = await import('esbuild');
  fs.rmSync(OUT, { recursive: true, force: true });
  await build({
    entryPoints: ['main.ts', 'kernel/documents/xlsx-worker.ts', 'modules/inspections/draws/draw-worker.ts'].map((f) => path.join(SRC, f)),
    entryNames: '[name]',
    outdir: OUT,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  fs.writeFileSync(STAMP, print);
  console.log(`Built the server (${files.length} source files) in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${path.relative(ROOT, OUT)}`);
}
await import(pathToFileURL(path.join(OUT, 'main.js')).href);
