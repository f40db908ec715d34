/**
 * The whole-process record reads like a file (issue 13 §2): every kind of event of the demo (with its
 * past work) presented as a sentence and changed fields in people's words — no UUID, JSON, dotted action
 * key or field key in the text a reader sees; the raw snapshots and the hash stay beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestEnv, createTestEnv, ok, setupOrg } from '../../test/harness.js';
import type { TimelinePage } from '../contracts.js';
import { presentEvents, type RawEvent } from './present.js';

let env: TestEnv;
let admin: Client;
let orgId: string;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-12-07T02:00:00Z' });
  const s = await setupOrg(env.app, { demo: true, demoHistory: true });
  admin = s.client;
  orgId = s.setup.org.id;
}, 300_000);
afterAll(async () => env?.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A dotted key like `letter.issue` (a file name such as `units.xlsx` is the user's own words). */
const DOTTED = /\b[a-z][A-Za-z]+\.(?!(?:xlsx|xls|docx|pdf|jpe?g|png|webp)\b)[a-z_]+[A-Za-z_]*\b/;
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const SNAKE = /\b[a-z]+_[a-z_]+\b/;

/** What is wrong with a text a reader sees, if anything. */
function leak(text: string, label?: string): string | null {
  if (UUID.test(text)) return 'UUID';
  if (/[{}[\]]/.test(text)) return 'JSON';
  if (DOTTED.test(text)) return `key ${DOTTED.exec(text)![0]}`;
  if (CAMEL.test(text)) return `field ${CAMEL.exec(text)![0]}`;
  if (SNAKE.test(text)) return `code ${SNAKE.exec(text)![0]}`;
  // a whole value in lower-case letters is a code, unless it is a user name (people type those)
  if (/^[a-z][a-z_]*$/.test(text) && label !== '用户名') return `code ${text}`;
  return null;
}

