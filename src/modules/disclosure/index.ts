/**
 * Public face of the information-disclosure module (政府信息公开, SPEC module 5): applications under
 * the statutory clock, bulk import, letters (.docx), fees, the proactive-disclosure register, the
 * annual-report tables with checks and drill-down and the report (.docx), the portal; and the pure
 * domain core: the outcome taxonomy, the annual-report templates, their checks and their
 * computation from records, section 二 from the register, and the information-processing fee.
 */
export { disclosureRoutes } from './routes.js';
export { disclosureAnnualReports, disclosureApplications, disclosureLetters, disclosureRegister, disclosureReportNarratives } from './schema.js';
export {
  APPLICANT_TYPE_GROUP,
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type ApplicantType,
  type Channel,
  CHANNEL_DEFS,
  CHANNEL_LABELS,
  type ChannelDef,
  CHANNELS,
  isApplicantType,
  isChannel,
  isOutcomeCode,
  OUTCOME_BY_CODE,
  OUTCOME_CODES,
  OUTCOME_GROUP_LABELS,
  OUTCOME_GROUPS,
  type OutcomeCode,
  type OutcomeDef,
  type OutcomeGroup,
  OUTCOMES,
  type ReceiptEvent,
  receiptDate,
} from './outcomes.js';
export {
  checkTemplateMatchesYear,
  DISPUTE_KINDS,
  type DisputeKind,
  FIRST_REPORT_YEAR,
  getTemplate,
  isTemplateId,
  type Labelled,
  type ReportTemplate,
  rowForOutcome,
  SECTION3_COLUMN_KEYS,
  SECTION3_COLUMN_LABELS,
  SECTION3_COLUMNS,
  SECTION4_COLUMN_KEYS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  type Section2Block,
  type Section3Column,
  type Section3ColumnKey,
  type Section3Row,
  type Section3RowKind,
  type Section4ColumnKey,
  type Section4Group,
  TEMPLATE_IDS,
  type TemplateId,
  type TemplateRef,
  TEMPLATES,
  templateForYear,
  type TemplateYearCheck,
  valueRows,
} from './report-templates.js';
export {
  type CellRef,
  type CellValue,
  cellId,
  type CheckFailure,
  type CheckResult,
  type CheckRule,
  checkSection3,
  checkSection4,
  failingCells,
  type Section3Table,
  type Section4Table,
  section4Row,
} from './report-checks.js';
export {
  type Application,
  type Cell,
  computeSection3,
  computeSection4,
  type Dispute,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_OUTCOMES,
  type DisputeOutcome,
  type Section3Computed,
  type Section4Computed,
  section3Values,
  section4Values,
} from './report-compute.js';
export { FEE_INPUT_MAX, FEE_RULES_EFFECTIVE_FROM, FEE_RULES_SOURCE, type FeeBand, feeByItem, feeByPage, type FeeResult } from './fees.js';
export { LETTER_KINDS, LETTER_TITLES, type LetterKind, REMEDIES, replyParagraphs } from './letters.js';
export {
  computeSection2,
  PROACTIVE_PERIOD,
  REGISTER_CATEGORIES,
  REGISTER_CATEGORY_BY_KEY,
  REGISTER_ENTRY_KINDS,
  type RegisterCategoryDef,
  type RegisterEntry,
  type RegisterEntryKind,
  type Section2Computed,
  section2Cell,
} from './register.js';
