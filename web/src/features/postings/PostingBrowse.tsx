// The search over open postings (what students see): a search box that understands Chinese (short terms
// such as 数控 too), filters by major, level, district, pay and type, and cards with the matched terms marked.
import { CalendarOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Flex, Grid, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAccess } from '../../app/access';
import { EmptyState, ErrorState } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { pageSizes, type ListParams } from '../../lib/useListParams';
import { useApplications, useMyCandidate } from '../applications/api';
import { usePostings } from './api';
import { CodeName, CodeSelect } from './codes';
import {
  daysLeft,
  educationLevelLabel,
  educationLevels,
  formatPay,
  isEducationLevel,
  isPostingKind,
  postingKindLabel,
  postingKinds,
} from './labels';
import { Highlight, searchTerms } from './PostingBits';
import { useCityPrefix } from './region';
import type { Posting, PostingFilter } from './types';

export const browseFilterKeys = ['q', 'kind', 'majorCode', 'level', 'district', 'payFrom'] as const;
type BrowseKey = (typeof browseFilterKeys)[number] | 'view';

const payOptions = [3000, 4000, 5000, 6000, 8000, 10000];

/** The API filter of the search view, from the URL's filters. */
export function browseFilter(f: Record<BrowseKey, string | undefined>): PostingFilter {
  const payFrom = Number.parseInt(f.payFrom ?? '', 10);
  return {
    q: f.q,
    kind: isPostingKind(f.kind) ? f.kind : undefined,
    majorCode: f.majorCode && /^\d{2,6}$/.test(f.majorCode) ? f.majorCode : undefined,
    level: isEducationLevel(f.level) ? f.level : undefined,
    district: f.district && /^\d{2,6}$/.test(f.district) ? f.district : undefined,
    payFrom: Number.isFinite(payFrom) && payFrom >= 0 ? payFrom : undefined,
    open: 'true',
  };
}

/** `auto`: by relevance while searching, newest first otherwise. */
export function effectiveSort(sort: string, q: string | undefined): string {
  if (sort === 'auto') return q ? '-relevance' : '-createdAt';
  return sort;
}

export function PostingBrowse({ consortiumId, list }: { consortiumId: string; list: ListParams<BrowseKey> }) {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const isStudent = can('application.apply');
  const filter = browseFilter(list.filters);
  const query = usePostings(consortiumId, {
    ...filter,
    page: list.page,
    pageSize: list.pageSize,
    sort: effectiveSort(list.sort, filter.q),
  });
  const me = useMyCandidate(consortiumId, isStudent);
  const mine = useApplications(
    consortiumId,
    { mine: 'true', page: 1, pageSize: 200, sort: '-updatedAt' },
    isStudent,
  );
  const applied = new Map((mine.data?.items ?? []).map((a) => [a.posting.id, a]));
  const city = useCityPrefix(consortiumId);
  const terms = searchTerms(filter.q);
  const phone = Grid.useBreakpoint().md === false;
  const w = (px: number) => (phone ? '100%' : px);
  const filtered = Boolean(
    filter.q || filter.kind || filter.majorCode || filter.level || filter.district || filter.payFrom,
  );

  const majorSuggestions = me.data?.majorCode
    ? [
        {
          code: me.data.majorCode,
          label: t('postings.filter.myMajor', { name: me.data.majorName ?? me.data.majorCode }),
        },
      ]
    : undefined;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <Input.Search
            key={list.filters.q ?? ''}
            defaultValue={list.filters.q}
            placeholder={t('postings.search.placeholder')}
            aria-label={t('postings.search.label')}
            allowClear
            enterButton={t('postings.search.button')}
            size="large"
            maxLength={64}
            onSearch={(v) => list.update({ q: v.trim() })}
            data-testid="postings-search"
          />
          <Flex gap={8} wrap align="center">
            <Segmented
              value={filter.kind ?? 'all'}
              onChange={(v) => list.update({ kind: v === 'all' ? undefined : v })}
              options={[
                { value: 'all', label: t('postings.filter.allKinds') },
                ...postingKinds.map((k) => ({ value: k, label: postingKindLabel(t, k) })),
              ]}
              aria-label={t('postings.field.kind')}
            />
            <CodeSelect
              kind="major"
              value={filter.majorCode}
              onChange={(v) => list.update({ majorCode: v })}
              customCode={/^\d{6}$/}
              suggested={majorSuggestions}
              levels={[3]}
              allowClear
              placeholder={t('postings.filter.major')}
              aria-label={t('postings.filter.major')}
              style={{ width: w(220) }}
            />
            <Select
              allowClear
              value={filter.level}
              onChange={(v?: string) => list.update({ level: v })}
              placeholder={t('postings.filter.level')}
              aria-label={t('postings.filter.level')}
              options={educationLevels.map((l) => ({ value: l, label: educationLevelLabel(t, l) }))}
              style={{ width: w(140) }}
            />
            <CodeSelect
              kind="region"
              value={filter.district}
              onChange={(v) => list.update({ district: v })}
              customCode={/^\d{2,6}$/}
              suggested={
                city ? [{ code: city, label: t('postings.filter.city', { code: city }) }] : undefined
              }
              allowClear
              placeholder={t('postings.filter.district')}
              aria-label={t('postings.filter.district')}
              style={{ width: w(200) }}
            />
            <Select
              allowClear
              value={filter.payFrom}
              onChange={(v?: number) => list.update({ payFrom: v })}
              placeholder={t('postings.filter.pay')}
              aria-label={t('postings.filter.pay')}
              options={payOptions.map((n) => ({
                value: n,
                label: t('postings.filter.payFrom', { n: n.toLocaleString(locale) }),
              }))}
              style={{ width: w(160) }}
            />
            <Select
              value={list.sort}
              onChange={(v: string) => list.update({ sort: v === 'auto' ? undefined : v })}
              aria-label={t('postings.sort.label')}
              options={[
                { value: 'auto', label: t('postings.sort.auto') },
                { value: '-createdAt', label: t('postings.sort.newest') },
                { value: 'deadline', label: t('postings.sort.deadline') },
                { value: '-payMax', label: t('postings.sort.pay') },
              ]}
              style={{ width: phone ? '100%' : 150, marginLeft: 'auto' }}
            />
          </Flex>
        </Flex>
      </Card>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <List<Posting>
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          grid={{ gutter: 16, xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          locale={{
            emptyText: (
              <EmptyState
                description={filtered ? t('postings.search.noMatch') : t('postings.search.empty')}
              />
            ),
          }}
          header={
            query.data && !query.isPlaceholderData ? (
              <Typography.Text type="secondary" data-testid="postings-total">
                {filter.q
                  ? t('postings.search.foundFor', { n: query.data.total, q: filter.q })
                  : t('postings.search.found', { n: query.data.total })}
              </Typography.Text>
            ) : null
          }
          pagination={
            (query.data?.total ?? 0) > 0
              ? {
                  current: list.page,
                  pageSize: list.pageSize,
                  total: query.data?.total ?? 0,
                  showSizeChanger: true,
                  pageSizeOptions: [...pageSizes],
                  onChange: (page, pageSize) => list.update({ page, pageSize }),
                  align: 'center',
                }
              : false
          }
          renderItem={(p) => (
            <List.Item>
              <PostingCard posting={p} terms={terms} appliedId={applied.get(p.id)?.id} />
            </List.Item>
          )}
        />
      )}
    </>
  );
}

