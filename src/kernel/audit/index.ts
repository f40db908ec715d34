export { recordEvent, recordEvents, auditSnapshot, AuditTamperedError, type AuditInput } from './recorder.js';
export { verifyAudit, type VerifyResult, type BrokenEvent, type VerifyOptions } from './verify.js';
export { canonicalJson, eventHash, GENESIS_HASH } from './hash.js';
export { loadCheckpointKey, checkpointKeyId } from './key.js';
export { checkpointMessage, signCheckpoint, checkpointSignatureValid, CHECKPOINT_FORMAT, type CheckpointRecord } from './signature.js';
export { writeCheckpoints, listCheckpoints } from './checkpoints.service.js';
