// /postings: what each side of the talent platform does with postings. Students (and every other reader)
// search the open postings; an enterprise keeps its own postings (every status) and creates, edits, sends
// for vetting, closes and reopens them; the secretariat vets the queue and sees all postings.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Dropdown, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useListParams } from '../../lib/useListParams';
import { exportPostings, usePostingCount } from './api';
import { browseFilter, browseFilterKeys, PostingBrowse } from './PostingBrowse';
import { RejectDialog } from './PostingBits';
import { PostingFormDrawer } from './PostingFormDrawer';
import { PostingTable, tableFilter, tableFilterKeys, type TableMode } from './PostingTable';
import type { Posting } from './types';
import { usePostingUnits } from './usePostingUnits';

type View = TableMode | 'browse';

const sorts = ['auto', '-createdAt', 'createdAt', 'deadline', '-deadline', '-payMax', 'payMax'];
const filterKeys = ['view', ...new Set([...browseFilterKeys, ...tableFilterKeys])] as const;

export default function PostingsPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { can } = useAccess();
  const units = usePostingUnits();
  const canVet = can('posting.vet');
  const { message } = App.useApp();
  const list = useListParams(filterKeys, { sort: 'auto', sorts });
  const [editing, setEditing] = useState<Posting | 'new' | null>(null);
  const [rejecting, setRejecting] = useState<Posting | null>(null);

  const views: View[] = [];
  // "mine" lists the postings of the enterprises one administers; a platform administrator has none
  if (units.canPost && !units.anyUnit) views.push('mine');
  if (canVet) views.push('vet', 'all');
  if (!canVet) views.push('browse');
  const view: View = views.find((v) => v === list.filters.view) ?? views[0]!;
  const pending = usePostingCount(consortiumId, { status: 'pending' }, canVet);

  const filter = view === 'browse' ? browseFilter(list.filters) : tableFilter(view, list.filters);

  function exportAs(format: 'xlsx' | 'csv') {
    exportPostings(consortiumId, filter, format, `${t('postings.exportName')}.${format}`).catch(
      (err: unknown) => void message.error(errorMessage(t, err, locale)),
    );
  }

  const viewLabel: Record<View, React.ReactNode> = {
    mine: t('postings.view.mine'),
    vet: (
      <Flex gap={6} align="center">
        {t('postings.view.vet')}
        <Badge count={pending.data ?? 0} size="small" showZero={false} data-testid="vet-count" />
      </Flex>
    ),
    all: t('postings.view.all'),
    browse: units.canPost ? t('postings.view.browseOthers') : t('postings.view.browse'),
  };

  return (
    <>
      <PageHeader
        title={t('nav.postings')}
        subtitle={
          view === 'browse'
            ? t('postings.subtitle.browse')
            : view === 'mine'
              ? t('postings.subtitle.mine')
              : t('postings.subtitle.vet')
        }
        extra={
          <>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('postings.exportXlsx') },
                  { key: 'csv', label: t('postings.exportCsv') },
                ],
                onClick: ({ key }) => exportAs(key === 'csv' ? 'csv' : 'xlsx'),
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="postings-export">
                {t('postings.export')}
              </Button>
            </Dropdown>
            {units.canPost ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing('new')}
                data-testid="posting-create"
              >
                {t('postings.create')}
              </Button>
            ) : null}
          </>
        }
      />
      {views.length > 1 ? (
        <Tabs
          activeKey={view}
          onChange={(k) =>
            // a view has its own filters: switching starts from none
            list.update(
              Object.fromEntries([...filterKeys, 'sort'].map((f) => [f, f === 'view' ? k : undefined])),
            )
          }
          items={views.map((v) => ({ key: v, label: <span data-testid={`view-${v}`}>{viewLabel[v]}</span> }))}
          style={{ marginBottom: 0 }}
        />
      ) : null}
      {view === 'browse' ? (
        <PostingBrowse consortiumId={consortiumId} list={list} />
      ) : (
        <PostingTable
          key={view}
          consortiumId={consortiumId}
          mode={view}
          list={list}
          onEdit={setEditing}
          onReject={setRejecting}
        />
      )}
      {units.canPost ? (
        <PostingFormDrawer
          consortiumId={consortiumId}
          posting={editing === 'new' ? null : editing}
          open={editing !== null}
          units={units}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {canVet ? (
        <RejectDialog consortiumId={consortiumId} posting={rejecting} onClose={() => setRejecting(null)} />
      ) : null}
    </>
  );
}
