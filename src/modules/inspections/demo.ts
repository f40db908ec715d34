/**
 * Demo data of the inspections module (演示数据), loaded by the orgs module's demo through the same
 * service functions as any user's writes (so every rule and the record apply):
 *   - 37 inspection items over the six areas of 档案法第四十二条, each citing the article (档案法, or the
 *     closer 档案法实施条例 2024) with the words a reviewer can check;
 *   - the comprehensive inspection checklist (all 37), its self-inspection version (自查表), and a
 *     scored 目标管理考评 checklist (15 items, 100 points, one veto item), all published;
 *   - a published annual plan, stratified by risk tier, with one executed (server entropy) and
 *     published draw whose teams come from the demo inspectors — the expired certificate and the
 *     conflicts of interest are left out by the draw's rules, not by hand;
 *   - the draw's inspections (one per drawn unit, status 待通知 with a notice clock on the dashboard);
 *     for the demo `unit` account's unit: if it was drawn, its inspection is notified; otherwise an
 *     ad-hoc inspection of it is created and notified — either way the account has a 自查表 to fill
 *     in, with its clock on the 工作台;
 *   - one graded evaluation.
 */
import { addDays } from '../../kernel/calendar/index.js';
import { loadWorkCalendar, todayInChina } from '../../kernel/calendar/store.js';
import { atDay, historyDates, loadInspectionHistory, teamFor } from './demo-history.js';
import { and, asc, eq, sql } from 'drizzle-orm';
import { requireActor, type ActorCtx, type Ctx } from '../../kernel/context.js';
import { units } from '../orgs/index.js';
import { users } from '../../kernel/schema.js';
import { AppError } from '../../kernel/http/errors.js';
import { createAdHoc, createFromDraw } from './loop/create.service.js';
import { sendNotice } from './loop/notices.service.js';
import type { Area } from './labels.js';
import { createItem } from './catalogue/items.service.js';
import { createChecklist, getVersion, publishVersion, replaceVersionItems } from './catalogue/checklists.service.js';
import { createPlan, publishPlan } from './plans/plans.service.js';
import { createDraw, executeDraw, publishDraw } from './draws/draws.service.js';
import { createEvaluation } from './evaluations/evaluations.service.js';

const LAW = '《中华人民共和国档案法》';
/** 《中华人民共和国档案法实施条例》 (国务院令第772号, in force 2024-03-01); the closer basis for many items. */
const REG = '《中华人民共和国档案法实施条例》';
const SECRETS = '《中华人民共和国保守国家秘密法》（2024年修订）';
/** 第十九条第一款 and 实施条例第二十二条 — what every storage item below rests on. */
const STORAGE = `${LAW}第十九条第一款（按照国家有关规定配置适宜档案保存的库房和必要的设施、设备，确保档案的安全）`;
const STORAGE_REG = (what: string) => `${REG}第二十二条第一款第（二）项、第二款（${what}；机关、团体、企业事业单位和其他组织的档案保管参照办理）`;
const GUIDANCE = `${LAW}第九条第一款（对所属单位的档案工作实行监督和指导）；${REG}第十四条第（三）项（监督、指导所属单位的档案工作）`;

/**
 * code, area, title, legal basis, method, evidence hint. Each basis names the law, the article (with
 * paragraph and item where it matters) and, in brackets, the words of the article a reviewer can check.
 */
