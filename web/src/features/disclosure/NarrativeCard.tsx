/** 年度报告文字部分 (一 总体情况、五 存在的主要问题及改进情况、六 其他需要报告的事项), editable by the desk. */
import { Alert, App, Button, Card, Form, Input, Skeleton } from 'antd';
import type { NarrativeInput } from '@server/modules/disclosure/annual-report/contracts';
import { errorMessage } from '../../api/client';
import { useNarrative, useSaveNarrative } from './queries';

const FIELDS = [
  { name: 'overview', label: '一、总体情况' },
  { name: 'problems', label: '五、存在的主要问题及改进情况' },
  { name: 'other', label: '六、其他需要报告的事项' },
] as const;

export function NarrativeCard({ year, orgId, editable }: { year: number; orgId?: string; editable: boolean }) {
  const { message } = App.useApp();
  const q = useNarrative(year, orgId);
  const mutation = useSaveNarrative(year, orgId);
  const [form] = Form.useForm<NarrativeInput>();
  const saving = mutation.isPending;
  const d = q.data;
  // Empty parts the records can write (一's numbers, 六's fees) start from the server's draft.
  const drafted = d && editable ? FIELDS.filter((f) => f.name !== 'problems' && !d[f.name].trim() && d.drafts[f.name]) : [];
  const initial = d
    ? { overview: d.overview || (editable ? (d.drafts.overview ?? '') : ''), problems: d.problems, other: d.other || (editable ? (d.drafts.other ?? '') : '') }
    : undefined;
  const save = async () => {
    try {
      await mutation.mutateAsync(form.getFieldsValue());
      message.success('已保存文字部分');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      variant="borderless"
      title="文字部分（导出 Word 时写入第一、五、六部分）"
      style={{ marginBottom: 16 }}
      extra={
        editable && (
          <Button type="primary" loading={saving} onClick={() => void save()} disabled={!q.data}>
            保存
          </Button>
        )
      }
    >
      {q.isLoading && <Skeleton active />}
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {q.data && editable && drafted.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="narrative-drafts"
          title={`${drafted.map((f) => f.label).join('、')}已按本年度记录生成草稿，请核对、修改后点击“保存”；未保存的草稿不能发布。`}
        />
      )}
      {q.data && (
        <Form form={form} layout="vertical" key={`${year}-${orgId ?? ''}-${q.dataUpdatedAt}`} initialValues={initial} disabled={!editable}>
          {FIELDS.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} extra={editable && drafted.includes(f) ? '系统根据记录生成的草稿，尚未保存' : undefined}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} placeholder={editable ? '填写本部分内容' : '（未填写）'} />
            </Form.Item>
          ))}
        </Form>
      )}
    </Card>
  );
}
