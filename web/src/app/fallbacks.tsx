import { Button, Result, Spin } from 'antd';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { errorMessage } from '../api/client';

export function PageLoading() {
  return (
    <div className="page-loading">
      <Spin size="large" description="正在加载…" />
    </div>
  );
}

export function Forbidden() {
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有使用此功能的权限。如需开通，请联系本机构系统管理员。"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，可能已被移动或地址有误。"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle={errorMessage(error)}
      extra={
        <Button
          type="primary"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          重试
        </Button>
      }
    />
  );
}
