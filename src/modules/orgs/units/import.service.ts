/**
 * Spreadsheet import and export of the regulated-unit directory (检查对象名录库).
 *
 * Import is two steps and writes no unit until confirmed: the upload is parsed and every row
 * checked (required fields, 统一社会信用代码 check character, type and risk labels, duplicates inside
 * the file and against the org's units); the valid rows are kept in a pending `import_batches` row
 * and the errors returned by spreadsheet row and column. Confirming inserts the valid rows in one
 * transaction, re-checking duplicates, with one audit event per unit plus one for the batch.
 */
import { newWorkbook } from '../../../kernel/documents/xlsx.js';
import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { inTx, type ActorCtx, type Ctx } from '../../../kernel/context.js';
import { recordEvent, recordEvents } from '../../../kernel/audit/index.js';
import { authorize } from '../../../kernel/auth/policy.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { AppError, conflict, fieldError, notFound, validation } from '../../../kernel/http/errors.js';
import { INVALID_XLSX_MESSAGE, readSheet, writeSheet } from '../../../kernel/documents/index.js';
import { importBatches } from '../../../kernel/schema.js';
import { RISK_TIERS, RISK_TIER_LABELS, UNIT_STATUS_LABELS, UNIT_TYPES, UNIT_TYPE_LABELS, type RiskTier, type UnitType } from '../labels.js';
import { units } from '../schema.js';
import { creditCodeProblem, makeCreditCode, normalizeCreditCode } from './credit-code.js';
import { UNIT_SHEET_HEADERS, UNIT_SHEET_REQUIRED, UnitInput, type UnitImportError, type UnitImportPreview, type UnitListQuery } from './contracts.js';
import { UNIT_CREDIT_CONSTRAINT, allUnits, presentUnit } from './units.service.js';
import { isUniqueViolation } from '../../../kernel/db/errors.js';

export const UNIT_IMPORT_KIND = 'unit';
/** Most data rows one upload may carry. */
export const MAX_IMPORT_ROWS = 20_000;
const EXAMPLE_MARK = /^[（(]示例[）)]/u;

type Header = (typeof UNIT_SHEET_HEADERS)[number];

/** Field of UnitInput → its column header. */
const FIELD_HEADER = {
  name: '单位名称',
  creditCode: '统一社会信用代码',
  type: '单位类型',
  industry: '所属行业',
  address: '地址',
  contactName: '联系人',
  contactPhone: '联系电话',
  riskTier: '风险等级',
} as const satisfies Record<string, Header>;

/** A valid row as kept in the pending batch. */
interface StoredRow {
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

const TYPE_BY_LABEL = new Map<string, UnitType>(UNIT_TYPES.flatMap((t) => [[UNIT_TYPE_LABELS[t], t] as const, [t, t] as const]));
const RISK_BY_LABEL = new Map<string, RiskTier>(RISK_TIERS.flatMap((t) => [[RISK_TIER_LABELS[t], t] as const, [t, t] as const]));

function cellText(v: string | number | Date | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  return s === '' ? null : s;
}

const unsupported = (message: string) => new AppError('unsupported_media_type', message);

/** Why a file of this name is not taken as an .xlsx ('' = the request carried no file at all), or null. */
function xlsxNameProblem(fileName: string): string | null {
  if (!fileName) return '请以 multipart/form-data 方式上传 .xlsx 文件（表单字段 file）';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls') || lower.endsWith('.et') || lower.endsWith('.csv')) {
    return `不支持“${fileName}”的文件格式：请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再上传`;
  }
  if (!lower.endsWith('.xlsx')) return `只能上传 Excel（.xlsx）文件，“${fileName}”不是 .xlsx 文件`;
  return null;
}

/** The 415 message of an upload whose first bytes are not a zip: by its name first, then by its content. */
export const notXlsxMessage = (fileName: string): string => xlsxNameProblem(fileName) ?? `${INVALID_XLSX_MESSAGE}：“${fileName}”的内容不是 .xlsx 格式`;

/** Is this upload an .xlsx (by name and by its zip signature)? Throws 415 when not. */
export function assertXlsx(fileName: string, data: Buffer): void {
  const problem = xlsxNameProblem(fileName) ?? (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50 ? notXlsxMessage(fileName) : null);
  if (problem) throw unsupported(problem);
}

/**
 * Step 1: parse and check the upload, keep the valid rows in a pending batch (a write, recorded),
 * and report every problem by spreadsheet row and column.
 */
