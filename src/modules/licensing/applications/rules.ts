/**
 * Pure rules of an application beyond its clocks: masking, tracking codes, and what a user may do to it
 * now (`allowedActions`, sent to the page so it offers only what the services accept — the same
 * conditions they check).
 */
import crypto from 'node:crypto';
import { publicPartyName } from '../../../kernel/masking.js';
import type { ApplicantAction, ApplicationAction } from '../labels.js';
import type { ApplicationRow } from '../schema.js';
import { awaitingCorrection, openExclusion } from './clock.js';

/** 3201**********1234: first 4 and last 4 characters kept (shorter numbers keep less). */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return null;
  const n = idNumber.length;
  const keep = n >= 12 ? 4 : n >= 6 ? 2 : 0;
  return idNumber.slice(0, keep) + '*'.repeat(n - 2 * keep) + (keep ? idNumber.slice(n - keep) : '');
}

/** A person's name as the portal publishes it (张** ); an organisation's stays whole (the kernel's one rule, shared with penalty decisions). */
export function publicApplicantName(type: string, name: string): string {
  return publicPartyName(type, name);
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Public tracking code (查询码): XK + 10 random characters without look-alikes. */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(10);
  let s = 'XK';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return s;
}

/** The audit snapshot: the identity number masked there too; no letters yet, no 文书 field. */
export function auditView(r: ApplicationRow) {
  const { letters, ...rest } = r;
  return { ...rest, idNumber: maskIdNumber(r.idNumber), ...(Object.keys(letters ?? {}).length ? { letters } : {}) };
}

/** Who is asking, as far as the actions depend on it. */
export interface ActingUser {
  /** The application belongs to the user's own org (descendants are read-only). */
  own: boolean;
  /** The desk (`licensing.handle`). */
  handle: boolean;
  /** The head who approves an extension (`licensing.approve`). */
  approve: boolean;
}

/** The required materials of the guide not yet in hand (a checklist at the desk, uploaded files online). */
export function missingMaterials(required: readonly string[], r: Pick<ApplicationRow, 'materials'>, uploaded: readonly string[] = []): string[] {
  const have = new Set([...r.materials.filter((m) => m.received).map((m) => m.name), ...uploaded]);
  return required.filter((name) => !have.has(name));
}

/**
 * What the user may do to the application as it reads now (a due deemed acceptance applied), in the
 * order the page offers them.
 */
export function allowedActions(r: ApplicationRow, who: ActingUser): ApplicationAction[] {
  if (!who.own || r.withdrawnOn) return [];
  const out: ApplicationAction[] = [];
  if (r.decidedOn) {
    if (!who.handle || r.source === 'import') return [];
    if (r.result === 'granted' && !r.certificateIssuedOn) out.push('certificate');
    if (!r.publishedOn) out.push('publish');
    return out;
  }
  if (!who.handle && !who.approve) return [];
  if (!r.acceptedOn) {
    if (!who.handle) return [];
    if (awaitingCorrection(r)) out.push('corrected');
    else {
      out.push('accept');
      if (!r.correctionSentOn) out.push('correction');
    }
    out.push('withdraw');
    return out;
  }
  const open = openExclusion(r);
  if (who.handle) {
    if (open) out.push('exclusionEnd');
    else out.push('exclusionStart');
    if (!r.extensionApprovedOn && !r.extensionRequestedOn) out.push('extensionRequest');
  }
  if (who.approve && !r.extensionApprovedOn && r.extensionRequestedOn) out.push('extensionDecision');
  if (who.handle) {
    if (!open) out.push('decision');
    out.push('withdraw');
  }
  return out;
}

/**
 * What the applicant may do on the portal now (the row as it reads, a due deemed acceptance applied):
 * before the decision, withdraw; while a correction list awaits the materials, hand them in.
 */
export function applicantActions(r: Pick<ApplicationRow, 'withdrawnOn' | 'decidedOn' | 'correctionSentOn' | 'correctedOn'>): ApplicantAction[] {
  if (r.withdrawnOn || r.decidedOn) return [];
  return awaitingCorrection(r) ? ['correct', 'withdraw'] : ['withdraw'];
}
