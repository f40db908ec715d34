/**
 * What a public page may show of a person (个人信息保护法第二十五条; 国办发〔2018〕118号: results are
 * published with personal data masked): a person's name keeps the surname only, an organisation's name
 * stays whole. One helper for every portal list (licensing decisions, penalty decisions), no module rules.
 */

/** 张三 → 张*, 欧阳娜娜 → 欧***: the first character kept, every other one a star (at least one star). */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (!chars.length) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** A party's name as the portal publishes it: a person's (`individual`) masked, a unit's whole. */
export function publicPartyName(kind: string, name: string): string {
  return kind === 'individual' ? maskPersonName(name) : name;
}
