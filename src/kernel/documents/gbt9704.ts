/**
 * Official-document (公文) renderer following GB/T 9704-2012 《党政机关公文格式》, RULES.md §8.
 *
 * Layout (all lengths in twips, 1 twip = 1/20 pt = 1/1440 in; 1 mm ≈ 56.69 twips):
 * - A4 210 × 297 mm → 11906 × 16838.
 * - Text block (版心) 156 × 225 mm → 8844 × 12756; top margin 37 mm (2098), left 28 mm (1588, Word's
 *   "2.8 cm"), hence right 26 mm (1474) and bottom 35 mm (1984).
 * - 22 lines × 28 characters. Lines: a `lines` document grid with linePitch 579 (225 mm / 22 rounded
 *   down so that 22 whole lines fit) and exact 579-twip (28.95 pt) line spacing on every paragraph, so
 *   a page holds 22 lines whatever the font metrics. Characters: body-size (16 pt) runs are condensed
 *   by 5 twips (`w:spacing w:val="-5"` in the run properties of Normal and the heading styles), so a
 *   CJK character advances 320 − 5 = 315 twips: 28 × 315 = 8820 ≤ 8844 < 29 × 315 = 9135, and justified
 *   lines spread the remaining 24 twips. The indented first line of a paragraph holds 26 characters
 *   (8844 − 632 or 8844 − 640 leaves room for 26 × 315). Styles of other sizes based on Normal (title,
 *   发文机关标志, table text, page number) reset the spacing to 0.
 *   A `linesAndChars` grid with a negative charSpace would do the same in Word, but LibreOffice lays
 *   such a grid out as whole 16 pt cells (about 14 characters a line, titles letter-spaced and split);
 *   run character spacing is honoured alike by Word, WPS and LibreOffice.
 * - Word ignores the line grid for exactly spaced lines; LibreOffice rounds each line up to whole grid
 *   lines by the font's own height (with Noto CJK the 42 pt 发文机关标志 took three, each 22 pt title
 *   line two, the 发文字号 with its red rule two). Normal therefore carries
 *   `w:snapToGrid w:val="0"` in its paragraph properties (written after packing, see
 *   {@link renderOfficialDocx}), so both lay out the same exact 579-twip lines.
 * - Body 3号 (16 pt) 仿宋_GB2312; title 2号 (22 pt) 方正小标宋简体, centred; headings 一、 黑体,
 *   （一） 楷体_GB2312, 1. and （1） 仿宋_GB2312; body paragraphs indented two characters.
 * - Page numbers "— 5 —" in 4号 (14 pt) 宋体, below the text block (the dashes about 7 mm under it),
 *   odd pages right, even pages left, one character in from the edge (evenAndOddHeaders).
 *
 * The word processor substitutes a font the reader does not have; the font table names the usual
 * fallbacks (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体) as `w:altName`.
 *
 * Two formats ({@link DocumentFormat}): 文件格式 (§7, the default) and 信函格式 (§10.1: the issuer's
 * full name between red double lines, 发文字号 at the right under the upper line, no page number on
 * the first page). Either may be sealed (§7.3.5.1, {@link OfficialDocument.sealed}) and carry a 附注
 * (§7.3.6, {@link OfficialDocument.note}). 纪要格式 (§10.2) is not offered: nothing the platform
 * issues is a 纪要 (an interview record is signed by both sides and sealed, so it is a 文件).
 */
import JSZip from 'jszip';
import { isWideChar } from './text.js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { IParagraphStyleOptions, IRunOptions, IRunStylePropertiesOptions, IStylesOptions } from 'docx';

// ---------------------------------------------------------------------------------------------
// Layout constants
// ---------------------------------------------------------------------------------------------

/** Millimetres to twips, rounded to the nearest twip. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

const PAGE_WIDTH = mmToTwips(210); // 11906
const PAGE_HEIGHT = mmToTwips(297); // 16838
const MARGIN_TOP = mmToTwips(37); // 2098
/** 28 mm is 1587.4 twips; Word's own "2.8 cm" (567 twips/cm) is 1588, which every 公文 template carries. */
const MARGIN_LEFT = 1588;
const TEXT_WIDTH = mmToTwips(156); // 8844
const TEXT_HEIGHT = mmToTwips(225); // 12756
const MARGIN_RIGHT = PAGE_WIDTH - MARGIN_LEFT - TEXT_WIDTH; // 1474 (26 mm)
const MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - TEXT_HEIGHT; // 1984 (35 mm)
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
/** Rounded down: 22 × 579 = 12738 ≤ 12756 < 23 × 579, so exactly 22 lines fit. */
const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE); // 579
const BODY_SIZE_PT = 16;
/**
 * Character spacing of body-size runs in twips: a 16 pt (320-twip) CJK character condensed to the
 * whole-twip pitch that still fits 28 on the 156 mm line, 315 − 320 = −5.
 */
