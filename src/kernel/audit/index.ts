export { recordEvent, recordEvents, auditSnapshot, type AuditInput } from './recorder.js';
export { verifyAudit, type VerifyResult, type BrokenEvent } from './verify.js';
export { canonicalJson, eventHash, GENESIS_HASH } from './hash.js';
