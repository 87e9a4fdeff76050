// 403, 404 and "no consortium chosen": shown inside the layout, each with a way on.
import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useConsortium } from '../app/consortium';
import { useT } from '../lib/i18n';

function useDocumentTitle(title: string) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

export function ForbiddenPage() {
  const t = useT();
  useDocumentTitle(t('forbidden.title'));
  return (
    <Result
      status="403"
      title={<span data-testid="page-title">{t('forbidden.title')}</span>}
      subTitle={t('forbidden.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<span data-testid="page-title">{t('notFound.title')}</span>}
      subTitle={t('notFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NoConsortiumPage() {
  const t = useT();
  const { seesAll } = useConsortium();
  useDocumentTitle(t('noConsortium.title'));
  return (
    <Result
      status="info"
      title={<span data-testid="page-title">{t('noConsortium.title')}</span>}
      subTitle={seesAll ? t('noConsortium.pick') : t('noConsortium.none')}
      extra={
        seesAll ? (
          <Link to="/consortia">
            <Button type="primary">{t('noConsortium.toList')}</Button>
          </Link>
        ) : (
          <Link to="/account">
            <Button>{t('nav.account')}</Button>
          </Link>
        )
      }
    />
  );
}
