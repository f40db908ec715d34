/**
 * The whole-process record (全过程记录) under attack: what the app's own role cannot do at all, and
 * what an owner (a DBA outside the app) can do but verification finds — against the head and the
 * signed checkpoints.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { Client, countRows, createTestEnv, ok, refused, setupOrg, type TestEnv } from '../../test/harness.js';
import { eventHash, GENESIS_HASH } from './hash.js';
import { writeCheckpoints } from './checkpoints.service.js';
import { verifyAudit } from './verify.js';
import type { AuditVerify, Checkpoints, CheckpointWrite } from './contracts.js';
import type { TimelinePage } from '../contracts.js';

/** A fresh database with a set-up org and `departments` more events. */
async function freshOrg(departments = 4): Promise<{ env: TestEnv; admin: Client; orgId: string }> {
  const env = await createTestEnv();
  const { client: admin, setup } = await setupOrg(env.app);
  for (let i = 1; i <= departments; i++) ok(await admin.post('/api/departments', { name: `科室${i}` }));
  return { env, admin, orgId: setup.org.id };
}

/** Act as the owner (a DBA outside the app), the record's triggers off, in one transaction. */
async function asDba<T>(env: TestEnv, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: env.ownerUrl });
  await c.connect();
  const tables = ['audit_events', 'audit_heads', 'audit_checkpoints'];
  try {
    await c.query('BEGIN');
    for (const t of tables) await c.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    const r = await fn(c);
    for (const t of tables) await c.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    await c.end();
  }
}

type EventRow = { id: string; seq: string; after: Record<string, unknown> | null; hash: string } & Record<string, unknown>;

/** Rewrite event `seq` with `change`, re-hash it and every later event, and move the head to match: a consistent forgery. */
async function rewriteAndRehash(c: pg.Client, orgId: string, seq: number, change: (after: Record<string, unknown>) => void): Promise<void> {
  const { rows } = await c.query<EventRow>(`SELECT * FROM audit_events WHERE org_id = $1 ORDER BY seq`, [orgId]);
  let prevHash = seq === 1 ? GENESIS_HASH : rows.find((r) => Number(r.seq) === seq - 1)!.hash;
  for (const r of rows.filter((x) => Number(x.seq) >= seq)) {
    const after = r.after ? { ...r.after } : {};
    if (Number(r.seq) === seq) change(after);
    const hash = eventHash({
      orgId,
      seq: Number(r.seq),
      actorId: r.actor_id as string | null,
      actorName: r.actor_name as string,
      action: r.action as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string,
      before: r.before,
      after,
      at: new Date(r.at as string).toISOString(),
      prevHash,
    });
    await c.query(`UPDATE audit_events SET after = $3::jsonb, prev_hash = $4, hash = $5 WHERE org_id = $1 AND seq = $2`, [
      orgId,
      r.seq,
      JSON.stringify(after),
      prevHash,
      hash,
    ]);
    prevHash = hash;
  }
  await c.query(`UPDATE audit_heads SET hash = $2 WHERE org_id = $1`, [orgId, prevHash]);
}

const lastSeq = async (env: TestEnv, orgId: string) =>
  Number((await env.database.pool.query<{ seq: string }>(`SELECT max(seq) AS seq FROM audit_events WHERE org_id = $1`, [orgId])).rows[0]!.seq);

