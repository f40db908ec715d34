/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
 * the last is a check character: weights 3^i mod 31, C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0.
 */
export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function creditCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CREDIT_ALPHABET[c === 31 ? 0 : c]!;
}

/** Null when valid, else the Chinese reason. Input is normalised (trimmed, upper-cased) by the caller. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为 18 位，实为 ${code.length} 位`;
  const bad = [...code].findIndex((ch) => !CREDIT_ALPHABET.includes(ch));
  if (bad >= 0) return `第 ${bad + 1} 位“${code[bad]}”不是有效字符（不使用 I、O、S、V、Z）`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '第 3–8 位应为行政区划码（6 位数字）';
  const expected = creditCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return `校验位错误：第 18 位应为“${expected}”`;
  return null;
}

export const normalizeCreditCode = (s: string) => s.trim().toUpperCase();

/** Make a valid code from a registration prefix ('11' = 机关, '12' = 事业单位, '91' = 企业…), region and serial. */
export function makeCreditCode(prefix: string, region: string, serial: number): string {
  const body = `${prefix}${region}${serial.toString(36).toUpperCase().padStart(9, '0')}`.replace(
    /[IOSVZ]/g,
    (ch) => ({ I: '1', O: '0', S: '5', V: 'U', Z: '2' })[ch]!,
  );
  return body + creditCheckChar(body)!;
}
