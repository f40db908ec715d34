/**
 * 执法依据 (事前公开): the laws a bureau's powers and procedures cite, read from their own basis texts
 * (licensing items, inspection items, the 裁量基准, the procedures) — each law by its title in 《》, the
 * articles cited after it, and what cites it. Pure: the service hands the texts in.
 */
import type { PublicBasis } from './contracts.js';

/** Where a basis text comes from, in the order the page names them. */
export const BASIS_SOURCES = ['行政许可', '行政检查', '行政处罚', '办事流程'] as const;
export type BasisSource = (typeof BASIS_SOURCES)[number];

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 四十八 → 48, 十二 → 12, 一百零三 → 103 (article numbers as statutes write them). */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '千') {
      total += (digit || 1) * 1000;
      digit = 0;
    }
  }
  return total + digit;
}

/** Brackets hold the article's words, an edition or an item number: none of them names an article of the law itself. */
function withoutBrackets(text: string): string {
  let out = text;
  for (let prev = ''; prev !== out;) {
    prev = out;
    out = out.replace(/（[^（）]*）|\([^()]*\)/g, '');
  }
  return out;
}

const TITLE = /《([^《》]+)》/g;
const ARTICLE = /第([零一二两三四五六七八九十百千]+)条/g;

/**
 * The laws cited by `texts`, each with the articles cited right after its title (up to the next title,
 * `；` or `。`) in statutory order, and its sources in the order of BASIS_SOURCES. A title preceded by
 * 原 names a law no longer in force and is left out. Ordered by how many texts cite the law, then title.
 */
export function lawsCited(texts: readonly { text: string; source: BasisSource }[]): PublicBasis[] {
  const laws = new Map<string, { articles: Set<string>; sources: Set<BasisSource>; texts: number }>();
  for (const { text, source } of texts) {
    const seen = new Set<string>();
    for (const m of text.matchAll(TITLE)) {
      const law = m[1]!.trim();
      if (!law || text[m.index - 1] === '原') continue;
      // the articles of this law: up to the next law's title or the end of the clause (outside brackets)
      const rest = withoutBrackets(text.slice(m.index + m[0].length));
      const end = rest.search(/[《；。]/);
      const clause = end < 0 ? rest : rest.slice(0, end);
      let entry = laws.get(law);
      if (!entry) laws.set(law, (entry = { articles: new Set(), sources: new Set(), texts: 0 }));
      for (const a of clause.matchAll(ARTICLE)) entry.articles.add(a[0]);
      entry.sources.add(source);
      if (!seen.has(law)) entry.texts += 1;
      seen.add(law);
    }
  }
  return [...laws.entries()]
    .sort(([a, x], [b, y]) => y.texts - x.texts || a.localeCompare(b, 'zh-CN'))
    .map(([law, e]) => ({
      law: `《${law}》`,
      articles: [...e.articles].sort((p, q) => chineseNumber(p.slice(1, -1)) - chineseNumber(q.slice(1, -1))),
      citedBy: BASIS_SOURCES.filter((s) => e.sources.has(s)),
    }));
}
