// The import wizard shared by every list that reads Excel/CSV: choose a file (or fetch the template),
// dry-run it (headers, column mapping, counts, per-row errors, annotated workbook), then import.
// The server imports all or nothing: while the dry run reports errors, nothing is written.
import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Modal,
  Result,
  Select,
  Steps,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api, type RawBody } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { useI18n } from '../lib/i18n';

export type ImportRowError = {
  row: number;
  column: string;
  code: string;
  message: string;
  messageZh?: string;
};

export type ImportReport = {
  ok: boolean;
  dryRun: boolean;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  headers: string[];
  mapping: Record<string, string>;
};

export type ImportField = { key: string; label: string };

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  /** the fields a header may be mapped to */
  fields: ImportField[];
  /** e.g. /consortia/:id/units/import; the annotated workbook is at `${importPath}/annotated` */
  importPath: string;
  templatePath: string;
  templateName: string;
  /** parameters sent with every call (template, dry run, import, annotated workbook), e.g. `kind` or `schoolUnitId` */
  query?: Record<string, string>;
  /** called after a real import wrote its rows */
  onImported?: (report: ImportReport) => void;
};

type Format = 'xlsx' | 'csv';
const contentTypes: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};
const IGNORE = '';

function formatOf(name: string): Format | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

/** The mapping as the wizard shows it: every header of the file, unmapped ones ignored. */
function fullMapping(report: ImportReport): Record<string, string> {
  const m: Record<string, string> = {};
  for (const h of report.headers) if (h !== '') m[h] = report.mapping[h] ?? IGNORE;
  return m;
}

