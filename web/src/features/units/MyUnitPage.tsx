/** 我的单位: the regulated unit a 立档单位 user belongs to. */
import { Alert, Card, Empty, Skeleton } from 'antd';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../shared/PageHeader';
import { useMe } from '../../app/auth';
import { useUnit } from './queries';
import { UnitDescriptions } from './UnitDetail';

export function MyUnitPage() {
  const me = useMe();
  const q = useUnit(me.user.unitId);
  return (
    <>
      <PageHeader title="我的单位" description="本账号所属的立档单位在档案主管部门登记的信息。如有变更，请联系档案局监督指导科。" />
      <Card variant="borderless">
        {!me.user.unitId ? (
          <Empty description="本账号尚未关联立档单位，请联系系统管理员" />
        ) : q.isLoading ? (
          <Skeleton active />
        ) : q.isError ? (
          <Alert type="error" showIcon title="单位信息加载失败" description={errorMessage(q.error)} />
        ) : q.data ? (
          <UnitDescriptions unit={q.data} />
        ) : null}
      </Card>
    </>
  );
}
