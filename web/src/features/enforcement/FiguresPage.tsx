/** 执法统计: the penalty-case figures of the registry, each opening its cases (issue 14 §5). */
import { RegistryFiguresPage, type FigureGroup } from '../figures/RegistryFiguresPage';

const GROUPS: FigureGroup[] = [
  { title: '案件办理', keys: ['enforcement.cases.opened', 'enforcement.cases.decided', 'enforcement.cases.noPenalty'] },
  {
    title: '处罚决定（一案有多种处罚的，按最重的一种计一次）',
    keys: [
      'enforcement.cases.byPenaltyConfiscation',
      'enforcement.cases.byPenaltyFine',
      'enforcement.cases.byPenaltyWarning',
      'enforcement.cases.byPenaltyOther',
    ],
  },
  { title: '罚款', keys: ['enforcement.fines.imposed', 'enforcement.fines.collected'] },
  { title: '法制审核与听证', keys: ['enforcement.reviews.passed', 'enforcement.reviews.returned', 'enforcement.hearings.held'] },
];

export function FiguresPage() {
  return (
    <RegistryFiguresPage
      title="执法统计"
      description="行政处罚案件的立案、决定、罚款、法制审核和听证；每个数字都可点开，列出所计的案件。"
      groups={GROUPS}
      testId="enforcement-figures"
    />
  );
}
