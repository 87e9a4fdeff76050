// /catalogs: the national reference catalogs loaded on the platform and how complete each is; platform
// admins import official tables (also as a new version) and choose the current version.
import { CheckCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAccess } from '../../app/access';
import { ImportWizard } from '../../components/ImportWizard';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSpinner } from '../../components/States';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useI18n, type TFunction } from '../../lib/i18n';
import type { Catalog, CatalogKind } from '../../lib/types';
import { catalogKinds, importPathOf, useCatalogs, useMakeCurrent } from './api';

type Level = Catalog['levels'][number];
type Certainty = Catalog['expectedCertainty'];

export const certaintyColor: Record<Certainty, string> = { V: 'green', P: 'gold', M: 'red' };
export const certaintyLabel = (t: TFunction, c: Certainty) => t(`certainty.${c}`);
export const kindLabel = (t: TFunction, k: CatalogKind) => t(`catalogKind.${k}`);

const catalogFields = (t: TFunction) => [
  { key: 'code', label: t('catalogs.code') },
  { key: 'name', label: t('catalogs.entryName') },
  { key: 'parentCode', label: t('catalogs.parentCode') },
  { key: 'marks', label: t('catalogs.marks') },
];

const crosswalkFields = (t: TFunction) => [
  { key: 'majorCode', label: t('catalogs.majorCode') },
  { key: 'industryCodes', label: t('catalogs.industryCodes') },
  { key: 'occupationCodes', label: t('catalogs.occupationCodes') },
];