export const DEMO_ITEMS: [string, Area, string, string, string, string][] = [
  // （一）档案工作责任制和管理制度
  [
    'A1-01',
    'a1',
    '建立档案工作责任制，明确分管负责人、档案部门和各业务部门的档案工作职责',
    `${LAW}第十二条（应当建立档案工作责任制）；${REG}第十八条（确定档案工作组织结构、职责分工，落实档案工作领导责任、管理责任、执行责任）`,
    '查阅资料',
    '档案工作责任制文件、职责分工文件',
  ],
  [
    'A1-02',
    'a1',
    '健全档案管理制度（归档、保管、利用、鉴定销毁、安全保密、交接等）并落实',
    `${LAW}第十二条（依法健全档案管理制度）；${REG}第十四条第（一）项（建立健全本单位档案工作制度规范）`,
    '查阅资料、询问',
    '档案管理制度汇编、制度执行记录',
  ],
  [
    'A1-03',
    'a1',
    '档案工作纳入单位年度工作计划和目标考核，定期研究档案工作',
    `${LAW}第十二条（应当建立档案工作责任制）；${REG}第四条第二款（加强本单位档案工作，履行档案工作主体责任）、第十八条（健全单位主要负责人承担档案完整与安全第一责任人职责相关制度）`,
    '查阅资料',
    '年度工作计划、会议纪要、考核办法',
  ],
  [
    'A1-04',
    'a1',
    '确定档案机构或者档案工作人员负责管理本单位档案',
    `${LAW}第九条第一款（应当确定档案机构或者档案工作人员负责管理本单位的档案）；${REG}第十四条（确定档案机构或者档案工作人员，履行下列职责）`,
    '查阅资料',
    '机构设置或人员任命文件',
  ],
  [
    'A1-05',
    'a1',
    '制定文件材料归档范围和档案保管期限表，并经档案主管部门审查同意',
    `${LAW}第十三条（应当纳入归档范围的材料）；${REG}第十九条第二款（机关、群团组织、国有企业事业单位应当明确本单位的归档范围和档案保管期限，经同级档案主管部门审核同意后施行）；《机关文件材料归档范围和文书档案保管期限规定》（国家档案局令第8号）`,
    '查阅资料',
    '归档范围和保管期限表及批复',
  ],
  [
    'A1-06',
    'a1',
    '制定档案安全应急预案，明确突发事件处置和档案抢救措施，定期演练',
    `${LAW}第十九条第二款（建立健全档案安全工作机制，加强档案安全风险管理，提高档案安全应急处置能力）；${REG}第二十二条第一款第（一）项、第二款（制定有针对性的安全风险管控措施和应急预案；单位参照办理）`,
    '查阅资料、询问',
    '应急预案、演练记录',
  ],
  // （二）档案库房、设施、设备
  [
    'A2-01',
    'a2',
    '档案库房专用，做到库房、办公室、阅览室“三分开”',
    `${STORAGE}；${STORAGE_REG('配置适宜安全保存档案、符合国家有关规定的专门库房')}`,
    '实地查看',
    '库房平面图、现场照片',
  ],
  [
    'A2-02',
    'a2',
    '库房落实“八防”措施（防火、防盗、防潮、防水、防光、防尘、防虫、防鼠）',
    `${STORAGE}；${STORAGE_REG('配备防火、防盗、防水、防光、防尘、防有害气体、防有害生物以及温湿度调控等必要的设施设备')}；《档案馆建筑设计规范》（JGJ 25-2010）`,
    '实地查看',
    '现场照片、设施设备清单',
  ],
  [
    'A2-03',
    'a2',
    '配置温湿度监测和调控设备，库房温度 14–24℃、相对湿度 45%–60%，并有记录',
    `${STORAGE}；${STORAGE_REG('配备……温湿度调控等必要的设施设备')}；《档案馆建筑设计规范》（JGJ 25-2010）`,
    '实地查看、查阅记录',
    '温湿度记录表',
  ],
  [
    'A2-04',
    'a2',
    '配置适用的消防设施（气体灭火系统或灭火器），并在有效期内',
    `${STORAGE}；${STORAGE_REG('配备防火……等必要的设施设备')}`,
    '实地查看',
    '消防设施检测报告、现场照片',
  ],
  [
    'A2-05',
    'a2',
    '库房门窗牢固，安装视频监控和入侵报警装置',
    `${STORAGE}；${STORAGE_REG('配备……防盗……等必要的设施设备')}`,
    '实地查看',
    '监控和报警设备清单、现场照片',
  ],
  [
    'A2-06',
    'a2',
    '档案装具（密集架、档案柜）符合要求，档案排架有序、标识清楚',
    `${STORAGE}；${REG}第二十二条第一款第（二）项、第（五）项、第二款（专门库房和必要的设施设备；编制档案目录等便于档案查找和利用的检索工具；单位参照办理）`,
    '实地查看',
    '现场照片、排架图',
  ],
  // （三）档案工作人员管理
  [
    'A3-01',
    'a3',
    '档案工作人员数量与工作任务相适应，专兼职人员明确',
    `${LAW}第九条第一款（应当确定档案机构或者档案工作人员负责管理本单位的档案）；${REG}第十四条（确定档案机构或者档案工作人员，履行下列职责）`,
    '查阅资料、询问',
    '人员名单、岗位说明',
  ],
  [
    'A3-02',
    'a3',
    '档案工作人员按规定参加业务培训和继续教育',
    `${LAW}第十一条第一款（提高档案工作人员业务素质）；${REG}第十七条（为档案工作人员的教育培训……创造条件，不断提高档案工作人员的专业知识水平和业务能力）`,
    '查阅资料',
    '培训证书、培训记录',
  ],
  [
    'A3-03',
    'a3',
    '档案工作人员岗位变动时办理档案交接手续',
    `${LAW}第十一条第二款（档案工作人员应当忠于职守，遵纪守法）、第十四条第一款（应当归档的材料……集中管理，任何个人不得拒绝归档或者据为己有）`,
    '查阅资料',
    '交接清单',
  ],
  [
    'A3-04',
    'a3',
    '涉密档案管理人员经审查并签订保密承诺书',
    `${LAW}第二十条（涉及国家秘密的档案的管理和利用……依照有关保守国家秘密的法律、行政法规规定办理）；${SECRETS}第四十三条第二款、第三款（任用、聘用涉密人员应当按照国家有关规定进行审查；涉密人员应当……签订保密承诺书）`,
    '查阅资料',
    '保密承诺书',
  ],
  [
    'A3-05',
    'a3',
    '档案工作人员岗位职责明确，履职情况纳入绩效考核',
    `${LAW}第十一条第二款（档案工作人员应当忠于职守，遵纪守法，具备相应的专业知识与技能）；${REG}第十八条（确定档案工作组织结构、职责分工，落实档案工作……执行责任）`,
    '查阅资料',
    '岗位职责、考核记录',
  ],
  [
    'A3-06',
    'a3',
    '档案工作人员恪守职业道德，无擅自提供、抄录、公布、销毁档案等行为',
    `${LAW}第十一条第二款（档案工作人员应当忠于职守，遵纪守法）、第四十八条第（二）项、第（四）项（擅自提供、抄录、复制、公布属于国家所有的档案；篡改、损毁、伪造档案或者擅自销毁档案）`,
    '询问、查阅利用记录',
    '利用登记、询问笔录',
  ],
  // （四）档案收集、整理、保管、提供利用
  [
    'A4-01',
    'a4',
    '应归档文件材料按时向档案部门移交，集中统一管理，无个人据为己有',
    `${LAW}第十四条第一款（应当归档的材料……定期向本单位档案机构或者档案工作人员移交，集中管理，任何个人不得拒绝归档或者据为己有）；${REG}第十九条第一款（由各内设机构收集齐全，规范整理，定期交本单位档案机构或者档案工作人员集中管理）`,
    '查阅资料、抽查档案',
    '移交清册、归档登记',
  ],
  [
    'A4-02',
    'a4',
    '文书档案按《归档文件整理规则》（DA/T 22）整理，分类、排列、编号规范',
    `${REG}第十九条第一款（收集齐全，规范整理）；《归档文件整理规则》（DA/T 22-2015）`,
    '抽查档案',
    '抽查档案的目录和实体',
  ],
  [
    'A4-03',
    'a4',
    '会计、基建、科技、人事、声像、实物等门类档案收集齐全完整',
    `${LAW}第十三条（直接形成的对国家和社会具有保存价值的材料，应当纳入归档范围）；${REG}第十九条第一款（由各内设机构收集齐全）`,
    '查阅资料、抽查档案',
    '各门类档案目录',
  ],
  [
    'A4-04',
    'a4',
    '按规定向综合档案馆移交应进馆档案',
    `${LAW}第十五条第一款（定期向档案馆移交档案）；${REG}第二十条第二款（自档案形成之日起满二十年向中央级、省级、设区的市级国家档案馆移交，满十年向县级国家档案馆移交）`,
    '查阅资料',
    '进馆移交清册、接收凭证',
  ],
  [
    'A4-05',
    'a4',
    '档案鉴定和销毁按规定进行，有鉴定报告、销毁清册和审批手续',
    `${LAW}第二十一条第二款（禁止擅自销毁档案）；${REG}第二十四条（定期对保管期限届满的档案进行鉴定，形成鉴定工作报告；销毁工作应当遵守国家有关规定）`,
    '查阅资料',
    '鉴定报告、销毁清册、批准文件',
  ],
  [
    'A4-06',
    'a4',
    '建立档案利用登记制度，提供利用手续完备',
    `${LAW}第二十九条（按照国家有关规定，利用……机关、团体、企业事业单位和其他组织保存的档案）；${REG}第三十四条第二款（尚未向国家档案馆移交的档案，其他单位以及公民需要利用的，应当经档案形成单位或者保管单位同意）`,
    '查阅资料',
    '利用登记簿、审批单',
  ],
  [
    'A4-07',
    'a4',
    '档案保管台账、出入库登记和库房管理日志完整',
    `${LAW}第十九条第一款（建立科学的管理制度，便于对档案的利用）；${REG}第二十二条第一款第（一）项、第（五）项、第二款（建立健全科学的管理制度和查阅利用规范；编制档案目录等检索工具；单位参照办理）`,
    '查阅资料',
    '保管台账、出入库登记',
  ],
  [
    'A4-08',
    'a4',
    '机构变动或撤销时，档案按规定妥善处置和移交',
    `${LAW}第十六条（发生机构变动或者撤销、合并等情形时，应当按照规定向有关单位或者档案馆移交档案）；${REG}第二十条第三款（已撤销单位的档案可以提前向有关的国家档案馆移交）`,
    '查阅资料',
    '处置方案、交接清单',
  ],
  // （五）档案信息化建设和信息安全保障
  [
    'A5-01',
    'a5',
    '电子档案来源可靠、程序规范、要素合规',
    `${LAW}第三十七条第一款（电子档案应当来源可靠、程序规范、要素合规）；${REG}第三十九条（采取管理措施和技术手段保证电子档案来源可靠、程序规范、要素合规：形成者、形成活动、形成时间可确认，全过程管理准确记录、可追溯，构成要素符合规范要求）`,
    '系统演示、抽查',
    '电子档案元数据、归档记录',
  ],
  [
    'A5-02',
    'a5',
    '建设电子档案管理系统，电子文件按规定归档',
    `${LAW}第三十六条（积极推进电子档案管理信息系统建设，与办公自动化系统、业务系统等相互衔接）；${REG}第三十八条第一款、第二款（加强办公自动化系统、业务系统归档功能建设，实现对电子档案的全过程管理）`,
    '系统演示',
    '系统功能说明、归档数据',
  ],
  [
    'A5-03',
    'a5',
    '电子档案归档和移交时开展真实性、完整性、可用性、安全性检测',
    `${LAW}第三十九条第二款（对接收的电子档案进行检测，确保电子档案的真实性、完整性、可用性和安全性）；${REG}第四十条第二款（接收电子档案时进行真实性、完整性、可用性和安全性等方面的检测）；《文书类电子档案检测一般要求》（DA/T 70-2018）`,
    '查阅检测记录',
    '“四性”检测报告',
  ],
  [
    'A5-04',
    'a5',
    '电子档案异地异质备份，定期检测备份数据可用',
    `${LAW}第三十五条第二款（采取措施保障档案信息安全）、第三十九条第三款（档案馆可以对重要电子档案进行异地备份保管）；${REG}第四十一条第一款（异地备份保管应当采用磁介质、光介质、缩微胶片等符合安全管理要求的存储介质，定期检测载体的完好程度和数据的可读性；异地备份选址应当满足安全保密等要求）`,
    '查阅资料、系统演示',
    '备份策略、备份检测记录',
  ],
  [
    'A5-05',
    'a5',
    '档案数字化符合《纸质档案数字化规范》（DA/T 31），成果经质量检查，原件妥善保管',
    `${LAW}第三十八条（推进传统载体档案数字化；已经实现数字化的，应当对档案原件妥善保管）；${REG}第四十二条第一款（开展传统载体档案数字化工作……保证档案数字化成果的质量和安全）；《纸质档案数字化规范》（DA/T 31-2017）`,
    '查阅资料、抽查',
    '数字化验收报告',
  ],
  [
    'A5-06',
    'a5',
    '档案信息系统落实网络安全等级保护，涉密档案不在连接互联网的计算机上存储、处理',
    `${LAW}第三十五条第二款（采取措施保障档案信息安全）；${REG}第三十八条第三款（电子档案管理信息系统……符合国家关于网络安全、数据安全以及保密等的规定）；${SECRETS}第三十一条第（一）项、第（三）项（不得将涉密信息系统、涉密信息设备接入互联网；不得使用非涉密信息系统、非涉密信息设备存储或者处理国家秘密）；《中华人民共和国网络安全法》网络安全等级保护制度`,
    '查阅资料、实地查看',
    '等保测评报告、涉密计算机台账',
  ],
  // （六）对所属单位等的档案工作监督和指导
  ['A6-01', 'a6', '对所属单位档案工作开展监督和指导，有年度计划和记录', GUIDANCE, '查阅资料', '指导计划、指导记录'],
  ['A6-02', 'a6', '对所属单位档案工作开展检查或考核，督促问题整改', GUIDANCE, '查阅资料', '检查通知、检查记录、整改材料'],
  [
    'A6-03',
    'a6',
    '委托档案整理、寄存、数字化等服务的，与符合条件的档案服务企业签订协议并监督',
    `${LAW}第二十四条第一款（应当与符合条件的档案服务企业签订委托协议……并对受托方进行监督）；${REG}第二十八条（受托档案服务企业应当具备的条件；委托方应当对受托方的服务进行全程指导和监督）`,
    '查阅资料',
    '委托协议、服务企业资质、监督记录',
  ],
  ['A6-04', 'a6', '对所属单位档案工作人员开展业务培训', `${GUIDANCE}、第十七条（为档案工作人员的教育培训……创造条件）`, '查阅资料', '培训通知、签到表'],
  [
    'A6-05',
    'a6',
    '指导所属单位做好重大活动、重点项目的档案工作',
    `${LAW}第九条第一款（对所属单位的档案工作实行监督和指导）；${REG}第十四条第（二）项、第（三）项（指导本单位相关材料的形成、积累、整理和归档；监督、指导所属单位的档案工作）`,
    '查阅资料',
    '重大活动和项目档案验收材料',
  ],
];

