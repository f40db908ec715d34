/**
 * The catalogue (检查事项清单) and checklist versions through HTTP: the county bureau (示例区档案局)
 * builds its own, at a fixed time, 2025-03-03 10:00 in Beijing (a Monday).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type SetupResponse, type TestEnv, countRows, createTestEnv, setupOrg, signInDemo, ok, refused } from '../../../test/harness.js';
import type { ChecklistList, ItemList } from './contracts.js';
import { NOW, emptyCounty, meOrg, snapshot as countySnapshot, type Version } from '../test-county.js';

let env: TestEnv;
let admin: Client; // admin of 测试市档案局 (city, top)
let county: Client; // county.admin of 示例区档案局
let setup: SetupResponse;

const signIn = (username: string) => signInDemo(env.app, setup, username);
const snapshot = () => countySnapshot(env);
const c = emptyCounty();

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  ({ client: admin, setup } = await setupOrg(env.app, { demo: true }));
  county = await signIn('county.admin');
});
afterAll(async () => env.close());

describe('catalogue and checklist versions (county)', () => {
  it('creates items, refuses a duplicate code or a bad area, and deletes only unused items', async () => {
    for (const [code, area, title] of [
      ['K-01', 'a1', '建立档案工作责任制'],
      ['K-02', 'a2', '库房“八防”措施到位'],
      ['K-03', 'a5', '电子档案来源可靠、程序规范、要素合规'],
      ['K-04', 'a4', '档案鉴定销毁手续完备'],
    ]) {
      const item = ok<{ id: string; areaLabel: string }>(
        await county.post('/api/inspections/items', { code, area, title, legalBasis: '《中华人民共和国档案法》第十二条', method: '查阅资料' }),
      );
      c.items[code!] = item.id;
    }
    const before = await snapshot();
    const dup = await county.post('/api/inspections/items', { code: 'K-01', area: 'a1', title: '重复', legalBasis: '第十二条' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields.code).toBe('事项编号“K-01”已存在');
    const badArea = await county.post('/api/inspections/items', { code: 'K-09', area: 'a7', title: '无效类别', legalBasis: '第十二条' });
    expect(badArea.statusCode).toBe(400);
    expect(badArea.json().error.fields.area).toContain('第四十二条');
    expect(await snapshot()).toEqual(before);
    // The same code is free in another org.
    expect((await admin.post('/api/inspections/items', { code: 'K-01', area: 'a1', title: '市局的同号事项', legalBasis: '第十二条' })).statusCode).toBe(200);
  });

  it('edits a draft (put, append, reorder), publishes it, then refuses every change to it', async () => {
    const created = ok<{ id: string; versions: { id: string; version: number; status: string }[] }>(
      await county.post('/api/inspections/checklists', { name: '区档案行政检查表', kind: 'inspection' }),
    );
    c.checklistId = created.id;
    c.v1 = created.versions[0]!.id;
    expect(created.versions[0]).toMatchObject({ version: 1, status: 'draft' });
    ok(await county.put(`/api/inspections/checklist-versions/${c.v1}/items`, { items: [{ itemId: c.items['K-02'] }, { itemId: c.items['K-01'] }] }));
    const appended = ok<Version>(await county.post(`/api/inspections/checklist-versions/${c.v1}/items`, { itemId: c.items['K-03'] }));
    expect(appended.items.map((i) => i.code)).toEqual(['K-02', 'K-01', 'K-03']);
    const again = await county.post(`/api/inspections/checklist-versions/${c.v1}/items`, { itemId: c.items['K-03'] });
    expect(again.statusCode).toBe(409);
    const dupInPut = await county.put(`/api/inspections/checklist-versions/${c.v1}/items`, {
      items: [{ itemId: c.items['K-01'] }, { itemId: c.items['K-01'] }],
    });
    expect(dupInPut.statusCode).toBe(400);
    expect(dupInPut.json().error.message).toBe('第 2 项与第 1 项是同一检查事项');
    // Reorder: K-01, K-02, K-03.
    const reordered = ok<Version>(
      await county.put(`/api/inspections/checklist-versions/${c.v1}/items`, {
        items: [{ itemId: c.items['K-01'] }, { itemId: c.items['K-02'] }, { itemId: c.items['K-03'] }],
      }),
    );
    expect(reordered.items.map((i) => i.code)).toEqual(['K-01', 'K-02', 'K-03']);
    const published = ok<Version>(await county.post(`/api/inspections/checklist-versions/${c.v1}/publish`));
    expect(published.status).toBe('published');

    const before = await snapshot();
    for (const res of [
      await county.put(`/api/inspections/checklist-versions/${c.v1}/items`, { items: [{ itemId: c.items['K-01'] }] }),
      await county.post(`/api/inspections/checklist-versions/${c.v1}/items`, { itemId: c.items['K-04'] }),
      await county.patch(`/api/inspections/checklist-versions/${c.v1}`, { note: '改一改' }),
      await county.post(`/api/inspections/checklist-versions/${c.v1}/publish`),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('第 1 版已发布，不能修改');
    }
    // A used item cannot be deleted (it can be retired); an unused one can.
    const del = await county.delete(`/api/inspections/items/${c.items['K-01']}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain('已用于“区档案行政检查表”第 1 版，不能删除');
    expect(await snapshot()).toEqual(before);
    ok(await county.delete(`/api/inspections/items/${c.items['K-04']}`));
    expect(await countRows(env, 'inspection_items', await meOrg(county))).toBe(3);
  });

  it('a catalogue edit reaches the next draft, never the published version', async () => {
    ok(await county.patch(`/api/inspections/items/${c.items['K-01']}`, { title: '建立并落实档案工作责任制' }));
    ok(await county.patch(`/api/inspections/items/${c.items['K-03']}`, { status: 'retired' }));
    const v2 = ok<Version>(await county.post(`/api/inspections/checklists/${c.checklistId}/versions`));
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    // The new title comes in; the retired K-03 stays out of the new draft.
    expect(v2.items.map((i) => [i.code, i.title])).toEqual([
      ['K-01', '建立并落实档案工作责任制'],
      ['K-02', '库房“八防”措施到位'],
    ]);
    const retired = await county.post(`/api/inspections/checklist-versions/${v2.id}/items`, { itemId: c.items['K-03'] });
    expect(retired.statusCode).toBe(400);
    expect(retired.json().error.message).toBe('第 1 项：检查事项“K-03 电子档案来源可靠、程序规范、要素合规”已停用，不能加入检查表');
    const v1 = ok<Version>(await county.get(`/api/inspections/checklist-versions/${c.v1}`));
    expect(v1.items.map((i) => [i.code, i.title])).toEqual([
      ['K-01', '建立档案工作责任制'],
      ['K-02', '库房“八防”措施到位'],
      ['K-03', '电子档案来源可靠、程序规范、要素合规'],
    ]);
    // Only one draft at a time.
    expect((await county.post(`/api/inspections/checklists/${c.checklistId}/versions`)).statusCode).toBe(409);
  });
});

describe('catalogue and checklists are paged', () => {
  it('answers page 2 of the catalogue as the slice of the whole, with the total; a page of more than 200 is refused', async () => {
    const all = ok<ItemList>(await admin.get('/api/inspections/items?pageSize=200'));
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(6);
    expect(ok<ItemList>(await admin.get('/api/inspections/items'))).toMatchObject({ page: 1, pageSize: 20, total: all.total });
    const p2 = ok<ItemList>(await admin.get('/api/inspections/items?page=2&pageSize=3'));
    expect(p2).toMatchObject({ total: all.total, page: 2, pageSize: 3 });
    expect(p2.items.map((i) => i.id)).toEqual(all.items.slice(3, 6).map((i) => i.id));
    // A filter counts only its own rows.
    const a1 = ok<ItemList>(await admin.get('/api/inspections/items?area=a1&pageSize=200'));
    expect(a1.total).toBe(all.items.filter((i) => i.area === 'a1').length);
    refused(await admin.get('/api/inspections/items?pageSize=201'), 400, 'pageSize', /每页最多 200 条/);
  });

  it('answers page 2 of the checklists as the slice of the whole, with the total; a page of more than 200 is refused', async () => {
    for (const name of ['分页检查表甲', '分页检查表乙', '分页检查表丙']) ok(await county.post('/api/inspections/checklists', { name, kind: 'inspection' }));
    const all = ok<ChecklistList>(await county.get('/api/inspections/checklists?pageSize=200'));
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const p2 = ok<ChecklistList>(await county.get('/api/inspections/checklists?page=2&pageSize=2'));
    expect(p2).toMatchObject({ total: all.total, page: 2, pageSize: 2 });
    expect(p2.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    const found = ok<ChecklistList>(await county.get(`/api/inspections/checklists?q=${encodeURIComponent('分页检查表')}`));
    expect(found.items.map((i) => i.name)).toEqual(['分页检查表丙', '分页检查表乙', '分页检查表甲'].sort((a, b) => (a < b ? -1 : 1)));
    refused(await county.get('/api/inspections/checklists?pageSize=201'), 400, 'pageSize', /每页最多 200 条/);
  });
});
