/**
 * The portal's sections and their pages, as data: the header's links, the home page's entries
 * and the 404 page's way back all read this one list, so a page added here appears everywhere.
 */

export type PortalPath =
  | '/public/disclosure/apply'
  | '/public/disclosure/track'
  | '/public/disclosure/reports'
  | '/public/licensing'
  | '/public/licensing/track'
  | '/public/licensing/decisions'
  | '/public/plans'
  | '/public/draws'
  | '/public/inspections'
  | '/public/enforcement'
  | '/public/enforcement/officers'
  | '/public/enforcement/procedures'
  | '/public/enforcement/decisions'
  | '/public/enforcement/benchmarks';

export interface PortalLink {
  path: PortalPath;
  /** Short label for the header. */
  label: string;
  /** Title on the home page. */
  title: string;
  /** One plain line on the home page. */
  description: string;
  testId: string;
  /** Shown on the home page only (another way into a page the header already links). */
  homeOnly?: boolean;
}

export interface PortalSection {
  key: 'disclosure' | 'licensing' | 'inspection' | 'enforcement';
  title: string;
  description: string;
  links: PortalLink[];
}

export const PORTAL_SECTIONS: PortalSection[] = [
  {
    key: 'disclosure',
    title: '政务公开',
    description: '依照《中华人民共和国政府信息公开条例》，向本机关申请公开政府信息，查询办理进度，阅读每年的工作报告。',
    links: [
      {
        path: '/public/disclosure/apply',
        label: '在线申请',
        title: '申请政府信息公开',
        description: '在线填写申请，无需注册账号；提交后取得查询码和预计答复日期。',
        testId: 'portal-apply-link',
      },
      {
        path: '/public/disclosure/track',
        label: '办理查询',
        title: '查询办理进度',
        description: '凭查询码查看申请的办理状态和预计答复日期。',
        testId: 'portal-track-link',
      },
      {
        path: '/public/disclosure/reports',
        label: '年度报告',
        title: '政府信息公开工作年度报告',
        description: '历年公布的政府信息公开工作年度报告，可下载全文。',
        testId: 'portal-reports-link',
      },
    ],
  },
  {
    key: 'licensing',
    title: '行政许可',
    description: '依照《中华人民共和国行政许可法》，查看许可事项的办事指南，网上申请并上传材料，凭查询码查询进度，查阅公开的许可决定。',
    links: [
      {
        path: '/public/licensing',
        label: '办事指南',
        title: '许可事项与办事指南',
        description: '各事项的依据、条件、材料、流程和时限；现行有效的事项可网上申请，已取消的事项标明。',
        testId: 'portal-licensing-link',
      },
      {
        path: '/public/licensing/track',
        label: '许可查询',
        title: '许可办理查询',
        description: '凭查询码查看受理、审查、决定和公开的进度。',
        testId: 'portal-licensing-track-link',
      },
      {
        path: '/public/licensing/decisions',
        label: '许可公开',
        title: '行政许可决定公开',
        description: '作出的准予和不予许可决定，7 个工作日内公开。',
        testId: 'portal-licensing-decisions-link',
      },
    ],
  },
  {
    key: 'inspection',
    title: '双随机一公开',
    description: '档案行政检查随机抽取检查对象、随机选派执法检查人员，抽查情况和检查结果及时向社会公开。',
    links: [
      {
        path: '/public/plans',
        label: '检查计划',
        title: '年度检查计划',
        description: '检查前公开的年度抽查计划、检查事项清单和执法检查人员。',
        testId: 'portal-plans-link',
      },
      {
        path: '/public/draws',
        label: '抽取公示',
        title: '抽取公示',
        description: '每次抽到的单位和检查组；抽取过程公开，任何人都可以核对。',
        testId: 'portal-draws-link',
      },
      {
        path: '/public/inspections',
        label: '检查结果',
        title: '检查结果公开',
        description: '检查发现的问题和整改情况，不含个人信息。',
        testId: 'portal-inspections-link',
      },
      {
        path: '/public/inspections',
        label: '典型单位',
        title: '典型单位',
        description: '档案工作规范、整改到位、可供借鉴的单位，列在检查结果页的前部。',
        testId: 'portal-exemplary-link',
        homeOnly: true,
      },
    ],
  },
  {
    key: 'enforcement',
    title: '行政执法公示',
    description: '依照行政执法公示制度（国办发〔2018〕118号），事前公开执法主体、职权、依据、程序和救济途径，事中公示执法人员，事后公开行政处罚决定。',
    links: [
      {
        path: '/public/enforcement',
        label: '执法公示',
        title: '事前公开',
        description: '执法主体，可以实施的行政许可、行政检查和行政处罚，执法依据和救济途径。',
        testId: 'portal-enforcement-link',
      },
      {
        path: '/public/enforcement/officers',
        label: '执法人员',
        title: '执法人员',
        description: '持有效执法证件的执法人员姓名、执法证号和有效期。',
        testId: 'portal-officers-link',
        homeOnly: true,
      },
      {
        path: '/public/enforcement/procedures',
        label: '执法流程',
        title: '执法流程',
        description: '行政处罚、行政许可和行政检查的流程图，每一步的法定时限。',
        testId: 'portal-procedures-link',
        homeOnly: true,
      },
      {
        path: '/public/enforcement/decisions',
        label: '处罚公开',
        title: '行政处罚决定公开',
        description: '作出的行政处罚决定 7 个工作日内公开；个人姓名脱敏，已撤回的予以标明。',
        testId: 'portal-penalty-decisions-link',
      },
      {
        path: '/public/enforcement/benchmarks',
        label: '裁量基准',
        title: '行政处罚裁量基准',
        description: '档案违法行为的处罚依据，以及轻微、一般、较重、严重各档情节的推荐罚款幅度（行政处罚法第三十四条）。',
        testId: 'portal-benchmarks-link',
      },
    ],
  },
];
