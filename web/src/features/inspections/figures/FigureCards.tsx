/** A figure as a card (a count, or a distribution with its buckets): every number opens the records it counts. */
import { Card, Progress, Space, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { Figure } from '@server/modules/inspections/figures/contracts';
import type { Drill } from '../queries';

/** A number that opens its records (a large touch target). */
export function Num({ value, onClick, testId, strong }: { value: number; onClick: () => void; testId: string; strong?: boolean }) {
  return (
    <Typography.Link
      onClick={onClick}
      data-testid={testId}
      data-value={value}
      className="mono"
      style={{
        display: 'inline-block',
        minWidth: 40,
        minHeight: 40,
        lineHeight: '40px',
        textAlign: 'center',
        fontSize: strong ? 30 : 16,
        fontWeight: strong ? 600 : 400,
      }}
    >
      {value}
    </Typography.Link>
  );
}

function FigureTitle({ figure }: { figure: Figure }) {
  return (
    <Space size={4}>
      <span>{figure.label}</span>
      <Tooltip title={figure.definition} trigger={['hover', 'click']}>
        <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)', padding: 4 }} aria-label={`${figure.label}的定义`} />
      </Tooltip>
    </Space>
  );
}

export function FigureCard({ figure, onOpen }: { figure: Figure; onOpen: (d: Drill) => void }) {
  return (
    <Card variant="borderless" size="small" data-testid={`figure-card-${figure.name}`} styles={{ body: { padding: '12px 16px' } }}>
      <div style={{ color: 'rgba(0,0,0,0.65)' }}>
        <FigureTitle figure={figure} />
      </div>
      <div>
        <Num
          value={figure.value}
          strong
          onClick={() => onOpen({ name: figure.name, label: figure.label, value: figure.value })}
          testId={`figure-${figure.name}`}
        />
        <span style={{ marginLeft: 4, color: 'rgba(0,0,0,0.55)' }}>{figure.unit}</span>
      </div>
    </Card>
  );
}

export function DistributionCard({ figure, onOpen }: { figure: Figure; onOpen: (d: Drill) => void }) {
  return (
    <Card
      variant="borderless"
      size="small"
      title={<FigureTitle figure={figure} />}
      extra={
        <span>
          共{' '}
          <Num value={figure.value} onClick={() => onOpen({ name: figure.name, label: figure.label, value: figure.value })} testId={`figure-${figure.name}`} />{' '}
          {figure.unit}
        </span>
      }
      data-testid={`figure-card-${figure.name}`}
    >
      {(figure.buckets ?? []).map((b) => (
        <div key={b.key} style={{ display: 'flex', alignItems: 'center', gap: 12 }} data-testid={`bucket-row-${figure.name}-${b.key}`}>
          <span style={{ width: 96, flex: 'none' }}>{b.label}</span>
          <Progress percent={figure.value ? Math.round((b.value / figure.value) * 100) : 0} showInfo={false} status="normal" style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 72, flex: 'none', textAlign: 'right' }}>
            <Num
              value={b.value}
              onClick={() => onOpen({ name: figure.name, label: figure.label, value: b.value, key: b.key, keyLabel: b.label })}
              testId={`bucket-${figure.name}-${b.key}`}
            />
            {figure.unit}
          </span>
        </div>
      ))}
    </Card>
  );
}
