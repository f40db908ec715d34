/**
 * Demo data of the licensing module (演示数据): the catalogue an archives bureau keeps under the 档案法
 * and its 实施条例 (2024) — 延期移交档案审批, 档案及其复制件出境审批 — and the approval of selling
 * non-state archives, abolished in 2016 (it can no longer be applied for). With the past work switched
 * on: about four months of applications through the same service functions as a user's writes, each
 * under a clock set to its day — at the desk and online, a correction, an expert review, an extension the
 * leader approves, a refusal, a withdrawal, results published, and a few still open.
 */
import { addDays } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import type { ActorCtx } from '../../kernel/context.js';
import { atDay, type DemoRun } from '../../kernel/module.js';
import { recordEvent } from '../../kernel/audit/index.js';
import {
  acceptApplication,
  decideApplication,
  decideExtension,
  endExclusion,
  insertApplication,
  issueCertificate,
  publishDecision,
  receiveCorrected,
  requestExtension,
  sendCorrection,
  startExclusion,
  withdrawApplication,
} from './applications/applications.service.js';
import { sweepDeemedAcceptances } from './applications/clocks.service.js';
import { licensingFiles, licensingItems, type ItemMaterial, type ItemRow } from './schema.js';
import { accountActor } from '../../kernel/auth/account-actor.js';

const REMEDIES = (org: string) =>
  `申请人对${org}作出的行政许可决定不服的，可以自知道该决定之日起六十日内依法申请行政复议，或者自知道该决定之日起六个月内依法向人民法院提起行政诉讼。`;

interface DemoItem {
  name: string;
  legalBasis: string;
  conditions: string;
  materials: ItemMaterial[];
  procedure: string;
  promisedDays: number;
  validFrom: string;
  abolished?: { on: string; reason: string };
}

const PROCEDURE = '申请 → 受理（收到申请材料之日起 5 个工作日内受理，或者一次告知需要补正的全部内容）→ 审查（必要时实地核查）→ 决定 → 送达 → 公开';

export const DEMO_ITEMS: DemoItem[] = [
  {
    name: '延期移交档案审批',
    legalBasis:
      '《中华人民共和国档案法实施条例》（2024年3月1日起施行）第二十条第三款：经同级档案主管部门检查和同意，专业性较强或者需要保密的档案，可以延长向有关的国家档案馆移交的期限。',
    conditions:
      '申请单位为属于本级国家档案馆接收范围的机关、团体、企业事业单位和其他组织；申请延期移交的档案专业性较强或者需要保密；申请单位具备符合规定的档案保管条件。',
    materials: [
      { name: '延期移交档案申请书', required: true, note: '写明延期理由和期限，加盖单位公章' },
      { name: '延期移交档案目录', required: true, note: '案卷级目录，纸质和电子版各一份' },
      { name: '档案保管条件说明', required: true },
      { name: '经办人身份证明', required: false, note: '现场办理时出示' },
    ],
    procedure: PROCEDURE,
    promisedDays: 10,
    validFrom: '2024-03-01',
  },
  {
    name: '档案及其复制件出境审批',
    legalBasis:
      '《中华人民共和国档案法》第二十五条：属于国家所有的档案及其复制件，禁止擅自运送、邮寄、携带出境或者通过互联网传输出境。确需出境的，按照国家有关规定办理审批手续。',
    conditions: '出境的档案及其复制件不属于禁止出境的档案；出境用途明确，不危害国家安全和社会公共利益；申请人能够保证档案及其复制件的安全。',
    materials: [
      { name: '档案出境申请表', required: true },
      { name: '出境档案及其复制件清单', required: true, note: '注明档案名称、数量、载体' },
      { name: '出境用途说明', required: true },
      { name: '申请人身份证明或统一社会信用代码证明', required: true },
    ],
    procedure: PROCEDURE,
    promisedDays: 15,
    validFrom: '2021-01-01',
  },
  {
    name: '出卖、转让集体所有、个人所有以及其他不属于国家所有的对国家和社会具有保存价值或者应当保密的档案审批',
    legalBasis:
      '原《中华人民共和国档案法》（1996年修正）第十六条第二款：向国家档案馆以外的任何单位或者个人出卖的，应当按照有关规定由县级以上人民政府档案行政管理部门批准；原《中华人民共和国档案法实施办法》第十七条。',
    conditions: '档案所有者向国家档案馆以外的单位或者个人出卖、转让其所有的对国家和社会具有保存价值或者应当保密的档案。',
    materials: [
      { name: '出卖、转让档案申请书', required: true },
      { name: '档案清单', required: true },
    ],
    procedure: PROCEDURE,
    promisedDays: 20,
    validFrom: '1990-11-19',
    abolished: {
      on: '2016-11-07',
      reason:
        '全国人民代表大会常务委员会关于修改《中华人民共和国对外贸易法》等十二部法律的决定（2016年11月7日）修改档案法第十六条，取消该审批；国务院令第676号（2017年3月1日）删去档案法实施办法第十七条',
    },
  },
];

