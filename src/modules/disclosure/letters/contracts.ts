/**
 * Contracts of the letters area: the .docx letters of an application and those issued so far, the
 * 机关代字 of their numbers, and the 复议机关 / court their remedies name. Zod only.
 */
import { z } from 'zod';
import { fileResponse, PageQuery, paged } from '../../../kernel/http/responses.js';
import { LETTER_KINDS } from '../labels.js';

export const LetterParams = z.object({
  id: z.uuid('ID 格式不正确'),
  kind: z.enum(LETTER_KINDS, '文书类别应为 receipt、correction、extension、consultation、reply 或 fee'),
});
export const LetterQuery = z.object({ consultationId: z.uuid('征求意见 ID 格式不正确').optional() });

export const LetterFile = fileResponse('文书（.docx，GB/T 9704 排版）');

/** A letter issued (numbered) for an application. */
export const IssuedLetter = z.object({
  kind: z.enum(LETTER_KINDS),
  title: z.string(),
  consultationId: z.string().nullable(),
  docNumber: z.string(),
  issuedOn: z.string(),
});
export type IssuedLetter = z.infer<typeof IssuedLetter>;
/** A page of an application's issued letters, in number order. */
export const IssuedLetters = paged(IssuedLetter);
export type IssuedLetters = z.infer<typeof IssuedLetters>;
export const IssuedLettersQuery = PageQuery;
export type IssuedLettersQuery = z.infer<typeof IssuedLettersQuery>;

/** The 机关代字 of the letters' numbers: the org's, its default, and this year's first number as an example (the kernel's shape). */
export { DocPrefixSettings as LetterPrefixSettings } from '../../../kernel/documents/contracts.js';

/** 复议机关 and court named in the letters' remedies (行政复议法 2023 第二十条、第二十三条、第二十四条). */
export const RemedySettingsInput = z.object({
  reviewOrgan: z.string('行政复议机关应为文字').trim().max(100, '行政复议机关名称不能超过 100 个字').optional(),
  court: z.string('人民法院应为文字').trim().max(100, '人民法院名称不能超过 100 个字').optional(),
});
export type RemedySettingsInput = z.infer<typeof RemedySettingsInput>;

const RemedyOrgans = z.object({ reviewOrgan: z.string(), court: z.string() });

/** The org's organs, their defaults (from its name and level) and the sentences a reply would say. */
export const RemedySettings = RemedyOrgans.extend({
  defaults: RemedyOrgans,
  examples: z.object({ refusal: z.array(z.string()), other: z.array(z.string()) }),
});
export type RemedySettings = z.infer<typeof RemedySettings>;
