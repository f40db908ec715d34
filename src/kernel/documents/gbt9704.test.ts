import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, it, expect, beforeAll } from 'vitest';
import JSZip from 'jszip';
import {
  GBT9704_LAYOUT,
  contactNote,
  displayWidth,
  formatChineseDate,
  formatDocNumber,
  mmToTwips,
  normalizeDocNumber,
  renderOfficialDocx,
  toChineseNumeral,
  type Block,
  type OfficialDocument,
} from './index.js';
import { letterLayout } from './test-letter.js';

// ------------------------------------------------------------------------------------------
// Small XML helpers (the parts are machine-written by docx, so regular expressions suffice)
// ------------------------------------------------------------------------------------------

/** Attributes of the first element `<tag …>` in xml, or undefined. */
function attrs(xml: string, tag: string): Record<string, string> | undefined {
  const m = new RegExp(`<${tag}(?=[\\s/>])([^>]*)>`).exec(xml);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const a of (m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) out[a[1] ?? ''] = a[2] ?? '';
  return out;
}

/** The `<w:style>` element with the given styleId. */
function style(stylesXml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (!m) throw new Error(`style ${id} not found`);
  return m[0];
}

/** The run properties of a style (or ''). */
function runProps(styleXml: string): string {
  return /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(styleXml)?.[0] ?? '';
}

/** All body paragraphs as { style, text, xml }. */
function paragraphs(documentXml: string): { style: string | undefined; text: string; xml: string }[] {
  const out: { style: string | undefined; text: string; xml: string }[] = [];
  for (const m of documentXml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const xml = m[0];
    const styleId = /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1];
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    out.push({ style: styleId, text, xml });
  }
  return out;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

// ------------------------------------------------------------------------------------------
// Sample notice
// ------------------------------------------------------------------------------------------

const notice: OfficialDocument = {
  issuer: '兰台市档案局文件',
  docNumber: '兰档发[2024]015号',
  title: '关于开展2024年度档案行政执法检查的通知',
  recipient: '各区县档案局，市直各单位:',
  blocks: [
    { kind: 'paragraph', text: '为贯彻落实《中华人民共和国档案法》，现将有关事项通知如下。' },
    { kind: 'heading1', text: '检查范围' },
    { kind: 'paragraph', text: '本年度随机抽取的检查对象。\n第二段 <含特殊字符> & "引号"\u0007。' },
    { kind: 'heading2', text: '市直单位' },
    { kind: 'heading3', text: '重点单位' },
    { kind: 'heading4', text: '其他单位' },
    { kind: 'heading2', text: '区县单位' },
    { kind: 'heading1', text: '二、检查内容' },
    { kind: 'heading2', text: '档案工作责任制' },
    {
      kind: 'table',
      caption: '检查对象名录',
      columns: ['序号', '单位名称', '档案数量（卷）'],
      rows: [
        [1, '兰台市财政局', 1200],
        [2, '兰台市教育局', 860],
      ],
    },
  ],
  attachments: ['检查对象名录。', '检查指标'],
  signature: '兰台市档案局',
  date: '2024-01-02',
};

