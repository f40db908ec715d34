/**
 * The three procedures the portal publishes in advance (事前公开, 国办发〔2018〕118号) as data: each step with
 * its statutory time limit and basis (RULES.md §1, §3, §5; 行政处罚法第八十五条 and 行政许可法第八十二条:
 * the 3/5/7-day periods of the 行政处罚法 and every 行政许可法 period are working days). The bureau's own
 * standards — the hearing thresholds, the inspection notice, record and rectification periods — come from
 * its settings, so the page says what this bureau applies. The web draws the flow chart from these steps.
 */
import type { Procedure, ProcedureStep } from './contracts.js';

/** The settings of one bureau the procedures name. */
export interface ProcedureSettings {
  hearingUnitFine: number;
  hearingIndividualFine: number;
  inspectionNoticeDays: number;
  inspectionRecordDays: number;
  rectificationDays: number;
}

const PENALTY_LAW = '《中华人民共和国行政处罚法》';
const LICENSING_LAW = '《中华人民共和国行政许可法》';
const ARCHIVES_LAW = '《中华人民共和国档案法》';
const GUIDANCE = '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）';
const RANDOM = '《国务院办公厅关于推广随机抽查规范事中事后监管的通知》（国办发〔2015〕58号）';

/** 50000 → 5 万元, 3000 → 3000 元. */
export function yuanText(n: number): string {
  return n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000} 万元` : `${n.toLocaleString('zh-CN')} 元`;
}

const step = (key: string, name: string, limit: string | null, basis: string | null, description: string, conditional = false): ProcedureStep => ({
  key,
  name,
  limit,
  basis,
  description,
  conditional,
});

export function procedures(s: ProcedureSettings): Procedure[] {
  return [
    {
      key: 'penalty',
      title: '行政处罚一般程序',
      basis: `${PENALTY_LAW}第五章第三节；${GUIDANCE}`,
      steps: [
        step('open', '立案', '符合立案标准的及时立案', `${PENALTY_LAW}第五十四条第二款`, '发现涉嫌违法行为，符合立案标准的，报本机关负责人批准后立案。'),
        step(
          'investigate',
          '调查取证',
          null,
          `${PENALTY_LAW}第四十二条、第五十五条`,
          '执法人员不少于两人，主动出示执法证件；全面、客观、公正地调查，收集证据，制作询问笔录，全过程记录。当事人认为执法人员与案件有利害关系的，有权申请回避。',
        ),
        step(
          'notify',
          '告知',
          '作出决定之前',
          `${PENALTY_LAW}第四十四条`,
          '书面告知拟作出的行政处罚内容及事实、理由、依据，以及当事人依法享有的陈述、申辩、要求听证等权利。',
        ),
        step(
          'hearing',
          '陈述申辩 / 听证',
          '告知后 5 个工作日内提出听证要求；听证 7 个工作日前通知',
          `${PENALTY_LAW}第四十五条、第六十三条、第六十四条`,
          `当事人有权陈述、申辩，不因申辩而被加重处罚。对单位罚款 ${yuanText(s.hearingUnitFine)}以上、对个人罚款 ${yuanText(s.hearingIndividualFine)}以上的（本机关标准），当事人可以要求听证。`,
          true,
        ),
        step(
          'review',
          '法制审核',
          '作出决定之前',
          `${PENALTY_LAW}第五十八条`,
          '经过听证、罚款达到听证标准或者重大复杂的案件，由法制审核人员审核执法主体、事实证据、法律依据、裁量、程序等；未经审核或者审核未通过的，不得作出决定。',
          true,
        ),
        step(
          'discuss',
          '集体讨论',
          '作出决定之前',
          `${PENALTY_LAW}第五十七条第二款`,
          '情节复杂或者重大违法行为给予行政处罚的，由本机关负责人集体讨论决定。',
          true,
        ),
        step(
          'decide',
          '决定',
          '立案之日起 90 日内（经批准可以延长）',
          `${PENALTY_LAW}第五十七条、第六十条`,
          '根据不同情况作出给予行政处罚、不予行政处罚（含首违不罚）或者违法事实不能成立的决定，制作决定书。',
        ),
        step(
          'serve',
          '送达',
          '宣告后当场交付；当事人不在场的，7 个工作日内送达',
          `${PENALTY_LAW}第六十一条`,
          '将行政处罚决定书送达当事人，告知申请行政复议、提起行政诉讼的途径和期限。',
        ),
        step(
          'execute',
          '执行',
          '收到决定书之日起 15 日内缴纳罚款',
          `${PENALTY_LAW}第六十六条、第六十七条、第七十二条`,
          '当事人按期缴纳罚款；确有经济困难的，经申请和批准可以暂缓或者分期缴纳。逾期不履行的，依法申请人民法院强制执行。',
        ),
        step(
          'close',
          '结案',
          '决定作出之日起 7 个工作日内公开；决定被撤销的，3 个工作日内撤回',
          `${PENALTY_LAW}第四十八条`,
          '执行完毕后结案归档。具有一定社会影响的行政处罚决定向社会公开；公开的决定被依法变更、撤销、确认违法或者确认无效的，撤回原公开信息。',
        ),
      ],
    },
    {
      key: 'licensing',
      title: '行政许可',
      basis: `${LICENSING_LAW}第四章；${GUIDANCE}`,
      steps: [
        step(
          'apply',
          '申请',
          null,
          `${LICENSING_LAW}第二十九条、第三十一条`,
          '申请人网上或者到窗口提出申请，如实提交办事指南所列的申请材料；网上申请无需注册账号。',
        ),
        step(
          'accept',
          '受理 / 补正',
          '收到申请材料之日起 5 个工作日内',
          `${LICENSING_LAW}第三十二条`,
          '材料齐全、符合法定形式的予以受理；需要补正的，一次告知需要补正的全部内容。逾期不告知的，自收到申请材料之日起即为受理。',
        ),
        step(
          'review',
          '审查',
          '听证、检验、检测、检疫、鉴定和专家评审的时间不计入期限',
          `${LICENSING_LAW}第三十四条、第四十五条`,
          '对申请材料进行审查；需要对实质内容进行核实的，指派两名以上工作人员核查。',
        ),
        step(
          'decide',
          '决定',
          '受理之日起 20 个工作日内（经本机关负责人批准可延长 10 个工作日）；准予许可的，10 个工作日内颁发、送达证件',
          `${LICENSING_LAW}第三十八条、第四十二条、第四十四条`,
          '作出准予或者不予行政许可的书面决定；不予许可的，说明理由，并告知申请行政复议或者提起行政诉讼的权利。',
        ),
        step(
          'publish',
          '公开',
          '决定作出之日起 7 个工作日内',
          `${LICENSING_LAW}第四十条`,
          '准予行政许可的决定予以公开，公众有权查阅；申请人的个人信息脱敏处理。',
        ),
      ],
    },
    {
      key: 'inspection',
      title: '行政检查（双随机、一公开）',
      basis: `${ARCHIVES_LAW}第四十二条、第四十五条；${RANDOM}；${GUIDANCE}`,
      steps: [
        step(
          'draw',
          '抽取',
          '按照事先公开的年度抽查计划',
          RANDOM,
          '从检查对象名录中随机抽取检查对象，从执法人员名录中随机选派执法检查人员（每组不少于两人，依法回避）；抽取过程和结果公开，任何人都可以核对。',
        ),
        step(
          'inspect',
          '检查',
          `检查日 ${s.inspectionNoticeDays} 个工作日前送达检查通知书；现场检查记录 ${s.inspectionRecordDays} 个工作日内签字归档（本机关规定）`,
          `${ARCHIVES_LAW}第四十二条、第四十三条`,
          '执法人员出示执法证件，按照检查事项清单逐项检查，制作现场检查记录，由被检查单位代表签字确认。',
        ),
        step('feedback', '反馈', null, `${ARCHIVES_LAW}第四十五条`, '出具检查反馈意见书，列明发现的问题和整改要求。'),
        step(
          'rectify',
          '整改',
          `现场检查之日起 ${s.rectificationDays} 个工作日内报告整改情况（本机关规定）`,
          `${ARCHIVES_LAW}第四十五条`,
          '被检查单位限期整改并报告；逾期未整改或者整改不到位的，约谈、回头看，涉嫌违法的移送立案。',
        ),
        step('publish', '公开', '检查结果形成之日起 20 个工作日内', GUIDANCE, '检查结果向社会公开，不含人员姓名、照片和签名。'),
      ],
    },
  ];
}
