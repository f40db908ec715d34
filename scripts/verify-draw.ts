/**
 * `npx tsx scripts/verify-draw.ts <file.json | URL>` — recompute a published double-random draw
 * (lantai-draw-v1, RULES.md §4) from its own inputs, the way anyone outside the bureau can.
 *
 * The argument is a file holding the published JSON, or a URL returning it (the portal's
 * `GET /api/public/draws/:id`). Prints one ✓/✗ line per recomputed link, then `verified` or the
 * problems. Exit 0 verified, 1 not verified, 2 when the record cannot be read at all.
 */
import { readFile } from 'node:fs/promises';
import { verifyDraw } from '../src/modules/inspections/index.js';

const USAGE = '用法 / usage: npx tsx scripts/verify-draw.ts <file.json | URL>';

async function load(source: string): Promise<unknown> {
  let text: string;
  if (/^https?:\/\//i.test(source)) {
    let res: Response;
    try {
      res = await fetch(source, { headers: { accept: 'application/json' } });
    } catch (e) {
      throw new Error(`无法获取 ${source}：${(e as Error).message} / cannot fetch ${source}`, { cause: e });
    }
    if (!res.ok) throw new Error(`获取 ${source} 失败：HTTP ${res.status} / fetching ${source} failed: HTTP ${res.status}`);
    text = await res.text();
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch (e) {
      throw new Error(`无法读取文件 ${source}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message} / cannot read ${source}`, { cause: e });
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${source} 不是有效的 JSON：${(e as Error).message} / not valid JSON`, { cause: e });
  }
}

const source = process.argv[2];
if (!source || process.argv.length > 3) {
  console.error(USAGE);
  process.exit(2);
}

let published: unknown;
try {
  published = await load(source);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

const record = (typeof published === 'object' && published !== null ? published : {}) as Record<string, unknown>;
console.log(`双随机抽取校验 / draw verification: ${String(record.drawId ?? '?')} (${String(record.algorithm ?? '?')})`);

const result = verifyDraw(published);
for (const c of result.checks) {
  console.log(`${c.ok ? '✓' : '✗'} ${c.subject}  ${c.zh}`);
  console.log(`    ${c.en}`);
}
if (result.ok) {
  console.log('验证通过：任何人按公布的输入重算，结果与公布的一致。');
  console.log('verified');
  process.exit(0);
} else {
  console.log(`验证未通过，发现 ${result.problems.length} 处问题 / NOT verified, ${result.problems.length} problem(s):`);
  result.problems.forEach((p, i) => console.log(`  ${i + 1}. ${p}`));
  process.exit(1);
}