describe('renderOfficialDocx (GB/T 9704-2012)', () => {
  let zip: JSZip;
  let documentXml: string;
  let stylesXml: string;
  let settingsXml: string;
  let relsXml: string;

  beforeAll(async () => {
    const buf = await renderOfficialDocx(notice);
    expect(Buffer.isBuffer(buf)).toBe(true);
    zip = await JSZip.loadAsync(buf);
    const read = async (path: string): Promise<string> => {
      const f = zip.file(path);
      if (!f) throw new Error(`${path} missing`);
      return f.async('string');
    };
    documentXml = await read('word/document.xml');
    stylesXml = await read('word/styles.xml');
    settingsXml = await read('word/settings.xml');
    relsXml = await read('word/_rels/document.xml.rels');
  });

  describe('page geometry', () => {
    it('is A4: 11906 × 16838 twips, portrait', () => {
      expect(attrs(documentXml, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
    });

    it('has top 37 mm (2098), left 28 mm (1588), right 26 mm (1474), bottom 35 mm (1984)', () => {
      expect(attrs(documentXml, 'w:pgMar')).toMatchObject({
        'w:top': '2098',
        'w:left': '1588',
        'w:right': '1474',
        'w:bottom': '1984',
        'w:gutter': '0',
      });
    });

    it('leaves a text block of 156 × 225 mm', () => {
      const pgMar = attrs(documentXml, 'w:pgMar') ?? {};
      const width = 11906 - Number(pgMar['w:left']) - Number(pgMar['w:right']);
      const height = 16838 - Number(pgMar['w:top']) - Number(pgMar['w:bottom']);
      expect(width).toBe(8844);
      expect(height).toBe(12756);
      expect(Math.abs(width - (156 * 1440) / 25.4)).toBeLessThan(1);
      expect(Math.abs(height - (225 * 1440) / 25.4)).toBeLessThan(1);
      expect(mmToTwips(156)).toBe(width);
      expect(mmToTwips(225)).toBe(height);
    });

    it('uses a lines-only document grid of exactly 22 lines (no character grid)', () => {
      const grid = attrs(documentXml, 'w:docGrid') ?? {};
      expect(grid).toEqual({ 'w:type': 'lines', 'w:linePitch': '579' });
      const pitch = Number(grid['w:linePitch']);
      expect(22 * pitch).toBeLessThanOrEqual(12756);
      expect(23 * pitch).toBeGreaterThan(12756);
    });

    it('condenses 16 pt runs by 5 twips so that exactly 28 characters fill the 156 mm line', () => {
      const spacing = Number(attrs(runProps(style(stylesXml, 'Normal')), 'w:spacing')?.['w:val']);
      expect(spacing).toBe(-5);
      const advance = 16 * 20 + spacing; // 315 twips per CJK character
      expect(28 * advance).toBe(8820);
      expect(28 * advance).toBeLessThanOrEqual(8844);
      expect(29 * advance).toBeGreaterThan(8844);
      // The least condensing that fits: condensing one twip less (−4) would leave only 27 characters.
      expect(28 * (advance + 1)).toBeGreaterThan(8844);
      // The first line, indented two characters, holds 26.
      const indent = Number(attrs(style(stylesXml, 'Normal'), 'w:ind')?.['w:firstLine']);
      expect(Math.floor((8844 - indent) / advance)).toBe(26);
      // Word measures firstLineChars="200" in its own character unit; at the full 16 pt it is still 26.
      expect(Math.floor((8844 - 2 * 320) / advance)).toBe(26);
    });

    it('turns off grid snapping in Normal, before its spacing as CT_PPrBase orders it', () => {
      const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(style(stylesXml, 'Normal'))?.[0] ?? '';
      expect(pPr).toMatch(/^<w:pPr><w:snapToGrid w:val="0"\/><w:spacing /);
      expect(stylesXml.match(/<w:snapToGrid /g)).toHaveLength(1);
      for (const id of ['Title', 'Heading1', 'GwIssuer', 'GwDocNumber', 'GwTableText', 'GwPageNumber']) {
        expect(attrs(style(stylesXml, id), 'w:basedOn')).toEqual({ 'w:val': 'Normal' });
      }
    });

    it('matches the exported layout constants', () => {
      expect(GBT9704_LAYOUT).toMatchObject({
        pageWidth: 11906,
        pageHeight: 16838,
        marginTop: 2098,
        marginLeft: 1588,
        marginRight: 1474,
        marginBottom: 1984,
        textWidth: 8844,
        textHeight: 12756,
        linesPerPage: 22,
        charsPerLine: 28,
        linePitch: 579,
        bodyCharSpacing: -5,
      });
      expect(GBT9704_LAYOUT).not.toHaveProperty('charSpace');
    });
  });

  describe('fonts and styles', () => {
    it('sets the document default to 3号 (sz 32) 仿宋_GB2312 with zh-CN East Asian language', () => {
      const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(stylesXml)?.[0] ?? '';
      expect(attrs(defaults, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': '仿宋_GB2312' });
      expect(attrs(defaults, 'w:sz')).toEqual({ 'w:val': '32' });
      expect(attrs(defaults, 'w:lang')).toMatchObject({ 'w:eastAsia': 'zh-CN' });
    });

    it('gives body paragraphs (Normal) 仿宋_GB2312 16 pt, exact 579-twip lines and a two-character indent', () => {
      const normal = style(stylesXml, 'Normal');
      expect(normal).toContain('w:default="1"');
      expect(attrs(normal, 'w:rFonts')?.['w:eastAsia']).toBe('仿宋_GB2312');
      expect(attrs(normal, 'w:sz')).toEqual({ 'w:val': '32' });
      expect(attrs(normal, 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
      expect(attrs(normal, 'w:ind')).toMatchObject({ 'w:firstLineChars': '200' });
      expect(attrs(normal, 'w:jc')).toEqual({ 'w:val': 'both' });
      expect(attrs(runProps(normal), 'w:spacing')).toEqual({ 'w:val': '-5' });
    });

    it('keeps the document defaults uncondensed and the larger and smaller styles at normal spacing', () => {
      const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(stylesXml)?.[0] ?? '';
      expect(runProps(defaults)).not.toContain('<w:spacing ');
      for (const id of ['Title', 'GwIssuer', 'GwTableText', 'GwPageNumber']) {
        expect(attrs(runProps(style(stylesXml, id)), 'w:spacing')).toEqual({ 'w:val': '0' });
      }
    });

    it('sets the title in 2号 (sz 44) 小标宋, centred, not bold', () => {
      const title = style(stylesXml, 'Title');
      expect(attrs(title, 'w:rFonts')?.['w:eastAsia']).toContain('小标宋');
      expect(attrs(title, 'w:sz')).toEqual({ 'w:val': '44' });
      expect(attrs(title, 'w:jc')).toEqual({ 'w:val': 'center' });
      expect(attrs(title, 'w:ind')).toMatchObject({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
      expect(title).toMatch(/<w:b w:val="false"\/>/);
    });

    it.each([
      ['Heading1', '黑体', '0'],
      ['Heading2', '楷体_GB2312', '1'],
      ['Heading3', '仿宋_GB2312', '2'],
      ['Heading4', '仿宋_GB2312', '3'],
    ])('%s uses %s at 16 pt in black, condensed like the body, outline level %s', (id, font, level) => {
      const s = style(stylesXml, id);
      expect(attrs(s, 'w:rFonts')).toMatchObject({ 'w:eastAsia': font, 'w:ascii': font });
      expect(attrs(s, 'w:sz')).toEqual({ 'w:val': '32' });
      expect(attrs(s, 'w:color')).toEqual({ 'w:val': '000000' });
      expect(attrs(runProps(s), 'w:spacing')).toEqual({ 'w:val': '-5' });
      expect(attrs(s, 'w:outlineLvl')).toEqual({ 'w:val': level });
      expect(attrs(s, 'w:basedOn')).toEqual({ 'w:val': 'Normal' });
    });

    it('prints the 发文机关标志 in red 小标宋', () => {
      const s = style(stylesXml, 'GwIssuer');
      expect(attrs(s, 'w:color')).toEqual({ 'w:val': 'FF0000' });
      expect(attrs(s, 'w:rFonts')?.['w:eastAsia']).toContain('小标宋');
    });

    it('names fallback fonts in the font table', async () => {
      const fontTable = (await zip.file('word/fontTable.xml')?.async('string')) ?? '';
      expect(fontTable).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
      expect(fontTable).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
      expect(fontTable).toContain('w:name="黑体"');
      expect(fontTable).toContain('w:name="方正小标宋简体"');
      expect(fontTable).toContain('w:name="宋体"');
    });
  });

  describe('content', () => {
    it('lays out 版头, title, 主送机关 and body in order with the required blank lines', () => {
      const ps = paragraphs(documentXml);
      const i = ps.findIndex((p) => p.style === 'GwIssuer');
      expect(ps[i]?.text).toBe('兰台市档案局文件');
      // 发文字号 two blank lines below the issuer, normalised, with the red rule under it.
      expect(ps[i + 1]?.text).toBe('');
      expect(ps[i + 2]?.text).toBe('');
      expect(ps[i + 3]).toMatchObject({ style: 'GwDocNumber', text: '兰档发〔2024〕15号' });
      expect(attrs(ps[i + 3]?.xml ?? '', 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:color': 'FF0000' });
      // Title two blank lines below the rule, 主送机关 one blank line below the title.
      expect(ps[i + 4]?.text).toBe('');
      expect(ps[i + 5]?.text).toBe('');
      expect(ps[i + 6]).toMatchObject({ style: 'Title', text: '关于开展2024年度档案行政执法检查的通知' });
      expect(ps[i + 7]?.text).toBe('');
      expect(ps[i + 8]).toMatchObject({ style: 'GwRecipient', text: '各区县档案局，市直各单位：' });
      expect(ps[i + 9]).toMatchObject({ style: 'Normal', text: '为贯彻落实《中华人民共和国档案法》，现将有关事项通知如下。' });
    });

    it('places the 发文机关标志 35 mm below the top of the text block', () => {
      const issuer = paragraphs(documentXml).find((p) => p.style === 'GwIssuer');
      expect(attrs(issuer?.xml ?? '', 'w:spacing')?.['w:before']).toBe(String(mmToTwips(35)));
    });

    it('numbers headings 一、（一）1.（1） with per-level counters, keeping existing markers', () => {
      const headings = paragraphs(documentXml)
        .filter((p) => p.style?.startsWith('Heading'))
        .map((p) => [p.style, p.text]);
      expect(headings).toEqual([
        ['Heading1', '一、检查范围'],
        ['Heading2', '（一）市直单位'],
        ['Heading3', '1.重点单位'],
        ['Heading4', '（1）其他单位'],
        ['Heading2', '（二）区县单位'],
        ['Heading1', '二、检查内容'],
        ['Heading2', '（一）档案工作责任制'],
      ]);
    });

    it('splits paragraphs on line breaks, escapes markup and drops control characters', () => {
      const ps = paragraphs(documentXml).map((p) => unescapeXml(p.text));
      expect(ps).toContain('本年度随机抽取的检查对象。');
      expect(ps).toContain('第二段 <含特殊字符> & "引号"。');
      expect(documentXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    });

    it('renders tables full width with a repeated header row', () => {
      const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(documentXml)?.[0] ?? '';
      expect(attrs(tbl, 'w:tblW')).toMatchObject({ 'w:w': '8844', 'w:type': 'dxa' });
      const cols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(cols).toHaveLength(3);
      expect(cols.reduce((a, b) => a + b, 0)).toBe(8844);
      expect(tbl).toContain('<w:tblHeader/>');
      expect(tbl).toContain('兰台市财政局');
      expect(tbl).toContain('>1200<');
      const caption = paragraphs(documentXml).find((p) => p.style === 'GwTableCaption');
      expect(caption?.text).toBe('检查对象名录');
    });

    it('lists attachments as 附件：1.×× with later names aligned and trailing punctuation removed', () => {
      const att = paragraphs(documentXml).filter((p) => p.style === 'GwAttachment');
      expect(att.map((p) => p.text)).toEqual(['附件：1.检查对象名录', '2.检查指标']);
      const ind = att.map((p) => attrs(p.xml, 'w:ind') ?? {});
      // Both wrap to the same left edge (the first name's first character).
      expect(ind[0]?.['w:left']).toBe(ind[1]?.['w:left']);
      // First line starts two characters in; the second line's number under the first name's start.
      const charTw = 8844 / 28;
      expect(Number(ind[0]?.['w:left']) - Number(ind[0]?.['w:hanging'])).toBeCloseTo(2 * charTw, -1);
      expect(Number(ind[1]?.['w:left']) - Number(ind[1]?.['w:hanging'])).toBeCloseTo(5 * charTw, -1);
    });

    it('puts the 成文日期 two characters right of the 署名 and 右空二字', () => {
      const ps = paragraphs(documentXml);
      const sig = ps.find((p) => p.style === 'GwSignature');
      const date = ps.find((p) => p.style === 'GwDate');
      expect(sig?.text).toBe('兰台市档案局');
      expect(date?.text).toBe('2024年1月2日');
      const charTw = 8844 / 28;
      const sigRight = Number(attrs(sig?.xml ?? '', 'w:ind')?.['w:right']) / charTw;
      const dateRight = Number(attrs(date?.xml ?? '', 'w:ind')?.['w:right']) / charTw;
      // Both right-aligned; start column = 28 − right indent − width.
      const sigStart = 28 - sigRight - displayWidth('兰台市档案局');
      const dateStart = 28 - dateRight - displayWidth('2024年1月2日');
      expect(dateStart - sigStart).toBeCloseTo(2, 2);
      expect(dateRight).toBeGreaterThanOrEqual(2 - 1e-6);
    });
  });

  describe('page numbers', () => {
    it('turns on different odd and even footers', () => {
      expect(settingsXml).toContain('<w:evenAndOddHeaders/>');
      const refs = [...documentXml.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]);
      expect(refs.sort()).toEqual(['default', 'even']);
    });

    it('shows "— PAGE —" in 4号 宋体, odd pages right and even pages left, one character in', async () => {
      const footerFor = async (type: string): Promise<string> => {
        const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(documentXml)?.[1];
        const target =
          new RegExp(`<Relationship[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(relsXml)?.[1] ??
          new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(relsXml)?.[1];
        expect(target).toBeDefined();
        return (await zip.file(`word/${target}`)?.async('string')) ?? '';
      };
      const odd = await footerFor('default');
      const even = await footerFor('even');
      for (const f of [odd, even]) {
        const text = f.replace(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/, '{PAGE}').replace(/<[^>]+>/g, '');
        expect(text).toBe('— {PAGE} —');
        expect(f).toContain('w:fldCharType="begin"');
        expect(f).toContain('w:fldCharType="end"');
        expect(f).toContain('<w:pStyle w:val="GwPageNumber"/>');
      }
      expect(attrs(odd, 'w:jc')).toEqual({ 'w:val': 'right' });
      expect(attrs(odd, 'w:ind')?.['w:right']).toBe('280');
      expect(attrs(even, 'w:jc')).toEqual({ 'w:val': 'left' });
      expect(attrs(even, 'w:ind')?.['w:left']).toBe('280');
      const s = style(stylesXml, 'GwPageNumber');
      expect(attrs(s, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '宋体', 'w:ascii': '宋体' });
      expect(attrs(s, 'w:sz')).toEqual({ 'w:val': '28' });
    });

    it('places the footer below the text block, inside the 35 mm bottom margin', () => {
      const pgMar = attrs(documentXml, 'w:pgMar') ?? {};
      const footer = Number(pgMar['w:footer']);
      const bottom = Number(pgMar['w:bottom']);
      // The 14 pt (280 twip) page-number line must end below the text block…
      expect(footer + 280).toBeLessThan(bottom);
      // …with its dashes roughly 7 mm below it (line centre within 5–9 mm).
      const gapMm = ((bottom - footer - 140) * 25.4) / 1440;
      expect(gapMm).toBeGreaterThan(5);
      expect(gapMm).toBeLessThan(9);
    });
  });

  describe('variants and errors', () => {
    it('renders a minimal document without 版头, signature or date', async () => {
      const buf = await renderOfficialDocx({ title: '情况说明', blocks: [{ kind: 'paragraph', text: '正文。' }] });
      const z = await JSZip.loadAsync(buf);
      const xml = (await z.file('word/document.xml')?.async('string')) ?? '';
      const ps = paragraphs(xml);
      expect(ps.some((p) => p.style === 'GwIssuer' || p.style === 'GwDocNumber')).toBe(false);
      expect(ps[0]).toMatchObject({ style: 'Title', text: '情况说明' });
      expect(ps.some((p) => p.style === 'Normal' && p.text === '正文。')).toBe(true);
    });

    it('breaks a title over lines at "\\n"', async () => {
      const z = await JSZip.loadAsync(await renderOfficialDocx({ title: '关于印发\n某某办法的通知', blocks: [] }));
      const xml = (await z.file('word/document.xml')?.async('string')) ?? '';
      const title = paragraphs(xml).find((p) => p.style === 'Title');
      expect(title?.text).toBe('关于印发某某办法的通知');
      expect(title?.xml).toContain('<w:br/>');
    });

    it('leaves headings unnumbered when numberHeadings is false', async () => {
      const z = await JSZip.loadAsync(await renderOfficialDocx({ title: 't', blocks: [{ kind: 'heading1', text: '总体情况' }] }, { numberHeadings: false }));
      const xml = (await z.file('word/document.xml')?.async('string')) ?? '';
      expect(paragraphs(xml).find((p) => p.style === 'Heading1')?.text).toBe('总体情况');
    });

    it('moves the signature right when the date is as long as it', async () => {
      const z = await JSZip.loadAsync(await renderOfficialDocx({ title: 't', blocks: [], signature: '兰台市档案局办公室', date: '2024-12-31' }));
      const xml = (await z.file('word/document.xml')?.async('string')) ?? '';
      const ps = paragraphs(xml);
      const charTw = 8844 / 28;
      const sigRight = Number(attrs(ps.find((p) => p.style === 'GwSignature')?.xml ?? '', 'w:ind')?.['w:right']) / charTw;
      const dateRight = Number(attrs(ps.find((p) => p.style === 'GwDate')?.xml ?? '', 'w:ind')?.['w:right']) / charTw;
      // 署名 9 chars, 日期 "2024年12月31日" 7 chars: 9 − 7 = 2 → both 右空二字.
      expect(sigRight).toBeCloseTo(2, 2);
      expect(dateRight).toBeCloseTo(2, 2);
    });

    it.each([
      [{ title: '   ', blocks: [] }, /标题/],
      [{ title: 't', docNumber: '档发2024年15号', blocks: [] }, /发文字号格式不正确/],
      [{ title: 't', date: '2024-02-30', blocks: [] }, /日期不存在/],
      [{ title: 't', blocks: [{ kind: 'table', columns: [], rows: [] }] }, /至少需要一列/],
      [{ title: 't', blocks: [{ kind: 'table', columns: ['a'], rows: [['x', 'y']] }] }, /多于 1 列/],
    ] as [OfficialDocument, RegExp][])('rejects invalid input %#', async (doc, message) => {
      await expect(renderOfficialDocx(doc)).rejects.toThrow(message);
    });
  });
});

// ------------------------------------------------------------------------------------------
// Formats, the sealed layout and the 附注
// ------------------------------------------------------------------------------------------

interface Rendered {
  documentXml: string;
  stylesXml: string;
  paragraphs: { style: string | undefined; text: string; xml: string }[];
  /** The footer part of each footerReference type (default, even, first). */
  footers: Record<string, string>;
}

async function rendered(doc: OfficialDocument): Promise<Rendered> {
  const z = await JSZip.loadAsync(await renderOfficialDocx(doc));
  const read = async (path: string): Promise<string> => (await z.file(path)?.async('string')) ?? '';
  const documentXml = await read('word/document.xml');
  const relsXml = await read('word/_rels/document.xml.rels');
  const footers: Record<string, string> = {};
  for (const m of documentXml.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target =
      new RegExp(`<Relationship[^>]*Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(relsXml)?.[1] ??
      new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(relsXml)?.[1];
    footers[m[1] ?? ''] = await read(`word/${target}`);
  }
  return { documentXml, stylesXml: await read('word/styles.xml'), paragraphs: paragraphs(documentXml), footers };
}

const CHAR_TW = 8844 / 28;
/** Right indent of a paragraph in characters. */
const rightChars = (xml: string | undefined): number => Number(attrs(xml ?? '', 'w:ind')?.['w:right'] ?? 0) / CHAR_TW;
const keepsWithNext = (xml: string | undefined): boolean => /<w:keepNext\/>/.test(xml ?? '');

const CONTACT = { name: '王五', telephone: '0931-1234567' };
const letterDoc: OfficialDocument = {
  issuer: '兰台市档案局',
  docNumber: '兰档函[2025]7号',
  title: '政府信息公开申请答复书',
  recipient: '张三',
  blocks: [
    { kind: 'paragraph', text: '你于2025年3月1日提出的政府信息公开申请收悉。' },
    { kind: 'paragraph', text: '特此告知。' },
  ],
  signature: '兰台市档案局',
  date: '2025-03-04',
  note: contactNote(CONTACT),
};

describe('contactNote', () => {
  it.each([
    [{ name: '王五', telephone: '0931-1234567' }, '联系人：王五，联系电话：0931-1234567'],
    [{ name: ' 王五 ', telephone: '13912345678' }, '联系人：王五，联系电话：13912345678'],
    [{ name: '王五', telephone: null }, '联系人：王五'],
  ])('%j → %s', (contact, expected) => {
    expect(contactNote(contact)).toBe(expected);
  });
});

describe('formats, the sealed layout and the 附注', () => {
  // 署名 兰台市档案局 (6) over 日期 2025年3月4日 (6); 兰台市城关区档案局 (9) is wider than the date.
  it.each([
    { format: 'document', sealed: false, signature: '兰台市档案局', blanks: 1, sigRight: 4, dateRight: 2 },
    { format: 'document', sealed: true, signature: '兰台市档案局', blanks: 2, sigRight: 4, dateRight: 4 },
    { format: 'letter', sealed: false, signature: '兰台市档案局', blanks: 1, sigRight: 4, dateRight: 2 },
    { format: 'letter', sealed: true, signature: '兰台市档案局', blanks: 2, sigRight: 4, dateRight: 4 },
    { format: 'letter', sealed: true, signature: '兰台市城关区档案局', blanks: 2, sigRight: 2.5, dateRight: 4 },
    { format: 'document', sealed: true, signature: '中华人民共和国兰台市城关区人民政府办公室档案科', blanks: 2, sigRight: 0, dateRight: 4 },
  ] as const)('$format, sealed $sealed, 署名 $signature: body, $blanks blank line(s), 署名, 日期, 附注', async (c) => {
    const r = await rendered({ ...letterDoc, format: c.format, sealed: c.sealed, signature: c.signature });
    const ps = r.paragraphs;
    const s = ps.findIndex((p) => p.style === 'GwSignature');
    const last = s - c.blanks - 1;
    expect(ps[last]).toMatchObject({ style: 'Normal', text: '特此告知。' });
    for (let i = last + 1; i < s; i++) expect(ps[i]?.text).toBe('');
    expect(ps[s]?.text).toBe(c.signature);
    expect(ps[s + 1]).toMatchObject({ style: 'GwDate', text: '2025年3月4日' });
    // 附注 on the line after the date, the last paragraph: 左空二字, in full-width parentheses.
    expect(ps[s + 2]).toMatchObject({ style: 'GwNote', text: '（联系人：王五，联系电话：0931-1234567）' });
    expect(ps).toHaveLength(s + 3);

    expect(rightChars(ps[s]?.xml)).toBeCloseTo(c.sigRight, 2);
    expect(rightChars(ps[s + 1]?.xml)).toBeCloseTo(c.dateRight, 2);
    const ws = displayWidth(c.signature);
    const wd = displayWidth('2025年3月4日');
    if (c.sealed && c.sigRight > 0) {
      // 以成文日期为准居中编排发文机关署名: the same centre column.
      expect(28 - c.sigRight - ws / 2).toBeCloseTo(28 - c.dateRight - wd / 2, 2);
    }
    if (!c.sealed) expect(28 - c.dateRight - wd - (28 - c.sigRight - ws)).toBeCloseTo(2, 2);

    // Sealed: the end of the body, the seal's clear lines, the 署名 and the date stay on one page.
    expect(keepsWithNext(ps[last]?.xml)).toBe(c.sealed);
    for (let i = last + 1; i < s; i++) expect(keepsWithNext(ps[i]?.xml)).toBe(c.sealed);
    expect(keepsWithNext(ps[s + 1]?.xml)).toBe(true); // the date with its 附注
    expect(keepsWithNext(ps[s + 2]?.xml)).toBe(false);
  });

  it('defines the 附注 style: 仿宋 body size, left-aligned, first line indented two characters', async () => {
    const { stylesXml } = await rendered(letterDoc);
    const note = style(stylesXml, 'GwNote');
    expect(attrs(note, 'w:basedOn')).toEqual({ 'w:val': 'Normal' });
    expect(attrs(note, 'w:jc')).toEqual({ 'w:val': 'left' });
    expect(attrs(note, 'w:ind')).toMatchObject({ 'w:firstLineChars': '200' });
  });

  it.each([
    ['联系人：王五', '（联系人：王五）'],
    ['(联系人：王五)', '（联系人：王五）'],
    ['（联系人：王五，\n联系电话：0931-1234567）', '（联系人：王五，联系电话：0931-1234567）'],
    ['联系人：王五\n联系电话：0931-1234567', '（联系人：王五；联系电话：0931-1234567）'],
  ])('writes the 附注 %j as %s', async (note, expected) => {
    const { paragraphs: ps } = await rendered({ ...letterDoc, note });
    expect(ps.find((p) => p.style === 'GwNote')?.text).toBe(expected);
  });

  it('puts the 附注 after the body when there is no signature or date', async () => {
    const { paragraphs: ps } = await rendered({ title: '情况说明', blocks: [{ kind: 'paragraph', text: '正文。' }], note: '联系人：王五' });
    expect(ps.slice(-2).map((p) => [p.style, p.text])).toEqual([
      ['Normal', '正文。'],
      ['GwNote', '（联系人：王五）'],
    ]);
  });

  it.each([
    ['a table', [{ kind: 'table', columns: ['项目', '内容'], rows: [['约谈地点', '第一会议室']] }] as Block[]],
    ['attachments', [{ kind: 'paragraph', text: '正文。' }] as Block[]],
  ])('keeps the end of the body with the seal when it ends with %s', async (what, blocks) => {
    const attachments = what === 'attachments' ? ['整改事项清单'] : [];
    const { documentXml, paragraphs: ps } = await rendered({ ...letterDoc, blocks, attachments, sealed: true, note: '' });
    const s = ps.findIndex((p) => p.style === 'GwSignature');
    // Every paragraph between the 主送机关 and the 署名 outside the table (its rows are checked below).
    const between = ps.slice(ps.findIndex((x) => x.style === 'GwRecipient') + 1, s).filter((p) => p.style !== 'GwTableText');
    for (const p of between) expect(keepsWithNext(p.xml), p.text).toBe(true);
    if (what === 'a table') {
      const rows = [...documentXml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(keepsWithNext(rows.at(-1))).toBe(true);
      expect(keepsWithNext(rows[0])).toBe(false);
    } else {
      expect(ps.find((p) => p.style === 'GwAttachment')?.text).toBe('附件：整改事项清单');
    }
    expect(ps.some((p) => p.style === 'GwNote')).toBe(false);
  });

  it('信函格式: the full name over a red double line 170 mm long, 发文字号 flush right under it, the title two lines below', async () => {
    const { paragraphs: ps, documentXml } = await rendered({ ...letterDoc, format: 'letter', sealed: true });
    expect(ps[0]).toMatchObject({ style: 'GwIssuer', text: '兰台市档案局' });
    expect(attrs(ps[0]?.xml ?? '', 'w:bottom')).toMatchObject({ 'w:val': 'thickThinSmallGap', 'w:color': 'FF0000', 'w:space': '11' });
    expect(attrs(ps[0]?.xml ?? '', 'w:spacing')).toMatchObject({ 'w:before': '0' });
    // 7 mm beyond the 156 mm text block on each side: 170 mm.
    const ind = attrs(ps[0]?.xml ?? '', 'w:ind') ?? {};
    expect(Number(ind['w:left'])).toBe(-GBT9704_LAYOUT.letterRuleOverhang);
    expect(Number(ind['w:right'])).toBe(-GBT9704_LAYOUT.letterRuleOverhang);
    expect(((8844 + 2 * GBT9704_LAYOUT.letterRuleOverhang) * 25.4) / 1440).toBeCloseTo(170, 0);
    expect(ps[1]).toMatchObject({ style: 'GwDocNumber', text: '兰档函〔2025〕7号' });
    expect(attrs(ps[1]?.xml ?? '', 'w:jc')).toEqual({ 'w:val': 'right' });
    expect(attrs(ps[1]?.xml ?? '', 'w:bottom')).toBeUndefined();
    expect(ps[2]?.text).toBe('');
    expect(ps[3]?.text).toBe('');
    expect(ps[4]).toMatchObject({ style: 'Title', text: '政府信息公开申请答复书' });
    expect(ps[5]?.text).toBe('');
    expect(ps[6]).toMatchObject({ style: 'GwRecipient', text: '张三：' });
    expect(documentXml).toContain('<w:titlePg/>');
  });

  it('信函格式: no page number on the first page, whose footer is the lower red double line 20 mm above the edge; numbers from page 2 where 文件格式 puts them', async () => {
    const { documentXml, footers } = await rendered({ ...letterDoc, format: 'letter' });
    expect(Object.keys(footers).sort()).toEqual(['default', 'even', 'first']);
    const first = footers.first ?? '';
    expect(first).not.toContain('PAGE');
    expect(attrs(first, 'w:top')).toMatchObject({ 'w:val': 'thinThickSmallGap', 'w:color': 'FF0000' });
    expect(Number(attrs(first, 'w:ind')?.['w:left'])).toBe(-GBT9704_LAYOUT.letterRuleOverhang);
    const footer = Number(attrs(documentXml, 'w:pgMar')?.['w:footer']);
    expect(footer).toBe(GBT9704_LAYOUT.letterFooterDistance);
    expect((footer * 25.4) / 1440).toBeCloseTo(20, 1);
    for (const f of [footers.default, footers.even]) {
      expect(f).toContain('PAGE');
      // Raised by the difference, so the numbers sit 25 mm up as in 文件格式.
      expect(Number(attrs(f ?? '', 'w:spacing')?.['w:after']) + footer).toBe(GBT9704_LAYOUT.footerDistance);
    }
  });

  it('文件格式 keeps its 版头 and page numbers on every page', async () => {
    const { paragraphs: ps, documentXml, footers } = await rendered({ ...letterDoc, format: 'document', sealed: true });
    expect(attrs(ps[0]?.xml ?? '', 'w:spacing')?.['w:before']).toBe(String(mmToTwips(35)));
    expect(ps[3]).toMatchObject({ style: 'GwDocNumber', text: '兰档函〔2025〕7号' });
    expect(attrs(ps[3]?.xml ?? '', 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:color': 'FF0000' });
    expect(documentXml).not.toContain('<w:titlePg/>');
    expect(Object.keys(footers).sort()).toEqual(['default', 'even']);
    expect(attrs(documentXml, 'w:pgMar')?.['w:footer']).toBe(String(GBT9704_LAYOUT.footerDistance));
  });

  it.each([
    ['document', false, undefined],
    ['document', true, '联系人：王五'],
    ['letter', false, '联系人：王五'],
    ['letter', true, undefined],
  ] as const)('the API tests’ reader (test-letter.ts) finds format %s, sealed %s, 附注 %s', async (format, sealed, note) => {
    const doc: OfficialDocument = { ...letterDoc, format, sealed, note: note ?? '' };
    expect(await letterLayout(await renderOfficialDocx(doc))).toEqual({ format, sealed, note: note ? `（${note}）` : null });
  });

  it('refuses 信函格式 without the issuer’s name', async () => {
    await expect(renderOfficialDocx({ ...letterDoc, issuer: undefined, format: 'letter' })).rejects.toThrow(/信函格式须有发文机关标志/);
  });
});

// ------------------------------------------------------------------------------------------
// The page as LibreOffice lays it out
// ------------------------------------------------------------------------------------------

const run = promisify(execFile);

function onPath(command: string): boolean {
  return spawnSync('which', [command], { stdio: 'ignore' }).status === 0;
}

/** LibreOffice (and poppler's pdftotext) are not installed in CI; the test runs where they are. */
const hasSoffice = onPath('soffice') && onPath('pdftotext');

describe('the rendered page in LibreOffice', () => {
  // Only ideographs, so that no punctuation hangs into the margin or moves to the next line.
  const sentence = '档案工作是党和国家各项事业发展的重要基础性工作必须坚持依法治档全面提升治理体系和能力现代化水平';
  const body = sentence.repeat(Math.ceil((28 * 70) / sentence.length));
  const longDoc: OfficialDocument = {
    issuer: '兰台市档案局文件',
    docNumber: '兰档发〔2025〕15号',
    title: '关于开展2025年度档案行政执法检查的通知',
    recipient: '各区县档案局',
    blocks: [{ kind: 'paragraph', text: body }],
  };

  it.skipIf(!hasSoffice)(
    'sets 28 characters a line (26 after the indent) and 22 lines a page',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'lantai-gbt9704-'));
      try {
        const docx = join(dir, 'long.docx');
        await writeFile(docx, await renderOfficialDocx(longDoc));
        // A profile of its own, so that a LibreOffice the user has open does not take the job.
        const profile = pathToFileURL(join(dir, 'profile')).href;
        await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
          timeout: 150_000,
        });
        await readFile(join(dir, 'long.pdf')); // fails clearly when the conversion produced nothing
        const { stdout } = await run('pdftotext', ['-layout', join(dir, 'long.pdf'), '-'], { maxBuffer: 16 << 20 });
        const pages = stdout.split('\f').map((p) => p.split('\n').filter((l) => l.trim() !== ''));
        const squash = (line: string | undefined): string => (line ?? '').replace(/\s+/g, '');
        const isPageNumber = (line: string): boolean => /^—\d+—$/.test(squash(line));

        const [first = [], second = []] = pages;
        // 版头 as set: not letter-spaced, the title on one line.
        expect(squash(first[0])).toBe('兰台市档案局文件');
        expect(squash(first[1])).toBe('兰档发〔2025〕15号');
        expect(squash(first[2])).toBe('关于开展2025年度档案行政执法检查的通知');
        expect(first[2]).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
        expect(squash(first[3])).toBe('各区县档案局：');

        const firstBody = first
          .slice(4)
          .filter((l) => !isPageNumber(l))
          .map(squash);
        const secondBody = second.filter((l) => !isPageNumber(l)).map(squash);
        // Page 1 after the 版头: 35 mm, the 42 pt 标志 on a 1.15 line, eight 579-twip lines (two blank,
        // 发文字号, two blank, title, blank, 主送机关) and the red rule (4 pt + 1.5 pt) leave 8 lines.
        const header = 1984 + Math.round(42 * 20 * 1.15) + 8 * 579 + 110;
        expect(firstBody).toHaveLength(Math.floor((12756 - header) / 579));
        expect(firstBody).toHaveLength(8);
        expect(firstBody[0]).toHaveLength(26);
        for (const line of firstBody.slice(1)) expect(line).toHaveLength(28);
        expect(secondBody).toHaveLength(22);
        for (const line of secondBody) expect(line).toHaveLength(28);

        // Nothing lost or reordered: the body lines of all pages spell the paragraph.
        const allBody = [firstBody, ...pages.slice(1).map((p) => p.filter((l) => !isPageNumber(l)).map(squash))];
        expect(allBody.flat().join('')).toBe(body);

        // "— 1 —" at the right on odd pages, "— 2 —" at the left on even pages.
        const number1 = first.find(isPageNumber) ?? '';
        const number2 = second.find(isPageNumber) ?? '';
        expect(squash(number1)).toBe('—1—');
        expect(squash(number2)).toBe('—2—');
        expect(number1.length - number1.trimStart().length).toBeGreaterThan(20);
        expect(number2.length - number2.trimStart().length).toBeLessThan(5);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

describe('formatDocNumber', () => {
  it.each([
    ['档发', 2024, 15, '档发〔2024〕15号'],
    ['国办函', 2020, 109, '国办函〔2020〕109号'],
    [' 兰档发 ', 2024, 1, '兰档发〔2024〕1号'],
  ] as const)('%s %d %d → %s', (prefix, year, seq, expected) => {
    expect(formatDocNumber(prefix, year, seq)).toBe(expected);
  });

  it.each([
    ['', 2024, 1],
    ['档发〔', 2024, 1],
    ['档发', 24, 1],
    ['档发', 20240, 1],
    ['档发', 2024.5, 1],
    ['档发', 2024, 0],
    ['档发', 2024, -3],
    ['档发', 2024, 1.5],
  ] as const)('rejects %j %d %d', (prefix, year, seq) => {
    expect(() => formatDocNumber(prefix, year, seq)).toThrow(Error);
  });
});

describe('normalizeDocNumber', () => {
  it.each([
    ['档发〔2024〕15号', '档发〔2024〕15号'],
    ['档发[2024]015号', '档发〔2024〕15号'],
    ['档发﹝2024﹞3号', '档发〔2024〕3号'],
    ['档发【2024】3号', '档发〔2024〕3号'],
    ['档发(2024)3号', '档发〔2024〕3号'],
    ['档发（2024）3号', '档发〔2024〕3号'],
    ['档发［2024］3号', '档发〔2024〕3号'],
    ['国办公开办函〔2021〕30号', '国办公开办函〔2021〕30号'],
    ['档发〔2024〕第15号', '档发〔2024〕15号'],
    ['档发〔2024〕15', '档发〔2024〕15号'],
    [' 档发 〔 2024 〕 0015 号 ', '档发〔2024〕15号'],
    ['档发〔２０２４〕１５号', '档发〔2024〕15号'],
    ['档发[2024〕100号', '档发〔2024〕100号'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDocNumber(input)).toBe(expected);
  });

  it.each([
    [''],
    ['档发'],
    ['〔2024〕15号'],
    ['档发2024年15号'],
    ['档发〔24〕15号'],
    ['档发〔02024〕15号'],
    ['档发〔0999〕15号'],
    ['档发〔2024〕号'],
    ['档发〔2024〕0号'],
    ['档发〔2024〕000号'],
    ['档发〔2024〕十五号'],
    ['档发〔2024〕15号附'],
    ['档发〈2024〉15号'],
    ['〔〔2024〕15号'],
  ])('rejects %j', (input) => {
    expect(() => normalizeDocNumber(input)).toThrow(/发文字号/);
  });
});

describe('formatChineseDate', () => {
  it.each([
    ['2024-01-02', '2024年1月2日'],
    ['2024-12-31', '2024年12月31日'],
    ['2024-10-10', '2024年10月10日'],
    ['2024-02-29', '2024年2月29日'],
    ['2024-1-2', '2024年1月2日'],
    [' 2023-06-01 ', '2023年6月1日'],
  ])('%s → %s', (input, expected) => {
    expect(formatChineseDate(input)).toBe(expected);
  });

  it.each([['2023-02-29'], ['2024-13-01'], ['2024-00-10'], ['2024-04-31'], ['2024/01/02'], ['20240102'], ['2024-01-02T00:00:00Z'], ['']])(
    'rejects %j',
    (input) => {
      expect(() => formatChineseDate(input)).toThrow(Error);
    },
  );
});

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
  ])('%d → %s', (n, expected) => {
    expect(toChineseNumeral(n)).toBe(expected);
  });

  it('rejects 0 and non-integers', () => {
    expect(() => toChineseNumeral(0)).toThrow();
    expect(() => toChineseNumeral(1.5)).toThrow();
  });
});
