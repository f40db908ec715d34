/** The flow chart of a procedure: drawn from its steps in order, arrows only between steps, conditional steps marked, the flow said in words. */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import type { ProcedureStep } from '@server/modules/enforcement/public/contracts';
import { PublicFlowChart, flowSummary } from './PublicFlowChart';

const step = (key: string, name: string, limit: string | null, conditional = false): ProcedureStep => ({
  key,
  name,
  limit,
  basis: limit ? '《中华人民共和国行政许可法》第三十二条' : null,
  description: `${name}的说明`,
  conditional,
});
const STEPS = [
  step('apply', '申请', null),
  step('accept', '受理 / 补正', '收到申请材料之日起 5 个工作日内'),
  step('hearing', '听证', '告知后 5 个工作日内提出', true),
  step('decide', '决定', '受理之日起 20 个工作日内'),
];

describe('flowSummary', () => {
  it('chains the steps and names the conditional ones', () => {
    expect(flowSummary('行政许可', STEPS)).toBe('行政许可流程：申请 → 受理 / 补正 → 听证 → 决定。其中听证视情形进行。');
    expect(flowSummary('行政检查', [STEPS[0]!, STEPS[1]!])).toBe('行政检查流程：申请 → 受理 / 补正。');
  });
});

describe('PublicFlowChart', () => {
  it('draws one box per step in order, with arrows between them only, and the limits', () => {
    const { container } = render(<PublicFlowChart title="行政许可" steps={STEPS} testId="flow" />);
    const figure = screen.getByTestId('flow');
    expect(figure.tagName).toBe('FIGURE');
    expect(figure.getAttribute('aria-label')).toBe('行政许可流程图');
    expect(within(figure).getByText(flowSummary('行政许可', STEPS)).tagName).toBe('FIGCAPTION');
    const boxes = screen.getAllByTestId('flow-step');
    expect(boxes.map((b) => b.querySelector('.flow-name')!.textContent)).toEqual(['申请', '受理 / 补正', '听证', '决定']);
    expect(boxes.map((b) => b.querySelector('.flow-no')!.textContent)).toEqual(['1', '2', '3', '4']);
    expect(container.querySelectorAll('.flow-arrow')).toHaveLength(3);
    expect(boxes[3]!.querySelector('.flow-arrow')).toBeNull();
    expect(boxes[1]!.querySelector('.flow-limit')!.textContent).toBe('收到申请材料之日起 5 个工作日内');
    expect(boxes[0]!.querySelector('.flow-limit')).toBeNull();
  });

  it('marks a conditional step and says when the law sets no limit', () => {
    render(<PublicFlowChart title="行政许可" steps={STEPS} />);
    const boxes = screen.getAllByTestId('flow-step');
    expect(boxes.map((b) => b.classList.contains('flow-step-conditional'))).toEqual([false, false, true, false]);
    expect(boxes[2]!.textContent).toContain('视情形');
    const details = screen.getAllByTestId('flow-detail');
    expect(details[0]!.textContent).toContain('法定时限：法律未规定具体时限');
    expect(details[0]!.textContent).not.toContain('依据：');
    expect(details[1]!.textContent).toContain('依据：《中华人民共和国行政许可法》第三十二条');
  });
});
