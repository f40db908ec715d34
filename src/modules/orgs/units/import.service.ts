/**
 * Spreadsheet import and export of the regulated-unit directory (检查对象名录库).
 *
 * The import takes the filled template (.xlsx, Chinese headings) or a JSON array for integrations
 * (field names or the same headings), all or nothing: every row is checked first (required fields,
 * 统一社会信用代码 check character, type and risk labels, duplicates inside the file and against the
 * org's units) and any problem refuses the whole import, each one named by row and column heading;
 * otherwise the units go in with multi-row INSERTs and one audit event per unit, in one transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvents } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { conflict, fieldError, validation } from '../../../kernel/http/errors.js';
import { headingsToFields, importRefused, textOf, type ImportRow } from '../../../kernel/http/import-rows.js';
import { importTemplate } from '../../../kernel/documents/import-template.js';
import { writeSheet } from '../../../kernel/documents/index.js';
import { isUniqueViolation } from '../../../kernel/db/errors.js';
import { RISK_TIERS, RISK_TIER_LABELS, UNIT_STATUS_LABELS, UNIT_TYPES, UNIT_TYPE_LABELS, type RiskTier, type UnitType } from '../labels.js';
import { units } from '../schema.js';
import { creditCodeProblem, makeCreditCode, normalizeCreditCode } from './credit-code.js';
import { UNIT_IMPORT_COLUMNS, UNIT_SHEET_HEADERS, UnitInput, type UnitImportResult, type UnitListQuery } from './contracts.js';
import { UNIT_CREDIT_CONSTRAINT, allUnits, presentUnit } from './units.service.js';

/** Most data rows one import may carry. */
export const MAX_UNIT_IMPORT_ROWS = 20_000;

type Field = keyof typeof UNIT_IMPORT_COLUMNS;

/** Headings the .xlsx may carry (heading → field): the template's. */
export const UNIT_IMPORT_ALIASES = headingsToFields(UNIT_IMPORT_COLUMNS);

const REQUIRED_FIELDS = ['name', 'creditCode', 'type'] as const satisfies readonly Field[];
const TYPE_NAMES = UNIT_TYPES.map((t) => UNIT_TYPE_LABELS[t]);
const RISK_NAMES = RISK_TIERS.map((t) => RISK_TIER_LABELS[t]);
const TYPE_BY_LABEL = new Map<string, UnitType>(UNIT_TYPES.flatMap((t) => [[UNIT_TYPE_LABELS[t], t] as const, [t, t] as const]));
const RISK_BY_LABEL = new Map<string, RiskTier>(RISK_TIERS.flatMap((t) => [[RISK_TIER_LABELS[t], t] as const, [t, t] as const]));

/** The import template: Chinese headings, dropdowns of 单位类型 and 风险等级 (listed on 可选值), the rules, an example the import skips. */
export function unitImportTemplate(): Promise<{ buffer: Buffer; fileName: string }> {
  const h = UNIT_IMPORT_COLUMNS;
  return importTemplate({
    sheetName: '检查对象',
    fileName: '检查对象名录导入模板.xlsx',
    maxRows: MAX_UNIT_IMPORT_ROWS,
    columns: [
      { header: h.name, required: true, note: '单位全称，不超过 100 个字。', width: 32 },
      {
        header: h.creditCode,
        required: true,
        text: true,
        note: '18 位，按 GB 32100-2015 校验第 18 位校验码，不使用字母 I、O、S、V、Z；本机构名录中已有的代码不能再导入，同一文件中也不能重复。',
        width: 24,
      },
      { header: h.type, required: true, allowed: TYPE_NAMES, width: 14 },
      { header: h.industry, note: '不超过 60 个字。', width: 14 },
      { header: h.address, note: '不超过 200 个字。', width: 30 },
      { header: h.contactName, note: '不超过 40 个字。' },
      { header: h.contactPhone, text: true, note: '5–20 位数字，可含 + - ( ) 和空格。', width: 16 },
      { header: h.riskTier, allowed: RISK_NAMES, note: '不填为“一般风险”。', width: 12 },
    ],
    examples: [
      {
        [h.name]: '某某档案数字化服务有限公司',
        [h.creditCode]: makeCreditCode('91', '110100', 1_234_567),
        [h.type]: UNIT_TYPE_LABELS.archive_service,
        [h.industry]: '档案服务',
        [h.address]: '某某市某某区人民路 1 号',
        [h.contactName]: '张三',
        [h.contactPhone]: '010-12345678',
        [h.riskTier]: RISK_TIER_LABELS.medium,
      },
    ],
    notes: [
      ['全部成功或全部不写入', '任何一行有误，整批都不会导入；系统列出每个有误的行号、列和原因，改正后重新上传即可。'],
      ['已在名录中的单位', '修改已登记单位的信息请在“检查对象名录”中编辑该单位，不要重复导入。'],
    ],
  });
}