export default function CatalogsPage() {
  const { t, pick, locale } = useI18n();
  const { message } = App.useApp();
  const { can } = useAccess();
  const manage = can('catalog.manage');
  const catalogs = useCatalogs();
  const makeCurrent = useMakeCurrent();
  const qc = useQueryClient();
  const [importing, setImporting] = useState<{ kind: CatalogKind; version: string } | null>(null);
  const [crosswalkVersion, setCrosswalkVersion] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);

  if (catalogs.isPending) return <PageSpinner />;
  if (catalogs.isError) return <ErrorState error={catalogs.error} onRetry={() => void catalogs.refetch()} />;

  const levelColumns: TableColumnsType<Level> = [
    { title: t('catalogs.level'), key: 'name', render: (_: unknown, l) => pick(l.nameZh, l.nameEn) },
    {
      title: t('catalogs.loadedExpected'),
      key: 'count',
      align: 'right',
      render: (_: unknown, l) => `${l.loaded} / ${l.expected ?? '?'}`,
    },
    {
      title: t('catalogs.completeness'),
      key: 'complete',
      render: (_: unknown, l) =>
        l.complete === true ? (
          <Tag color="green">{t('catalogs.complete')}</Tag>
        ) : l.complete === false ? (
          <Tag color="orange">{t('catalogs.incomplete')}</Tag>
        ) : (
          <Tag>{t('catalogs.unknownSize')}</Tag>
        ),
    },
  ];

  async function setCurrent(c: Catalog) {
    try {
      await makeCurrent.mutateAsync({ kind: c.kind, version: c.version });
      void message.success(t('catalogs.madeCurrent', { title: c.title }));
    } catch (err) {
      void message.error(errorMessage(t, err, locale));
    }
  }

  const list = catalogs.data;
  return (
    <>
      <PageHeader
        title={t('nav.catalogs')}
        subtitle={t('catalogs.subtitle')}
        extra={
          manage ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() => setChoosing(true)}
              data-testid="catalog-new-version"
            >
              {t('catalogs.newVersion')}
            </Button>
          ) : null
        }
      />
      {list.length === 0 ? (
        <Card>
          <EmptyState description={t('catalogs.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {list.map((c) => {
            const incomplete = c.levels.some((l) => l.complete === false);
            return (
              <Col xs={24} xl={12} key={c.id}>
                <Card
                  data-testid={`catalog-${c.kind}-${c.version}`}
                  title={
                    <Flex gap={8} align="center" wrap>
                      <span>{c.title}</span>
                      {c.isCurrent ? (
                        <Tag color="blue" icon={<CheckCircleOutlined />}>
                          {t('catalogs.current')}
                        </Tag>
                      ) : null}
                    </Flex>
                  }
                  extra={
                    <Link to={`/catalogs/${c.kind}/${encodeURIComponent(c.version)}`}>
                      <Button size="small" data-testid={`catalog-browse-${c.kind}`}>
                        {t('catalogs.browse')}
                      </Button>
                    </Link>
                  }
                  style={{ height: '100%' }}
                >
                  <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                    <Tag>{kindLabel(t, c.kind)}</Tag>
                    <Typography.Text type="secondary">
                      {t('catalogs.version')}: {c.version}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t('catalogs.updatedAt')}: {formatDate(c.updatedAt, locale)}
                    </Typography.Text>
                  </Flex>
                  <Typography.Paragraph type="secondary">
                    {t('catalogs.source')}: {c.source}
                  </Typography.Paragraph>
                  <Table<Level>
                    size="small"
                    rowKey="level"
                    pagination={false}
                    columns={levelColumns}
                    dataSource={c.levels}
                  />
                  {incomplete ? (
                    <Alert
                      type="warning"
                      showIcon
                      style={{ marginTop: 12 }}
                      data-testid="catalog-incomplete"
                      title={t('catalogs.incompleteNotice')}
                      description={
                        <Flex gap={8} align="center" wrap>
                          <span>
                            {t('catalogs.expectedSource')}: {c.expectedSource}
                          </span>
                          <Tag color={certaintyColor[c.expectedCertainty]}>
                            {c.expectedCertainty} {certaintyLabel(t, c.expectedCertainty)}
                          </Tag>
                        </Flex>
                      }
                    />
                  ) : null}
                  {manage ? (
                    <Flex gap={8} wrap style={{ marginTop: 12 }}>
                      <Button
                        icon={<UploadOutlined />}
                        onClick={() => setImporting({ kind: c.kind, version: c.version })}
                        data-testid={`catalog-import-${c.kind}`}
                      >
                        {t('catalogs.import')}
                      </Button>
                      {c.kind === 'major' ? (
                        <Button
                          icon={<UploadOutlined />}
                          onClick={() => setCrosswalkVersion(c.version)}
                          data-testid="catalog-import-crosswalk"
                        >
                          {t('catalogs.importCrosswalk')}
                        </Button>
                      ) : null}
                      {c.isCurrent ? null : (
                        <Button loading={makeCurrent.isPending} onClick={() => void setCurrent(c)}>
                          {t('catalogs.makeCurrent')}
                        </Button>
                      )}
                    </Flex>
                  ) : null}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      {manage ? (
        <>
          <NewVersionModal
            open={choosing}
            onClose={() => setChoosing(false)}
            onChosen={(kind, version) => {
              setChoosing(false);
              setImporting({ kind, version });
            }}
          />
          <ImportWizard
            open={importing !== null}
            onClose={() => setImporting(null)}
            title={
              importing
                ? t('catalogs.importTitle', {
                    kind: kindLabel(t, importing.kind),
                    version: importing.version,
                  })
                : ''
            }
            fields={catalogFields(t)}
            importPath={importing ? importPathOf(importing.kind, importing.version) : ''}
            templatePath="/reference/catalog-template"
            templateName={t('catalogs.templateName')}
            onImported={() => void qc.invalidateQueries({ queryKey: ['catalogs'] })}
          />
          <ImportWizard
            open={crosswalkVersion !== null}
            onClose={() => setCrosswalkVersion(null)}
            title={crosswalkVersion ? t('catalogs.crosswalkTitle', { version: crosswalkVersion }) : ''}
            fields={crosswalkFields(t)}
            importPath={
              crosswalkVersion ? `/reference/crosswalk/${encodeURIComponent(crosswalkVersion)}/import` : ''
            }
            templatePath="/reference/crosswalk-template"
            templateName={t('catalogs.crosswalkTemplateName')}
            onImported={() => void qc.invalidateQueries({ queryKey: ['catalogs'] })}
          />
        </>
      ) : null}
    </>
  );
}

function NewVersionModal({
  open,
  onClose,
  onChosen,
}: {
  open: boolean;
  onClose: () => void;
  onChosen: (kind: CatalogKind, version: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ kind: CatalogKind; version: string }>();
  return (
    <Modal
      open={open}
      title={t('catalogs.newVersion')}
      okText={t('catalogs.next')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() =>
        void form
          .validateFields()
          .then((v) => onChosen(v.kind, v.version.trim()))
          .catch(() => undefined)
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'major' }}>
        <Form.Item
          name="kind"
          label={t('catalogs.kind')}
          rules={[{ required: true, message: t('rule.required') }]}
        >
          <Select options={catalogKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
        </Form.Item>
        <Form.Item
          name="version"
          label={t('catalogs.version')}
          extra={t('catalogs.versionHelp')}
          rules={[
            { required: true, message: t('rule.required') },
            { pattern: /^[0-9A-Za-z._-]{1,32}$/, message: t('catalogs.versionRule') },
          ]}
        >
          <Input maxLength={32} data-testid="catalog-version" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
