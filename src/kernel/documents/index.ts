export {
  GBT9704_FONTS,
  GBT9704_LAYOUT,
  GBT9704_STYLES,
  buildOfficialDocument,
  displayWidth,
  formatChineseDate,
  formatDocNumber,
  mmToTwips,
  normalizeDocNumber,
  renderOfficialDocx,
  toChineseNumeral,
} from './gbt9704.js';
export type { Block, HeadingKind, OfficialDocument, RenderOptions, TableBlock, TextBlock } from './gbt9704.js';
export { INVALID_XLSX_MESSAGE, readSheet, safeSheetName, writeSheet } from './xlsx.js';
export type { CellPlain, ReadSheetOptions, ReadSheetResult, ReadSheetRow, SheetColumn, WriteSheetInput } from './xlsx.js';
export { DocPrefixInput, defaultDocPrefix, docPrefixOf, getDocPrefixSettings, putDocPrefixSettings } from './doc-prefix.js';
export type { DocPrefixKind } from './doc-prefix.js';
