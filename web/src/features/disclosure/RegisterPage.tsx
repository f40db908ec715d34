/**
 * 主动公开目录: what the bureau must publish of its own accord (条例第二十条), each entry with its
 * 20-working-day clock from the day the information was made or changed (条例第二十六条). The
 * register feeds section 二 of the annual report. Writes need `disclosure.handle` (own org).
 */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Grid, Popconfirm, Space, Typography } from 'antd';
import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import type { RegisterEntryView as RegisterEntry } from '@server/modules/disclosure/register/contracts';
import { errorMessage } from '../../api/client';
import { ListPage } from '../../shared/ListPage';
import { PageHeader } from '../../shared/PageHeader';
import { StatusTag } from '../../shared/StatusTag';
import { useCan, useMe } from '../../app/auth';
import { ActionModal } from './ActionModal';
import { day, DueCell, notAfterToday } from './common';
import { DueDate } from '../../shared/DueDate';
import { RegisterEntryDrawer } from './RegisterEntryDrawer';
import { REGISTER_URL, useDeleteRegisterEntry, useRegisterCategories, useSaveRegisterEntry } from './queries';

const mono = (v: string | null | undefined) => (v ? <span className="mono">{v}</span> : '—');

function ClockCell({ e }: { e: RegisterEntry }) {
  if (!e.clock) return <DueCell due={null} state="unknown" />;
  if (e.publishedOn)
    return (
      <span style={{ whiteSpace: 'nowrap' }} data-testid="register-due" data-due={e.clock.due ?? ''}>
        <DueDate due={e.clock.due} provisional={!!e.clock.provisional} {...(e.clock.provisionalYears ? { provisionalYears: e.clock.provisionalYears } : {})} />{' '}
        <StatusTag kind="due" value={e.clock.state} />
      </span>
    );
  return (
    <span data-testid="register-due" data-due={e.clock.due ?? ''}>
      <DueCell
        due={e.clock.due}
        state={e.clock.state}
        provisional={!!e.clock.provisional}
        {...(e.clock.provisionalYears ? { provisionalYears: e.clock.provisionalYears } : {})}
      />
      {e.clock.daysLeft !== null && e.clock.daysLeft >= 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          剩余 {e.clock.daysLeft} 个工作日
        </Typography.Text>
      )}
      {e.clock.daysLeft !== null && e.clock.daysLeft < 0 && (
        <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
          已逾期 {-e.clock.daysLeft} 个工作日
        </Typography.Text>
      )}
    </span>
  );
}

/** Years offered by the 制作年度 filter: this year and the nine before it. */
const REGISTER_YEARS = Array.from({ length: 10 }, (_, i) => new Date().getFullYear() - i);

