import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** Title line of a page: title, one line of explanation, actions on the right. */
export function PageHeader({ title, description, extra }: { title: ReactNode; description?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <Typography.Title level={1}>{title}</Typography.Title>
        {description && <div className="page-desc">{description}</div>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
