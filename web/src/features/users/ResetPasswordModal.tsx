// An administrator sets a new password for an account; all of its sessions end.
import { Alert, App, Form, Input, Modal } from 'antd';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { confirmRules, passwordRules } from '../../lib/passwordRules';
import type { UserWithMemberships } from '../../lib/types';
import { useResetPassword } from './api';

type Values = { newPassword: string; confirm: string };

type Props = { consortiumId: string; user: UserWithMemberships | null; onClose: () => void };

export function ResetPasswordModal({ consortiumId, user, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword(consortiumId);

  async function submit() {
    if (!user) return;
    const v = await form.validateFields();
    try {
      await reset.mutateAsync({ id: user.id, newPassword: v.newPassword });
      void message.success(t('users.passwordReset', { name: user.displayName }));
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, ['newPassword'], { password: 'newPassword' })) {
        void message.error(errorMessage(t, err, locale));
      }
    }
  }

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Alert type="info" showIcon title={t('users.resetHelp')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" name="reset-password">
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('rule.passwordHelp')}
          rules={passwordRules(t, () => user?.username)}
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
      </Form>
    </Modal>
  );
}
