/**
 * 机关代字 of inspection documents (setting `inspectionDocPrefix`) through HTTP: the default from
 * the org's name, admin only, bad values refused with nothing written, and the next notice numbered
 * with the new prefix while issued numbers keep theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type SetupResponse, type TestEnv, countRows, createTestEnv, setupOrg, signInDemo } from '../../test/harness.js';

let env: TestEnv;
let admin: Client;
let setup: SetupResponse;

beforeAll(async () => {
  env = await createTestEnv({ now: '2025-03-03T02:00:00Z' });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
});
afterAll(async () => env.close());

describe('inspection document prefix', () => {
  it('defaults to the first character of the org + 档检', async () => {
    const res = await admin.get('/api/inspections/doc-settings');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ prefix: '测档检', default: '测档检', example: '测档检〔2025〕1号' });
  });

  it.each([
    ['', '机关代字必填'],
    ['测〔检', '机关代字不能含有空格或括号'],
    ['测 检', '机关代字不能含有空格或括号'],
    ['检'.repeat(21), '机关代字不能超过 20 个字'],
  ])('refuses %j: %s, nothing written', async (prefix, message) => {
    const before = { settings: await countRows(env, 'settings'), audit: await countRows(env, 'audit_events') };
    const res = await admin.put('/api/inspections/doc-settings', { prefix });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.prefix).toBe(message);
    expect({ settings: await countRows(env, 'settings'), audit: await countRows(env, 'audit_events') }).toEqual(before);
  });

  it('is for admins only', async () => {
    const inspector = await signInDemo(env.app, setup, 'inspector');
    expect((await inspector.get('/api/inspections/doc-settings')).statusCode).toBe(403);
    expect((await inspector.put('/api/inspections/doc-settings', { prefix: '测检' })).statusCode).toBe(403);
  });

  it('numbers the next notice with the new prefix; the record shows the change; issued numbers stay', async () => {
    const res = await admin.put('/api/inspections/doc-settings', { prefix: '测档执' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ prefix: '测档执', default: '测档检', example: '测档执〔2025〕1号' });
    const timeline = (await admin.get(`/api/audit/timeline?entityType=settings&entityId=${setup.org.id}`)).json() as {
      items: { action: string; before: unknown; after: unknown }[];
    };
    expect(timeline.items.find((e) => e.action === 'inspection.doc_settings.update')).toMatchObject({
      before: { prefix: '测档检' },
      after: { prefix: '测档执' },
    });

    const list = (await admin.get('/api/inspections?pageSize=100')).json() as { items: { id: string; status: string; noticeDocNumber: string | null }[] };
    const issued = list.items.filter((i) => i.noticeDocNumber);
    expect(issued.map((i) => i.noticeDocNumber)).toEqual(['测档检〔2025〕1号']);
    const planned = list.items.find((i) => i.status === 'planned')!;
    const notified = await admin.post(`/api/inspections/${planned.id}/notice`, {});
    expect(notified.statusCode, notified.body).toBe(200);
    expect(notified.json().noticeDocNumber).toBe('测档执〔2025〕2号');
    const again = (await admin.get(`/api/inspections/${issued[0]!.id}`)).json() as { noticeDocNumber: string };
    expect(again.noticeDocNumber).toBe('测档检〔2025〕1号');
  });
});
