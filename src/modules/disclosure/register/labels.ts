/**
 * 主动公开目录 (条例第二十条、第二十六条): the categories of art. 20 and the entry kinds each takes, with
 * their Chinese names. No imports at all: register.ts, the contracts and the web read them.
 */

export const REGISTER_ENTRY_KINDS = ['document', 'item', 'decision'] as const;
export type RegisterEntryKind = (typeof REGISTER_ENTRY_KINDS)[number];
export const REGISTER_ENTRY_KIND_LABELS: Record<RegisterEntryKind, string> = {
  document: '文件、信息',
  item: '事项、项目',
  decision: '处理决定、收费或采购记录',
};

export interface RegisterCategoryDef {
  readonly key: string;
  /** 条例第二十条第（n）项. */
  readonly item: number;
  readonly label: string;
  readonly kinds: readonly RegisterEntryKind[];
  /** Decisions of this category carry an amount (元). */
  readonly amount?: boolean;
  /** The section-二 row key it feeds (both templates), if any. */
  readonly row?: string;
}

const ITEM_MARK = [
  '',
  '（一）',
  '（二）',
  '（三）',
  '（四）',
  '（五）',
  '（六）',
  '（七）',
  '（八）',
  '（九）',
  '（十）',
  '（十一）',
  '（十二）',
  '（十三）',
  '（十四）',
  '（十五）',
];
export const itemMark = (n: number) => `第二十条第${ITEM_MARK[n] ?? `（${n}）`}项`;

export const REGISTER_CATEGORIES: readonly RegisterCategoryDef[] = [
  { key: 'regulation', item: 1, label: '规章', kinds: ['document'], row: 'regulations' },
  { key: 'normative_document', item: 1, label: '规范性文件', kinds: ['document'], row: 'normative_documents' },
  { key: 'functions', item: 2, label: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名', kinds: ['document'] },
  { key: 'plans', item: 3, label: '国民经济和社会发展规划、专项规划、区域规划及相关政策', kinds: ['document'] },
  { key: 'statistics', item: 4, label: '国民经济和社会发展统计信息', kinds: ['document'] },
  { key: 'licensing', item: 5, label: '行政许可', kinds: ['item', 'decision'], row: 'licensing' },
  { key: 'other_service', item: 5, label: '其他对外管理服务事项', kinds: ['item', 'decision'], row: 'other_services' },
  { key: 'penalty', item: 6, label: '行政处罚', kinds: ['item', 'decision'], row: 'penalty' },
  { key: 'coercion', item: 6, label: '行政强制', kinds: ['item', 'decision'], row: 'coercion' },
  { key: 'budget', item: 7, label: '财政预算、决算信息', kinds: ['document'] },
  { key: 'fee', item: 8, label: '行政事业性收费', kinds: ['item', 'decision'], amount: true, row: 'fees' },
  { key: 'procurement', item: 9, label: '政府集中采购', kinds: ['decision'], amount: true, row: 'procurement' },
  { key: 'poverty_education', item: 10, label: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况', kinds: ['document'] },
  { key: 'emergency', item: 11, label: '突发公共事件的应急预案、预警信息及应对情况', kinds: ['document'] },
  { key: 'inspection', item: 12, label: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况', kinds: ['document'] },
  { key: 'civil_servants', item: 13, label: '公务员招考的职位、名额、报考条件等事项以及录用结果', kinds: ['document'] },
  { key: 'other', item: 15, label: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息', kinds: ['document'] },
];
export const REGISTER_CATEGORY_KEYS = REGISTER_CATEGORIES.map((c) => c.key) as [string, ...string[]];
export const REGISTER_CATEGORY_BY_KEY: Readonly<Record<string, RegisterCategoryDef>> = Object.fromEntries(REGISTER_CATEGORIES.map((c) => [c.key, c]));

/** 条例第二十六条: published within 20 working days of being made or changed. */
export const PROACTIVE_PERIOD = 20;
