// Create an account with its first role.
import { App, Button, Drawer, Flex, Form, Input } from 'antd';
import { useAccess, useRolesCatalog } from '../../app/access';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { passwordRules } from '../../lib/passwordRules';
import { useCreateUser } from './api';
import { assignableRoles } from './assignable';
import { RoleUnitFields } from './RoleUnitFields';
import { contactRules } from './contactRules';

type Values = {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  email?: string;
  roleCode: string;
  memberUnitId?: string;
};
const fields = ['username', 'displayName', 'password', 'phone', 'email', 'roleCode', 'memberUnitId'] as const;

type Props = {
  consortiumId: string;
  open: boolean;
  onClose: () => void;
};

export function CreateUserDrawer({ consortiumId, open, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const access = useAccess();
  const catalog = useRolesCatalog();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser(consortiumId);
  const roles = assignableRoles(catalog.data?.roles ?? [], access);

  async function submit(v: Values) {
    try {
      const user = await create.mutateAsync({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        phone: v.phone?.trim() || undefined,
        email: v.email?.trim() || undefined,
        roleCode: v.roleCode,
        memberUnitId: v.memberUnitId || undefined,
      });
      void message.success(t('users.created', { name: user.displayName }));
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, fields)) {
        void message.error(errorMessage(t, err, locale));
      }
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('users.create')}
      size={480}
      forceRender
      afterOpenChange={(visible) => {
        if (!visible) form.resetFields();
      }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="user-submit"
          >
            {t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" name="create-user" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('rule.required') },
            { min: 3, message: t('rule.min3') },
            { max: 64, message: t('rule.max64') },
            { pattern: /^[A-Za-z0-9._-]+$/, message: t('rule.usernameChars') },
          ]}
        >
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('rule.required') },
            { max: 64, message: t('rule.max64') },
          ]}
        >
          <Input autoComplete="off" data-testid="user-displayname" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('rule.passwordHelp')}
          dependencies={['username']}
          rules={passwordRules(t, () => form.getFieldValue('username') as string | undefined)}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={contactRules(t).phone}>
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={contactRules(t).email}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <RoleUnitFields consortiumId={consortiumId} roles={roles} />
      </Form>
    </Drawer>
  );
}
