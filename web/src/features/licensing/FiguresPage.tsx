/** 许可统计: the licensing figures of the registry, each opening its applications (issue 14 §5). */
import { RegistryFiguresPage, type FigureGroup } from '../figures/RegistryFiguresPage';

const GROUPS: FigureGroup[] = [
  {
    title: '行政许可申请',
    keys: [
      'licensing.applications.received',
      'licensing.applications.accepted',
      'licensing.applications.granted',
      'licensing.applications.refused',
      'licensing.applications.online',
      'licensing.onlineRate',
    ],
  },
];

export function FiguresPage() {
  return (
    <RegistryFiguresPage
      title="许可统计"
      description="行政许可申请的收到、受理、准予、不予许可和网上办理率；每个数字都可点开，列出所计的申请。"
      groups={GROUPS}
      testId="licensing-figures"
    />
  );
}