describe('timelines in people’s words', () => {
  it('presents every kind of event of the demo without ids, JSON or keys', async () => {
    const rows = (
      await env.database.pool.query<{ entity_type: string; entity_id: string; action: string }>(
        `SELECT DISTINCT ON (entity_type, action) entity_type, entity_id, action FROM audit_events WHERE org_id = $1 ORDER BY entity_type, action, seq DESC`,
        [orgId],
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(40);
    const problems: string[] = [];
    const seen = new Set<string>();
    const out: string[] = [];
    for (const r of rows) {
      const key = `${r.entity_type}/${r.entity_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const page = ok<TimelinePage>(await admin.get(`/api/audit/timeline?entityType=${r.entity_type}&entityId=${r.entity_id}&pageSize=200`));
      for (const e of page.items) {
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
        out.push(`[${e.action}] ${e.summary}`);
        const texts: [string, string?][] = [
          [e.summary],
          ...e.changes.flatMap((c): [string, string?][] => [[c.label], [c.before, c.label], [c.after, c.label]]),
        ];
        for (const c of e.changes) out.push(`    ${c.label}: ${c.before.replace(/\n/g, ' / ')} → ${c.after.replace(/\n/g, ' / ')}`);
        for (const [t, label] of texts) {
          const l = leak(t, label);
          if (l) problems.push(`${e.action} (${r.entity_type}): ${l} in «${t.slice(0, 160)}»`);
        }
      }
    }
    if (process.env.TIMELINE_DUMP) (await import('node:fs')).writeFileSync(process.env.TIMELINE_DUMP, out.join('\n'));
    expect(problems).toEqual([]);
  });

  it('presents the events the demo does not make (shapes as their services record them)', async () => {
    const ids = async (sql: string) => (await env.database.pool.query<{ id: string }>(sql, [orgId])).rows.map((r) => r.id);
    const [unitId] = await ids(`SELECT id FROM units WHERE org_id = $1 LIMIT 1`);
    const [inspectorId] = await ids(`SELECT id FROM inspectors WHERE org_id = $1 LIMIT 1`);
    const [userId] = await ids(`SELECT id FROM users WHERE org_id = $1 LIMIT 1`);
    const [entryId] = await ids(`SELECT id FROM checklist_version_items WHERE org_id = $1 ORDER BY position LIMIT 1`);
    const gone = '00000000-0000-4000-8000-000000000000';
    const ev = (action: string, entityType: string, before: unknown, after: unknown): RawEvent => ({
      actorName: '王执法（wang）',
      action,
      entityType,
      before,
      after,
    });
    const events: RawEvent[] = [
      ev('unit.update', 'unit', { riskTier: 'low', status: 'active', type: 'agency' }, { riskTier: 'high', status: 'closed', type: 'soe' }),
      ev('unit.create', 'unit', null, { name: '某中学', importBatchId: gone, type: 'institution' }),
      ev(
        'user.update',
        'user',
        { roles: ['staff'], status: 'active', departmentId: null, unitId: null },
        { roles: ['staff', 'legal'], status: 'disabled', departmentId: gone, unitId },
      ),
      ev('user.password_change', 'user', null, { otherSessionsEnded: 2 }),
      ev('user.reset_password', 'user', null, null),
      ev('auth.login_failed', 'user', null, { ip: '10.0.0.1', failures: 3, addresses: 4 }),
      ev('auth.locked', 'user', null, { ip: '10.0.0.1', scope: 'account', lockedUntil: '2026-12-07T03:00:00.000Z', locks: 1 }),
      ev('org.create_child', 'org', null, { childId: orgId, name: '某县档案局' }),
      ev('org.update', 'org', { name: '甲', level: 'city', parentId: null }, { name: '乙', level: 'county', parentId: orgId }),
      ev(
        'inspector.update',
        'inspector',
        { status: 'active', certExpiresOn: '2026-12-27', userId: null },
        { status: 'inactive', certExpiresOn: '2029-12-27', userId },
      ),
      ev(
        'inspectorConflict.delete',
        'inspectorConflict',
        { id: gone, orgId, reason: '亲属关系', unitId, inspectorId, createdAt: '2026-01-01T00:00:00Z' },
        null,
      ),
      ev('unitImport.create', 'importBatch', null, { kind: 'unit', fileName: 'units.xlsx', status: 'pending', totalRows: 10, validRows: 9, errorCount: 1 }),
      ev('unitImport.confirm', 'importBatch', { status: 'pending' }, { status: 'confirmed', fileName: 'units.xlsx', created: 9 }),
      ev('settings.update', 'settings', { sessionIdleMinutes: 30, certificateWarnDays: 30 }, { sessionIdleMinutes: 60, certificateWarnDays: 45 }),
      ev(
        'calendar.year_set',
        'calendarYear',
        { source: 'provisional', days: [] },
        { source: 'admin', note: '国办发明电〔2026〕1号', days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] },
      ),
      ev(
        'calendar.due_recomputed',
        'inspection',
        { clock: '检查整改期限', due: '2027-01-05', provisional: true },
        { clock: '检查整改期限', due: '2027-01-06', provisional: false },
      ),
      ev(
        'inspection.notice.amend',
        'inspection',
        { plannedDate: '2026-12-21', noticeOn: '2026-12-07', docNumber: '测档检〔2026〕19号' },
        {
          plannedDate: '2026-12-28',
          noticeOn: '2026-12-14',
          docNumber: '测档检〔2026〕20号',
          supersedes: '测档检〔2026〕19号',
          reason: '单位负责人出差',
          workingDaysAhead: 10,
          requiredWorkingDays: 5,
        },
      ),
      ev('inspection.photo.add', 'inspection', null, {
        photoId: gone,
        entryId,
        code: 'A1-01',
        fileName: 'p.jpg',
        mime: 'image/jpeg',
        size: 20480,
        sha256: 'f'.repeat(64),
      }),
      ev('inspection.rectification.evidence', 'inspection', null, {
        fileId: gone,
        itemCode: 'A2-03',
        fileName: 'e.pdf',
        mime: 'application/pdf',
        size: 4096,
        sha256: 'f'.repeat(64),
      }),
      ev('inspection.publication.correct', 'inspection', { publicResult: '旧' }, { publicResult: '新', reason: '笔误' }),
      ev(
        'inspection.exemplary.unmark',
        'inspection',
        { exemplary: true, exemplaryOn: '2026-04-10', exemplaryNote: '好' },
        { exemplary: false, exemplaryOn: null, exemplaryNote: null },
      ),
      ev(
        'inspection.close',
        'inspection',
        { status: 'rectifying' },
        {
          status: 'closed',
          closedOn: '2026-06-01',
          note: '约谈后已整改',
          items: [{ code: 'A2-02', status: 'returned', flag: '整改情况已被退回 2 次', interviews: ['2026-05-06'], followUps: ['J-2026-007'], referrals: [] }],
        },
      ),
      ev('inspection.doc_settings.update', 'settings', { prefix: '测档检' }, { prefix: '测档监' }),
      ev('inspectionItem.update', 'inspectionItem', { status: 'active', area: 'a1', title: '甲' }, { status: 'retired', area: 'a2', title: '乙' }),
      ev('inspectionDraw.redraw', 'inspectionDraw', null, {
        drawId: 'D-2026-003',
        supersedes: gone,
        reason: '原抽取的执法人员回避',
        k: 3,
        strata: [],
        exclusions: [],
      }),
      ev('disclosure.letter.issue', 'disclosureApplication', null, {
        kind: 'reply',
        title: '政府信息公开申请答复书',
        docNumber: '测档公开〔2026〕3号',
        issuedOn: '2026-03-01',
        consultationId: gone,
      }),
      ev('disclosure.application.consultation_lapsed', 'disclosureApplication', null, { note: '征求第三方意见的期限已届满', consultationId: gone }),
      ev('disclosure.application.fee_served', 'disclosureApplication', { feeServedOn: null }, { feeServedOn: '2025-12-01' }),
      ev('disclosure.remedy_settings.update', 'settings', { reviewOrgan: null, court: null }, { reviewOrgan: '测试市人民政府', court: '测试市中级人民法院' }),
      ev('disclosure.register.create', 'disclosureRegisterEntry', null, {
        id: gone,
        category: 'regulation',
        entryKind: 'document',
        title: '某规章',
        madeOn: '2026-01-01',
        amount: null,
        createdBy: userId,
      }),
      ev('disclosure.report.publish', 'disclosureAnnualReport', null, {
        year: 2025,
        version: 1,
        templateId: 'gb-2021',
        reason: null,
        supersedes: null,
        checksOk: true,
        docxBytes: 40960,
      }),
      ev('enforcement.referral.decline', 'enforcementReferral', { status: 'pending' }, { status: 'declined', reason: '不构成违法', decidedOn: '2026-05-01' }),
      ev(
        'enforcement.referral.reopen',
        'enforcementReferral',
        { status: 'accepted', caseId: gone },
        { status: 'pending', caseId: null, reason: '不予立案：证据不足', code: 'XS-1' },
      ),
      ev(
        'enforcement.case.approveFiling',
        'enforcementCase',
        { status: 'filing', filedOn: '2026-05-01' },
        { status: 'investigating', filedOn: '2026-05-03', approverId: userId, requestedOn: '2026-05-01' },
      ),
      ev('enforcement.case.approveFiling', 'enforcementCase', { status: 'filing' }, { status: 'not_filed', approverId: userId, reason: '不属于本机关管辖' }),
      ev(
        'enforcement.case.instalments',
        'enforcementCase',
        { instalments: null },
        {
          instalments: {
            requestedOn: '2026-05-01',
            approvedOn: '2026-05-03',
            approverId: userId,
            approverName: '王局长',
            reason: '经营困难',
            schedule: [
              { dueOn: '2026-06-01', amount: 20000 },
              { dueOn: '2026-07-01', amount: 30000 },
            ],
          },
        },
      ),
      ev('dispute.import', 'dispute', null, {
        id: gone,
        kind: 'litigation_direct',
        caseNo: '（2026）行初 1 号',
        filedOn: '2026-02-01',
        outcome: 'pending',
        subject: '不服答复',
        applicationId: gone,
      }),
      ev('something.unheard_of', 'mysteryRecord', { fooBar: 1 }, { fooBar: 2 }),
    ];
    const presented = await presentEvents(env.app.db, orgId, events);
    if (process.env.TIMELINE_DUMP)
      (await import('node:fs')).writeFileSync(
        `${process.env.TIMELINE_DUMP}.extra`,
        presented.map((p) => [p.summary, ...p.changes.map((c) => `    ${c.label}: ${c.before} → ${c.after}`)].join('\n')).join('\n'),
      );
    const problems: string[] = [];
    presented.forEach((p, i) => {
      for (const t of [p.summary, ...p.changes.flatMap((c) => [c.label, c.before, c.after])]) {
        const l = leak(t);
        if (l) problems.push(`${events[i]!.action}: ${l} in «${t.slice(0, 160)}»`);
      }
    });
    expect(problems).toEqual([]);
    const by = (action: string) => presented[events.findIndex((e) => e.action === action)]!;
    expect(by('unit.update')).toEqual({
      summary: '王执法 修改了检查对象信息',
      changes: [
        { label: '状态', before: '正常', after: '已注销' },
        { label: '类型', before: '机关', after: '国有企业' },
        { label: '风险等级', before: '低风险', after: '高风险' },
      ],
    });
    expect(by('unit.create').summary).toBe('王执法 导入了检查对象');
    expect(by('user.update').changes).toContainEqual({ label: '科室', before: '（空）', after: '（已删除的记录）' });
    expect(by('user.update').changes).toContainEqual({ label: '角色', before: '业务科室', after: '业务科室、法制科' });
    // settings under the names the 系统设置 page gives them
    expect(by('settings.update').changes.map((c) => `${c.label}：${c.before} → ${c.after}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[^a-zA-Z]+：30 → 60$/), expect.stringMatching(/^[^a-zA-Z]+：30 → 45$/)]),
    );
    expect(by('inspection.photo.add').changes.map((c) => `${c.label}：${c.after}`)).toEqual(expect.arrayContaining(['文件名：p.jpg', '文件大小：20 KB']));
    expect(by('something.unheard_of')).toEqual({ summary: '王执法 处理了记录', changes: [] });
  });
});
