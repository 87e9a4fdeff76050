// /catalogs/:kind/:version: search a catalog by code or name, walk it down by parent, and open an entry
// (its ancestors, how many children, and for majors the industries and occupations it leads to).
import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../components/ResultPages';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSpinner } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import type { CatalogEntry, CatalogKind } from '../../lib/types';
import { isCatalogKind, useCatalogs, useEntries, useEntry } from './api';
import { certaintyColor, certaintyLabel, kindLabel } from './CatalogsPage';
import { CrosswalkEditor } from './CrosswalkEditor';
import { useAccess } from '../../app/access';

export default function CatalogBrowserRoute() {
  const { kind, version } = useParams();
  if (!isCatalogKind(kind) || !version) return <NotFoundPage />;
  return <CatalogBrowser key={`${kind}/${version}`} kind={kind} version={version} />;
}

function CatalogBrowser({ kind, version }: { kind: CatalogKind; version: string }) {
  const { t, pick } = useI18n();
  const catalogs = useCatalogs();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<number | undefined>(undefined);
  const [parents, setParents] = useState<CatalogEntry[]>([]);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<string | null>(null);
  const parent = parents.at(-1);
  const entries = useEntries(kind, version, {
    q: q || undefined,
    level,
    parent: q ? undefined : parent?.code,
    page,
    pageSize,
  });

  if (catalogs.isPending) return <PageSpinner />;
  if (catalogs.isError) return <ErrorState error={catalogs.error} onRetry={() => void catalogs.refetch()} />;
  const catalog = catalogs.data.find((c) => c.kind === kind && c.version === version);
  if (!catalog) return <NotFoundPage />;

  const levelName = (n: number) => {
    const l = catalog.levels.find((x) => x.level === n);
    return l ? pick(l.nameZh, l.nameEn) : String(n);
  };

  const columns: TableColumnsType<CatalogEntry> = [
    { title: t('catalogs.code'), dataIndex: 'code', width: 140, className: 'cj-mono' },
    {
      title: t('catalogs.entryName'),
      dataIndex: 'name',
      render: (name: string, e) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(e.code)}>
          {name}
        </Button>
      ),
    },
    { title: t('catalogs.level'), dataIndex: 'level', width: 120, render: (n: number) => levelName(n) },
    {
      title: t('catalogs.certainty'),
      dataIndex: 'certainty',
      width: 120,
      render: (c: CatalogEntry['certainty']) =>
        c ? <Tag color={certaintyColor[c]}>{`${c} ${certaintyLabel(t, c)}`}</Tag> : '—',
    },
    {
      title: t('common.actions'),
      key: 'down',
      width: 120,
      render: (_: unknown, e) =>
        e.level < catalog.levels.length ? (
          <Button
            size="small"
            onClick={() => {
              setParents((ps) => [...ps, e]);
              setQ('');
              setLevel(undefined);
              setPage(1);
            }}
          >
            {t('catalogs.children')}
          </Button>
        ) : null,
    },
  ];

  const topLevel = !q && !parent && level === undefined;
  return (
    <>
      <PageHeader
        title={catalog.title}
        subtitle={`${kindLabel(t, kind)} · ${t('catalogs.version')} ${version}`}
        extra={
          <Link to="/catalogs">
            <Button icon={<ArrowLeftOutlined />}>{t('catalogs.back')}</Button>
          </Link>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            enterButton
            placeholder={t('catalogs.searchPlaceholder')}
            aria-label={t('catalogs.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="catalog-search"
          />
          <Select
            allowClear
            placeholder={t('catalogs.allLevels')}
            aria-label={t('catalogs.level')}
            value={level}
            onChange={(v?: number) => {
              setLevel(v);
              setPage(1);
            }}
            options={catalog.levels.map((l) => ({ value: l.level, label: pick(l.nameZh, l.nameEn) }))}
            style={{ width: 160 }}
          />
        </Flex>
        {q ? null : (
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'top',
                title: topLevel ? (
                  t('catalogs.top')
                ) : (
                  <a
                    onClick={() => {
                      setParents([]);
                      setPage(1);
                    }}
                  >
                    {t('catalogs.top')}
                  </a>
                ),
              },
              ...parents.map((p, i) => ({
                key: p.code,
                title:
                  i === parents.length - 1 ? (
                    `${p.code} ${p.name}`
                  ) : (
                    <a
                      onClick={() => {
                        setParents((ps) => ps.slice(0, i + 1));
                        setPage(1);
                      }}
                    >{`${p.code} ${p.name}`}</a>
                  ),
              })),
            ]}
          />
        )}
        {entries.isError ? (
          <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <Table<CatalogEntry>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            locale={{ emptyText: t('catalogs.noEntries') }}
            data-testid="catalog-entries"
            pagination={{
              current: page,
              pageSize,
              total: entries.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('common.total', { n: total }),
              onChange: (p, s) => {
                setPage(p);
                setPageSize(s);
              },
            }}
          />
        )}
      </Card>
      <EntryDrawer
        kind={kind}
        version={version}
        code={open}
        onClose={() => setOpen(null)}
        levelName={levelName}
      />
    </>
  );
}