export function RegisterPage() {
  const me = useMe();
  const can = useCan();
  const handle = can('disclosure.handle');
  const wide = Grid.useBreakpoint().lg ?? true;
  const { message } = App.useApp();
  const del = useDeleteRegisterEntry();
  const save = useSaveRegisterEntry();
  const [editing, setEditing] = useState<RegisterEntry | 'new' | null>(null);
  const [publishing, setPublishing] = useState<RegisterEntry | null>(null);
  const cats = useRegisterCategories();
  const categories = cats.data?.items ?? [];

  const mine = (e: RegisterEntry) => handle && e.orgId === me.org.id;

  const remove = async (e: RegisterEntry) => {
    try {
      await del.mutateAsync(e.id);
      message.success('已删除');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: ColumnsType<RegisterEntry> = [
    {
      title: '类别',
      key: 'category',
      responsive: ['lg'],
      render: (_: unknown, e) => (
        <div style={{ maxWidth: 220 }}>
          <div>{e.categoryLabel}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.item} · {e.entryKindLabel}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (v: string, e) => (
        <div style={{ maxWidth: wide ? 320 : 240 }}>
          {!wide && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {e.categoryLabel}
            </Typography.Text>
          )}
          <div>
            {e.link ? (
              <a href={e.link} target="_blank" rel="noreferrer">
                {v} <LinkOutlined />
              </a>
            ) : (
              v
            )}
          </div>
          {e.docNumber && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.docNumber}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: '制作或变更日期', dataIndex: 'madeOn', key: 'madeOn', render: mono },
    { title: '公开期限（20 个工作日）', key: 'due', render: (_: unknown, e) => <ClockCell e={e} /> },
    {
      title: '公开日期',
      dataIndex: 'publishedOn',
      key: 'publishedOn',
      render: (v: string | null) => (v ? mono(v) : <Typography.Text type="warning">未公开</Typography.Text>),
    },
    { title: '废止日期', dataIndex: 'abolishedOn', key: 'abolishedOn', render: mono, responsive: ['xl'] },
    {
      title: '金额（元）',
      dataIndex: 'amount',
      key: 'amount',
      align: 'right',
      responsive: ['xl'],
      render: (v: number | null) =>
        v === null ? '—' : <span className="mono">{v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</span>,
    },
    ...(handle
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, e: RegisterEntry) =>
              mine(e) ? (
                <Space size={0} wrap={false}>
                  {!e.publishedOn && (
                    <Button type="link" size="small" onClick={() => setPublishing(e)} data-testid="register-publish">
                      登记公开
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => setEditing(e)} data-testid="register-edit">
                    修改
                  </Button>
                  <Popconfirm
                    title="删除这条误登记的目录条目？"
                    description="删除后其公开期限一并删除，全过程记录保留。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(e)}
                  >
                    <Button type="link" size="small" danger data-testid="register-delete">
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="主动公开目录"
        description="按条例第二十条分类登记主动公开的政府信息；自信息形成或变更之日起 20 个工作日内公开（第二十六条）。规章、规范性文件等条目计入年度报告第二部分。"
      />
      <ListPage<RegisterEntry>
        url={REGISTER_URL}
        testId="register-table"
        columns={columns}
        searchPlaceholder="搜索标题或文号"
        orgFilter
        defaultPageSize={20}
        filters={[
          {
            key: 'category',
            placeholder: '类别',
            options: categories.map((c) => ({ value: c.key, label: `${c.item.replace('第二十条', '')} ${c.label}` })),
            width: 240,
          },
          {
            key: 'unpublished',
            placeholder: '公开状态',
            options: [
              { value: 'true', label: '尚未公开' },
              { value: 'false', label: '已公开' },
            ],
            width: 130,
          },
          { key: 'year', placeholder: '制作年度', options: REGISTER_YEARS.map((y) => ({ value: String(y), label: `${y}年` })), width: 120 },
        ]}
        tableProps={{
          expandable: {
            expandedRowRender: (e) =>
              e.clock ? (
                <div>
                  <Typography.Text strong>为什么是这一天</Typography.Text>
                  <ol className="explain-list" data-testid="register-explanation">
                    {e.clock.explanation.map((l, i) => (
                      <li key={i}>{l}</li>
                    ))}
                  </ol>
                  {e.note && <Typography.Paragraph type="secondary">备注：{e.note}</Typography.Paragraph>}
                </div>
              ) : (
                '该年度的工作日历尚未录入，暂无法计算公开期限。'
              ),
          },
        }}
        actions={() =>
          handle && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!categories.length} data-testid="register-add">
              登记条目
            </Button>
          )
        }
      />
      <RegisterEntryDrawer open={!!editing} entry={editing === 'new' ? null : editing} categories={categories} onClose={() => setEditing(null)} />
      <ActionModal<{ publishedOn: Dayjs }>
        open={!!publishing}
        title={`登记公开：${publishing?.title ?? ''}`}
        testId="register-publish-form"
        onClose={() => setPublishing(null)}
        initialValues={{ publishedOn: dayjs() }}
        success="已登记公开日期"
        onSubmit={(v) => save.mutateAsync({ id: publishing?.id ?? '', body: { publishedOn: day(v.publishedOn)! } })}
      >
        <Form.Item
          name="publishedOn"
          label="公开日期"
          rules={[{ required: true, message: '请选择公开日期' }]}
          extra={
            publishing?.clock?.due
              ? `应于 ${publishing.clock.due}${publishing.clock.provisional ? '（预计）' : ''} 前公开（制作或变更日期 ${publishing.madeOn} 起 20 个工作日）。`
              : undefined
          }
        >
          <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
        </Form.Item>
      </ActionModal>
    </>
  );
}
