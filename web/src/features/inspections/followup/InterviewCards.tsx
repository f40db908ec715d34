/** 约谈记录 as cards with the interview-commitment clock: on the bureau's detail and in the unit's own account. */
import { Card, Descriptions, Space } from 'antd';
import type { CommitmentClock, InterviewView } from '@server/modules/inspections/followup/contracts';
import { ClockBadge, DownloadButton, Muted } from '../parts';

/** The interview-commitment clock (calendar days, so not ClockBadge's 工作日 count). */
export function CommitmentBadge({ clock }: { clock: CommitmentClock }) {
  const left = clock.daysLeft;
  return (
    <Space wrap size={4} data-testid="commitment-clock">
      <ClockBadge clock={{ ...clock, daysLeft: null }} prefix="整改承诺期限" />
      {left !== null && clock.state !== 'met' && clock.state !== 'missed' && <Muted>{left >= 0 ? `剩余 ${left} 个自然日` : `逾期 ${-left} 个自然日`}</Muted>}
    </Space>
  );
}

/** 约谈记录 as cards: date, place, both sides, items, content, commitments (+ the clock); the .docx on the bureau's side. */
export function InterviewCards({
  interviews,
  commitment,
  items,
  docxBase,
  code,
}: {
  interviews: InterviewView[];
  commitment: CommitmentClock | null;
  items: { id: string; code: string; title: string }[];
  docxBase?: string;
  code: string;
}) {
  const byId = new Map(items.map((x) => [x.id, x]));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {commitment && <CommitmentBadge clock={commitment} />}
      {interviews.map((i) => (
        <Card
          key={i.id}
          size="small"
          data-testid="interview"
          title={
            <span>
              {i.heldOn} 约谈 · {i.place}
            </span>
          }
          extra={
            docxBase && (
              <DownloadButton path={`${docxBase}/${i.id}.docx`} name={`约谈记录-${code}-${i.heldOn}.docx`} testId="download-interview">
                约谈记录
              </DownloadButton>
            )
          }
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label="约谈人">{i.interviewers.map((x) => `${x.name}（${x.certificateNo}）`).join('、')}</Descriptions.Item>
            <Descriptions.Item label="被约谈人">{i.attendees.map((x) => `${x.name}（${x.title}）`).join('、')}</Descriptions.Item>
            <Descriptions.Item label="整改事项">
              <span data-testid="interview-items">
                {i.itemIds.map((id, n) => (byId.get(id) ? `${byId.get(id)!.code} ${byId.get(id)!.title}` : i.itemCodes[n])).join('；')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="约谈内容">
              <span style={{ whiteSpace: 'pre-wrap' }}>{i.content}</span>
            </Descriptions.Item>
            <Descriptions.Item label="整改承诺">
              <span data-testid="interview-commitments" style={{ whiteSpace: 'pre-wrap' }}>
                {i.commitments ?? '无'}
                {i.commitmentDue ? `（承诺于 ${i.commitmentDue} 前完成）` : ''}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
    </Space>
  );
}