interface GoodRow {
  row: number;
  name: string;
  creditCode: string;
  type: UnitType;
  industry: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  riskTier: RiskTier;
}

export interface UnitRowError {
  row: number;
  field: Field | '(行)';
  value: unknown;
  reason: string;
}

const FIELD_ORDER = new Map<string, number>(Object.keys(UNIT_IMPORT_COLUMNS).map((f, i) => [f, i]));
const byRowAndColumn = (a: UnitRowError, b: UnitRowError) => a.row - b.row || (FIELD_ORDER.get(a.field) ?? -1) - (FIELD_ORDER.get(b.field) ?? -1);

/** Checks every row by itself and against the rows above it; returns the parsed rows or the list of problems. */
export function checkUnitRows(rows: ImportRow[]): { good: GoodRow[]; errors: UnitRowError[] } {
  const errors: UnitRowError[] = [];
  const good: GoodRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const { row, values } of rows) {
    const fail = (field: UnitRowError['field'], value: unknown, reason: string) =>
      errors.push({ row, field, value: value === undefined ? null : value, reason });
    if ('__notObject' in values) {
      fail('(行)', values.__notObject, '每行应为一个 JSON 对象');
      continue;
    }
    const n = errors.length;

    // 统一社会信用代码
    const rawCode = textOf(values.creditCode);
    let creditCode: string | null = null;
    if (rawCode === null) fail('creditCode', values.creditCode, '请填写统一社会信用代码');
    else {
      const code = normalizeCreditCode(rawCode).replace(/\s+/gu, '');
      const problem = creditCodeProblem(code);
      if (problem) fail('creditCode', rawCode, problem + (typeof values.creditCode === 'number' ? '（单元格为数字格式，请先设为“文本”格式再填写）' : ''));
      else {
        const first = firstRowOfCode.get(code);
        if (first !== undefined) fail('creditCode', rawCode, `与第 ${first} 行的统一社会信用代码重复`);
        else firstRowOfCode.set(code, row);
        creditCode = code;
      }
    }

    // 单位类型
    const typeText = textOf(values.type);
    const type = typeText === null ? undefined : TYPE_BY_LABEL.get(typeText);
    if (typeText === null) fail('type', values.type, '请填写单位类型');
    else if (!type) fail('type', typeText, `未知的单位类型“${typeText}”，应为：${TYPE_NAMES.join('、')}`);

    // 风险等级 (blank → 一般风险)
    const riskText = textOf(values.riskTier);
    const riskTier = riskText === null ? 'medium' : RISK_BY_LABEL.get(riskText);
    if (!riskTier) fail('riskTier', riskText, `未知的风险等级“${riskText}”，应为：${RISK_NAMES.join('、')}（不填为一般风险）`);

    // The other fields by the same rules as the form (UnitInput).
    const parsed = UnitInput.safeParse({
      name: textOf(values.name) ?? '',
      creditCode: creditCode ?? '',
      type: type ?? 'agency',
      industry: textOf(values.industry),
      address: textOf(values.address),
      contactName: textOf(values.contactName),
      contactPhone: textOf(values.contactPhone),
      riskTier: riskTier ?? 'medium',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        if (field === 'creditCode' || field === 'type' || field === 'riskTier' || !(field in UNIT_IMPORT_COLUMNS)) continue;
        const heading = UNIT_IMPORT_COLUMNS[field];
        const reason = issue.code === 'too_big' ? `${heading}不能超过 ${String((issue as { maximum?: unknown }).maximum)} 个字` : issue.message;
        fail(field, textOf(values[field]), reason);
      }
    }

    if (errors.length === n && parsed.success && creditCode && type && riskTier) {
      const d = parsed.data;
      good.push({
        row,
        name: d.name,
        creditCode,
        type,
        industry: d.industry ?? null,
        address: d.address ?? null,
        contactName: d.contactName ?? null,
        contactPhone: d.contactPhone ?? null,
        riskTier,
      });
    }
  }
  return { good, errors };
}

