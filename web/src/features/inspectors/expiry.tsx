/** How far a certificate's expiry is, in words (a hint beside the date; the state itself comes from the server). */
import { Typography } from 'antd';
import dayjs from 'dayjs';

export function DaysToExpiry({ date }: { date: string }) {
  const n = dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');
  if (n < 0) return <Typography.Text type="danger">已过期 {-n} 天</Typography.Text>;
  if (n <= 60) return <Typography.Text type="warning">{n} 天后到期</Typography.Text>;
  return null;
}