const BODY_CHAR_SPACING = Math.floor(TEXT_WIDTH / CHARS_PER_LINE) - BODY_SIZE_PT * 20; // −5
/** One character of a justified full line in twips (≈ 315.9), the unit for indents. */
const CHAR_TWIPS = TEXT_WIDTH / CHARS_PER_LINE;
const PAGE_NUMBER_SIZE_PT = 14;
/** The page-number line sits in the bottom margin so its dashes fall about 7 mm below the text block. */
const FOOTER_DISTANCE = mmToTwips(25); // 1417
const HEADER_DISTANCE = mmToTwips(15); // 850
const RED = 'FF0000';
/** 信函格式: the red double lines are 170 mm long, centred: 7 mm beyond the text block on each side. */
const LETTER_RULE_OVERHANG = mmToTwips((170 - 156) / 2); // 397
/** 信函格式: the lower double line of the first page lies 20 mm above the bottom edge (the first page's footer). */
const LETTER_FOOTER_DISTANCE = mmToTwips(20); // 1134
/** 信函格式: the upper double line 4 mm under the 发文机关标志 (border space in points). */
const LETTER_RULE_SPACE_PT = Math.round((4 / 25.4) * 72); // 11
/** Width of a red double line in eighths of a point (the two lines and the gap). */
const LETTER_RULE_SIZE = 18;
/** Characters left clear at the right of a sealed document's 成文日期 (右空四字). */
const SEALED_DATE_RIGHT = 4;
/** Blank lines between the body and the 发文机关署名 of a sealed document: the upper half of the seal. */
const SEAL_LINES_ABOVE = 2;

/** Geometry of the rendered page, exported for callers and tests. All lengths in twips. */
export const GBT9704_LAYOUT = Object.freeze({
  pageWidth: PAGE_WIDTH,
  pageHeight: PAGE_HEIGHT,
  marginTop: MARGIN_TOP,
  marginBottom: MARGIN_BOTTOM,
  marginLeft: MARGIN_LEFT,
  marginRight: MARGIN_RIGHT,
  textWidth: TEXT_WIDTH,
  textHeight: TEXT_HEIGHT,
  linesPerPage: LINES_PER_PAGE,
  charsPerLine: CHARS_PER_LINE,
  linePitch: LINE_PITCH,
  /** Character spacing (w:spacing in run properties, twips) of body-size text. */
  bodyCharSpacing: BODY_CHAR_SPACING,
  footerDistance: FOOTER_DISTANCE,
  headerDistance: HEADER_DISTANCE,
  /** 信函格式: footer distance (the first page's lower red double line 20 mm above the bottom edge). */
  letterFooterDistance: LETTER_FOOTER_DISTANCE,
  /** 信函格式: how far the red double lines reach beyond the text block on each side (170 mm lines). */
  letterRuleOverhang: LETTER_RULE_OVERHANG,
  /** Sealed documents: characters left clear right of the 成文日期, and blank lines above the 署名. */
  sealedDateRight: SEALED_DATE_RIGHT,
  sealLinesAbove: SEAL_LINES_ABOVE,
});

/** Font names as written into the document, with the fallback each one names in the font table. */
export const GBT9704_FONTS = Object.freeze({
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
  xiaobiaosong: '方正小标宋简体',
  songti: '宋体',
});

interface FontTableEntry {
  name: string;
  altName: string;
  family: 'roman' | 'modern' | 'script' | 'auto';
  pitch: 'fixed' | 'variable';
}

