// A log read in a drawer (from the inbox or a flag): the whole text, its artefacts, the notes, and the
// moves the server says the viewer may make now.
import { Button, Descriptions, Drawer, Flex, Skeleton } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/States';
import { useI18n } from '../../../lib/i18n';
import { useLog } from './api';
import { LogActions } from './LogActions';
import { LogCard, LogPeriod } from './LogView';

export function LogDrawer({
  consortiumId,
  logId,
  onClose,
}: {
  consortiumId: string;
  logId: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const log = useLog(consortiumId, logId);
  const d = log.data;
  return (
    <Drawer
      open={logId !== null}
      onClose={onClose}
      size={640}
      title={d ? t('sup.drawer.title', { name: d.placement.studentName }) : t('sup.drawer.loading')}
      destroyOnHidden
      extra={
        d ? (
          <Link to={`/internships/placements/${d.placementId}`}>
            <Button size="small">{t('sup.openPlacement')}</Button>
          </Link>
        ) : null
      }
    >
      {log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : !d ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16} data-testid="log-drawer">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'student', label: t('sup.col.student'), children: d.placement.studentName },
              { key: 'school', label: t('sup.col.school'), children: d.placement.schoolName ?? '—' },
              { key: 'host', label: t('sup.col.host'), children: d.placement.hostName ?? '—' },
              { key: 'post', label: t('sup.col.post'), children: d.placement.postTitle },
              { key: 'period', label: t('sup.col.period'), children: <LogPeriod log={d} /> },
            ]}
          />
          <LogCard
            consortiumId={consortiumId}
            log={d}
            heading={t('sup.drawer.content')}
            actions={
              <LogActions
                consortiumId={consortiumId}
                log={d}
                rights={{ ...d.actions, edit: false }}
                size="middle"
              />
            }
          />
        </Flex>
      )}
    </Drawer>
  );
}