describe('the app connects as a role that cannot rewrite the record', () => {
  let env: TestEnv;
  let owner = '';
  beforeAll(async () => {
    ({ env } = await freshOrg(1));
    owner = (await env.database.pool.query<{ tableowner: string }>(`SELECT tableowner FROM pg_tables WHERE tablename = 'audit_events'`)).rows[0]!.tableowner;
  });
  afterAll(async () => env.close());

  it('is no superuser and owns nothing', async () => {
    const r = await env.database.pool.query<{ me: string; su: boolean; owns: string }>(
      `SELECT current_user AS me, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su,
              (SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS owns`,
    );
    expect(r.rows[0]).toMatchObject({ su: false, owns: '0' });
    expect(r.rows[0]!.me).not.toBe(owner);
  });

  const attacks: [string, string, RegExp][] = [
    ['turn the triggers off for the session', `SET session_replication_role = replica`, /permission denied to set parameter/],
    ['update an event', `UPDATE audit_events SET action = action`, /permission denied for table audit_events/],
    ['delete an event', `DELETE FROM audit_events WHERE seq = 1`, /permission denied for table audit_events/],
    ['truncate the events', `TRUNCATE audit_events`, /permission denied for table audit_events/],
    ['disable the trigger', `ALTER TABLE audit_events DISABLE TRIGGER USER`, /must be owner of table audit_events/],
    ['move a head back', `UPDATE audit_heads SET seq = seq - 1`, /only moves forward/],
    ['point a head at a made-up hash', `UPDATE audit_heads SET seq = seq + 1, hash = repeat('f', 64)`, /only moves forward/],
    ['move a head to another org', `UPDATE audit_heads SET org_id = gen_random_uuid()`, /permission denied for table audit_heads/],
    ['delete a head', `DELETE FROM audit_heads`, /permission denied for table audit_heads/],
    ['start a head anywhere but the genesis', `INSERT INTO audit_heads (org_id, seq, hash) VALUES (gen_random_uuid(), 7, repeat('a', 64))`, /genesis/],
    ['alter a checkpoint', `UPDATE audit_checkpoints SET hash = hash`, /permission denied for table audit_checkpoints/],
    ['delete a checkpoint', `DELETE FROM audit_checkpoints`, /permission denied for table audit_checkpoints/],
    ['delete a tamper alert', `DELETE FROM audit_alerts`, /permission denied for table audit_alerts/],
    ['create a table', `CREATE TABLE lantai_x (a int)`, /permission denied for schema public/],
    ['become the owner', `SET ROLE "{owner}"`, /permission denied to set role/],
  ];
  it.each(attacks)('refuses to %s', async (_what, statement, error) => {
    await expect(env.database.pool.query(statement.replace('{owner}', owner))).rejects.toThrow(error);
  });

  it('reads and writes every business table, and only reads and appends to the record', async () => {
    const { rows } = await env.database.pool.query<{ t: string; s: boolean; i: boolean; u: boolean; d: boolean }>(
      `SELECT tablename AS t, has_table_privilege(tablename, 'SELECT') AS s, has_table_privilege(tablename, 'INSERT') AS i,
              has_table_privilege(tablename, 'UPDATE') AS u, has_table_privilege(tablename, 'DELETE') AS d
       FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const record = ['audit_alerts', 'audit_checkpoints', 'audit_events', 'audit_heads'];
    for (const r of rows) {
      const want = record.includes(r.t) ? { s: true, i: true, u: false, d: false } : { s: true, i: true, u: true, d: true };
      expect({ t: r.t, s: r.s, i: r.i, u: r.u, d: r.d }).toEqual({ t: r.t, ...want });
    }
    expect(rows.length).toBeGreaterThan(30);
  });
});

describe('recording', () => {
  let env: TestEnv;
  let admin: Client;
  let orgId: string;
  beforeAll(async () => {
    ({ env, admin, orgId } = await freshOrg(0));
  });
  afterAll(async () => env.close());
  const count = (table: string) => countRows(env, table);

  it('records a write with its event in the same transaction; a failing write leaves neither', async () => {
    const events0 = await count('audit_events');
    const created = ok<{ id: string }>(await admin.post('/api/departments', { name: '监督指导科' }));
    expect(await count('audit_events')).toBe(events0 + 1);
    const tl = (await admin.get(`/api/audit/timeline?entityType=department&entityId=${created.id}`)).json().items;
    expect(tl).toHaveLength(1);
    expect(tl[0].action).toBe('department.create');
    expect(tl[0].after.name).toBe('监督指导科');

    const users0 = await count('users');
    const events1 = await count('audit_events');
    // Fails inside the transaction after the insert would have happened: unknown department.
    const bad = await admin.post('/api/users', {
      username: 'lisi',
      displayName: '李四',
      password: 'Li-Pass-2024x',
      roles: ['staff'],
      departmentId: '00000000-0000-4000-8000-000000000000',
    });
    refused(bad, 400, 'departmentId', /科室不存在/);
    expect(await count('users')).toBe(users0);
    expect(await count('audit_events')).toBe(events1);
  });

  it('pages a record’s timeline (50 a page by default), oldest or newest first; a page of more than 200 is refused', async () => {
    const d = ok<{ id: string }>(await admin.post('/api/departments', { name: '分页科0' }));
    for (let i = 1; i <= 4; i++) ok(await admin.patch(`/api/departments/${d.id}`, { name: `分页科${i}` }));
    const url = `/api/audit/timeline?entityType=department&entityId=${d.id}`;
    const all = ok<TimelinePage>(await admin.get(url));
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    const seqs = all.items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const p2 = ok<TimelinePage>(await admin.get(`${url}&page=2&pageSize=2`));
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(p2.items.map((e) => e.seq)).toEqual(seqs.slice(2, 4));
    // Newest first, the web's order: its page 2 is the earlier events.
    const newest = ok<TimelinePage>(await admin.get(`${url}&order=desc&page=2&pageSize=2`));
    expect(newest.items.map((e) => e.seq)).toEqual([seqs[2], seqs[1]]);
    expect(ok<TimelinePage>(await admin.get(`${url}&page=4&pageSize=2`))).toMatchObject({ items: [], total: 5 });
    refused(await admin.get(`${url}&pageSize=201`), 400, 'pageSize', /每页最多 200 条/);
    refused(await admin.get(`${url}&order=up`), 400, 'order', /排序应为 asc/);
    expect((await admin.get(`/api/audit/timeline?entityType=department&entityId=${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('rolls back the change when recording its event fails', async () => {
    // A row already sits where the next event goes (put there by the owner): the recorder's INSERT fails.
    const next = (await lastSeq(env, orgId)) + 1;
    const c = new pg.Client({ connectionString: env.ownerUrl });
    await c.connect();
    await c.query(
      `INSERT INTO audit_events (org_id, seq, actor_name, action, entity_type, entity_id, at, prev_hash, hash)
       VALUES ($1, $2, 'x', 'x', 'x', 'x', now(), 'x', 'x')`,
      [orgId, next],
    );
    await c.end();
    const depts0 = await count('departments');
    const r = await admin.post('/api/departments', { name: '办公室' });
    expect(r.statusCode).toBe(500);
    expect(r.json().error.message).toBe('服务器内部错误，请稍后重试或联系管理员');
    expect(await count('departments')).toBe(depts0);
    await asDba(env, (dba) => dba.query(`DELETE FROM audit_events WHERE org_id = $1 AND seq = $2`, [orgId, next]));
    ok(await admin.post('/api/departments', { name: '办公室' }));
    expect(ok<AuditVerify>(await admin.get('/api/audit/verify')).intact).toBe(true);
  });
});

describe('verification', () => {
  it('verifies an intact chain, and names an altered event', async () => {
    const { env, admin, orgId } = await freshOrg();
    try {
      const intact = ok<AuditVerify>(await admin.get('/api/audit/verify'));
      expect(intact).toMatchObject({ intact: true, orgs: 1, events: await countRows(env, 'audit_events'), alerts: [] });

      const target = (
        await env.database.pool.query<{ seq: string; id: string; entity_id: string }>(
          `SELECT seq, id, entity_id FROM audit_events WHERE org_id = $1 AND action = 'department.create' ORDER BY seq LIMIT 1`,
          [orgId],
        )
      ).rows[0]!;
      await asDba(env, (c) =>
        c.query(`UPDATE audit_events SET after = jsonb_set(after, '{name}', '"篡改科"') WHERE org_id = $1 AND seq = $2`, [orgId, target.seq]),
      );
      const broken = ok<AuditVerify>(await admin.get('/api/audit/verify'));
      expect(broken.intact).toBe(false);
      expect(broken.firstBroken).toEqual({
        orgId,
        seq: Number(target.seq),
        id: Number(target.id),
        reason: '记录内容与其哈希不符（已被改动）',
        entityType: 'department',
        entityId: target.entity_id,
      });
      // nothing is signed over a broken chain
      refused(await admin.post('/api/audit/checkpoints'), 409, null, /校验未通过，不能签署检查点：第 \d+ 条，记录内容与其哈希不符/);
    } finally {
      await env.close();
    }
  });

  it('names the id of a deleted row (not the id of the row after it)', async () => {
    const { env, admin, orgId } = await freshOrg();
    try {
      const rows = (await env.database.pool.query<{ seq: string; id: string }>(`SELECT seq, id FROM audit_events WHERE org_id = $1 ORDER BY seq`, [orgId]))
        .rows;
      const victim = rows[rows.length - 3]!;
      await asDba(env, (c) => c.query(`DELETE FROM audit_events WHERE org_id = $1 AND seq = $2`, [orgId, victim.seq]));
      const r = ok<AuditVerify>(await admin.get('/api/audit/verify'));
      expect(r.intact).toBe(false);
      expect(r.firstBroken).toMatchObject({ orgId, seq: Number(victim.seq), id: Number(victim.id) });
      expect(r.firstBroken!.reason).toBe(
        `第 ${victim.seq} 条记录缺失（id ${victim.id}；链从第 ${Number(victim.seq) - 1} 条跳到第 ${Number(victim.seq) + 1} 条）`,
      );
    } finally {
      await env.close();
    }
  });

  it('finds a re-hashed rewrite of the past, head rewritten to match, through the signed checkpoint (and through an exported copy once the checkpoint rows are deleted)', async () => {
    const { env, admin, orgId } = await freshOrg(5);
    try {
      const cp = ok<CheckpointWrite>(await admin.post('/api/audit/checkpoints')).written;
      expect(cp).toHaveLength(1);
      const signedSeq = await lastSeq(env, orgId);
      expect(cp[0]).toMatchObject({ orgId, seq: signedSeq });
      const exported = ok<Checkpoints>(await admin.get('/api/audit/checkpoints'));
      for (let i = 6; i <= 7; i++) ok(await admin.post('/api/departments', { name: `科室${i}` }));

      // The forger rewrites event 3 and every hash after it, and the head: the chain alone is consistent.
      await asDba(env, (c) =>
        rewriteAndRehash(c, orgId, 3, (after) => {
          after.name = '篡改科';
        }),
      );
      const r = ok<AuditVerify>(await admin.get('/api/audit/verify'));
      expect(r.intact).toBe(false);
      expect(r.firstBroken).toMatchObject({ orgId, seq: signedSeq });
      expect(r.firstBroken!.reason).toMatch(
        new RegExp(`^第 ${signedSeq} 条记录与 \\d{4}-\\d{2}-\\d{2} 签署的检查点不符.*第 1–${signedSeq} 条之间的记录被改写后重算了哈希$`),
      );

      // The forger deletes the checkpoint rows too: the database alone now looks intact …
      await asDba(env, (c) => c.query(`DELETE FROM audit_checkpoints WHERE org_id = $1`, [orgId]));
      expect(ok<AuditVerify>(await admin.get('/api/audit/verify')).intact).toBe(true);
      // … but not against the exported copy.
      const withExport = await verifyAudit(env.database.db, env.auditKey, { external: exported.items });
      expect(withExport.intact).toBe(false);
      expect(withExport.firstBroken).toMatchObject({ orgId, seq: signedSeq });
      expect(withExport.firstBroken!.reason).toMatch(/签署的检查点不符/);
    } finally {
      await env.close();
    }
  });

  it('finds the last event deleted and the head moved back below a checkpoint', async () => {
    const { env, admin, orgId } = await freshOrg();
    try {
      ok(await admin.post('/api/audit/checkpoints'));
      const last = await lastSeq(env, orgId);
      await asDba(env, async (c) => {
        await c.query(`DELETE FROM audit_events WHERE org_id = $1 AND seq = $2`, [orgId, last]);
        await c.query(`UPDATE audit_heads SET seq = $2, hash = (SELECT hash FROM audit_events WHERE org_id = $1 AND seq = $2) WHERE org_id = $1`, [
          orgId,
          last - 1,
        ]);
      });
      const r = ok<AuditVerify>(await admin.get('/api/audit/verify'));
      expect(r.intact).toBe(false);
      expect(r.firstBroken).toMatchObject({ orgId, seq: last });
      expect(r.firstBroken!.reason).toMatch(new RegExp(`^链在第 ${last - 1} 条之后被截断：\\d{4}-\\d{2}-\\d{2} 签署的检查点记有第 ${last} 条`));
    } finally {
      await env.close();
    }
  });

  it('finds a deleted head row, refuses the org’s next write with a clear error and keeps a tamper alert', async () => {
    const { env, admin, orgId } = await freshOrg();
    try {
      const events = await countRows(env, 'audit_events');
      await asDba(env, (c) => c.query(`DELETE FROM audit_heads WHERE org_id = $1`, [orgId]));
      const r = ok<AuditVerify>(await admin.get('/api/audit/verify'));
      expect(r).toMatchObject({ intact: false, orgs: 1 });
      expect(r.firstBroken).toMatchObject({ orgId, seq: events });
      expect(r.firstBroken!.reason).toBe(`链头记录（audit_heads）已被删除：本机构有 ${events} 条记录却没有链头，记录被篡改过`);

      const depts = await countRows(env, 'departments');
      const refusedWrite = await admin.post('/api/departments', { name: '新科室' });
      refused(refusedWrite, 503, null, /^本机构全过程记录的链头已被删除（已有 \d+ 条记录），记录被篡改过；为保全证据暂停写入/);
      expect(refusedWrite.json().error.code).toBe('unavailable.audit_tampered');
      expect(await countRows(env, 'departments')).toBe(depts);
      expect(await countRows(env, 'audit_events')).toBe(events);
      expect(await countRows(env, 'audit_heads')).toBe(0);
      const alerts = ok<AuditVerify>(await admin.get('/api/audit/verify')).alerts;
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ orgId, kind: 'head_missing', action: 'department.create', actorName: '管理员（admin）' });
    } finally {
      await env.close();
    }
  });

  it('finds a forged checkpoint (its signature)', async () => {
    const { env, admin, orgId } = await freshOrg();
    try {
      const [cp] = ok<CheckpointWrite>(await admin.post('/api/audit/checkpoints')).written;
      await asDba(env, (c) =>
        c.query(`UPDATE audit_checkpoints SET seq = seq - 1, hash = (SELECT hash FROM audit_events WHERE org_id = $1 AND seq = $2) WHERE org_id = $1`, [
          orgId,
          cp!.seq - 1,
        ]),
      );
      const r = ok<AuditVerify>(await admin.get('/api/audit/verify'));
      expect(r.intact).toBe(false);
      expect(r.firstBroken).toMatchObject({ orgId, seq: cp!.seq - 1 });
      expect(r.firstBroken!.reason).toMatch(/签署的检查点（第 \d+ 条）签名无效：检查点被伪造或改动过$/);
    } finally {
      await env.close();
    }
  });
});

describe('signed checkpoints', () => {
  let env: TestEnv;
  let admin: Client;
  let orgId: string;
  beforeAll(async () => {
    ({ env, admin, orgId } = await freshOrg(2));
  });
  afterAll(async () => env.close());

  it('the daily job writes at most one per org and day, and only when the chain moved', async () => {
    const ctx = (at: string) => ({ db: env.database.db, actor: null, now: () => new Date(at) });
    const daily = { daily: true, madeBy: '每日任务' };
    expect((await writeCheckpoints(ctx('2030-03-01T01:00:00Z'), env.auditKey, daily)).written).toHaveLength(1);
    ok(await admin.post('/api/departments', { name: '当天又一科' }));
    expect((await writeCheckpoints(ctx('2030-03-01T15:00:00Z'), env.auditKey, daily)).written).toHaveLength(0); // 23:00 Beijing, same day
    const next = await writeCheckpoints(ctx('2030-03-01T16:30:00Z'), env.auditKey, daily); // 00:30 Beijing, the next day
    expect(next.written).toMatchObject([{ orgId, day: '2030-03-02', seq: await lastSeq(env, orgId), madeBy: '每日任务' }]);
    expect((await writeCheckpoints(ctx('2030-03-03T01:00:00Z'), env.auditKey, daily)).written).toHaveLength(0); // nothing new
    // on demand: only when the chain moved since the last one
    expect(ok<CheckpointWrite>(await admin.post('/api/audit/checkpoints')).written).toHaveLength(0);
    ok(await admin.post('/api/departments', { name: '再一科' }));
    expect(ok<CheckpointWrite>(await admin.post('/api/audit/checkpoints')).written).toMatchObject([{ orgId, madeBy: '管理员（admin）' }]);
    expect(await countRows(env, 'audit_checkpoints')).toBe(3);
    expect(ok<AuditVerify>(await admin.get('/api/audit/verify'))).toMatchObject({ intact: true, checkpoints: 3 });
  });

  it('exports every checkpoint with its signature, checkable with the key alone', async () => {
    const x = ok<Checkpoints>(await admin.get('/api/audit/checkpoints'));
    expect(x).toMatchObject({
      format: 'lantai-audit-checkpoint-v1',
      algorithm: 'HMAC-SHA256',
      message: 'lantai-audit-checkpoint-v1|<orgId>|<seq>|<hash>|<at>',
    });
    expect(x.items).toHaveLength(3);
    for (const c of x.items) {
      const mac = crypto.createHmac('sha256', env.auditKey).update(`lantai-audit-checkpoint-v1|${c.orgId}|${c.seq}|${c.hash}|${c.at}`).digest('hex');
      expect(c.signature).toBe(mac);
      expect(c.keyId).toBe(x.keyId);
    }
    expect(ok<Checkpoints>(await admin.get('/api/audit/checkpoints?from=2030-03-02&to=2030-03-02')).items.map((c) => c.day)).toEqual(['2030-03-02']);
    // Paged, newest first: page 2 of 2 a page is the oldest; every page carries the header.
    expect(x).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(x.items.map((c) => c.at)).toEqual(
      x.items
        .map((c) => c.at)
        .sort()
        .reverse(),
    );
    const p2 = ok<Checkpoints>(await admin.get('/api/audit/checkpoints?page=2&pageSize=2'));
    expect(p2).toMatchObject({ format: 'lantai-audit-checkpoint-v1', keyId: x.keyId, total: 3, page: 2, pageSize: 2 });
    expect(p2.items).toEqual(x.items.slice(2));
    refused(await admin.get('/api/audit/checkpoints?pageSize=201'), 400, 'pageSize', /每页最多 200 条/);
    refused(await admin.get('/api/audit/checkpoints?from=2030-3-2'), 400, 'from', /起始日期应为 YYYY-MM-DD/);
    expect((await admin.get(`/api/audit/checkpoints?orgId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await new Client(env.app).get('/api/audit/checkpoints')).statusCode).toBe(401);
  });

  it('the job runs when the app starts', async () => {
    const before = await countRows(env, 'audit_checkpoints');
    ok(await admin.post('/api/departments', { name: '启动前一科' }));
    const app = await buildApp({
      db: env.database.db,
      config: { cookieSecure: false, trustProxy: [], uploadLimitBytes: 1024, logLevel: 'silent' },
      database: { kind: 'external', version: 'test' },
      auditKey: env.auditKey,
      now: () => new Date('2030-04-01T02:00:00Z'),
      serveWeb: false,
      logger: false,
    });
    await app.ready();
    await app.close();
    expect(await countRows(env, 'audit_checkpoints')).toBe(before + 1);
  });
});
