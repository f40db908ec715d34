import { hash, verify } from '@node-rs/argon2';
import crypto from 'node:crypto';
import { passwordProblem } from '../contracts.js';

/** argon2id with OWASP-recommended parameters (19 MiB, 2 iterations). */
const OPTS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (pw: string) => hash(pw, OPTS);
export const verifyPassword = (stored: string, pw: string) => verify(stored, pw).catch(() => false);

/** The password policy (shared with the web's forms through the kernel's contracts). */
export { passwordProblem };

/** A random 16-character password that satisfies the policy (shown once to the admin). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789#%+=@!';
  for (;;) {
    const pw = Array.from(crypto.randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
    if (passwordProblem(pw) === null && /[^A-Za-z0-9]/.test(pw)) return pw;
  }
}
