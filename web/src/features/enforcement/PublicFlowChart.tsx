/**
 * A procedure's flow chart, drawn in HTML from its steps (the server's data with the statutory time
 * limits): a figure whose caption says the whole flow in words for screen readers, an ordered list of
 * boxes joined by arrows (a row that wraps on a wide screen, a column on a phone), a conditional step
 * (听证 on request, 集体讨论 for serious cases) dashed and marked 视情形, then each step's limit, basis and
 * what happens. No image file: the text stays text.
 */
import { Tag, Typography } from 'antd';
import type { ProcedureStep } from '@server/modules/enforcement/public/contracts';

/** The flow in one sentence: 立案 → 调查取证 → …; the conditional steps named as such. */
export function flowSummary(title: string, steps: readonly Pick<ProcedureStep, 'name' | 'conditional'>[]): string {
  const chain = steps.map((s) => s.name).join(' → ');
  const conditional = steps.filter((s) => s.conditional).map((s) => s.name);
  return `${title}流程：${chain}。${conditional.length ? `其中${conditional.join('、')}视情形进行。` : ''}`;
}

export function PublicFlowChart({ title, steps, testId }: { title: string; steps: readonly ProcedureStep[]; testId?: string }) {
  return (
    <figure className="flow-chart" data-testid={testId} aria-label={`${title}流程图`}>
      <figcaption className="flow-caption">{flowSummary(title, steps)}</figcaption>
      <ol className="flow-steps" aria-hidden="true">
        {steps.map((s, i) => (
          <li key={s.key} className={s.conditional ? 'flow-step flow-step-conditional' : 'flow-step'} data-testid="flow-step">
            <div className="flow-box">
              <span className="flow-no">{i + 1}</span>
              <span className="flow-name">{s.name}</span>
              {s.limit && <span className="flow-limit">{s.limit}</span>}
              {s.conditional && <span className="flow-tag">视情形</span>}
            </div>
            {i < steps.length - 1 && <span className="flow-arrow" />}
          </li>
        ))}
      </ol>
      <ol className="flow-details">
        {steps.map((s, i) => (
          <li key={s.key} data-testid="flow-detail">
            <Typography.Text strong>
              {i + 1}. {s.name}
            </Typography.Text>
            {s.conditional && <Tag style={{ marginLeft: 8 }}>视情形</Tag>}
            <div>{s.description}</div>
            <div className="flow-meta">
              <span>法定时限：{s.limit ?? '法律未规定具体时限'}</span>
              {s.basis && <span>依据：{s.basis}</span>}
            </div>
          </li>
        ))}
      </ol>
    </figure>
  );
}