export async function previewUnitImport(ctx: ActorCtx, file: { fileName: string; data: Buffer }): Promise<UnitImportPreview> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'unit.write', { orgId, orgPath: ctx.actor.orgPath });
  assertXlsx(file.fileName, file.data);

  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(file.data, { maxRows: MAX_IMPORT_ROWS });
  } catch (e) {
    if (e instanceof AppError) throw e; // too big to read (413), too many reads at once (503)
    const message = e instanceof Error ? e.message : String(e);
    if (message === INVALID_XLSX_MESSAGE) throw unsupported(`${INVALID_XLSX_MESSAGE}：“${file.fileName}”无法打开，文件可能已损坏`);
    throw validation(`无法读取文件：${message}`, { file: message });
  }
  const missing = UNIT_SHEET_REQUIRED.filter((h) => !sheet.headers.includes(h));
  if (missing.length) {
    throw fieldError('file', `第 1 行缺少表头：${missing.join('、')}。请使用“下载导入模板”中的表头`);
  }
  if (sheet.rows.length === 0) throw fieldError('file', '文件中没有数据行');

  const errors: UnitImportError[] = [];
  const candidates: StoredRow[] = [];
  const firstRowOfCode = new Map<string, number>();

  for (const { rowNumber, values } of sheet.rows) {
    const rowErrors: UnitImportError[] = [];
    const text = (h: Header) => cellText(values[h]);
    const fail = (h: Header, reason: string) => rowErrors.push({ row: rowNumber, column: h, value: text(h), reason });

    // 统一社会信用代码
    const rawCode = text('统一社会信用代码');
    let creditCode: string | null = null;
    if (rawCode === null) fail('统一社会信用代码', '请填写统一社会信用代码');
    else {
      const code = normalizeCreditCode(rawCode).replace(/\s+/gu, '');
      const problem = creditCodeProblem(code);
      if (problem) {
        const hint = typeof values['统一社会信用代码'] === 'number' ? '（单元格为数字格式，请先设为“文本”格式再填写）' : '';
        fail('统一社会信用代码', problem + hint);
      } else {
        const first = firstRowOfCode.get(code);
        if (first !== undefined) fail('统一社会信用代码', `与第 ${first} 行的统一社会信用代码重复`);
        else firstRowOfCode.set(code, rowNumber);
        creditCode = code;
      }
    }

    // 单位类型
    const typeText = text('单位类型');
    const type = typeText === null ? undefined : TYPE_BY_LABEL.get(typeText);
    if (typeText === null) fail('单位类型', '请填写单位类型');
    else if (!type) fail('单位类型', `未知的单位类型“${typeText}”，应为：${UNIT_TYPES.map((t) => UNIT_TYPE_LABELS[t]).join('、')}`);

    // 风险等级 (blank → 一般风险)
    const riskText = text('风险等级');
    const riskTier = riskText === null ? 'medium' : RISK_BY_LABEL.get(riskText);
    if (!riskTier) fail('风险等级', `未知的风险等级“${riskText}”，应为：${RISK_TIERS.map((t) => RISK_TIER_LABELS[t]).join('、')}（不填为一般风险）`);

    // The other fields by the same rules as the form (UnitInput).
    const name = text('单位名称');
    if (name !== null && EXAMPLE_MARK.test(name)) fail('单位名称', '这是模板中的示例行，请删除后再导入');
    const parsed = UnitInput.safeParse({
      name: name ?? '',
      creditCode: creditCode ?? '',
      type: type ?? 'agency',
      industry: text('所属行业'),
      address: text('地址'),
      contactName: text('联系人'),
      contactPhone: text('联系电话'),
      riskTier: riskTier ?? 'medium',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof typeof FIELD_HEADER;
        const header = FIELD_HEADER[field];
        if (!header || header === '统一社会信用代码' || header === '单位类型' || header === '风险等级') continue;
        const reason = issue.code === 'too_big' ? `${header}不能超过 ${String((issue as { maximum?: unknown }).maximum)} 个字` : issue.message;
        fail(header, reason);
      }
    }

    if (rowErrors.length === 0 && parsed.success && creditCode && type && riskTier) {
      const d = parsed.data;
      candidates.push({
        row: rowNumber,
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
    errors.push(...rowErrors);
  }

  return inTx(ctx, async (tx) => {
    // Units the org already has.
    const existing = await existingCodes(
      tx,
      orgId,
      candidates.map((c) => c.creditCode),
    );
    const validRows: StoredRow[] = [];
    for (const c of candidates) {
      const name = existing.get(c.creditCode);
      if (name === undefined) validRows.push(c);
      else errors.push({ row: c.row, column: '统一社会信用代码', value: c.creditCode, reason: `本机构已有该统一社会信用代码的单位：${name}` });
    }
    const headerOrder = new Map<string, number>(UNIT_SHEET_HEADERS.map((h, i) => [h, i]));
    errors.sort((a, b) => a.row - b.row || (headerOrder.get(a.column) ?? 99) - (headerOrder.get(b.column) ?? 99));

    const batchId = crypto.randomUUID();
    await tx.db.insert(importBatches).values({
      id: batchId,
      orgId,
      kind: UNIT_IMPORT_KIND,
      fileName: file.fileName,
      createdBy: ctx.actor.userId,
      status: 'pending',
      validRows,
      errors,
      totalRows: sheet.rows.length,
      createdAt: tx.now(),
    });
    await recordEvent(tx, {
      orgId,
      action: 'unitImport.create',
      entityType: 'importBatch',
      entityId: batchId,
      after: {
        kind: UNIT_IMPORT_KIND,
        fileName: file.fileName,
        status: 'pending',
        totalRows: sheet.rows.length,
        validRows: validRows.length,
        errorCount: errors.length,
      },
    });
    return { batchId, fileName: file.fileName, totalRows: sheet.rows.length, validRows: validRows.length, errors };
  });
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

/** Step 2: insert the batch's valid rows. A batch is confirmed once; another org's batch is not found. */
export async function confirmUnitImport(ctx: ActorCtx, batchId: string): Promise<{ created: number }> {
  const orgId = ctx.actor.orgId;
  authorize(ctx.actor, 'unit.write', { orgId, orgPath: ctx.actor.orgPath });
  try {
    return await inTx(ctx, async (tx) => {
      const [batch] = await tx.db
        .select()
        .from(importBatches)
        .where(and(eq(importBatches.id, batchId), eq(importBatches.orgId, orgId), eq(importBatches.kind, UNIT_IMPORT_KIND)))
        .for('update');
      if (!batch) throw notFound('导入批次');
      if (batch.status !== 'pending') throw conflict('该批次已确认导入，不能重复确认');
      const rows = batch.validRows as StoredRow[];
      if (rows.length === 0) throw validation('该批次没有可导入的有效行，请修改文件后重新上传');

      // Units added since the preview.
      const existing = await existingCodes(
        tx,
        orgId,
        rows.map((r) => r.creditCode),
      );
      if (existing.size) {
        const clashes: UnitImportError[] = rows
          .filter((r) => existing.has(r.creditCode))
          .map((r) => ({
            row: r.row,
            column: '统一社会信用代码',
            value: r.creditCode,
            reason: `本机构已有该统一社会信用代码的单位：${existing.get(r.creditCode)}`,
          }));
        const list =
          clashes
            .slice(0, 10)
            .map((c) => c.row)
            .join('、') + (clashes.length > 10 ? ' 等' : '');
        throw new AppError('conflict', `第 ${list} 行的统一社会信用代码在预览后已被本机构其他单位使用，请修改文件后重新上传`, { details: { errors: clashes } });
      }

      const now = tx.now();
      const inserted: (typeof units.$inferSelect)[] = [];
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000).map((r) => ({
          orgId,
          name: r.name,
          creditCode: r.creditCode,
          type: r.type,
          industry: r.industry,
          address: r.address,
          contactName: r.contactName,
          contactPhone: r.contactPhone,
          riskTier: r.riskTier,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        }));
        inserted.push(...(await tx.db.insert(units).values(chunk).returning()));
      }
      await recordEvents(
        tx,
        inserted.map((u) => ({ orgId, action: 'unit.create', entityType: 'unit', entityId: u.id, after: { ...u, importBatchId: batchId } })),
      );
      await tx.db.update(importBatches).set({ status: 'confirmed', confirmedAt: now }).where(eq(importBatches.id, batchId));
      await recordEvent(tx, {
        orgId,
        action: 'unitImport.confirm',
        entityType: 'importBatch',
        entityId: batchId,
        before: { status: 'pending' },
        after: { status: 'confirmed', fileName: batch.fileName, created: inserted.length },
      });
      return { created: inserted.length };
    });
  } catch (e) {
    if (isUniqueViolation(e, UNIT_CREDIT_CONSTRAINT)) throw conflict('导入期间本机构新增了统一社会信用代码相同的单位，请重新上传');
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Template and export
// ---------------------------------------------------------------------------------------------

const SHEET_COLUMNS = UNIT_SHEET_HEADERS.map((h) => ({ header: h, key: h }));

/** The import template: the header row, one example row, dropdowns, and a 填写说明 sheet. */
export async function unitImportTemplate(): Promise<{ buffer: Buffer; fileName: string }> {
  const example: Record<Header, string> = {
    单位名称: '（示例）某某档案数字化服务有限公司',
    统一社会信用代码: makeCreditCode('91', '110100', 1_234_567),
    单位类型: UNIT_TYPE_LABELS.archive_service,
    所属行业: '档案服务',
    地址: '某某市某某区人民路 1 号',
    联系人: '张三',
    联系电话: '010-12345678',
    风险等级: RISK_TIER_LABELS.medium,
  };
  const base = await writeSheet({ sheetName: '检查对象', columns: SHEET_COLUMNS, rows: [example] });
  const wb = await newWorkbook();
  await wb.xlsx.load(base as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0]!;
  const col = (h: Header) => UNIT_SHEET_HEADERS.indexOf(h) + 1;
  const letter = (h: Header) => String.fromCharCode(64 + col(h));
  // Codes and phone numbers as text, so Excel keeps leading zeros and all 18 characters.
  for (const h of ['统一社会信用代码', '联系电话'] as const) ws.getColumn(col(h)).numFmt = '@';
  const list = (values: string[], title: string) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: title,
    error: `请从下拉列表中选择：${values.join('、')}`,
  });
  const validations = (ws as unknown as { dataValidations: { add: (range: string, v: unknown) => void } }).dataValidations;
  validations.add(
    `${letter('单位类型')}2:${letter('单位类型')}${MAX_IMPORT_ROWS + 1}`,
    list(
      UNIT_TYPES.map((t) => UNIT_TYPE_LABELS[t]),
      '单位类型',
    ),
  );
  validations.add(
    `${letter('风险等级')}2:${letter('风险等级')}${MAX_IMPORT_ROWS + 1}`,
    list(
      RISK_TIERS.map((t) => RISK_TIER_LABELS[t]),
      '风险等级',
    ),
  );

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '项目', key: 'item', width: 18 },
    { header: '说明', key: 'text', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  const lines: [string, string][] = [
    ['示例行', '“检查对象”表第 2 行为示例，导入前请删除（以“（示例）”开头的行不会导入）。'],
    ['必填列', `${UNIT_SHEET_REQUIRED.join('、')}。`],
    ['统一社会信用代码', '18 位，按 GB 32100-2015 校验第 18 位校验码；不使用字母 I、O、S、V、Z。同一机构内不能重复。'],
    ['单位类型', '只能填写下列之一：'],
    ...UNIT_TYPES.map((t): [string, string] => ['', UNIT_TYPE_LABELS[t]]),
    ['风险等级', `${RISK_TIERS.map((t) => RISK_TIER_LABELS[t]).join('、')}；不填为“一般风险”。`],
    ['联系电话', '5–20 位数字，可含 + - ( ) 和空格。'],
    ['行数', `每次最多 ${MAX_IMPORT_ROWS} 行。上传后先显示检查结果，确认后才写入名录库。`],
  ];
  for (const [item, text] of lines) help.addRow({ item, text });
  const out: unknown = await wb.xlsx.writeBuffer();
  return { buffer: Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer), fileName: '检查对象名录导入模板.xlsx' };
}

/** All units matching the list filters, under the import headers (so an export can be re-imported). */
export async function exportUnits(ctx: ActorCtx, q: UnitListQuery): Promise<{ buffer: Buffer; fileName: string }> {
  const { org, rows } = await allUnits(ctx, q);
  const buffer = await writeSheet({
    sheetName: '检查对象',
    columns: [...SHEET_COLUMNS, { header: '状态', key: '状态' }],
    rows: rows.map((r) => {
      const u = presentUnit(r);
      return {
        单位名称: u.name,
        统一社会信用代码: u.creditCode,
        单位类型: u.typeLabel,
        所属行业: u.industry,
        地址: u.address,
        联系人: u.contactName,
        联系电话: u.contactPhone,
        风险等级: u.riskTierLabel,
        状态: UNIT_STATUS_LABELS[u.status] ?? u.status,
      };
    }),
  });
  const day = todayInChina(ctx.now()).replace(/-/g, '');
  return { buffer, fileName: `检查对象名录-${org.name}-${day}.xlsx` };
}
