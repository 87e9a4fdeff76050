// /login: username and password, clear reasons when it fails, back to where the person wanted to go.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { Brand } from '../../app/layout/Brand';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageSpinner } from '../../components/States';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';

type Values = { username: string; password: string };

/** Only paths of this app: never another origin (`//host`, `/\host`). */
function safeRedirect(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw.startsWith('/login')) return '/';
  return raw;
}

export default function LoginPage() {
  const { t, locale } = useI18n();
  const { me, loading, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = safeRedirect(params.get('redirect'));
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
  }, [t]);

  if (loading) return <PageSpinner />;
  if (me && !submitting) return <Navigate to={redirect} replace />;

  async function onFinish(values: Values) {
    setError(null);
    setSubmitting(true);
    try {
      await login(values.username.trim(), values.password);
      void navigate(redirect, { replace: true });
    } catch (err) {
      setError(err);
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  }

  const errorType =
    error instanceof ApiError && (error.code === 'ACCOUNT_LOCKED' || error.code === 'ACCOUNT_DISABLED')
      ? 'warning'
      : 'error';

  return (
    <Flex
      vertical
      style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #eef4f6 0%, #f7f8fa 60%)' }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '16px 24px' }}>
        <Brand />
        <LanguageSwitch type="default" />
      </Flex>
      <Flex flex={1} justify="center" align="center" style={{ padding: 16 }}>
        <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="page-title">
            {t('auth.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
          {error ? (
            <Alert
              type={errorType}
              showIcon
              title={errorMessage(t, error, locale)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              role="alert"
            />
          ) : null}
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => void onFinish(v)}
            disabled={submitting}
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                size="large"
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={submitting}
              data-testid="login-submit"
            >
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16, fontSize: 12 }}>
        {t('app.tagline')}
      </Typography.Text>
    </Flex>
  );
}
