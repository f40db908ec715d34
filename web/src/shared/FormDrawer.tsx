/**
 * An antd Form in a Drawer. On submit it validates, calls `onSubmit`, and on an API error maps
 * `error.fields` onto the form's fields (`form.setFields`), so each message shows under its field;
 * errors about fields the form does not have show in an alert at the top.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Drawer, Form, Space, type FormInstance } from 'antd';
import { ApiError, errorMessage } from '../api/client';

export interface FormDrawerProps<V> {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  /** Called with the server's answer after a successful submit (the drawer closes itself). */
  onSuccess?: (result: unknown) => void;
  initialValues?: Partial<V>;
  successMessage?: string;
  submitText?: string;
  width?: number;
  /** Server field name → form field path, where they differ ('admin.password' → ['password']). */
  fieldMap?: Record<string, (string | number)[]>;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  testId?: string;
  /** Prefix of the fields' DOM ids (keeps ids unique beside other forms on the page). */
  formName?: string;
}

export function FormDrawer<V extends object>(props: FormDrawerProps<V>) {
  // A fresh form (and fresh initial values) every time the drawer opens.
  const [gen, setGen] = useState(0);
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) setGen((g) => g + 1);
  }
  return <FormDrawerInner<V> key={gen} {...props} />;
}

/** Puts server field errors on a form; returns the messages of fields the form does not have. */
export function applyFieldErrors(form: FormInstance, err: unknown, fieldMap: Record<string, (string | number)[]> = {}): string[] {
  if (!(err instanceof ApiError) || !err.fields) return [];
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const unknown: string[] = [];
  const updates: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [k, msg] of Object.entries(err.fields)) {
    const path = fieldMap[k] ?? k.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (registered.has(path.join('.'))) updates.push({ name: path, errors: [msg] });
    else unknown.push(msg);
  }
  form.setFields(updates);
  if (updates[0]) form.scrollToField(updates[0].name);
  return unknown;
}

/**
 * The sentence above a form after a failed save. A request-validation error whose every field is
 * already marked on the form gets a plain sentence instead of the server's technical summary.
 */
export function formErrorMessage(e: unknown, unmapped: string[]): string {
  const msg = errorMessage(e);
  if (e instanceof ApiError && e.fields && Object.keys(e.fields).length > 0 && unmapped.length === 0) {
    return /^(请求内容|查询参数|路径参数)有误/.test(msg) ? '保存失败：请按提示修改标红的项目' : msg;
  }
  return [msg, ...unmapped.filter((m) => m !== msg)].join('；');
}

function FormDrawerInner<V extends object>(props: FormDrawerProps<V>) {
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the field messages
    }
    setSaving(true);
    setError(null);
    try {
      const res = await props.onSubmit(values);
      if (props.successMessage !== '') message.success(props.successMessage ?? '已保存');
      props.onSuccess?.(res);
      props.onClose();
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e, props.fieldMap)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={props.open}
      title={props.title}
      size={props.width ?? 520}
      onClose={props.onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            {props.submitText ?? '保存'}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} closable={{ onClose: () => setError(null) }} />}
      <Form<V>
        form={form}
        name={props.formName ?? 'drawer'}
        layout="vertical"
        initialValues={props.initialValues}
        requiredMark
        scrollToFirstError
        data-testid={props.testId}
      >
        {typeof props.children === 'function' ? props.children(form) : props.children}
      </Form>
    </Drawer>
  );
}
