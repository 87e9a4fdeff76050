// Edit an account's name and contact details. Only changed fields are sent, so a masked value that was
// not touched never goes back to the server.
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import type { UpdateUserInput, UserWithMemberships } from '../../lib/types';
import { useUpdateUser } from './api';
import { contactRules } from './contactRules';

type Values = { displayName: string; phone?: string; email?: string };
const fields = ['displayName', 'phone', 'email'] as const;

type Props = { consortiumId: string; user: UserWithMemberships | null; onClose: () => void };

export function EditUserModal({ consortiumId, user, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser(consortiumId);

  useEffect(() => {
    if (user) {
      form.setFieldsValue({
        displayName: user.displayName,
        phone: user.phone ?? '',
        email: user.email ?? '',
      });
    }
  }, [user, form]);

  async function submit() {
    if (!user) return;
    const v = await form.validateFields();
    const patch: UpdateUserInput = {};
    if (v.displayName.trim() !== user.displayName) patch.displayName = v.displayName.trim();
    const phone = v.phone?.trim() || null;
    if (phone !== user.phone) patch.phone = phone;
    const email = v.email?.trim() || null;
    if (email !== user.email) patch.email = email;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    try {
      await update.mutateAsync({ id: user.id, patch });
      void message.success(t('users.saved'));
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, fields)) void message.error(errorMessage(t, err, locale));
    }
  }

  const masked = (v: string | null) => v !== null && v.includes('*');
  // a masked value cannot be validated as a phone number or e-mail until it is replaced
  const phoneRules = user && masked(user.phone) ? [] : contactRules(t).phone;
  const emailRules = user && masked(user.email) ? [] : contactRules(t).email;

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editTitle', { name: user.username }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={update.isPending}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" name="edit-user">
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('rule.required') },
            { max: 64, message: t('rule.max64') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={phoneRules}>
          <Input inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={emailRules}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