export function ImportWizard({
  open,
  onClose,
  title,
  fields,
  importPath,
  templatePath,
  templateName,
  query: extra,
  onImported,
}: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mappingChanged, setMappingChanged] = useState(false);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | 'annotated' | 'template' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const format = file ? formatOf(file.name) : null;
  const step = result ? 2 : report ? 1 : 0;

  function reset() {
    setFile(null);
    setReport(null);
    setMapping({});
    setMappingChanged(false);
    setResult(null);
    setError(null);
  }

  function close() {
    reset();
    onClose();
  }

  function body(f: File, fmt: Format): RawBody {
    return { blob: f, contentType: contentTypes[fmt] };
  }

  function query(fmt: Format, dryRun: boolean, withMapping: boolean) {
    return {
      ...extra,
      format: fmt,
      dryRun: String(dryRun),
      fileName: file?.name,
      mapping: withMapping ? JSON.stringify(mapping) : undefined,
    };
  }

  async function check(withMapping: boolean) {
    if (!file || !format) return;
    setBusy('check');
    setError(null);
    try {
      const r = await api.upload<ImportReport>(
        importPath,
        body(file, format),
        query(format, true, withMapping),
      );
      setReport(r);
      setMapping(fullMapping(r));
      setMappingChanged(false);
    } catch (err) {
      setError(errorMessage(t, err, locale));
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    if (!file || !format || !report?.ok) return;
    setBusy('import');
    setError(null);
    try {
      const r = await api.upload<ImportReport>(importPath, body(file, format), query(format, false, true));
      if (r.ok) {
        setResult(r);
        onImported?.(r);
      } else {
        // the data changed since the dry run: show the new report, nothing was written
        setReport(r);
        setMapping(fullMapping(r));
      }
    } catch (err) {
      setError(errorMessage(t, err, locale));
    } finally {
      setBusy(null);
    }
  }

  async function downloadAnnotated() {
    if (!file || !format) return;
    setBusy('annotated');
    try {
      await api.exchange(
        `${importPath}/annotated`,
        body(file, format),
        query(format, true, true),
        t('import.annotatedName'),
      );
    } catch (err) {
      void message.error(errorMessage(t, err, locale));
    } finally {
      setBusy(null);
    }
  }

  async function downloadTemplate() {
    setBusy('template');
    try {
      await api.download(templatePath, extra, templateName);
    } catch (err) {
      void message.error(errorMessage(t, err, locale));
    } finally {
      setBusy(null);
    }
  }

  const fieldOptions = [
    { value: IGNORE, label: t('import.ignore') },
    ...fields.map((f) => ({ value: f.key, label: `${f.label} (${f.key})` })),
  ];

  const mappingColumns: TableColumnsType<{ header: string }> = [
    { title: t('import.header'), dataIndex: 'header' },
    {
      title: t('import.field'),
      key: 'field',
      render: (_: unknown, r) => (
        <Select
          value={mapping[r.header] ?? IGNORE}
          options={fieldOptions}
          style={{ width: 260 }}
          aria-label={`${t('import.field')}: ${r.header}`}
          data-testid={`import-map-${r.header}`}
          onChange={(v: string) => {
            setMapping((m) => ({ ...m, [r.header]: v }));
            setMappingChanged(true);
          }}
        />
      ),
    },
  ];

  const errorColumns: TableColumnsType<ImportRowError & { key: number }> = [
    {
      title: t('import.row'),
      dataIndex: 'row',
      width: 90,
      render: (v: number) => (v === 0 ? t('import.wholeFile') : v),
    },
    { title: t('import.column'), dataIndex: 'column', width: 180 },
    {
      title: t('import.message'),
      key: 'message',
      render: (_: unknown, e) => (locale === 'zh-CN' && e.messageZh ? e.messageZh : e.message),
    },
  ];

  const footer =
    step === 0 ? (
      <Flex justify="end" gap={8}>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          disabled={!file || !format}
          loading={busy === 'check'}
          onClick={() => void check(false)}
          data-testid="import-check"
        >
          {t('import.check')}
        </Button>
      </Flex>
    ) : step === 1 ? (
      <Flex justify="end" gap={8} wrap>
        <Button onClick={reset} data-testid="import-choose-again">
          {t('import.chooseAgain')}
        </Button>
        <Button
          type="primary"
          disabled={!report?.ok || mappingChanged}
          loading={busy === 'import'}
          onClick={() => void runImport()}
          data-testid="import-run"
        >
          {t('import.run', { n: report?.total ?? 0 })}
        </Button>
      </Flex>
    ) : (
      <Flex justify="end">
        <Button type="primary" onClick={close} data-testid="import-done">
          {t('import.done')}
        </Button>
      </Flex>
    );

  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      footer={footer}
      width={860}
      destroyOnHidden
      maskClosable={false}
    >
      <Steps
        current={step}
        size="small"
        style={{ margin: '8px 0 24px' }}
        items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}

      {step === 0 ? (
        <Flex vertical gap={16}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setError(formatOf(f.name) ? null : t('import.badFormat'));
              return false;
            }}
            onRemove={() => {
              setFile(null);
              return true;
            }}
            fileList={
              file ? [{ uid: 'file', name: file.name, status: formatOf(file.name) ? 'done' : 'error' }] : []
            }
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.dropHint')}</p>
            <p className="ant-upload-hint">{t('import.formats')}</p>
          </Upload.Dragger>
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'template'}
              onClick={() => void downloadTemplate()}
              data-testid="import-template"
            >
              {t('import.template')}
            </Button>
          </Flex>
          <Alert type="info" showIcon title={t('import.allOrNothing')} />
        </Flex>
      ) : null}

      {step === 1 && report ? (
        <Flex vertical gap={16}>
          {report.ok ? (
            <Alert
              type="success"
              showIcon
              data-testid="import-ok"
              title={t('import.checkOk', {
                total: report.total,
                inserted: report.inserted,
                updated: report.updated,
                unchanged: report.unchanged,
              })}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              data-testid="import-failed"
              title={t('import.checkFailed', { n: report.errors.length })}
              description={t('import.nothingWritten')}
            />
          )}
          <Descriptions size="small" bordered column={{ xs: 2, md: 4 }}>
            <Descriptions.Item label={t('import.file')} span={4}>
              {file?.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('import.total')}>{report.total}</Descriptions.Item>
            <Descriptions.Item label={t('import.inserted')}>{report.inserted}</Descriptions.Item>
            <Descriptions.Item label={t('import.updated')}>{report.updated}</Descriptions.Item>
            <Descriptions.Item label={t('import.unchanged')}>{report.unchanged}</Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('import.mapping')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('import.mappingHelp')}</Typography.Paragraph>
            <Table
              size="small"
              rowKey="header"
              pagination={false}
              columns={mappingColumns}
              dataSource={Object.keys(mapping).map((header) => ({ header }))}
              data-testid="import-mapping"
            />
            {mappingChanged ? (
              <Flex gap={8} align="center" style={{ marginTop: 8 }} wrap>
                <Typography.Text type="warning">{t('import.mappingChanged')}</Typography.Text>
                <Button
                  icon={<ReloadOutlined />}
                  loading={busy === 'check'}
                  onClick={() => void check(true)}
                  data-testid="import-recheck"
                >
                  {t('import.recheck')}
                </Button>
              </Flex>
            ) : null}
          </div>

          {report.errors.length > 0 ? (
            <div>
              <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('import.errors')}
                </Typography.Title>
                <Button
                  icon={<DownloadOutlined />}
                  loading={busy === 'annotated'}
                  onClick={() => void downloadAnnotated()}
                  data-testid="import-annotated"
                >
                  {t('import.annotated')}
                </Button>
              </Flex>
              <Table
                size="small"
                rowKey="key"
                columns={errorColumns}
                dataSource={report.errors.map((e, i) => ({ ...e, key: i }))}
                pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                data-testid="import-errors"
              />
            </div>
          ) : null}
        </Flex>
      ) : null}

      {step === 2 && result ? (
        <Result
          status="success"
          title={t('import.doneTitle')}
          subTitle={t('import.doneCounts', {
            inserted: result.inserted,
            updated: result.updated,
            unchanged: result.unchanged,
          })}
          data-testid="import-result"
        />
      ) : null}
    </Modal>
  );
}
