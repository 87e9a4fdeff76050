// Change my own password; the server ends my other sessions.
import { App, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { confirmRules, passwordRules } from '../../lib/passwordRules';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordForm({ username }: { username: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => api.post<void>('/auth/password', v),
  });

  async function submit(v: Values) {
    try {
      await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      void message.success(t('account.passwordChanged'));
      form.resetFields();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, ['currentPassword', 'newPassword'], { password: 'newPassword' })) {
        void message.error(errorMessage(t, err, locale));
      }
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" name="change-password" onFinish={(v) => void submit(v)}>
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true, message: t('rule.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('rule.passwordHelp')}
        rules={passwordRules(t, () => username)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={confirmRules(t, 'newPassword')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
