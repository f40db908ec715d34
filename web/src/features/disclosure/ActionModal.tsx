/** A small form in a modal that posts one action; server field errors land under their fields. */
import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { applyFieldErrors, formErrorMessage } from '../../shared/FormDrawer';

export function ActionModal<V extends object>(props: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: (v: V) => Promise<unknown>;
  /** After a successful submit (a mutation's own `onSuccess` usually does the rest). */
  onDone?: (r: unknown) => void;
  initialValues?: Partial<V>;
  okText?: string;
  success?: string;
  testId?: string;
  width?: number;
  /** Server field name → form field path, where they differ (`officerIds.1` → `officerIds`). */
  fieldMap?: Record<string, (string | number)[]>;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}) {
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await props.onSubmit(v);
      if (props.success) message.success(props.success);
      props.onDone?.(r);
      props.onClose();
    } catch (e) {
      setError(formErrorMessage(e, applyFieldErrors(form, e, props.fieldMap)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={props.okText ?? '确定'}
      confirmLoading={busy}
      destroyOnHidden
      width={props.width ?? 560}
      afterOpenChange={(o) => {
        if (!o) setError(null);
      }}
    >
      <div data-testid={props.testId}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
        <Form<V> form={form} layout="vertical" initialValues={props.initialValues} preserve={false} requiredMark>
          {typeof props.children === 'function' ? props.children(form) : props.children}
        </Form>
      </div>
    </Modal>
  );
}
