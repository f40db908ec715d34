/**
 * Contracts of a kind of document's 机关代字 (发文字号 机关代字〔年份〕序号号): the body of a change and the
 * answer of every module's doc-settings endpoint. Zod only, so modules' contracts and the web use it.
 */
import { z } from 'zod';

/** The request body of a change. */
export const DocPrefixInput = z.object({
  prefix: z
    .string('机关代字必填')
    .trim()
    .min(1, '机关代字必填')
    .max(20, '机关代字不能超过 20 个字')
    .regex(/^[^\s〔〕﹝﹞[\]［］【】()（）]+$/u, '机关代字不能含有空格或括号'),
});
export type DocPrefixInput = z.infer<typeof DocPrefixInput>;

/** The org's 机关代字 of one kind, its default, and an example number of this year. */
export const DocPrefixSettings = z.object({ prefix: z.string(), default: z.string(), example: z.string() });
export type DocPrefixSettings = z.infer<typeof DocPrefixSettings>;
