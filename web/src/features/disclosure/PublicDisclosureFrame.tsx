/** The frame of the portal's 政务公开 pages: the portal's one frame, with this section's footer line. */
import type { ReactNode } from 'react';
import { PortalFrame } from '../portal/PortalFrame';

/** `wide` for pages with the annual-report tables; `org` is kept by the header's apply link. */
export function PublicDisclosureFrame({ children, org, wide }: { children: ReactNode; org?: string; wide?: boolean }) {
  return (
    <PortalFrame
      org={org}
      maxWidth={wide ? 1240 : 880}
      footer="依据《中华人民共和国政府信息公开条例》提出申请；行政机关收到申请后 20 个工作日内答复（依法补正、征求意见、延期的除外）。"
    >
      {children}
    </PortalFrame>
  );
}
