/**
 * Due dates that reach a year whose holiday schedule is not entered (RULES.md §1, issue 9): today is
 * Monday 2026-12-07 and 2027 is not entered, so the rectification deadline (on-site date + 30 working
 * days) is provisional (预计) — the feedback letter is issued all the same and says so with the one
 * sentence why; once the official 2027 schedule is entered the same dates are final.
 *
 * Hand count, on-site 2026-12-07 (Mon) + 30 working days: 12-08…11 (4), 12-14…18 (9), 12-21…25 (14),
 * 12-28…31 (18), 2027-01-01 元旦 (provisional holiday, a Friday), 01-04…08 (23), 01-11…15 (28),
 * 01-18 (29), 01-19 (30) → 2027-01-19 (Tue). The official schedule entered at the end gives Monday
 * 01-04 off too: the deadlines move a day and lose 预计 (worked out in that test).
 * Publication (feedback 2026-12-07 + 20 working days): …12-31 (18), 01-04 (19), 01-05 (20) → 2027-01-05.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, createTestEnv, setupOrg, signInDemo, ok } from '../../../test/harness.js';
import { docxParagraphs } from '../../disclosure/test-docx.js';
import { provisionalNote } from '../../../kernel/calendar/index.js';
import { NOTICE_2027 } from '../../../kernel/calendar/fixtures/notices.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;
const NOW = '2026-12-07T02:00:00Z';
const PNG_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const NOTE_2027 = provisionalNote([2027]);

type Due = { due: string | null; state: string; provisional: boolean; provisionalYears: number[]; provisionalNote: string | null };
type Detail = {
  id: string;
  code: string;
  status: string;
  items: { entryId: string; code: string }[];
  notice: { latestDate: string; latestProvisional: boolean; clock: Due };
  record: { clock: Due | null } | null;
  rectificationPreview: (Due & { days: number }) | null;
  feedback: {
    rectificationDue: string;
    rectificationDueProvisional: boolean;
    rectificationDueProvisionalYears: number[];
    rectificationClock: Due | null;
  } | null;
};

const q1 = async <T>(sql: string, params: unknown[] = []) => (await env.database.pool.query(sql, params)).rows[0] as T;
let id: string;
let unitId: string;
let ids: Record<string, string>;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  unitId = (await q1<{ unit_id: string }>(`SELECT unit_id FROM users WHERE username = 'unit'`)).unit_id;
  const versionId = (await q1<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`)).checklist_version_id;
  ids = Object.fromEntries((await env.database.pool.query<{ id: string; name: string }>('SELECT id, name FROM inspectors')).rows.map((r) => [r.name, r.id]));
  // Today's inspection, its notice registered as sent on the latest day that fits: 12-07 back 5 working days → Monday 11-30.
  const d = ok<Detail>(
    await admin.post('/api/inspections', {
      unitId,
      inspectorIds: [ids['王执法']!, ids['孙立新']!],
      checklistVersionId: versionId,
      plannedDate: '2026-12-07',
      reason: '专项检查',
    }),
  );
  id = d.id;
  expect(d.notice).toMatchObject({ latestDate: '2026-11-30', latestProvisional: false });
  ok(await admin.post(`/api/inspections/${id}/notice`, { noticeOn: '2026-11-30' }));
  ok(
    await admin.put(`/api/inspections/${id}/record`, {
      onSiteDate: '2026-12-07',
      items: d.items.map((e) => ({
        entryId: e.entryId,
        result: e.code === 'A2-03' ? 'non_compliant' : 'compliant',
        note: e.code === 'A2-03' ? '温湿度记录中断' : null,
      })),
      inspectorsPresent: [ids['王执法'], ids['孙立新']],
      representative: { name: '陈档案员', title: '档案员' },
    }),
  );
  ok(
    await admin.post(`/api/inspections/${id}/sign`, {
      inspectors: [
        { inspectorId: ids['王执法'], signature: PNG_URL },
        { inspectorId: ids['孙立新'], signature: PNG_URL },
      ],
      representative: { signature: PNG_URL },
    }),
  );
});
afterAll(async () => env.close());

describe('a rectification deadline in 2027 (not entered): provisional, never refused', () => {
  it('the preview says 预计 with the one sentence; dates within 2026 are not provisional', async () => {
    const d = ok<Detail>(await admin.get(`/api/inspections/${id}`));
    expect(d.rectificationPreview).toMatchObject({ days: 30, due: '2027-01-19', provisional: true, provisionalYears: [2027], provisionalNote: NOTE_2027 });
    // The record clock: 12-07 + 3 working days = 12-10, within 2026.
    expect(d.record!.clock).toMatchObject({ due: '2026-12-10', provisional: false, provisionalYears: [], provisionalNote: null });
    expect(d.notice.clock).toMatchObject({ provisional: false });
  });

  it('issues the feedback letter; the deadline is 预计 on the detail, the unit’s page, the publication card and the letter', async () => {
    const d = ok<Detail>(await admin.post(`/api/inspections/${id}/feedback`, {}));
    expect(d.status).toBe('feedback_issued');
    expect(d.feedback).toMatchObject({
      rectificationDue: '2027-01-19',
      rectificationDueProvisional: true,
      rectificationDueProvisionalYears: [2027],
      rectificationClock: { due: '2027-01-19', provisional: true, provisionalNote: NOTE_2027 },
    });
    const unit = await signInDemo(env.app, setup, 'unit');
    expect(ok<Detail>(await unit.get(`/api/my/inspections/${id}`)).feedback).toMatchObject({
      rectificationDue: '2027-01-19',
      rectificationDueProvisional: true,
    });
    const pub = ok<{ clock: Due; rectification: { due: string; provisional: boolean }; defaultText: string }>(
      await admin.get(`/api/inspections/${id}/publication`),
    );
    expect(pub.clock).toMatchObject({ due: '2027-01-05', provisional: true, provisionalYears: [2027] });
    expect(pub.rectification).toMatchObject({ due: '2027-01-19', provisional: true });
    expect(pub.defaultText).toContain('整改期限至2027年1月19日（预计）');
    const text = (await docxParagraphs((await admin.get(`/api/inspections/${id}/feedback.docx`)).rawPayload)).join('\n');
    expect(text).toContain('于2027年1月19日（预计）前完成整改');
    expect(text).toContain(NOTE_2027);
    // The record keeps what the letter said.
    const event = await q1<{ after: { rectificationDue: string; rectificationDueProvisional: boolean } }>(
      `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'inspection.feedback'`,
      [id],
    );
    expect(event.after).toMatchObject({ rectificationDue: '2027-01-19', rectificationDueProvisional: true });
  });

  it('once the official 2027 schedule is entered the deadlines are final and follow it: stored date, notice clock, letter', async () => {
    // A second inspection planned for Tuesday 2027-01-12, its notice not sent yet: the notice leaves 5
    // working days (01-06, 07, 08, 11, 12), so its latest day is Tuesday 01-05 — provisionally and
    // officially alike. Its clock was stored as 20 working days from 12-07; under the official calendar
    // that count would end 01-06, so the module must rebuild it (calendar-hook.ts), and then it does not move.
    const versionId = (await q1<{ checklist_version_id: string }>(`SELECT checklist_version_id FROM inspection_plans`)).checklist_version_id;
    const other = (await q1<{ id: string }>(`SELECT id FROM units WHERE id <> $1 AND status = 'active' ORDER BY name LIMIT 1`, [unitId])).id;
    const second = ok<Detail>(
      await admin.post('/api/inspections', {
        unitId: other,
        inspectorIds: [ids['王执法']!, ids['孙立新']!],
        checklistVersionId: versionId,
        plannedDate: '2027-01-12',
        reason: '专项检查',
      }),
    );
    expect(second.notice).toMatchObject({ latestDate: '2027-01-05', latestProvisional: true, clock: { due: '2027-01-05' } });

    // The official schedule (test) gives Monday 01-04 off as well (元旦 01-01…04), without a make-up Saturday.
    const notice = NOTICE_2027.replace('一、元旦：1月1日（周五）至3日（周日）放假，共3天。', '一、元旦：1月1日（周五）至4日（周一）放假，共4天。');
    const saved = ok<{
      warnings: string[];
      moved: { entityId: string; kind: string; before: { due: string; provisional: boolean }; after: { due: string; provisional: boolean } }[];
    }>(await admin.put('/api/calendar/years/2027', { reason: '测试', text: notice }));
    expect(saved.warnings).toEqual(['工作日放假 19 天、调休上班 5 天，相抵后为 14 天，与法定节假日合计 13 天不一致，请核对']);
    // Rectification: …01-01…04 off, 01-05…08 (22), 01-11…15 (27), 01-18…20 (30) → 01-20. Publication: …12-31 (18), 01-05 (19), 01-06 (20).
    expect(saved.moved.map((m) => [m.entityId === id ? 'first' : 'second', m.kind, m.before.due, m.after.due, m.after.provisional]).sort()).toEqual([
      ['first', 'inspection.publication', '2027-01-05', '2027-01-06', false],
      ['first', 'inspection.rectification', '2027-01-19', '2027-01-20', false],
    ]);
    // The stored deadline the figures and monitors read follows the clock.
    expect((await q1<{ rectification_due: string }>(`SELECT rectification_due::text FROM inspections WHERE id = $1`, [id])).rectification_due).toBe(
      '2027-01-20',
    );
    const d = ok<Detail>(await admin.get(`/api/inspections/${id}`));
    expect(d.feedback).toMatchObject({
      rectificationDue: '2027-01-20',
      rectificationDueProvisional: false,
      rectificationDueProvisionalYears: [],
      rectificationClock: { provisional: false, provisionalNote: null },
    });
    expect(ok<Detail>(await admin.get(`/api/inspections/${second.id}`)).notice).toMatchObject({
      latestDate: '2027-01-05',
      latestProvisional: false,
      clock: { due: '2027-01-05' },
    });
    const dash = ok<{ items: { entityId: string; kind: string; due: string; provisional: boolean }[] }>(await admin.get('/api/dashboard'));
    expect(dash.items.find((i) => i.entityId === second.id && i.kind === 'inspection.notice')).toMatchObject({ due: '2027-01-05', provisional: false });
    const pub = ok<{ clock: Due; rectification: { provisional: boolean } }>(await admin.get(`/api/inspections/${id}/publication`));
    expect(pub.clock).toMatchObject({ due: '2027-01-06', provisional: false });
    expect(pub.rectification.provisional).toBe(false);
    const text = (await docxParagraphs((await admin.get(`/api/inspections/${id}/feedback.docx`)).rawPayload)).join('\n');
    expect(text).toContain('于2027年1月20日前完成整改');
    expect(text).not.toContain('预计');
    // Each record's timeline says its date moved.
    const t = ok<{ items: { action: string; after: { reason?: string } }[] }>(await admin.get(`/api/audit/timeline?entityType=inspection&entityId=${id}`));
    expect(t.items.filter((e) => e.action === 'calendar.due_recomputed').map((e) => e.after.reason)).toEqual([
      '录入国务院公布的2027年节假日安排后重新计算：2027-01-05（预计） → 2027-01-06',
      '录入国务院公布的2027年节假日安排后重新计算：2027-01-19（预计） → 2027-01-20',
    ]);
  });
});
