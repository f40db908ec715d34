/**
 * 政府信息公开工作年度报告 as .docx (issue 4 deliverable 7): the six sections of the template of the
 * year — 一, 五, 六 from the narrative the org keeps per year (narrative.service.ts), 二, 三, 四 as
 * document tables computed from the records, 六 also stating the fees collected (from 2021).
 */
import type { ActorCtx } from '../../../kernel/context.js';
import { todayInChina } from '../../../kernel/calendar/store.js';
import { renderOfficialDocx, type Block } from '../../../kernel/documents/index.js';
import { narrativeOf } from './narrative.service.js';
import { annualReportTables } from './reports.service.js';
import { SECTION3_COLUMNS, SECTION4_COLUMNS, templateForYear } from './templates.js';

const PLACEHOLDER = '（本部分尚未填写。）';

const text = (s: string): Block[] => (s.trim() ? [{ kind: 'paragraph', text: s.trim() }] : [{ kind: 'paragraph', text: PLACEHOLDER }]);
const yuan = (n: number) => n.toFixed(2).replace(/\.00$/, '');

export async function annualReportDocx(ctx: ActorCtx, year: number, orgId?: string): Promise<{ buffer: Buffer; fileName: string }> {
  const t = await annualReportTables(ctx, year, orgId);
  const template = templateForYear(year);
  const n = await narrativeOf(ctx, t.org.id, year);
  const [s1, s2, s3, s4, s5, s6] = template.sections;
  const blocks: Block[] = [{ kind: 'heading1', text: s1! }, ...text(n.overview), { kind: 'heading1', text: s2! }];
  if (!t.section2.source) blocks.push({ kind: 'paragraph', text: '主动公开目录没有条目，本部分表格未填数。' });
  for (const b of t.section2.blocks) {
    blocks.push({
      kind: 'table',
      caption: b.item,
      columns: ['信息内容', ...b.columns.map((c) => c.label)],
      rows: b.rows.map((r) => [r.label, ...b.columns.map((c) => r.cells[c.key] ?? null)]),
    });
  }
  blocks.push({ kind: 'heading1', text: s3! });
  blocks.push({
    kind: 'table',
    caption: '申请人情况（商业企业、科研机构、社会公益组织、法律服务机构、其他为法人或其他组织）',
    columns: ['项目', ...SECTION3_COLUMNS.map((c) => c.label)],
    rows: t.section3.rows.map((r) => [r.label, ...SECTION3_COLUMNS.map((c) => (r.cells ? (r.cells[c.key] ?? 0) : null))]),
  });
  blocks.push({ kind: 'heading1', text: s4! });
  blocks.push({
    kind: 'table',
    columns: ['类别', ...SECTION4_COLUMNS.map((c) => c.label)],
    rows: t.section4.rows.map((r) => [r.fullLabel, ...SECTION4_COLUMNS.map((c) => r.cells[c.key] ?? 0)]),
  });
  blocks.push({ kind: 'heading1', text: s5! }, ...text(n.problems), { kind: 'heading1', text: s6! });
  const feeLine =
    year >= 2021 ? `本年度收取政府信息公开信息处理费${yuan(t.section6.feesCollected.amount)}元（${t.section6.feesCollected.applications}件申请）。` : '';
  if (n.other.trim()) blocks.push({ kind: 'paragraph', text: n.other.trim() });
  if (feeLine) blocks.push({ kind: 'paragraph', text: feeLine });
  if (!n.other.trim() && !feeLine) blocks.push({ kind: 'paragraph', text: PLACEHOLDER });
  const title = `${t.org.name}${year}年政府信息公开工作年度报告`;
  const buffer = await renderOfficialDocx({ title, blocks, signature: t.org.name, date: todayInChina(ctx.now()) }, { tableFontSizePt: 10.5 });
  return { buffer, fileName: `${title}.docx` };
}
