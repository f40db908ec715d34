/**
 * The project folder (where `drizzle/` and `web/dist/` are), found from this file whether it runs as
 * TypeScript from `src/` or as the built JavaScript under `dist/server/` (scripts/start.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'drizzle', 'meta', '_journal.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`找不到项目目录（含 drizzle/meta/_journal.json）：自 ${from} 向上均没有`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
