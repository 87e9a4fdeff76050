// Before and after of an audited change, field by field, changed fields marked.
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import { fieldLabel, formatValue } from './auditFormat';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function diffRows(before: unknown, after: unknown): Row[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t, locale } = useI18n();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;
  const changedOnly = before !== null && after !== null;
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (changedOnly && r.changed ? 'cj-diff-changed' : '')}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 200,
          render: (f: string, r) => (
            <>
              {fieldLabel(t, f)}
              {changedOnly && r.changed ? (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {t('audit.changed')}
                </Tag>
              ) : null}
            </>
          ),
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown, r) => formatValue(t, locale, r.field, v),
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown, r) => formatValue(t, locale, r.field, v),
        },
      ]}
    />
  );
}
