/** The frame of the portal's 行政许可 pages: the portal's one frame, with this section's footer line. */
import type { ReactNode } from 'react';
import { PortalFrame } from '../portal/PortalFrame';

export function PublicLicensingFrame({ children, org }: { children: ReactNode; org?: string | undefined }) {
  return (
    <PortalFrame
      org={org}
      maxWidth={960}
      footer="依据《中华人民共和国行政许可法》：收到申请材料之日起 5 个工作日内受理或者一次告知需要补正的全部内容；自受理之日起 20 个工作日内作出决定（依法延长、听证、检测、专家评审的除外）。"
    >
      {children}
    </PortalFrame>
  );
}