function EntryDrawer({
  kind,
  version,
  code,
  onClose,
  levelName,
}: {
  kind: CatalogKind;
  version: string;
  code: string | null;
  onClose: () => void;
  levelName: (n: number) => string;
}) {
  const { t } = useI18n();
  const { can } = useAccess();
  const detail = useEntry(kind, version, code);
  const d = detail.data;
  return (
    <Drawer
      open={code !== null}
      onClose={onClose}
      title={d ? `${d.entry.code} ${d.entry.name}` : code}
      size={520}
    >
      {detail.isPending ? (
        <PageSpinner />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : d ? (
        <Flex vertical gap={16} data-testid="catalog-entry">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('catalogs.code')}>{d.entry.code}</Descriptions.Item>
            <Descriptions.Item label={t('catalogs.entryName')}>{d.entry.name}</Descriptions.Item>
            <Descriptions.Item label={t('catalogs.level')}>{levelName(d.entry.level)}</Descriptions.Item>
            <Descriptions.Item label={t('catalogs.childCount')}>{d.children}</Descriptions.Item>
            {d.entry.marks.length > 0 ? (
              <Descriptions.Item label={t('catalogs.marks')}>
                {d.entry.marks.map((m) => (
                  <Tag key={m}>{m}</Tag>
                ))}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('catalogs.certainty')}>
              {d.entry.certainty ? (
                <Tag color={certaintyColor[d.entry.certainty]}>
                  {`${d.entry.certainty} ${certaintyLabel(t, d.entry.certainty)}`}
                </Tag>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('catalogs.ancestors')}</Typography.Title>
            {d.ancestors.length === 0 ? (
              <Typography.Text type="secondary">{t('catalogs.topLevelEntry')}</Typography.Text>
            ) : (
              <Breadcrumb items={d.ancestors.map((a) => ({ key: a.code, title: `${a.code} ${a.name}` }))} />
            )}
          </div>
          {kind === 'major' ? (
            <div>
              <Typography.Title level={5}>{t('catalogs.crosswalk')}</Typography.Title>
              {d.crosswalk.length === 0 ? (
                <Typography.Text type="secondary">{t('catalogs.noCrosswalk')}</Typography.Text>
              ) : (
                <Flex vertical gap={4}>
                  {d.crosswalk.map((c) => (
                    <Flex key={`${c.targetKind}-${c.targetCode}`} gap={8} wrap>
                      <Tag>{kindLabel(t, c.targetKind)}</Tag>
                      <Typography.Text className="cj-mono">{c.targetCode}</Typography.Text>
                      <span>{c.targetName}</span>
                    </Flex>
                  ))}
                </Flex>
              )}
              {can('catalog.manage') && d.entry.level === 3 ? (
                <div style={{ marginTop: 12 }}>
                  <CrosswalkEditor key={d.entry.code} version={version} detail={d} />
                </div>
              ) : null}
            </div>
          ) : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}
