import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../api/client';

dayjs.locale('zh-cn');

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

/** 政务蓝: a sober primary colour; everything else is antd's default look. */
const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1d4e89',
    colorLink: '#1d4e89',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    Layout: { siderBg: '#10243f', triggerBg: '#0b1a2f', headerBg: '#ffffff', headerPadding: '0 20px', headerHeight: 56 },
    Menu: { darkItemBg: '#10243f', darkSubMenuItemBg: '#0b1a2f', darkItemSelectedBg: '#1d4e89' },
    Table: { headerBg: '#f5f7fa' },
  },
};

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