export const DEMO_VETO_ITEM: [string, Area, string, string, string, string] = [
  'V-01',
  'a2',
  '近五年未发生档案损毁、丢失、被盗、泄密等安全事故（否决项）',
  `${LAW}第十九条第二款（建立健全档案安全工作机制，加强档案安全风险管理）、第四十四条（发现档案安全隐患的，应当及时采取补救措施；发生档案损毁、信息泄露等情形的，应当及时向档案主管部门报告）`,
  '查阅资料、询问',
  '安全事故报告记录、情况说明',
];

/** The 目标管理考评 items: code → points (100 in all), the veto item last. */
const EVALUATION_POINTS: [string, number][] = [
  ['A1-01', 8],
  ['A1-02', 8],
  ['A1-03', 5],
  ['A2-02', 10],
  ['A2-03', 6],
  ['A2-04', 6],
  ['A3-01', 5],
  ['A3-02', 4],
  ['A4-01', 10],
  ['A4-02', 8],
  ['A4-05', 6],
  ['A4-06', 6],
  ['A5-01', 6],
  ['A5-04', 7],
  ['V-01', 5],
];

type Org = { id: string; name: string };

export async function loadInspectionDemo(ctx: Ctx, org: Org, opts: { history?: boolean } = {}): Promise<{ drawId: string; drawUuid: string }> {
  const c: ActorCtx = { ...ctx, actor: requireActor(ctx) };
  if (c.actor.orgId !== org.id) throw new Error('loadInspectionDemo: the actor must belong to the org');
  const today = todayInChina(c.now());
  const year = Number(today.slice(0, 4));
  // With the history (demo-history.ts), the catalogue, checklists and plans are made six weeks before its draw.
  const history = opts.history ? historyDates(await loadWorkCalendar(c.db), today) : null;
  const early = history ? atDay(c, addDays(history.drawnOn, -45)) : c;
  const earlyYear = Number(todayInChina(early.now()).slice(0, 4));

  const ids = new Map<string, string>();
  for (const [code, area, title, legalBasis, method, evidenceHint] of [...DEMO_ITEMS, DEMO_VETO_ITEM]) {
    const item = await createItem(early, { code, area, title, legalBasis, method, evidenceHint });
    ids.set(code, item.id);
  }

  async function publishedChecklist(
    name: string,
    kind: 'inspection' | 'self_inspection' | 'evaluation',
    description: string,
    entries: { itemId: string; points?: number; veto?: boolean }[],
  ) {
    const checklist = await createChecklist(early, { name, kind, description });
    const versionId = checklist.versions[0]!.id;
    await replaceVersionItems(early, versionId, entries);
    await publishVersion(early, versionId);
    return versionId;
  }

  const all = DEMO_ITEMS.map(([code]) => ({ itemId: ids.get(code)! }));
  const inspectionVersion = await publishedChecklist(
    '档案行政检查事项清单（综合检查表）',
    'inspection',
    '依据《中华人民共和国档案法》第四十二条，覆盖责任制和制度、库房设施设备、人员、收集整理保管利用、信息化和信息安全、对所属单位的监督指导六个方面。',
    all,
  );
  await publishedChecklist('档案工作自查表', 'self_inspection', '检查对象在现场检查前逐项自查，内容与综合检查表一致。', all);
  const evaluationVersion = await publishedChecklist(
    '机关档案工作目标管理考评表',
    'evaluation',
    '满分 100 分：得分率 ≥ 80% 优秀、≥ 70% 良好、≥ 60% 合格；否决项不符合的，评定为不合格。',
    EVALUATION_POINTS.map(([code, points]) => ({ itemId: ids.get(code)!, points, veto: code === 'V-01' })),
  );

  async function annualPlan(at: ActorCtx, planYear: number) {
    const plan = await createPlan(at, {
      year: planYear,
      title: `${planYear}年度档案行政检查“双随机、一公开”抽查计划`,
      scope: '本局检查对象名录库中在册的机关、事业单位、国有企业、民营企业、档案服务企业、社区和乡镇村；按风险等级分层随机抽取检查对象，随机选派执法检查人员。',
      unitTypes: [],
      riskTiers: [],
      stratifyByRisk: true,
      targetCoverage: { overall: 10, byRiskTier: { high: 30, medium: 10, low: 5 } },
      schedule: '全年分批实施，原则上每周四下午开展现场检查；检查前 5 个工作日书面通知被检查单位。',
      checklistVersionId: inspectionVersion,
    });
    await publishPlan(at, plan.id);
    return plan;
  }
  const plan = await annualPlan(earlyYear === year ? early : c, year);
  if (history) {
    const historyYear = Number(history.drawDate.slice(0, 4));
    const historyPlan = historyYear === year ? plan : await annualPlan(early, historyYear);
    await loadInspectionHistory(c, org, historyPlan.id, { inspection: inspectionVersion, evaluation: evaluationVersion });
  }

  // Two weeks ahead, within the plan's year.
  const twoWeeks = addDays(today, 14);
  const plannedDate = twoWeeks.slice(0, 4) === today.slice(0, 4) ? twoWeeks : `${year}-12-31`;
  const draw = await createDraw(c, plan.id, { plannedDate, teamSize: 2, entropySource: 'server' });
  await executeDraw(c, draw.id, { entropySource: 'server' });
  await publishDraw(c, draw.id);
  await loadLoopDemo(c, org, draw.id, plannedDate, inspectionVersion);

  // One graded evaluation: everything compliant except the temperature/humidity record and backups.
  const [unit] = await c.db.select({ id: units.id }).from(units).where(eq(units.orgId, org.id)).orderBy(asc(units.name)).limit(1);
  const version = await getVersion(c, evaluationVersion);
  if (!unit) return { drawId: draw.drawId, drawUuid: draw.id };
  await createEvaluation(c, {
    checklistVersionId: evaluationVersion,
    unitId: unit.id,
    title: `${year}年度机关档案工作目标管理考评`,
    evaluatedOn: today,
    results: version.items.map((e) => ({ entryId: e.id, result: e.code === 'A2-03' || e.code === 'A5-04' ? 'non_compliant' : 'compliant' })),
  });
  return { drawId: draw.drawId, drawUuid: draw.id };
}

