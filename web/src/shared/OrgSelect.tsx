/** Picks an org among the user's own and its subordinates (上级机关只读下级). Hidden when there are none. */
import { TreeSelect } from 'antd';
import { ORG_LEVEL_LABELS } from '@server/kernel/contracts';
import type { OrgNode } from '@server/modules/orgs/orgs/contracts';
import { useOrgTree } from '../api/queries';

type TreeOpt = { value: string; title: string; children: TreeOpt[] };
const toOptions = (nodes: OrgNode[]): TreeOpt[] =>
  nodes.map((n) => ({ value: n.id, title: `${n.name}（${ORG_LEVEL_LABELS[n.level] ?? n.level}）`, children: toOptions(n.children ?? []) }));

export function OrgSelect({ value, onChange }: { value?: string; onChange: (id: string | undefined) => void }) {
  const tree = useOrgTree();
  const roots = tree.data?.items ?? [];
  const hasSubordinates = roots.some((r) => (r.children ?? []).length > 0);
  if (!hasSubordinates) return null;
  const own = roots[0]?.id;
  return (
    <TreeSelect
      style={{ width: 220 }}
      treeDefaultExpandAll
      value={value ?? own}
      treeData={toOptions(roots)}
      onChange={(v: string) => onChange(v === own ? undefined : v)}
      aria-label="机构"
      popupMatchSelectWidth={false}
    />
  );
}
