/** How a 复议、诉讼 case reads in a timeline (全过程记录). */
import type { TimelineWords } from '../../kernel/audit/present.js';
import { DISPUTE_KIND_LABELS, DISPUTE_OUTCOME_LABELS } from './labels.js';

export const disputesTimelineWords: TimelineWords = {
  entities: { dispute: '复议诉讼案件' },
  actions: { 'dispute.create': '登记了复议诉讼案件', 'dispute.update': '修改了复议诉讼案件', 'dispute.import': '导入了复议诉讼案件' },
  fields: {
    'dispute.kind': '类别',
    caseNo: '案号',
    subject: '案由',
    filedOn: '立案日期',
    'dispute.outcome': '结果',
    'dispute.closedOn': '审结日期',
    applicationId: '关联申请',
  },
  values: { 'dispute.kind': DISPUTE_KIND_LABELS, 'dispute.outcome': DISPUTE_OUTCOME_LABELS },
};
