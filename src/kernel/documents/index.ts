export {
  GBT9704_FONTS,
  GBT9704_LAYOUT,
  GBT9704_STYLES,
  buildOfficialDocument,
  contactNote,
  displayWidth,
  formatChineseDate,
  formatDocNumber,
  mmToTwips,
  normalizeDocNumber,
  renderOfficialDocx,
  toChineseNumeral,
} from './gbt9704.js';
export type { Block, DocumentFormat, HeadingKind, LetterContact, LetterLayout, OfficialDocument, RenderOptions, TableBlock, TextBlock } from './gbt9704.js';
export {
  INVALID_XLSX_MESSAGE,
  XLSX_READING_DEFAULTS,
  configureXlsxReading,
  readSheet,
  readSheetGrid,
  safeSheetName,
  writeSheet,
  writeWorkbook,
} from './xlsx.js';
export type { CellPlain, GridSheet, ReadSheetOptions, ReadSheetResult, ReadSheetRow, SheetColumn, WriteSheetInput, XlsxReading } from './xlsx.js';
export { DocPrefixInput, defaultDocPrefix, docPrefixOf, getDocPrefixSettings, putDocPrefixSettings } from './doc-prefix.js';
export type { DocPrefixKind } from './doc-prefix.js';
export { formatRecordCode, nextDocNumber, nextRecordCode, nextSequence } from './numbering.js';