/** The draw's inspections, and something for the demo `unit` account (see the header). */
async function loadLoopDemo(c: ActorCtx, org: Org, drawUuid: string, plannedDate: string, versionId: string): Promise<void> {
  const created = await createFromDraw(c, drawUuid);
  const [account] = await c.db
    .select()
    .from(users)
    .where(and(eq(users.orgId, org.id), sql`'unit' = ANY(${users.roles})`))
    .orderBy(asc(users.username))
    .limit(1);
  if (!account?.unitId) return;
  const drawn = created.items.find((i) => i.unitId === account.unitId);
  if (drawn) {
    // Drawn: its inspection is notified like an ad-hoc one would be; the 自查表 is the account's to fill.
    await noticeFits(c, drawn.id);
    return;
  }
  // Not drawn: an ad-hoc inspection of the account's unit by the first two inspectors the rules allow.
  const team = await teamFor(c, org.id, account.unitId, plannedDate);
  if (team.length < 2) return;
  const adHoc = await createAdHoc(c, {
    unitId: account.unitId,
    inspectorIds: team,
    checklistVersionId: versionId,
    plannedDate,
    reason: '群众来信反映该单位档案库房管理不规范，开展专项检查',
  });
  await noticeFits(c, adHoc.id);
}

/** Send the notice today; false when the planned date is too close (e.g. across a long holiday). */
async function noticeFits(c: ActorCtx, id: string): Promise<boolean> {
  try {
    await sendNotice(c, id, {});
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'unprocessable') return false;
    throw e;
  }
}
