/** How a 案件线索 reads in a timeline (全过程记录). */
import type { TimelineWords } from '../../kernel/audit/present.js';
import { REFERRAL_SOURCE_LABELS, REFERRAL_STATUS_LABELS } from './labels.js';

export const enforcementTimelineWords: TimelineWords = {
  entities: { enforcementReferral: '案件线索' },
  actions: { 'enforcement.referral.create': '收到移送的案件线索', 'enforcement.referral.decline': '决定不予立案', 'enforcement.referral.accept': '予以立案' },
  fields: {
    'enforcementReferral.code': '线索编号',
    facts: '违法事实',
    suspectedBasis: '涉嫌违反的规定',
    unitId: '检查对象',
    entries: '涉及检查项',
    sourceType: '来源',
    sourceRef: '来源记录',
    referredOn: '移送日期',
    'enforcementReferral.decidedOn': '决定日期',
  },
  values: { 'enforcementReferral.status': REFERRAL_STATUS_LABELS, sourceType: REFERRAL_SOURCE_LABELS },
};