/** The smallest PDF that says what it is (a demo upload). */
const demoPdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`, 'utf8');

export async function loadLicensingDemo(c: ActorCtx, demo: DemoRun): Promise<void> {
  const orgId = demo.org.id;
  const cal = await loadWorkCalendar(c.db);
  const today = todayInChina(c.now());
  /** The n-th working day before today. */
  const wd = (n: number) => {
    let d = today;
    for (let k = 0; k < n;) {
      d = addDays(d, -1);
      if (cal.isWorkingDay(d)) k += 1;
    }
    return d;
  };
  // the catalogue is kept before the history it serves (its day, with the past work)
  const keep = demo.history ? atDay(c, wd(90)) : c;
  const items: ItemRow[] = [];
  for (const d of DEMO_ITEMS) {
    const [row] = await keep.db
      .insert(licensingItems)
      .values({
        orgId,
        name: d.name,
        category: 'licensing',
        department: '业务指导科',
        legalBasis: d.legalBasis,
        conditions: d.conditions,
        materials: d.materials,
        procedure: d.procedure,
        statutoryDays: 20,
        promisedDays: d.promisedDays,
        fee: '不收费',
        remedies: REMEDIES(demo.org.name),
        validFrom: d.validFrom,
        status: d.abolished ? 'abolished' : 'active',
        abolishedOn: d.abolished?.on ?? null,
        abolishedReason: d.abolished?.reason ?? null,
        createdBy: c.actor.userId,
        createdAt: keep.now(),
        updatedAt: keep.now(),
      })
      .returning();
    await recordEvent(keep, { orgId, action: 'licensing.item.create', entityType: 'licensingItem', entityId: row!.id, after: row });
    items.push(row!);
  }
  if (!demo.history) return;
  const staff = await accountActor(c, orgId, 'staff');
  const leader = await accountActor(c, orgId, 'leader');
  if (!staff || !leader) return;
  const as = (actor: ActorCtx['actor'], day: string): ActorCtx => ({ ...atDay(c, day), actor });
  const [transfer, exit] = [items[0]!, items[1]!];

  const agenda: { day: string; n: number; run: () => Promise<unknown> }[] = [];
  const step = (day: string, run: () => Promise<unknown>) => agenda.push({ day, n: agenda.length, run });
  const ids = new Map<string, string>();
  const id = (k: string) => ids.get(k)!;

  const receive = (
    k: string,
    item: ItemRow,
    day: string,
    channel: 'online' | 'desk',
    who: { type: 'unit' | 'individual'; name: string; idNumber: string; contact: string; summary: string },
  ) =>
    step(day, async () => {
      const ctx = as(staff, day);
      const row = await insertApplication(
        ctx,
        item,
        {
          channel,
          receivedOn: day,
          applicantType: who.type,
          applicantName: who.name,
          idNumber: who.idNumber,
          contact: who.contact,
          summary: who.summary,
          materials: channel === 'desk' ? item.materials.map((m) => ({ name: m.name, received: true })) : [],
        },
        channel === 'online' ? 'portal' : 'desk',
      );
      if (channel === 'online') {
        await ctx.db.insert(licensingFiles).values(
          item.materials
            .filter((m) => m.required)
            .map((m) => ({
              orgId,
              applicationId: row.id,
              material: m.name,
              fileName: `${m.name}.pdf`,
              contentType: 'application/pdf',
              size: demoPdf(m.name).length,
              data: demoPdf(m.name),
              createdAt: ctx.now(),
            })),
        );
      }
      ids.set(k, row.id);
    });
  const unit = (name: string, code: string, summary: string) => ({ type: 'unit' as const, name, idNumber: code, contact: '0931-8812345', summary });

  // A: at the desk, granted, certificate, published
  receive('A', transfer, wd(85), 'desk', unit('市城市建设档案馆', '12620100MB1234567X', '2003—2008 年城建工程档案 1260 卷专业性较强，申请延期 5 年移交'));
  step(wd(84), () => acceptApplication(as(staff, wd(84)), id('A'), { acceptedOn: wd(84) }));
  step(wd(75), () => decideApplication(as(staff, wd(75)), id('A'), { decidedOn: wd(75), result: 'granted', decisionNo: '档许〔2025〕1号' }));
  step(wd(74), () => issueCertificate(as(staff, wd(74)), id('A'), { certificateNo: '档延字第 0001 号', issuedOn: wd(74) }));
  step(wd(73), () => publishDecision(as(staff, wd(73)), id('A'), { publishedOn: wd(73) }));
  // B: online, a correction, the corrected materials, granted
  receive('B', transfer, wd(70), 'online', unit('市公安局', '11620100013927054M', '涉密刑侦档案 380 卷需要保密，申请延期移交'));
  step(wd(68), () =>
    sendCorrection(as(staff, wd(68)), id('B'), { sentOn: wd(68), items: ['延期移交档案目录缺少 2010 年案卷，请补齐', '档案保管条件说明须加盖单位公章'] }),
  );
  step(wd(63), () => receiveCorrected(as(staff, wd(63)), id('B'), { receivedOn: wd(63) }));
  step(wd(62), () => acceptApplication(as(staff, wd(62)), id('B'), { acceptedOn: wd(62) }));
  step(wd(52), () => decideApplication(as(staff, wd(52)), id('B'), { decidedOn: wd(52), result: 'granted', decisionNo: '档许〔2025〕2号' }));
  step(wd(51), () => issueCertificate(as(staff, wd(51)), id('B'), { certificateNo: '档延字第 0002 号', issuedOn: wd(51) }));
  step(wd(50), () => publishDecision(as(staff, wd(50)), id('B'), { publishedOn: wd(50) }));
  // C: an expert review (not counted), refused, published
  receive('C', exit, wd(60), 'desk', {
    type: 'individual',
    name: '陈志远',
    idNumber: '620102198506153214',
    contact: '13909310000',
    summary: '携带家族契约文书复制件 12 件出境参加学术交流',
  });
  step(wd(59), () => acceptApplication(as(staff, wd(59)), id('C'), { acceptedOn: wd(59) }));
  let review = '';
  step(wd(55), async () => {
    const d = await startExclusion(as(staff, wd(55)), id('C'), { kind: 'expert_review', from: wd(55), note: '邀请 3 名档案鉴定专家评审档案价值' });
    review = d.exclusions[0]!.id;
  });
  step(wd(48), () => endExclusion(as(staff, wd(48)), id('C'), review, { to: wd(48) }));
  step(wd(40), () =>
    decideApplication(as(staff, wd(40)), id('C'), {
      decidedOn: wd(40),
      result: 'refused',
      decisionNo: '档许〔2025〕3号',
      reason: '经专家评审，所涉契约文书中有 3 件属于对国家和社会具有重要保存价值的档案，其复制件出境不符合国家有关规定',
    }),
  );
  step(wd(38), () => publishDecision(as(staff, wd(38)), id('C'), { publishedOn: wd(38) }));
  // D: the leader approves ten more working days, granted
  receive('D', transfer, wd(45), 'online', unit('市自然资源局', '11620100MB0123456K', '不动产登记档案 2400 卷专业性较强，申请延期移交'));
  step(wd(44), () => acceptApplication(as(staff, wd(44)), id('D'), { acceptedOn: wd(44) }));
  step(wd(28), () => requestExtension(as(staff, wd(28)), id('D'), { reason: '需对申请单位档案库房进行实地检查，检查安排在下月初' }));
  step(wd(27), () => decideExtension(as(leader, wd(27)), id('D'), { approve: true }));
  step(wd(18), () => decideApplication(as(staff, wd(18)), id('D'), { decidedOn: wd(18), result: 'granted', decisionNo: '档许〔2025〕4号' }));
  step(wd(17), () => issueCertificate(as(staff, wd(17)), id('D'), { certificateNo: '档延字第 0003 号', issuedOn: wd(17) }));
  step(wd(15), () => publishDecision(as(staff, wd(15)), id('D'), { publishedOn: wd(15) }));
  // E: withdrawn by the applicant
  receive('E', exit, wd(35), 'online', unit('某文化传播有限公司', '91620100MA71234567', '出境展览用档案复制件 30 件'));
  step(wd(34), () => acceptApplication(as(staff, wd(34)), id('E'), { acceptedOn: wd(34) }));
  step(wd(30), () => withdrawApplication(as(staff, wd(30)), id('E'), { withdrawnOn: wd(30), reason: '展览取消，申请人书面申请撤回' }));
  // F: granted, not yet published (待我公开)
  receive('F', transfer, wd(20), 'online', unit('市气象局', '11620100013925010A', '气象观测原始记录 560 卷专业性较强，申请延期移交'));
  step(wd(19), () => acceptApplication(as(staff, wd(19)), id('F'), { acceptedOn: wd(19) }));
  step(wd(4), () => decideApplication(as(staff, wd(4)), id('F'), { decidedOn: wd(4), result: 'granted', decisionNo: '档许〔2025〕5号' }));
  // G: under review; H: silent past the 5 working days (accepted as of receipt); I: received yesterday
  receive('G', exit, wd(12), 'desk', {
    type: 'individual',
    name: '李明华',
    idNumber: '620103199001012345',
    contact: '13809310001',
    summary: '邮寄本人工作经历档案复制件出境办理海外学历认证',
  });
  step(wd(11), () => acceptApplication(as(staff, wd(11)), id('G'), { acceptedOn: wd(11) }));
  receive('H', transfer, wd(9), 'online', unit('市档案馆', '12620100MB0000001A', '馆藏数字化副本延期移交'));
  receive('I', transfer, wd(1), 'online', unit('市水务局', '11620100MB0098765B', '水利工程档案 420 卷专业性较强，申请延期移交'));

  agenda.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.n - b.n));
  for (const s of agenda) await s.run();
  // silence past the 5 working days (H): accepted as of receipt, on the timeline as the sweep would put it
  await sweepDeemedAcceptances({ ...c, actor: null });
}
