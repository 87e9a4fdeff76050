// One item in a drawer: all its fields, the moves its status allows (submit for review; publish or return
// for reviewers; archive, reopen), a technology demand's progress, what answers it, and its history.
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Drawer, Flex, Grid, Tag, Typography } from 'antd';
import { useState } from 'react';
import { listTransitions } from '../../../../server/modules/talent/talent.core.ts';
import { ErrorState, PageSpinner } from '../../components/States';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useListItem, useListItemAction, useSetProgress } from './api';
import { HistoryTimeline } from './HistoryTimeline';
import { ItemFacts } from './ItemFacts';
import { actionLabel, kindLabel, progressLabel, statusColor, statusLabel } from './labels';
import { LinksPanel } from './LinksPanel';
import { NoteError, NoteModal, type NoteRequest } from './NoteModal';
import { ProgressPanel } from './ProgressPanel';
import type { ListAction, ListItemDetail, TechProgress } from './types';

const actions: ListAction[] = ['submit', 'publish', 'return', 'archive', 'reopen'];

/** The moves the item's status allows and the viewer may make. */
export function allowedActions(item: ListItemDetail): ListAction[] {
  return actions.filter((a) => {
    const rule = listTransitions[a];
    const byRole = rule.by === 'reviewer' ? item.canReview : item.canEdit || item.canReview;
    return byRole && rule.from.includes(item.status);
  });
}

type Props = {
  consortiumId: string;
  itemId: string | undefined;
  onClose: () => void;
  onEdit: (item: ListItemDetail) => void;
};

export function ItemDetailDrawer({ consortiumId, itemId, onClose, onEdit }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  // the drawer keeps showing the last item while it closes
  const [shownId, setShownId] = useState(itemId);
  if (itemId && itemId !== shownId) setShownId(itemId);
  const query = useListItem(consortiumId, shownId);
  const item = query.data;

  return (
    <Drawer
      open={!!itemId}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={
        item ? (
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {kindLabel(t, item.kind)}
            </Typography.Text>
            <Flex gap={8} align="center" wrap>
              <span data-testid="list-item-title-heading">{item.title}</span>
              <Tag color={statusColor[item.status]}>{statusLabel(t, item.status)}</Tag>
            </Flex>
          </Flex>
        ) : (
          t('lists.detail')
        )
      }
      data-testid="list-item-drawer"
    >
      {query.isPending && shownId ? (
        <PageSpinner />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : item ? (
        <ItemDetail consortiumId={consortiumId} item={item} onEdit={onEdit} />
      ) : null}
    </Drawer>
  );
}

function ItemDetail({
  consortiumId,
  item,
  onEdit,
}: {
  consortiumId: string;
  item: ListItemDetail;
  onEdit: (item: ListItemDetail) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const act = useListItemAction(consortiumId);
  const move = useSetProgress(consortiumId);
  const [request, setRequest] = useState<NoteRequest | null>(null);
  const mayWrite = item.canEdit || item.canReview;
  const allowed = allowedActions(item);

  /** Shows why the server refused; a refused note stays in the dialog. */
  function failed(err: unknown): never {
    const noteIssue = err instanceof ApiError ? err.issues.find((i) => i.path === 'body.note') : undefined;
    if (noteIssue) throw new NoteError(t('lists.rule.noteRequired'));
    void message.error(errorMessage(t, err, locale));
    throw err;
  }

  function ask(action: ListAction) {
    setRequest({
      title: t('lists.actionTitle', { action: actionLabel(t, action), title: item.title }),
      description: t(`lists.actionHelp.${action}`),
      okText: actionLabel(t, action),
      danger: action === 'return' || action === 'archive',
      noteLabel: action === 'return' ? t('lists.returnReason') : t('lists.noteOptional'),
      noteRequired: action === 'return',
      onSubmit: async (note) => {
        try {
          await act.mutateAsync({ id: item.id, action, note });
          void message.success(t(`lists.actionDone.${action}`));
        } catch (err) {
          failed(err);
        }
      },
    });
  }

  function askMove(to: TechProgress) {
    if (!item.progress) return;
    setRequest({
      title: t('lists.progressTitleMove'),
      description: t('lists.progressFromTo', {
        from: progressLabel(t, item.progress),
        to: progressLabel(t, to),
      }),
      okText: t(`lists.progressMove.${to}`),
      danger: to === 'closed',
      noteLabel: t('lists.noteOptional'),
      onSubmit: async (note) => {
        try {
          await move.mutateAsync({ id: item.id, progress: to, note });
          void message.success(t('lists.progressMoved', { to: progressLabel(t, to) }));
        } catch (err) {
          failed(err);
        }
      },
    });
  }

  let reason: string | null = null;
  if (!mayWrite) reason = t('lists.noRightReason', { unit: item.unitName });
  else if (item.status === 'archived') reason = t('lists.archivedReason');
  else if (item.status === 'submitted' && !item.canReview) reason = t('lists.awaitingReview');

  return (
    <Flex vertical gap={16}>
      {item.status === 'returned' && item.reviewNote ? (
        <Alert
          type="error"
          showIcon
          title={t('lists.returnedBanner')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{item.reviewNote}</span>}
          data-testid="list-item-returned"
        />
      ) : null}
      {item.status === 'submitted' && item.canReview ? (
        <Alert type="info" showIcon title={t('lists.reviewBanner')} />
      ) : null}

      <Flex gap={8} wrap align="center" data-testid="list-item-actions">
        {mayWrite && item.status !== 'archived' ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(item)} data-testid="list-item-edit">
            {t('common.edit')}
          </Button>
        ) : null}
        {allowed.map((a) => (
          <Button
            key={a}
            type={a === 'submit' || a === 'publish' ? 'primary' : 'default'}
            danger={a === 'return'}
            autoInsertSpace={false}
            onClick={() => ask(a)}
            data-testid={`list-item-${a}`}
          >
            {actionLabel(t, a)}
          </Button>
        ))}
        {reason ? <Typography.Text type="secondary">{reason}</Typography.Text> : null}
      </Flex>

      {item.kind === 'tech' ? (
        <section aria-labelledby="list-progress-heading">
          <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
            <span id="list-progress-heading">{t('lists.progressTitle')}</span>
          </Divider>
          <ProgressPanel item={item} onMove={askMove} />
        </section>
      ) : null}

      <section aria-labelledby="list-facts-heading">
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          <span id="list-facts-heading">{t('lists.facts')}</span>
        </Divider>
        <ItemFacts item={item} />
      </section>

      <section aria-labelledby="list-links-heading">
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          <span id="list-links-heading">{t('lists.linksTitle', { n: item.links.length })}</span>
        </Divider>
        <LinksPanel consortiumId={consortiumId} item={item} />
      </section>

      <section aria-labelledby="list-history-heading">
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          <span id="list-history-heading">{t('lists.history')}</span>
        </Divider>
        <HistoryTimeline history={item.history} />
      </section>

      <NoteModal request={request} busy={act.isPending || move.isPending} onClose={() => setRequest(null)} />
    </Flex>
  );
}
