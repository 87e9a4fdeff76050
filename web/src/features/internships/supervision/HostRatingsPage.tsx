// /internships/host-ratings: how students rated their hosts — per host, how many rated it and the mean
// of each dimension (overall, guidance, safety, learning). For schools and the secretariat; a host's own
// staff do not see their ratings.
import { Card, Flex, Rate, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCurrentConsortiumId } from '../../../app/consortium';
import { useAccess } from '../../../app/access';
import { PageHeader } from '../../../components/PageHeader';
import { ForbiddenPage } from '../../../components/ResultPages';
import { EmptyState, ErrorState, PageSpinner } from '../../../components/States';
import { useI18n } from '../../../lib/i18n';
import { serverPaging, sortOrderOf, useListParams } from '../../../lib/useListParams';
import { useInternshipScope } from '../scope';
import { useHostRatings } from './api';
import { ratingLabel, studentRatingKeys } from './labels';
import type { HostRating } from './types';

const sorts = ['-ratings', 'ratings', '-overall', 'overall', 'hostName', '-hostName'];

function Stars({ value, label }: { value: number; label: string }) {
  return (
    <Flex gap={6} align="center" style={{ whiteSpace: 'nowrap' }}>
      <Rate
        disabled
        allowHalf
        value={Math.round(value * 2) / 2}
        style={{ fontSize: 13 }}
        aria-label={`${label} ${value}`}
      />
      <span className="cj-mono">{value.toFixed(2)}</span>
    </Flex>
  );
}

/** For the schools and those who see the whole consortium: not for students, nor a host's own staff. */
export default function HostRatingsRoute() {
  const { canEverywhere } = useAccess();
  const scope = useInternshipScope();
  if (!scope.ready) return <PageSpinner />;
  return canEverywhere('internship.read') || scope.ownSchools.length > 0 ? (
    <HostRatingsPage />
  ) : (
    <ForbiddenPage />
  );
}

function HostRatingsPage() {
  const { t } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const list = useListParams([], { sort: '-ratings', sorts });
  const ratings = useHostRatings(consortiumId, { page: list.page, pageSize: list.pageSize, sort: list.sort });

  const columns: TableColumnsType<HostRating> = [
    {
      title: t('sup.col.host'),
      dataIndex: 'hostName',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'hostName'),
      minWidth: 220,
      render: (name: string | null, r) => (
        <Flex gap={6} align="center" wrap>
          <span>{name ?? '—'}</span>
          {r.hostKind === 'external' ? <Tag>{t('sup.ratings.external')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('sup.ratings.count'),
      dataIndex: 'ratings',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'ratings'),
      width: 110,
      align: 'right',
    },
    ...studentRatingKeys.map((k) => ({
      title: ratingLabel(t, k),
      key: k,
      width: 170,
      ...(k === 'overall'
        ? { sorter: true, sortOrder: sortOrderOf(list.sort, 'overall'), dataIndex: 'overall' }
        : {}),
      render: (_: unknown, r: HostRating) => <Stars value={r.mean[k]} label={ratingLabel(t, k)} />,
    })),
    {
      title: t('sup.ratings.total'),
      key: 'total',
      width: 110,
      align: 'right',
      render: (_: unknown, r) => <strong className="cj-mono">{r.mean.total.toFixed(2)}</strong>,
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.supRatings')} subtitle={t('sup.ratings.subtitle')} />
      <Card>
        {ratings.isError ? (
          <ErrorState error={ratings.error} onRetry={() => void ratings.refetch()} />
        ) : ratings.data && ratings.data.total === 0 ? (
          <EmptyState description={t('sup.ratings.empty')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('sup.ratings.help')}</Typography.Paragraph>
            <Table<HostRating>
              rowKey={(r) => `${r.hostKind}:${r.hostUnitId ?? r.externalHostId ?? ''}`}
              columns={columns}
              dataSource={ratings.data?.items}
              loading={ratings.isLoading || ratings.isFetching}
              scroll={{ x: 1100 }}
              {...serverPaging(list, ratings.data?.total ?? 0, '-ratings', (n) => t('common.total', { n }))}
            />
          </>
        )}
      </Card>
    </>
  );
}