const FONT_TABLE: readonly FontTableEntry[] = [
  { name: GBT9704_FONTS.fangsong, altName: '仿宋', family: 'modern', pitch: 'fixed' },
  { name: GBT9704_FONTS.kaiti, altName: '楷体', family: 'modern', pitch: 'fixed' },
  { name: GBT9704_FONTS.heiti, altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  { name: GBT9704_FONTS.xiaobiaosong, altName: '宋体', family: 'script', pitch: 'fixed' },
  { name: GBT9704_FONTS.songti, altName: 'SimSun', family: 'auto', pitch: 'variable' },
];

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type HeadingKind = 'heading1' | 'heading2' | 'heading3' | 'heading4';

export type TextBlock = {
  kind: HeadingKind | 'paragraph';
  /** Plain text. A paragraph's line breaks ("\n") start new paragraphs. */
  text: string;
};

export type TableBlock = {
  kind: 'table';
  /** Optional caption centred above the table (黑体). */
  caption?: string;
  columns: string[];
  rows: (string | number | null | undefined)[][];
};

export type Block = TextBlock | TableBlock;

/**
 * GB/T 9704 format: `document` 文件格式 (§7: 发文机关标志 35 mm below the top of the text block, 发文字号
 * centred under it, a red line, page numbers on every page) or `letter` 信函格式 (§10.1: the issuer's
 * full name with a red double line 4 mm below it, thick over thin, 170 mm long; 发文字号 flush right under
 * that line; a second red double line, thin over thick, 20 mm above the bottom edge of the first page,
 * which shows no page number).
 */
export type DocumentFormat = 'document' | 'letter';

/** How one kind of letter is laid out: each module declares it once per kind, in a table of its letters. */
export interface LetterLayout {
  format: DocumentFormat;
  sealed: boolean;
}

/** The person a letter names for questions (经办人): the user who issued it and a telephone. */
export interface LetterContact {
  name: string;
  /** The user's own telephone, else the org's office telephone; null only on letters issued before telephones were kept. */
  telephone: string | null;
}

/** The 附注 naming the contact: `联系人：张三，联系电话：0931-1234567` (联系人 only without a telephone). */
export function contactNote(contact: LetterContact): string {
  const name = clean(contact.name).trim();
  const tel = contact.telephone ? clean(contact.telephone).trim() : '';
  return tel ? `联系人：${name}，联系电话：${tel}` : `联系人：${name}`;
}

export interface OfficialDocument {
  /** 文件格式 (default) or 信函格式. */
  format?: DocumentFormat;
  /**
   * 加盖印章的公文 (§7.3.5.1): 成文日期 右空四字, 发文机关署名 centred over it, and two clear lines above
   * the 署名 where the seal's upper half sits (its top within a line of the body), the seal pressing on
   * 署名 and 日期. The end of the body is kept on the page of the seal, so the seal never stands alone on
   * a page. Default false: 署名 右空二字 one line below the body, 日期 two characters right of it (§7.3.5.2).
   */
  sealed?: boolean;
  /** 附注 (§7.3.6), e.g. {@link contactNote}: on the line after the 成文日期, 左空二字, in full-width parentheses. */
  note?: string;
  /** 发文机关标志, e.g. "兰台市档案局文件"; printed red, with the red separator line below the 版头. */
  issuer?: string;
  /** 发文字号, e.g. "兰档发〔2024〕15号"; normalised with {@link normalizeDocNumber}. */
  docNumber?: string;
  /** 标题. "\n" breaks the title into lines. */
  title: string;
  /** 主送机关; a trailing full-width colon is added when missing. */
  recipient?: string;
  blocks: Block[];
  /** 发文机关署名. */
  signature?: string;
  /** 成文日期, YYYY-MM-DD; printed as 2024年1月2日. */
  date?: string;
  /** 附件 names, listed after the body as 附件：1.××. */
  attachments?: string[];
}

export interface RenderOptions {
  /**
   * Number headings (一、 （一） 1. （1）) automatically. A heading whose text already starts with the
   * marker of its level is left as it is. Default true.
   */
  numberHeadings?: boolean;
  /** Size of the 发文机关标志 in points. Default: as large as fits one line, between 22 and 42 pt. */
  issuerFontSizePt?: number;
  /** Font size of table text in points. Default 12 (小四). */
  tableFontSizePt?: number;
}

// ---------------------------------------------------------------------------------------------
// Document numbers and dates
// ---------------------------------------------------------------------------------------------

const OPEN_BRACKETS = '〔﹝[［【(（';
const CLOSE_BRACKETS = '〕﹞]］】)）';
const BRACKET_CHARS = new Set([...OPEN_BRACKETS, ...CLOSE_BRACKETS, '〕', '〔']);

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function checkPrefix(prefix: string): string {
  const p = prefix.replace(/\s+/gu, '');
  if (p === '') throw new Error('发文字号缺少机关代字');
  for (const ch of p) {
    if (BRACKET_CHARS.has(ch)) throw new Error(`发文字号的机关代字不能含有括号：“${prefix}”`);
  }
  return p;
}

/**
 * 发文字号 as GB/T 9704 writes it: 机关代字〔年份〕序号号, the full year in 六角括号 and the sequence
 * number without leading zeros or 第. `formatDocNumber('档发', 2024, 15)` → `档发〔2024〕15号`.
 */
export function formatDocNumber(prefix: string, year: number, seq: number): string {
  const p = checkPrefix(prefix);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new Error(`发文字号年份应为四位数字：${String(year)}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new Error(`发文字号序号应为正整数：${String(seq)}`);
  }
  return `${p}〔${year}〕${seq}号`;
}

const DOC_NUMBER_RE = new RegExp(`^(.+?)[${escapeForClass(OPEN_BRACKETS)}]([0-9]+)[${escapeForClass(CLOSE_BRACKETS)}]第?([0-9]+)号?$`, 'u');

function escapeForClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, (c) => `\\${c}`);
}

/**
 * Normalises a 发文字号 typed or imported in a variant form: 〔〕, ﹝﹞, [], ［］, 【】, () or （）
 * around the year become 〔〕, leading zeros (and a 第) before the sequence number are dropped,
 * full-width digits and spaces are folded, and a missing trailing 号 is added.
 * `'档发[2024]015号'` → `'档发〔2024〕15号'`. Throws an Error when the text is not of the form
 * 机关代字 + bracketed four-digit year + sequence number.
 */
export function normalizeDocNumber(text: string): string {
  const compact = toAsciiDigits(text.normalize('NFC')).replace(/\s+/gu, '');
  const m = DOC_NUMBER_RE.exec(compact);
  if (!m) throw new Error(`发文字号格式不正确：“${text}”，应为“机关代字〔2024〕15号”`);
  const [, prefix = '', year = '', seq = ''] = m;
  if (!/^[0-9]{4}$/.test(year) || year.startsWith('0')) {
    throw new Error(`发文字号格式不正确：“${text}”，年份应为四位数字`);
  }
  const n = Number(seq);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`发文字号格式不正确：“${text}”，序号应为正整数`);
  }
  return formatDocNumber(prefix, Number(year), n);
}

/**
 * 成文日期 in Arabic numerals without leading zeros: `formatChineseDate('2024-01-02')` → `2024年1月2日`.
 * Accepts a calendar date YYYY-MM-DD (no time, no time zone); throws on anything else or an
 * impossible date such as 2023-02-29.
 */
export function formatChineseDate(date: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  if (!m) throw new Error(`日期格式不正确：“${date}”，应为 YYYY-MM-DD`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new Error(`日期不存在：“${date}”`);
  }
  return `${y}年${mo}月${d}日`;
}

// ---------------------------------------------------------------------------------------------
// Heading numbers
// ---------------------------------------------------------------------------------------------

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Chinese numeral as used in 公文 heading markers: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new Error(`无法转换为中文数字：${String(n)}`);
  if (n < 10) return CN_DIGITS[n] ?? '';
  if (n < 20) return `十${n % 10 === 0 ? '' : (CN_DIGITS[n % 10] ?? '')}`;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? '';
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += (CN_DIGITS[d] ?? '') + unit;
  });
  return out;
}

const CN_NUM = '[一二三四五六七八九十百千零〇]+';
const HEADING_MARKERS: Record<HeadingKind, RegExp> = {
  heading1: new RegExp(`^${CN_NUM}、`, 'u'),
  heading2: new RegExp(`^[（(]${CN_NUM}[）)]`, 'u'),
  heading3: /^[0-9]+[.．]/u,
  heading4: /^[（(][0-9]+[）)]/u,
};

function headingMarker(kind: HeadingKind, n: number): string {
  switch (kind) {
    case 'heading1':
      return `${toChineseNumeral(n)}、`;
    case 'heading2':
      return `（${toChineseNumeral(n)}）`;
    case 'heading3':
      return `${n}.`;
    case 'heading4':
      return `（${n}）`;
  }
}

// ---------------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------------

function fontOf(name: string): IRunStylePropertiesOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const NO_INDENT = { firstLine: 0, firstLineChars: 0 } as const;
const TWO_CHAR_INDENT = { firstLineChars: 200, firstLine: Math.round(2 * CHAR_TWIPS) } as const;

/** Style ids used in the document, exported so tests and callers can find paragraphs. */
export const GBT9704_STYLES = Object.freeze({
  body: 'Normal',
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  issuer: 'GwIssuer',
  docNumber: 'GwDocNumber',
  recipient: 'GwRecipient',
  attachment: 'GwAttachment',
  note: 'GwNote',
  signature: 'GwSignature',
  date: 'GwDate',
  tableCaption: 'GwTableCaption',
  tableText: 'GwTableText',
  pageNumber: 'GwPageNumber',
});

function headingStyle(id: string, name: string, font: string, outlineLevel: number): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    paragraph: { outlineLevel, keepNext: true, keepLines: true },
    run: { font: fontOf(font), size: BODY_SIZE_PT * 2, characterSpacing: BODY_CHAR_SPACING, bold: false, color: '000000' },
  };
}

function buildStyles(tableSizePt: number): IStylesOptions {
  const S = GBT9704_STYLES;
  return {
    default: {
      document: {
        run: {
          font: fontOf(GBT9704_FONTS.fangsong),
          size: BODY_SIZE_PT * 2,
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles: [
      {
        id: S.body,
        name: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: EXACT_LINE, indent: TWO_CHAR_INDENT },
        run: { font: fontOf(GBT9704_FONTS.fangsong), size: BODY_SIZE_PT * 2, characterSpacing: BODY_CHAR_SPACING },
      },
      {
        id: S.title,
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, keepNext: true, keepLines: true },
        run: { font: fontOf(GBT9704_FONTS.xiaobiaosong), size: 44, bold: false, color: '000000' },
      },
      headingStyle(S.heading1, 'heading 1', GBT9704_FONTS.heiti, 0),
      headingStyle(S.heading2, 'heading 2', GBT9704_FONTS.kaiti, 1),
      headingStyle(S.heading3, 'heading 3', GBT9704_FONTS.fangsong, 2),
      headingStyle(S.heading4, 'heading 4', GBT9704_FONTS.fangsong, 3),
      {
        id: S.issuer,
        name: '发文机关标志',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT },
        run: { font: fontOf(GBT9704_FONTS.xiaobiaosong), color: RED },
      },
      {
        id: S.docNumber,
        name: '发文字号',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT },
      },
      {
        id: S.recipient,
        name: '主送机关',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT },
      },
      {
        id: S.attachment,
        name: '附件说明',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT },
      },
      {
        id: S.note,
        name: '附注',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.LEFT, indent: TWO_CHAR_INDENT },
      },
      {
        id: S.signature,
        name: '发文机关署名',
        basedOn: 'Normal',
        next: S.date,
        paragraph: { alignment: AlignmentType.RIGHT, indent: NO_INDENT, keepNext: true },
      },
      {
        id: S.date,
        name: '成文日期',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.RIGHT, indent: NO_INDENT },
      },
      {
        id: S.tableCaption,
        name: '表格标题',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, keepNext: true },
        run: { font: fontOf(GBT9704_FONTS.heiti) },
      },
      {
        id: S.tableText,
        name: '表格文字',
        basedOn: 'Normal',
        paragraph: {
          alignment: AlignmentType.LEFT,
          indent: NO_INDENT,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        },
        run: { size: Math.round(tableSizePt * 2) },
      },
      {
        id: S.pageNumber,
        name: '页码',
        basedOn: 'Normal',
        paragraph: {
          indent: NO_INDENT,
          spacing: { line: PAGE_NUMBER_SIZE_PT * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
        run: { font: fontOf(GBT9704_FONTS.songti), size: PAGE_NUMBER_SIZE_PT * 2 },
      },
    ],
  };
}

/** CT_PPrBase elements that come after `w:snapToGrid`. */
const PPR_AFTER_SNAP_TO_GRID = [
  'w:spacing',
  'w:ind',
  'w:contextualSpacing',
  'w:mirrorIndents',
  'w:suppressOverlap',
  'w:jc',
  'w:textDirection',
  'w:textAlignment',
  'w:textboxTightWrap',
  'w:outlineLvl',
  'w:divId',
  'w:cnfStyle',
  'w:rPr',
  'w:sectPr',
  'w:pPrChange',
] as const;

/** CT_RPr elements that come after `w:spacing`. */
const RPR_AFTER_SPACING = [
  'w:w',
  'w:kern',
  'w:position',
  'w:sz',
  'w:szCs',
  'w:highlight',
  'w:u',
  'w:effect',
  'w:bdr',
  'w:shd',
  'w:fitText',
  'w:vertAlign',
  'w:rtl',
  'w:cs',
  'w:em',
  'w:lang',
  'w:eastAsianLayout',
  'w:specVanish',
  'w:oMath',
  'w:rPrChange',
] as const;

/** Styles based on Normal whose text is not 16 pt and so must not inherit its condensed spacing. */
const UNCONDENSED_STYLES = [GBT9704_STYLES.title, GBT9704_STYLES.issuer, GBT9704_STYLES.tableText, GBT9704_STYLES.pageNumber] as const;

/**
 * Inserts `element` into the `w:pPr` or `w:rPr` of style `styleId`, before the first child named in
 * `before` (the elements the schema puts after it) or else at the end. Throws when the style or the
 * container is missing or the element is already there.
 */
function insertStyleProperty(stylesXml: string, styleId: string, container: 'w:pPr' | 'w:rPr', element: string, before: readonly string[]): string {
  const start = stylesXml.search(new RegExp(`<w:style [^>]*w:styleId="${styleId}"[ >]`));
  const end = start < 0 ? -1 : stylesXml.indexOf('</w:style>', start);
  const open = start < 0 ? -1 : stylesXml.indexOf(`<${container}>`, start);
  const close = open < 0 ? -1 : stylesXml.indexOf(`</${container}>`, open);
  if (start < 0 || open < 0 || close < 0 || close > end) {
    throw new Error(`styles.xml: style ${styleId} has no ${container}`);
  }
  const inner = stylesXml.slice(open, close);
  const name = /^<([\w:]+)/.exec(element)?.[1] ?? '';
  if (inner.includes(`<${name} `) || inner.includes(`<${name}/>`)) {
    throw new Error(`styles.xml: style ${styleId} already has ${name}`);
  }
  const next = [...inner.matchAll(/<([\w:]+)[ />]/g)].find((m) => before.includes(m[1] ?? ''));
  const at = next ? open + (next.index ?? 0) : close;
  return stylesXml.slice(0, at) + element + stylesXml.slice(at);
}

/**
 * Adds to styles.xml what docx cannot write: `w:snapToGrid w:val="0"` in Normal's paragraph properties
 * (docx writes only the run-level element, which LibreOffice ignores), so that LibreOffice, like Word,
 * does not round exactly spaced lines up to whole grid lines; and `w:spacing w:val="0"` in the run
 * properties of {@link UNCONDENSED_STYLES} (docx drops a character spacing of 0), so that they do not
 * inherit Normal's condensing.
 */
function patchStylesXml(stylesXml: string): string {
  let xml = insertStyleProperty(stylesXml, GBT9704_STYLES.body, 'w:pPr', '<w:snapToGrid w:val="0"/>', PPR_AFTER_SNAP_TO_GRID);
  for (const id of UNCONDENSED_STYLES) {
    xml = insertStyleProperty(xml, id, 'w:rPr', '<w:spacing w:val="0"/>', RPR_AFTER_SPACING);
  }
  return xml;
}

function fontTableXml(): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${esc(f.name)}"><w:altName w:val="${esc(f.altName)}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/** Drops characters XML 1.0 cannot carry and turns tabs into spaces. */
function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Width in grid characters: CJK and full-width forms count 1, other characters ½ (半角). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const full = isWideChar(cp) || cp === 0x2014;
    w += full ? 1 : 0.5;
  }
  return w;
}

function charsToTwips(chars: number): number {
  return Math.round(chars * CHAR_TWIPS);
}

type RunFormat = Omit<IRunOptions, 'text' | 'children' | 'break'>;

function runsWithBreaks(text: string, format: RunFormat = {}): TextRun[] {
  return clean(text)
    .split('\n')
    .map((line, i) => new TextRun({ ...format, text: line, ...(i === 0 ? {} : { break: 1 }) }));
}

function styled(style: string, text: string): Paragraph {
  return new Paragraph({ style, widowControl: false, children: runsWithBreaks(text) });
}

function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ style: GBT9704_STYLES.body, widowControl: false, indent: NO_INDENT, ...(keepNext ? { keepNext } : {}), children: [] });
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function issuerParagraph(issuer: string, sizePt: number, separator: boolean): Paragraph {
  const lineTwips = Math.round(sizePt * 20 * 1.15);
  return new Paragraph({
    style: GBT9704_STYLES.issuer,
    widowControl: false,
    // 发文机关标志上边缘至版心上边缘为 35 mm (下行文).
    spacing: { before: mmToTwips(35), after: 0, line: lineTwips, lineRule: LineRuleType.EXACT },
    ...(separator ? { border: { bottom: redRule() } } : {}),
    children: [new TextRun({ text: clean(issuer), size: Math.round(sizePt * 2) })],
  });
}

/**
 * 信函格式's 发文机关标志 (§10.1): the issuer's full name at the top of the text block (the standard's
 * 30 mm from the top edge would need the header; the text block starts at 37 mm), with the upper red
 * double line (thick over thin) 4 mm under it, 170 mm long.
 */
function letterIssuerParagraph(issuer: string, sizePt: number): Paragraph {
  const lineTwips = Math.round(sizePt * 20 * 1.15);
  return new Paragraph({
    style: GBT9704_STYLES.issuer,
    widowControl: false,
    spacing: { before: 0, after: 0, line: lineTwips, lineRule: LineRuleType.EXACT },
    indent: { left: -LETTER_RULE_OVERHANG, right: -LETTER_RULE_OVERHANG, firstLine: 0, firstLineChars: 0 },
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, color: RED, size: LETTER_RULE_SIZE, space: LETTER_RULE_SPACE_PT } },
    children: [new TextRun({ text: clean(issuer), size: Math.round(sizePt * 2) })],
  });
}

/** The red separator, the width of the text block, about 4 mm under the 发文字号. */
function redRule(): { style: typeof BorderStyle.SINGLE; color: string; size: number; space: number } {
  return { style: BorderStyle.SINGLE, color: RED, size: 12, space: 4 };
}

function defaultIssuerSize(issuer: string): number {
  const width = Math.max(1, displayWidth(issuer));
  const fit = Math.floor((0.9 * TEXT_WIDTH) / 20 / width);
  return Math.min(42, Math.max(22, fit));
}

/** A table; `keepWithNext`: its last row (and the blank line after it) stay on the page of what follows. */
function tableBlock(block: TableBlock, tableSizePt: number, keepWithNext = false): (Paragraph | Table)[] {
  if (block.columns.length === 0) throw new Error('表格至少需要一列');
  const n = block.columns.length;
  const cellText = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : clean(v));
  block.rows.forEach((row, i) => {
    if (row.length > n) throw new Error(`表格第 ${i + 1} 行有 ${row.length} 个单元格，多于 ${n} 列`);
  });
  // Column widths in proportion to their widest content, within bounds.
  const weights = block.columns.map((header, c) => {
    let w = displayWidth(header);
    for (const row of block.rows) w = Math.max(w, displayWidth(cellText(row[c])));
    return Math.min(Math.max(w, 2), 16);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1] = TEXT_WIDTH - widths.slice(0, -1).reduce((a, b) => a + b, 0);

  const size = Math.round(tableSizePt * 2);
  const cell = (text: string, width: number, header: boolean, numeric: boolean): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          style: GBT9704_STYLES.tableText,
          alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: runsWithBreaks(text, header ? { font: fontOf(GBT9704_FONTS.heiti), size } : {}),
        }),
      ],
    });
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((h, c) => cell(clean(h), widths[c] ?? 0, true, false)),
  });
  const bodyRows = block.rows.map(
    (row, i) =>
      new TableRow({
        cantSplit: true,
        ...(keepWithNext && i === block.rows.length - 1 ? { keepNext: true } : {}),
        children: block.columns.map((_, c) => {
          const v = row[c];
          return cell(cellText(v), widths[c] ?? 0, false, typeof v === 'number');
        }),
      }),
  );
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [headerRow, ...bodyRows],
  });
  const out: (Paragraph | Table)[] = [];
  if (block.caption) out.push(styled(GBT9704_STYLES.tableCaption, block.caption));
  out.push(table, blankLine(keepWithNext));
  return out;
}

/**
 * The body. `keepEndWithNext` (a sealed document): the last paragraph (or the last table row) is kept
 * on the page of what follows, so that the seal never stands on a page without body text.
 */
function bodyChildren(
  doc: OfficialDocument,
  opts: Required<Pick<RenderOptions, 'numberHeadings' | 'tableFontSizePt'>>,
  keepEndWithNext: boolean,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const counters: Record<HeadingKind, number> = { heading1: 0, heading2: 0, heading3: 0, heading4: 0 };
  const order: HeadingKind[] = ['heading1', 'heading2', 'heading3', 'heading4'];
  doc.blocks.forEach((block, b) => {
    const last = keepEndWithNext && b === doc.blocks.length - 1;
    if (block.kind === 'table') {
      out.push(...tableBlock(block, opts.tableFontSizePt, last));
      return;
    }
    if (block.kind === 'paragraph') {
      const lines = clean(block.text).split('\n');
      lines.forEach((line, i) => {
        const keepNext = last && i === lines.length - 1;
        out.push(new Paragraph({ style: GBT9704_STYLES.body, widowControl: false, ...(keepNext ? { keepNext } : {}), children: [new TextRun(line.trim())] }));
      });
      return;
    }
    const level = order.indexOf(block.kind);
    counters[block.kind] += 1;
    for (const deeper of order.slice(level + 1)) counters[deeper] = 0;
    const text = clean(block.text).replace(/\n+/g, ' ').trim();
    const numbered = opts.numberHeadings && !HEADING_MARKERS[block.kind].test(text) ? headingMarker(block.kind, counters[block.kind]) + text : text;
    out.push(new Paragraph({ style: GBT9704_STYLES[block.kind], widowControl: false, children: [new TextRun(numbered)] }));
  });
  return out;
}

/** 附件说明; `keepNext` (a sealed document): kept with the 署名 below, as the seal's top is within a line of it. */
function attachmentParagraphs(attachments: readonly string[], keepNext = false): Paragraph[] {
  const keep = keepNext ? { keepNext } : {};
  const names = attachments
    .map((a) =>
      clean(a)
        .replace(/\s+/gu, ' ')
        .trim()
        .replace(/[。．.，,；;：:、]+$/u, ''),
    )
    .filter((a) => a !== '');
  if (names.length === 0) return [];
  const label = '附件：';
  if (names.length === 1) {
    // 左空二字编排"附件"二字，后标全角冒号和附件名称；回行与附件名称首字对齐.
    const hang = charsToTwips(3);
    return [
      blankLine(keepNext),
      new Paragraph({
        style: GBT9704_STYLES.attachment,
        widowControl: false,
        ...keep,
        indent: { left: charsToTwips(2) + hang, hanging: hang, firstLineChars: 0 },
        children: [new TextRun(label + names[0])],
      }),
    ];
  }
  const out: Paragraph[] = [blankLine(keepNext)];
  names.forEach((name, i) => {
    const marker = `${i + 1}.`;
    const markerWidth = displayWidth(marker);
    // Names align with the first name's first character: 2 (左空) + 3 (附件：) + marker.
    const left = charsToTwips(2 + 3 + markerWidth);
    const firstLineStart = i === 0 ? charsToTwips(2) : charsToTwips(2 + 3);
    out.push(
      new Paragraph({
        style: GBT9704_STYLES.attachment,
        widowControl: false,
        ...keep,
        indent: { left, hanging: left - firstLineStart, firstLineChars: 0 },
        children: [new TextRun((i === 0 ? label : '') + marker + name)],
      }),
    );
  });
  return out;
}

/**
 * 发文机关署名 and 成文日期. Without a seal (GB/T 9704 7.3.5.2): the signature one line below the body,
 * 右空二字; the date on the next line, its first character two characters right of the signature's;
 * when the date would then come closer than two characters to the right edge, the date is set 右空二字
 * and the signature moves right to keep the two-character step. Sealed (7.3.5.1): two clear lines for
 * the seal's upper half, then the signature centred over the date, the date 右空四字; the lines are
 * kept together (and with the end of the body, see {@link bodyChildren}). `keepWithNote`: the date is
 * kept on the page of the 附注 after it.
 */
function closingParagraphs(signature: string | undefined, date: string | undefined, sealed: boolean, keepWithNote: boolean): Paragraph[] {
  const sig = signature ? clean(signature).trim() : '';
  const dateText = date ? formatChineseDate(date) : '';
  if (!sig && !dateText) return [];
  const out: Paragraph[] = sealed ? Array.from({ length: SEAL_LINES_ABOVE }, () => blankLine(true)) : [blankLine()];
  const line = (style: string, text: string, right: number, keepNext: boolean): Paragraph =>
    new Paragraph({
      style,
      widowControl: false,
      ...(keepNext ? { keepNext } : {}),
      indent: { ...NO_INDENT, right: charsToTwips(right) },
      children: [new TextRun(text)],
    });
  if (sig && dateText) {
    const ws = displayWidth(sig);
    const wd = displayWidth(dateText);
    let sigRight: number;
    let dateRight: number;
    if (sealed) {
      // 以成文日期为准居中编排发文机关署名: both centred on the same column.
      dateRight = SEALED_DATE_RIGHT;
      sigRight = Math.max(0, dateRight + (wd - ws) / 2);
    } else {
      sigRight = 2;
      dateRight = ws - wd;
      if (dateRight < 2) {
        dateRight = 2;
        sigRight = wd + 4 - ws;
      }
    }
    out.push(line(GBT9704_STYLES.signature, sig, sigRight, true), line(GBT9704_STYLES.date, dateText, dateRight, keepWithNote));
  } else {
    const id = sig ? GBT9704_STYLES.signature : GBT9704_STYLES.date;
    out.push(line(id, sig || dateText, sealed ? SEALED_DATE_RIGHT : 2, keepWithNote));
  }
  return out;
}

/** 附注 (7.3.6): 居左空二字, in full-width parentheses (added unless the text has them). */
function noteParagraph(note: string): Paragraph | null {
  // One line: lines joined by 「；」 unless a line already ends in punctuation.
  const text = clean(note)
    .trim()
    .replace(/([，；。、：,;:]?)\s*\n\s*/gu, (_, p: string) => p || '；');
  if (!text) return null;
  const inner = text.replace(/^[（(]\s*/u, '').replace(/\s*[）)]$/u, '');
  return new Paragraph({ style: GBT9704_STYLES.note, widowControl: false, children: [new TextRun(`（${inner}）`)] });
}

/** `raise`: twips of space under the number (信函格式's footers sit 20 mm up; the numbers stay where 文件格式 puts them). */
function pageNumberFooter(side: 'odd' | 'even', raise = 0): Footer {
  const oneChar = PAGE_NUMBER_SIZE_PT * 20; // 空一字 of 4号
  return new Footer({
    children: [
      new Paragraph({
        style: GBT9704_STYLES.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { ...NO_INDENT, right: oneChar } : { ...NO_INDENT, left: oneChar },
        ...(raise ? { spacing: { after: raise } } : {}),
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** 信函格式's first page: no page number; the lower red double line (thin over thick), 170 mm, 20 mm above the bottom edge. */
function letterFirstPageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: GBT9704_STYLES.pageNumber,
        spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
        indent: { left: -LETTER_RULE_OVERHANG, right: -LETTER_RULE_OVERHANG, firstLine: 0, firstLineChars: 0 },
        border: { top: { style: BorderStyle.THIN_THICK_SMALL_GAP, color: RED, size: LETTER_RULE_SIZE, space: 0 } },
        children: [],
      }),
    ],
  });
}

/**
 * Builds the docx `Document` (exported for callers who want to pack it themselves; note that only
 * {@link renderOfficialDocx} adds the font table and the style patches of {@link patchStylesXml}).
 */
export function buildOfficialDocument(doc: OfficialDocument, options: RenderOptions = {}): Document {
  if (!doc.title || clean(doc.title).trim() === '') throw new Error('公文标题不能为空');
  const numberHeadings = options.numberHeadings ?? true;
  const tableFontSizePt = options.tableFontSizePt ?? 12;
  if (!(tableFontSizePt >= 5 && tableFontSizePt <= 22)) throw new Error(`表格字号超出范围：${tableFontSizePt}`);

  const children: (Paragraph | Table)[] = [];
  const docNumber = doc.docNumber ? normalizeDocNumber(doc.docNumber) : undefined;
  const issuer = doc.issuer ? clean(doc.issuer).trim() : '';
  const letter = (doc.format ?? 'document') === 'letter';
  const sealed = doc.sealed ?? false;
  const issuerSize = (): number => {
    const size = options.issuerFontSizePt ?? defaultIssuerSize(issuer);
    if (!(size >= 10 && size <= 100)) throw new Error(`发文机关标志字号超出范围：${size}`);
    return size;
  };

  if (letter) {
    // 信函格式: the issuer's full name over the red double line; 发文字号 flush right under the line; the title two lines below.
    if (!issuer) throw new Error('信函格式须有发文机关标志（发文机关全称）');
    children.push(letterIssuerParagraph(issuer, issuerSize()));
    if (docNumber) {
      children.push(
        new Paragraph({
          style: GBT9704_STYLES.docNumber,
          widowControl: false,
          alignment: AlignmentType.RIGHT,
          children: [new TextRun(docNumber)],
        }),
      );
    }
    children.push(blankLine(), blankLine());
  } else if (issuer) {
    children.push(issuerParagraph(issuer, issuerSize(), !docNumber));
    if (docNumber) {
      // 发文字号：发文机关标志下空二行，居中；其下 4 mm 为红色分隔线.
      children.push(blankLine(), blankLine());
      children.push(new Paragraph({ style: GBT9704_STYLES.docNumber, widowControl: false, border: { bottom: redRule() }, children: [new TextRun(docNumber)] }));
    }
    // 标题：红色分隔线下空二行.
    children.push(blankLine(), blankLine());
  } else if (docNumber) {
    children.push(new Paragraph({ style: GBT9704_STYLES.docNumber, widowControl: false, children: [new TextRun(docNumber)] }), blankLine());
  }

  children.push(styled(GBT9704_STYLES.title, doc.title.trim()));

  if (doc.recipient && clean(doc.recipient).trim() !== '') {
    // 主送机关：标题下空一行，居左顶格，最后标全角冒号.
    const r =
      clean(doc.recipient)
        .trim()
        .replace(/[:：]+$/u, '') + '：';
    children.push(blankLine(), styled(GBT9704_STYLES.recipient, r));
  } else {
    children.push(blankLine());
  }

  const note = doc.note ? noteParagraph(doc.note) : null;
  const closing = closingParagraphs(doc.signature, doc.date, sealed, !!note);
  const keepWithSeal = sealed && closing.length > 0;
  children.push(...bodyChildren(doc, { numberHeadings, tableFontSizePt }, keepWithSeal));
  children.push(...attachmentParagraphs(doc.attachments ?? [], keepWithSeal));
  children.push(...closing);
  if (note) children.push(note);

  const creator = clean(doc.signature ?? '').trim() || issuer || '兰台';
  return new Document({
    title: clean(doc.title).replace(/\n/g, ''),
    creator,
    evenAndOddHeaderAndFooters: true,
    styles: buildStyles(tableFontSizePt),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: MARGIN_TOP,
              right: MARGIN_RIGHT,
              bottom: MARGIN_BOTTOM,
              left: MARGIN_LEFT,
              header: HEADER_DISTANCE,
              footer: letter ? LETTER_FOOTER_DISTANCE : FOOTER_DISTANCE,
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
          ...(letter ? { titlePage: true } : {}),
        },
        footers: letter
          ? {
              first: letterFirstPageFooter(),
              default: pageNumberFooter('odd', FOOTER_DISTANCE - LETTER_FOOTER_DISTANCE),
              even: pageNumberFooter('even', FOOTER_DISTANCE - LETTER_FOOTER_DISTANCE),
            }
          : { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/**
 * Renders an official document to .docx bytes: the packed {@link buildOfficialDocument} with the font
 * table and the style properties docx cannot write ({@link patchStylesXml}).
 */
export async function renderOfficialDocx(doc: OfficialDocument, options: RenderOptions = {}): Promise<Buffer> {
  const document = buildOfficialDocument(doc, options);
  const packed = await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  const zip = await JSZip.loadAsync(packed);
  const styles = zip.file('word/styles.xml');
  if (!styles) throw new Error('docx package without word/styles.xml');
  zip.file('word/styles.xml', patchStylesXml(await styles.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
