/**
 * 救济途径 in a disclosure reply (行政复议法 2023 第二十条、第二十三条、第二十四条; 行政诉讼法第四十五条、
 * 第四十六条; RULES.md §6). The letter names the 行政复议机关 and the court — org settings whose
 * defaults come from the bureau's name and level like the 机关代字 (营口市档案局 → 营口市人民政府;
 * a county bureau → XX县人民政府 and XX县人民法院; a city or province bureau names no single court by
 * default, the admin sets it). A refusal to disclose (every 不予公开 outcome and the refused part of
 * 部分公开) must go to reconsideration first (第二十三条第一款第（四）项、第二款); other outcomes keep the
 * choice of reconsideration within 60 days or litigation within 6 months. Pure: the org's settings
 * are read and written in remedy.service.ts.
 */
import type { OutcomeCode } from '../labels.js';

export const REVIEW_ORGAN_KEY = 'disclosureReviewOrgan';
export const COURT_KEY = 'disclosureCourt';

export const REVIEW_LAW = '《中华人民共和国行政复议法》';
export const LITIGATION_LAW = '《中华人民共和国行政诉讼法》';

export interface RemedyOrgans {
  /** 行政复议机关, e.g. 营口市人民政府. */
  reviewOrgan: string;
  /** The court, e.g. 盖县人民法院. */
  court: string;
}

const DIVISION_END = /(?:省|自治区|特别行政区|市|自治州|州|地区|盟|县|自治县|区|旗|自治旗)$/u;

/**
 * The administrative division a bureau serves, from its name: the text before 档案 when it ends in
 * a division word (营口市档案局 → 营口市, 新疆维吾尔自治区档案局 → 新疆维吾尔自治区); null otherwise.
 */
export function placeOf(orgName: string): string | null {
  const name = orgName.trim();
  const i = name.indexOf('档案');
  const head = (i > 0 ? name.slice(0, i) : name).trim();
  return DIVISION_END.test(head) ? head : null;
}

/**
 * Default 复议机关 and court: the 人民政府 of the bureau's own level (第二十四条第一款第（一）项); for a
 * county-level bureau its 基层人民法院 (XX县人民法院; a 区 under a city carries the city's name, as
 * district governments and courts do: 营口市老边区人民法院). A city or province bureau is sued before
 * a 基层人民法院 of its seat — often a court designated for administrative cases — so the default
 * names the place and leaves the exact court to the admin.
 */
export function defaultRemedyOrgans(org: { name: string; level: string }, parent?: { name: string } | null): RemedyOrgans {
  let place = placeOf(org.name);
  if (!place) return { reviewOrgan: '本级人民政府', court: '有管辖权的人民法院' };
  const parentPlace = parent ? placeOf(parent.name) : null;
  if (org.level === 'county' && place.endsWith('区') && parentPlace && !place.startsWith(parentPlace)) place = `${parentPlace}${place}`;
  const reviewOrgan = `${place}人民政府`;
  if (org.level === 'county') return { reviewOrgan, court: `${place}人民法院` };
  return { reviewOrgan, court: `${place}有管辖权的基层人民法院` };
}

// ---------------------------------------------------------------------------------------------
// The sentences

/** Which remedy a reply gives: reconsideration first (不予公开), both (部分公开), or the choice. */
export type RemedyKind = 'review_first' | 'partial' | 'choice';

export function remedyKindOf(outcome: OutcomeCode): RemedyKind {
  if (outcome === 'partial') return 'partial';
  if (outcome.startsWith('withheld.')) return 'review_first';
  return 'choice';
}

const CHOICE_BASIS = `（${REVIEW_LAW}第二十条第一款，${LITIGATION_LAW}第四十六条第一款）`;

/** 行政复议法第二十条第一款 (60 days) or 行政诉讼法第四十六条第一款 (6 months), at the applicant's choice. */
const choice = (o: RemedyOrgans) =>
  `可以自收到本答复书之日起60日内向${o.reviewOrgan}申请行政复议，也可以自收到本答复书之日起6个月内向${o.court}提起行政诉讼${CHOICE_BASIS}。`;

/** 行政复议法第二十三条第一款第（四）项、第二款 and 行政诉讼法第四十五条. */
const reviewFirst = (o: RemedyOrgans) =>
  `应当先申请行政复议（${REVIEW_LAW}第二十三条第一款第（四）项、第二款）：可以自收到本答复书之日起60日内向${o.reviewOrgan}申请行政复议；` +
  `对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向${o.court}提起行政诉讼，${o.reviewOrgan}逾期不作行政复议决定的，可以自行政复议期限届满之日起15日内提起行政诉讼（${LITIGATION_LAW}第四十五条）。`;

/**
 * The remedy paragraphs of a reply letter for `outcome`, addressed to `you` (你 / 你单位), naming the
 * org's 复议机关 and court.
 */
export function remedySentences(outcome: OutcomeCode, you: string, organs: RemedyOrgans): string[] {
  switch (remedyKindOf(outcome)) {
    case 'review_first':
      return [`${you}如对本答复不服，${reviewFirst(organs)}未经行政复议的，不能直接向人民法院提起行政诉讼。`];
    case 'partial':
      return [
        `${you}如对本答复中不予公开的部分不服，${reviewFirst(organs)}未经行政复议的，不能就该部分直接向人民法院提起行政诉讼。`,
        `${you}如对本答复的其他内容不服，${choice(organs)}`,
      ];
    case 'choice':
      return [`${you}如对本答复不服，${choice(organs)}`];
  }
}
