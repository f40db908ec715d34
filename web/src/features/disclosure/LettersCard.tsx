/**
 * The letters of an application (.docx): a button per letter, enabled when the server lists it among
 * `lettersAvailable` (its event has happened); the letters issued so far with their numbers, paged by the server.
 */
import { useState } from 'react';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import type { ApplicationDetail } from '@server/modules/disclosure/applications/contracts';
import { LETTER_LABELS, type LetterKind } from '@server/modules/disclosure/labels';
import type { IssuedLetter } from '@server/modules/disclosure/letters/contracts';
import { ApiError, errorMessage } from '../../api/client';
import { useDownloadLetter, useIssuedLetters } from './queries';

/** Why a letter is not there yet (the server's `lettersAvailable` says whether it is). */
const NOT_YET: Partial<Record<LetterKind, string>> = { correction: '未发出补正通知', extension: '未延长答复期限', reply: '尚未答复' };
/** Issued letters a page (an application rarely has more than a handful). */
const LETTERS_PAGE_SIZE = 10;

/** Downloads a letter, numbering it the first time; a letter not available (yet) is a warning, not an error. */
export function useLetterDownload(a: ApplicationDetail) {
  const { message } = App.useApp();
  const dl = useDownloadLetter(a.id);
  const get = async (kind: LetterKind, consultationId?: string) => {
    try {
      const name = await dl.mutateAsync({ kind, ...(consultationId ? { consultationId } : {}), fallbackName: `${LETTER_LABELS[kind]}-${a.trackingCode}.docx` });
      message.success(`已下载 ${name}`);
    } catch (e) {
      // 404: the letter does not apply; 409: not in this state.
      if (e instanceof ApiError && (e.status === 404 || e.status === 409)) message.warning(`${LETTER_LABELS[kind]}暂不可用：${e.message}`);
      else message.error(errorMessage(e));
    }
  };
  const busy = (kind: LetterKind) => dl.isPending && dl.variables?.kind === kind;
  return { get, busy };
}

export function LettersCard({ application: a }: { application: ApplicationDetail }) {
  const [page, setPage] = useState(1);
  const issued = useIssuedLetters(a.id, page, LETTERS_PAGE_SIZE);
  const { get, busy } = useLetterDownload(a);
  const available = new Set(a.lettersAvailable.filter((l) => l.kind !== 'consultation').map((l) => l.kind));
  // the fee notice appears once there is one; the others always, disabled until their event happened
  const kinds: LetterKind[] = ['receipt', 'correction', 'extension', 'reply', ...(available.has('fee') ? (['fee'] as const) : [])];
  return (
    <Card variant="borderless" title="文书" style={{ marginTop: 16 }} data-testid="letters-card">
      <Space wrap>
        {kinds.map((kind) => (
          <Button
            key={kind}
            icon={<FileWordOutlined />}
            disabled={!available.has(kind)}
            title={available.has(kind) ? `下载${LETTER_LABELS[kind]}（.docx）` : NOT_YET[kind]}
            loading={busy(kind)}
            onClick={() => void get(kind)}
            data-testid={`letter-${kind}`}
          >
            {LETTER_LABELS[kind]}
          </Button>
        ))}
      </Space>
      {(issued.data?.total ?? 0) > 0 && (
        <Table<IssuedLetter>
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(r) => `${r.kind}-${r.consultationId ?? ''}`}
          loading={issued.isFetching}
          pagination={{
            current: page,
            pageSize: LETTERS_PAGE_SIZE,
            total: issued.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
            showSizeChanger: false,
            size: 'small',
          }}
          dataSource={issued.data?.items ?? []}
          data-testid="issued-letters"
          columns={[
            { title: '已出具的文书', dataIndex: 'title' },
            { title: '文号', dataIndex: 'docNumber', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
            { title: '日期', dataIndex: 'issuedOn' },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        首次下载时编发文字号并记录；文书按 GB/T 9704
        排版。答复书载明救济途径，写明系统设置中的行政复议机关和人民法院：不予公开（含部分公开中不予公开的部分）的，须先申请行政复议；其他答复可在 60
        日内申请行政复议或 6 个月内提起行政诉讼。
      </Typography.Paragraph>
    </Card>
  );
}
