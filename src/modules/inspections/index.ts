/** Public face of the inspections module (行政检查, 双随机一公开): the draw and grading cores, routes, demo data. */
export {
  DRAW_ALGORITHM,
  DrawError,
  compareUtf8,
  drawSeed,
  listHash,
  newEntropy,
  runDraw,
  selectK,
  sortIds,
  stratumSeed,
  teamSeed,
  verifyDraw,
} from './draw.js';
export type {
  DrawCheck,
  DrawErrorCode,
  DrawInput,
  DrawVerification,
  PublishedDraw,
  PublishedStratum,
  PublishedTeam,
  StratumInput,
  TeamInput,
} from './draw.js';
export { DEFAULT_THRESHOLDS, GRADE_LABELS, GradingError, ITEM_RESULT_LABELS, gradeEvaluation, percent } from './grading.js';
export type {
  EvaluationGrade,
  EvaluationInput,
  EvaluationItem,
  Grade,
  GradeLabel,
  GradeThresholds,
  GradingErrorCode,
  ItemResult,
} from './grading.js';
export { inspectionRoutes } from './routes.js';
export { loadInspectionDemo } from './demo.js';
export { AREAS, AREA_LABELS, CHECKLIST_KINDS, CHECKLIST_KIND_LABELS, DRAW_STATUS_LABELS } from './contracts.js';
export { applyExclusions, inspectionHistory, monthsBefore } from './pool.js';
export type { ExclusionRules, Exclusion, PoolUnit, UnitHistory } from './pool.js';
export {
  INSPECTION_FLOW,
  INSPECTION_STATUSES,
  INSPECTION_STATUS_LABELS,
  allowedActions,
  certificateProblem,
  latestNoticeDate,
  recordClockSpec,
  rectificationClockSpec,
  transitionProblem,
} from './loop.js';
export type { FlowActionName, InspectionStatus, OnSiteRecord, RectificationItem } from './loop.js';
export { imageType, PHOTO_TYPE_MESSAGE } from './record.service.js';
