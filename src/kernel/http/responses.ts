/**
 * Response shapes every module uses in its contracts. Imports zod only (no server code), so contract
 * files that use these stay importable by the web.
 */
import { z } from 'zod';

/** `{"ok": true}` of a write that returns nothing else. */
export const Ok = z.object({ ok: z.literal(true) });

/** A page of a list: the items, the total over every page, the page asked for. */
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** The largest page any list answers (a hard limit: a larger `pageSize` is refused with 400). */
export const MAX_PAGE_SIZE = 200;

/**
 * `page` (from 1) and `pageSize` (default 20, at most MAX_PAGE_SIZE) of a list's query string; a list
 * extends it with its filters: `PageQuery.extend({ status: … })`.
 */
export const PageQuery = z.object({
  page: z.coerce.number({ error: '页码必须是数字' }).int('页码必须是整数').min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce
    .number({ error: '每页条数必须是数字' })
    .int('每页条数必须是整数')
    .min(1, '每页至少 1 条')
    .max(MAX_PAGE_SIZE, `每页最多 ${MAX_PAGE_SIZE} 条`)
    .default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A yes/no query parameter: `true`/`1` → true; `false`/`0`/absent → false. */
export const QueryFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'], { error: '应为 true 或 false' })])
  .optional()
  .transform((v) => v === true || v === 'true' || v === '1');

/** LIMIT and OFFSET of a page. */
export const limitOffset = (q: PageQuery) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** `{"items": […]}` of a list that is small by nature (a record's own parts, settings): not paged. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A downloaded file (.docx, .xlsx, .pdf, an image): described for OpenAPI; the bytes are sent as they are. */
export const fileResponse = (description: string) => z.string().describe(description);

/** `{"error": {"code", "message", "fields"?}}`: every refusal. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional(), details: z.unknown().optional() }),
});

/** An ISO timestamp as the API sends it (JSON has no Date). */
export const Timestamp = z.string();
/** A `YYYY-MM-DD` date. */
export const Day = z.string();
