/**
 * Test helper: how a .docx from {@link renderOfficialDocx} is laid out, read back from its XML — the
 * GB/T 9704 format, whether the sealed layout is applied, and the 附注 — so API tests of each letter
 * can assert the layout its module declares and the contact it names.
 */
import JSZip from 'jszip';
import { GBT9704_LAYOUT, GBT9704_STYLES, displayWidth } from './gbt9704.js';

export interface LetterLayoutFound {
  /** `letter`: the issuer over a red double line and a different first page (no page number); else `document`. */
  format: 'letter' | 'document';
  /**
   * The sealed layout: the date 右空四字, the signature centred over it, the seal's two clear lines above
   * the signature, and the end of the body kept with them.
   */
  sealed: boolean;
  /** The 附注's text (with its parentheses), when it directly follows the 成文日期; null when there is none. */
  note: string | null;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

export async function letterLayout(buf: Buffer): Promise<LetterLayoutFound> {
  const zip = await JSZip.loadAsync(buf);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const ps = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => ({
    xml: m[0],
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1] ?? '')
      .join('')
      .replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e),
  }));
  const issuer = ps.find((p) => p.style === GBT9704_STYLES.issuer);
  const format = issuer?.xml.includes('w:val="thickThinSmallGap"') && xml.includes('<w:titlePg/>') ? 'letter' : 'document';

  const charTwips = GBT9704_LAYOUT.textWidth / GBT9704_LAYOUT.charsPerLine;
  const right = (p: { xml: string } | undefined) => Number(/<w:ind [^>]*w:right="(-?\d+)"/.exec(p?.xml ?? '')?.[1] ?? 0) / charTwips;
  const keepNext = (p: { xml: string } | undefined) => (p?.xml ?? '').includes('<w:keepNext/>');
  const s = ps.findIndex((p) => p.style === GBT9704_STYLES.signature);
  const date = ps[s + 1]?.style === GBT9704_STYLES.date ? ps[s + 1] : undefined;
  const clear = Array.from({ length: GBT9704_LAYOUT.sealLinesAbove }, (_, i) => ps[s - 1 - i]);
  const endOfBody = ps[s - 1 - GBT9704_LAYOUT.sealLinesAbove];
  const sig = ps[s];
  // 以成文日期为准居中: the same centre column (unless a signature wider than the line allows is set flush right).
  const centred = (p: { xml: string; text: string }) => GBT9704_LAYOUT.charsPerLine - right(p) - displayWidth(p.text) / 2;
  const sealed =
    !!sig &&
    !!date &&
    Math.abs(right(date) - GBT9704_LAYOUT.sealedDateRight) < 0.01 &&
    (right(sig) === 0 || Math.abs(centred(sig) - centred(date)) < 0.01) &&
    clear.every((p) => p?.text === '' && keepNext(p)) &&
    keepNext(endOfBody);

  const d = ps.findIndex((p) => p.style === GBT9704_STYLES.date);
  const next = ps[d + 1];
  const note = d >= 0 && next?.style === GBT9704_STYLES.note ? next.text : null;
  return { format, sealed, note };
}
