/** The frame of the portal's 双随机一公开 pages: the portal's one frame, with this section's footer line. */
import type { ReactNode } from 'react';
import { PortalFrame } from '../portal/PortalFrame';

/** `footer` replaces the line about checking the draws (e.g. on the published inspection results). */
export function PublicFrame({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <PortalFrame footer={footer ?? '每次抽取的候选名单、随机数和抽取结果都向社会公开，任何人都可以在自己的浏览器中重新计算并核对。'}>{children}</PortalFrame>
  );
}
