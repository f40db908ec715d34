/**
 * The 404 a citizen sees: inside the portal frame, with the way to the portal home and to each
 * section's pages (never to the staff workbench or the sign-in page).
 */
import { Button, Result } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { PortalFrame } from './PortalFrame';

export function PortalNotFound() {
  return (
    <PortalFrame>
      <div data-testid="portal-not-found">
        <Result
          status="404"
          title="页面不存在"
          subTitle="您访问的页面不存在，可能已被移动或网址有误。请从门户首页进入，或使用上方导航中的栏目。"
          extra={
            <Link to="/public" search={{ org: undefined }} data-testid="not-found-home">
              <Button type="primary" size="large" icon={<HomeOutlined />}>
                返回门户首页
              </Button>
            </Link>
          }
        />
      </div>
    </PortalFrame>
  );
}
