/** 办事指南: an item's service guide as the desk and the portal show it (basis, conditions, materials, procedure, time limits, fee, remedies). */
import { Alert, Descriptions, List, Tag, Typography } from 'antd';
import type { ItemView } from '@server/modules/licensing/items/contracts';
import { dash } from '../../shared/format';
import { ItemStatusTag } from './common';

const para = (t: string) => <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{t}</Typography.Paragraph>;

export function ItemGuide({ item: i }: { item: ItemView }) {
  return (
    <div data-testid="item-guide">
      {!i.applicable && <Alert type="warning" showIcon title={i.unavailableReason} style={{ marginBottom: 12 }} data-testid="item-unavailable" />}
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 132 } }}>
        <Descriptions.Item label="事项名称">{i.name}</Descriptions.Item>
        {i.code && <Descriptions.Item label="事项编码">{i.code}</Descriptions.Item>}
        <Descriptions.Item label="事项类别">{i.categoryLabel}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <ItemStatusTag status={i.status} />
          {i.abolishedOn && <Typography.Text type="secondary">{i.abolishedOn} 取消</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="设定和实施依据">{para(i.legalBasis)}</Descriptions.Item>
        <Descriptions.Item label="申请条件">{para(i.conditions)}</Descriptions.Item>
        <Descriptions.Item label="申请材料">
          {i.materials.length ? (
            <List
              size="small"
              dataSource={i.materials}
              renderItem={(m, n) => (
                <List.Item style={{ padding: '4px 0' }}>
                  <span>
                    {n + 1}. {m.name} {m.required ? <Tag color="red">必备</Tag> : <Tag>非必备</Tag>}
                    {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
                  </span>
                </List.Item>
              )}
            />
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="办理流程">{para(i.procedure)}</Descriptions.Item>
        <Descriptions.Item label="法定办结时限">{i.statutoryDays} 个工作日（自受理之日起；经负责人批准可延长 10 个工作日）</Descriptions.Item>
        <Descriptions.Item label="承诺办结时限">{i.promisedDays ? `${i.promisedDays} 个工作日` : '—'}</Descriptions.Item>
        <Descriptions.Item label="收费标准">{i.fee}</Descriptions.Item>
        <Descriptions.Item label="承办科室">{dash(i.department)}</Descriptions.Item>
        <Descriptions.Item label="救济途径">{para(i.remedies)}</Descriptions.Item>
        <Descriptions.Item label="有效期">
          {i.validFrom} 起{i.validTo ? `，至 ${i.validTo}` : ''}
        </Descriptions.Item>
        {i.abolishedReason && <Descriptions.Item label="取消依据">{para(i.abolishedReason)}</Descriptions.Item>}
      </Descriptions>
    </div>
  );
}
