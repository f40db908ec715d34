/** Create or edit an entry of the 主动公开目录: category per 条例第二十条, title, dates, link, amount where needed. */
import { Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../shared/FormDrawer';
import { day } from './common';
import {
  REGISTER_ENTRY_KIND_LABELS,
  type RegisterCategoryView as RegisterCategory,
  type RegisterEntryInput,
  type RegisterEntryKind,
  type RegisterEntryView as RegisterEntry,
} from '@server/modules/disclosure/register/contracts';
import { useSaveRegisterEntry } from './queries';

interface Values {
  category?: string;
  entryKind?: RegisterEntryKind;
  title: string;
  docNumber?: string;
  madeOn?: Dayjs;
  publishedOn?: Dayjs | null;
  abolishedOn?: Dayjs | null;
  link?: string;
  amount?: number | null;
  note?: string;
}

const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const d = (v: string | null | undefined) => (v ? dayjs(v) : undefined);

/** Category options grouped by 第二十条 item. */
export function categoryOptions(cats: RegisterCategory[]) {
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const c of cats) {
    const g = groups.get(c.item) ?? { label: c.item, options: [] };
    g.options.push({ value: c.key, label: c.label });
    groups.set(c.item, g);
  }
  return [...groups.values()];
}

export function RegisterEntryDrawer(props: { open: boolean; entry: RegisterEntry | null; categories: RegisterCategory[]; onClose: () => void }) {
  const { entry, categories } = props;
  const save = useSaveRegisterEntry();
  const byKey = new Map(categories.map((c) => [c.key, c]));
  const initial: Partial<Values> = entry
    ? {
        category: entry.category,
        entryKind: entry.entryKind,
        title: entry.title,
        docNumber: entry.docNumber ?? undefined,
        madeOn: d(entry.madeOn),
        publishedOn: d(entry.publishedOn),
        abolishedOn: d(entry.abolishedOn),
        link: entry.link ?? undefined,
        amount: entry.amount,
        note: entry.note ?? undefined,
      }
    : { category: 'normative_document', entryKind: 'document', madeOn: dayjs() };

  const submit = (v: Values) => {
    const cat = v.category ? byKey.get(v.category) : undefined;
    const needsAmount = !!cat?.amount && v.entryKind === 'decision';
    // required fields are checked by the form; the server checks them again (400 naming the field)
    const body = {
      category: v.category,
      entryKind: v.entryKind,
      title: v.title?.trim(),
      docNumber: v.docNumber?.trim() || null,
      link: v.link?.trim() || null,
      madeOn: day(v.madeOn),
      publishedOn: day(v.publishedOn) ?? null,
      abolishedOn: v.entryKind === 'decision' ? null : (day(v.abolishedOn) ?? null),
      amount: needsAmount ? (v.amount ?? null) : null,
      note: v.note?.trim() || null,
    };
    return save.mutateAsync({ ...(entry ? { id: entry.id } : {}), body: body as RegisterEntryInput });
  };

  return (
    <FormDrawer<Values>
      open={props.open}
      title={entry ? '修改目录条目' : '登记主动公开目录条目'}
      width={600}
      onClose={props.onClose}
      initialValues={initial}
      onSubmit={submit}
      successMessage={entry ? '已保存' : '已登记'}
      testId="register-form"
      formName="register"
    >
      {(form) => (
        <>
          <Form.Item name="category" label="类别（条例第二十条）" rules={[{ required: true, message: '请选择类别' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={categoryOptions(categories)}
              onChange={(key: string) => {
                const c = byKey.get(key);
                const kind = form.getFieldValue('entryKind') as RegisterEntryKind | undefined;
                if (c && (!kind || !c.kinds.includes(kind))) form.setFieldValue('entryKind', c.kinds[0]);
              }}
              popupMatchSelectWidth={false}
              listHeight={360}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const cat = byKey.get(form.getFieldValue('category') as string);
              const kind = form.getFieldValue('entryKind') as RegisterEntryKind | undefined;
              const needsAmount = !!cat?.amount && kind === 'decision';
              return (
                <>
                  {cat && cat.kinds.length > 1 && (
                    <Form.Item name="entryKind" label="条目类型" rules={[{ required: true, message: '请选择条目类型' }]}>
                      <Radio.Group options={cat.kinds.map((k) => ({ value: k, label: REGISTER_ENTRY_KIND_LABELS[k] }))} />
                    </Form.Item>
                  )}
                  {cat && cat.kinds.length <= 1 && (
                    <Form.Item name="entryKind" hidden>
                      <Input />
                    </Form.Item>
                  )}
                  {cat?.reportRow && (
                    <Typography.Paragraph type="secondary" style={{ marginTop: -8, fontSize: 12 }}>
                      计入年度报告第二部分{cat.item}“{cat.label}”。
                    </Typography.Paragraph>
                  )}
                  <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 500 }]}>
                    <Input maxLength={500} />
                  </Form.Item>
                  <Form.Item name="docNumber" label="文号" rules={[{ max: 100 }]}>
                    <Input maxLength={100} placeholder="如：营档发〔2026〕3号" />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} sm={12}>
                      <Form.Item
                        name="madeOn"
                        label="制作或变更日期"
                        rules={[{ required: true, message: '请选择制作或变更日期' }]}
                        extra="自该日起 20 个工作日内公开（条例第二十六条）。"
                      >
                        <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12}>
                      <Form.Item name="publishedOn" label="公开日期" extra="尚未公开的留空。">
                        <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
                      </Form.Item>
                    </Col>
                  </Row>
                  {kind !== 'decision' && (
                    <Form.Item name="abolishedOn" label={kind === 'item' ? '取消日期' : '废止日期'} extra="现行有效的留空。">
                      <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} />
                    </Form.Item>
                  )}
                  {needsAmount && (
                    <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: `${cat.label}记录须填写金额（元）` }]}>
                      <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                    </Form.Item>
                  )}
                  <Form.Item name="link" label="公开链接" rules={[{ max: 1000 }]}>
                    <Input maxLength={1000} placeholder="https://" />
                  </Form.Item>
                  <Form.Item name="note" label="备注" rules={[{ max: 2000 }]}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                </>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
