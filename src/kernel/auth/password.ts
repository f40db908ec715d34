import { hash, verify } from '@node-rs/argon2';
import crypto from 'node:crypto';

/** argon2id with OWASP-recommended parameters (19 MiB, 2 iterations). */
const OPTS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (pw: string) => hash(pw, OPTS);
export const verifyPassword = (stored: string, pw: string) => verify(stored, pw).catch(() => false);

/**
 * Password policy: at least 10 characters from at least 3 of 4 classes (lower, upper, digit, other).
 * Returns a Chinese message when the password fails, else null.
 */
export function passwordProblem(pw: string): string | null {
  if (pw.length < 10) return '密码至少 10 位';
  if (pw.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少 3 类';
  return null;
}

/** A random 16-character password that satisfies the policy (shown once to the admin). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789#%+=@!';
  for (;;) {
    const pw = Array.from(crypto.randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
    if (passwordProblem(pw) === null && /[^A-Za-z0-9]/.test(pw)) return pw;
  }
}
