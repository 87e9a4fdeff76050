// A confirmation with a note: the note is required to return an item, optional for the other moves.
import { Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

export type NoteRequest = {
  title: string;
  description?: ReactNode;
  okText: string;
  danger?: boolean;
  noteLabel: string;
  noteRequired?: boolean;
  /** resolves when done; throws (after showing why) to keep the dialog open */
  onSubmit: (note: string | undefined) => Promise<void>;
};

type Props = { request: NoteRequest | null; busy: boolean; onClose: () => void };

export function NoteModal({ request, busy, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note?: string }>();

  async function ok() {
    if (!request) return;
    const v = await form.validateFields();
    try {
      await request.onSubmit(v.note?.trim() || undefined);
      onClose();
    } catch (err) {
      // a field error from the server (the note) stays in the dialog; anything else was shown already
      if (err instanceof NoteError) form.setFields([{ name: 'note', errors: [err.message] }]);
    }
  }

  return (
    <Modal
      open={request !== null}
      title={request?.title}
      okText={request?.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: request?.danger }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={busy}
      afterClose={() => form.resetFields()}
      forceRender
    >
      {request?.description ? (
        <Typography.Paragraph type="secondary">{request.description}</Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" name="list-note">
        <Form.Item
          name="note"
          label={request?.noteLabel}
          rules={[
            {
              required: request?.noteRequired ?? false,
              whitespace: true,
              message: t('lists.rule.noteRequired'),
            },
            { max: 500, message: t('lists.rule.maxChars', { n: 500 }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={500}
            showCount
            data-testid="note-modal-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Thrown by a NoteRequest's onSubmit when the server refused the note itself. */
export class NoteError extends Error {}