/** credit code → unit name, for the org's units among `codes`. */
async function existingCodes(ctx: Ctx, orgId: string, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 5000) {
    const chunk = codes.slice(i, i + 5000);
    const rows = await ctx.db
      .select({ creditCode: units.creditCode, name: units.name })
      .from(units)
      .where(and(eq(units.orgId, orgId), inArray(units.creditCode, chunk)));
    for (const r of rows) out.set(r.creditCode, r.name);
  }
  return out;
}

/**
 * Imports the rows into the actor's org, all or nothing. A refusal (HTTP 422) lists every problem
 * by row and column heading. `fileName` comes with an uploaded .xlsx: its headings are checked, and
 * the name goes into each unit's audit event.
 */
export async function importUnits(ctx: ActorCtx, rows: ImportRow[], fileName?: string): Promise<UnitImportResult> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'unit.write', { orgId, orgPath: ctx.actor.orgPath });
  if (rows.length === 0) throw validation('没有可导入的数据行（以“（示例）”开头的行不会导入）', { body: '没有数据行' });
  if (fileName) {
    // Every row of a sheet carries its headings: a sheet not made from the template is named as such, not row by row.
    const missing = REQUIRED_FIELDS.filter((f) => !(f in rows[0]!.values)).map((f) => UNIT_IMPORT_COLUMNS[f]);
    if (missing.length) throw fieldError('file', `第 1 行缺少表头：${missing.join('、')}。请使用“下载导入模板”中的表头`);
  }
  const { good, errors } = checkUnitRows(rows);
  try {
    return await inTx(ctx, async (tx) => {
      // Units the org already has (checked even when other rows are wrong, so one refusal names every problem).
      const existing = await existingCodes(
        tx,
        orgId,
        good.map((g) => g.creditCode),
      );
      for (const g of good) {
        const name = existing.get(g.creditCode);
        if (name !== undefined) errors.push({ row: g.row, field: 'creditCode', value: g.creditCode, reason: `本机构已有该统一社会信用代码的单位：${name}` });
      }
      if (errors.length) throw importRefused(errors.sort(byRowAndColumn), rows.length, UNIT_IMPORT_COLUMNS);

      const now = tx.now();
      const inserted: (typeof units.$inferSelect)[] = [];
      for (let i = 0; i < good.length; i += 1000) {
        const chunk = good.slice(i, i + 1000).map((g) => ({
          orgId,
          name: g.name,
          creditCode: g.creditCode,
          type: g.type,
          industry: g.industry,
          address: g.address,
          contactName: g.contactName,
          contactPhone: g.contactPhone,
          riskTier: g.riskTier,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        }));
        inserted.push(...(await tx.db.insert(units).values(chunk).returning()));
      }
      await recordEvents(
        tx,
        inserted.map((u) => ({ orgId, action: 'unit.import', entityType: 'unit', entityId: u.id, after: { ...u, ...(fileName ? { fileName } : {}) } })),
      );
      return { created: inserted.length };
    });
  } catch (e) {
    if (isUniqueViolation(e, UNIT_CREDIT_CONSTRAINT)) throw conflict('导入期间本机构新增了统一社会信用代码相同的单位，请重新导入');
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

const SHEET_COLUMNS = UNIT_SHEET_HEADERS.map((h) => ({ header: h, key: h }));

/** All units matching the list filters, under the import headers (so an export can be re-imported). */
export async function exportUnits(ctx: ActorCtx, q: UnitListQuery): Promise<{ buffer: Buffer; fileName: string }> {
  const { org, rows } = await allUnits(ctx, q);
  const buffer = await writeSheet({
    sheetName: '检查对象',
    columns: [...SHEET_COLUMNS, { header: '状态', key: '状态' }],
    rows: rows.map((r) => {
      const u = presentUnit(r);
      const h = UNIT_IMPORT_COLUMNS;
      return {
        [h.name]: u.name,
        [h.creditCode]: u.creditCode,
        [h.type]: u.typeLabel,
        [h.industry]: u.industry,
        [h.address]: u.address,
        [h.contactName]: u.contactName,
        [h.contactPhone]: u.contactPhone,
        [h.riskTier]: u.riskTierLabel,
        状态: UNIT_STATUS_LABELS[u.status] ?? u.status,
      };
    }),
  });
  const day = todayInChina(ctx.now()).replace(/-/g, '');
  return { buffer, fileName: `检查对象名录-${org.name}-${day}.xlsx` };
}
