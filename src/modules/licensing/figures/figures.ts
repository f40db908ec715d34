/**
 * 行政许可 figures (统计数), pure: each a named function over the loaded applications that returns the
 * records it counts, so a figure and its drill-down agree — received, accepted (explicitly or by
 * silence), granted, refused, received online — and the online-handling rate (网上办理率), the share of
 * the applications received that came online, in percent with one decimal, listing the applications
 * received (each record's note says its channel).
 */
import type { FigureRecord } from '../../../kernel/figures/contracts.js';
import type { FigureDef, FigureScope } from '../../../kernel/figures/registry.js';
import { CHANNEL_LABELS, RESULT_LABELS, type Channel, type Result } from '../labels.js';

/** An application as the figures read it. */
export interface FigureApplication {
  id: string;
  orgId: string;
  orgName: string;
  code: string;
  applicantName: string;
  itemName: string;
  channel: Channel;
  receivedOn: string;
  acceptedOn: string | null;
  acceptanceDeemed: boolean;
  decidedOn: string | null;
  result: Result | null;
}

/** Percent of `part` in `whole`, one decimal (0 when there is nothing). */
export const percent = (part: number, whole: number) => (whole ? Math.round((part * 1000) / whole) / 10 : 0);

const ONLINE_NOTE = CHANNEL_LABELS.online;
/** The online share of the applications a figure lists (their notes start with the channel). */
const onlineRate = (records: readonly FigureRecord[]) => percent(records.filter((r) => r.note?.startsWith(ONLINE_NOTE)).length, records.length);

export const LICENSING_FIGURES: readonly FigureDef[] = [
  { name: 'applications.received', label: '收到行政许可申请', unit: '件' },
  { name: 'applications.accepted', label: '受理行政许可申请', unit: '件' },
  { name: 'applications.granted', label: '准予行政许可', unit: '件' },
  { name: 'applications.refused', label: '不予行政许可', unit: '件' },
  { name: 'applications.online', label: '网上申请', unit: '件' },
  { name: 'onlineRate', label: '网上办理率', unit: '%', value: onlineRate },
];

const inPeriod = (d: string | null, s: Pick<FigureScope, 'from' | 'to'>): d is string => !!d && d >= s.from && d <= s.to;

function record(a: FigureApplication, date: string, dateLabel: string, note: string): FigureRecord {
  return {
    key: a.id,
    orgId: a.orgId,
    orgName: a.orgName,
    title: `${a.code} ${a.applicantName}：${a.itemName}`,
    date,
    dateLabel,
    entityType: 'licensingApplication',
    entityId: a.id,
    note,
  };
}

const sortRecords = (list: FigureRecord[]) => list.sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '') || x.title.localeCompare(y.title));

/** The records one figure counts. */
export function licensingFigureRecords(name: string, apps: readonly FigureApplication[], scope: Pick<FigureScope, 'from' | 'to'>): FigureRecord[] {
  const received = () => apps.filter((a) => inPeriod(a.receivedOn, scope)).map((a) => record(a, a.receivedOn, '收到申请日期', `${CHANNEL_LABELS[a.channel]}`));
  const decided = (result: Result) =>
    apps.filter((a) => a.result === result && inPeriod(a.decidedOn, scope)).map((a) => record(a, a.decidedOn!, '决定日期', RESULT_LABELS[result]));
  switch (name) {
    case 'applications.received':
    case 'onlineRate':
      return sortRecords(received());
    case 'applications.accepted':
      return sortRecords(
        apps
          .filter((a) => inPeriod(a.acceptedOn, scope))
          .map((a) => record(a, a.acceptedOn!, '受理日期', a.acceptanceDeemed ? '逾期未告知补正，视为受理' : '受理')),
      );
    case 'applications.granted':
      return sortRecords(decided('granted'));
    case 'applications.refused':
      return sortRecords(decided('refused'));
    case 'applications.online':
      return sortRecords(received().filter((r) => r.note === ONLINE_NOTE));
    default:
      return [];
  }
}