function PostingCard({
  posting: p,
  terms,
  appliedId,
}: {
  posting: Posting;
  terms: string[];
  appliedId?: string;
}) {
  const { t, locale } = useI18n();
  const left = daysLeft(p.deadline);
  return (
    <Card
      size="small"
      hoverable
      data-testid="posting-card"
      title={
        <Flex justify="space-between" align="center" gap={8}>
          <Link to={`/postings/${p.id}`} style={{ minWidth: 0 }} data-testid="posting-card-title">
            <Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>
              <Highlight text={p.title} terms={terms} />
            </Typography.Text>
          </Link>
          <Tag color={p.kind === 'internship' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {postingKindLabel(t, p.kind)}
          </Tag>
        </Flex>
      }
      extra={null}
    >
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="baseline" wrap gap={8}>
          <Typography.Text type="danger" strong>
            {formatPay(t, p, locale)}
          </Typography.Text>
          {appliedId ? (
            <Link to={`/applications/${appliedId}`}>
              <Tag color="cyan">{t('postings.card.applied')}</Tag>
            </Link>
          ) : null}
        </Flex>
        <Typography.Text>{p.unitName}</Typography.Text>
        <Space size={12} wrap style={{ color: '#595959', fontSize: 13 }}>
          {p.districtCode ? (
            <span>
              <EnvironmentOutlined /> <CodeName kind="region" code={p.districtCode} />
            </span>
          ) : null}
          <span>
            <TeamOutlined /> {t('postings.card.headcount', { n: p.headcount })}
          </span>
          <span>
            <CalendarOutlined />{' '}
            {left <= 7
              ? t('postings.card.deadlineSoon', { date: p.deadline, n: left })
              : t('postings.card.deadline', { date: p.deadline })}
          </span>
        </Space>
        {p.majorCodes.length > 0 || p.levels.length > 0 ? (
          <Flex gap={4} wrap>
            {p.levels.map((l) => (
              <Tag key={l} bordered={false}>
                {educationLevelLabel(t, l)}
              </Tag>
            ))}
            {p.majorCodes.slice(0, 3).map((c) => (
              <Tag key={c} bordered={false} color="geekblue">
                <CodeName kind="major" code={c} />
              </Tag>
            ))}
            {p.majorCodes.length > 3 ? <Tag bordered={false}>+{p.majorCodes.length - 3}</Tag> : null}
          </Flex>
        ) : null}
        {p.skills.length > 0 ? (
          <Flex gap={4} wrap>
            {p.skills.map((s) => (
              <Tag key={s} color="green" bordered={false}>
                <Highlight text={s} terms={terms} />
              </Tag>
            ))}
          </Flex>
        ) : null}
        {p.requirements ? (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
            <Highlight text={p.requirements} terms={terms} />
          </Typography.Paragraph>
        ) : null}
      </Flex>
    </Card>
  );
}
