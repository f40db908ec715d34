/** Public face of the inspections module (行政检查, 双随机一公开): so far its pure domain core. */
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
