// /units: the member units of the current consortium; add and edit them where allowed.
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Dropdown,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ImportWizard, type ImportField } from '../../components/ImportWizard';
import { ErrorState } from '../../components/States';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import type { TFunction } from '../../lib/i18n';
import { isUnitRole, isUnitType, unitRoles, unitTypes } from '../../lib/enums';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { unitRoleColor, unitRoleLabel, unitTypeLabel } from '../../lib/labels';
import type { Unit, UnitRole, UnitType } from '../../lib/types';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { useUnits } from './api';
import { UnitFormModal } from './UnitFormModal';

const sorts = ['name', '-name', 'type', '-type', 'createdAt', '-createdAt'];

/** The columns the member-unit import reads (the keys are the server's field keys). */
function importFields(t: TFunction): ImportField[] {
  const asOf = (label: string) => `${label} · ${t('units.asOf')}`;
  return [
    { key: 'name', label: t('units.name') },
    { key: 'type', label: t('units.type') },
    { key: 'role', label: t('units.role') },
    { key: 'uscc', label: t('units.uscc') },
    { key: 'regionCode', label: t('units.regionCode') },
    { key: 'industryCode', label: t('units.industryCode') },
    { key: 'joinedOn', label: t('units.joinedOn') },
    { key: 'leftOn', label: t('units.leftOn') },
    { key: 'employeeCount', label: t('units.employeeCount') },
    { key: 'employeeCountAsOf', label: asOf(t('units.employeeCount')) },
    { key: 'enrolment', label: t('units.enrolment') },
    { key: 'enrolmentAsOf', label: asOf(t('units.enrolment')) },
  ];
}

export default function UnitsPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { can, canOnUnit } = useAccess();
  const list = useListParams(['q', 'type', 'role'], { sort: 'name', sorts });
  const type = isUnitType(list.filters.type) ? list.filters.type : undefined;
  const role = isUnitRole(list.filters.role) ? list.filters.role : undefined;
  const query = useUnits(consortiumId, {
    q: list.filters.q,
    type,
    role,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const { message } = App.useApp();
  const qc = useQueryClient();

  function exportAs(format: 'xlsx' | 'csv') {
    api
      .download(
        `/consortia/${consortiumId}/units/export`,
        // the export holds what the list shows: the same filters
        { format, q: list.filters.q, type, role },
        `${t('units.exportName')}.${format}`,
      )
      .catch((err: unknown) => void message.error(errorMessage(t, err, locale)));
  }
  const filtered = Boolean(list.filters.q || type || role);

  const columns: TableColumnsType<Unit> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'name'),
      render: (name: string, u) => (
        <Flex vertical>
          <span>{name}</span>
          {u.uscc ? (
            <Typography.Text type="secondary" className="cj-mono">
              {u.uscc}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('units.type'),
      dataIndex: 'type',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'type'),
      render: (v: UnitType) => unitTypeLabel(t, v),
    },
    {
      title: t('units.role'),
      dataIndex: 'role',
      render: (v: UnitRole) => <Tag color={unitRoleColor[v]}>{unitRoleLabel(t, v)}</Tag>,
    },
    { title: t('units.joinedOn'), dataIndex: 'joinedOn', render: (v: string | null) => v ?? '—' },
    {
      title: t('users.status'),
      key: 'standing',
      render: (_: unknown, u) =>
        u.leftOn ? (
          <Tag>{`${t('units.left')} ${u.leftOn}`}</Tag>
        ) : (
          <Tag color="green">{t('units.current')}</Tag>
        ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'createdAt'),
      render: (v: string) => formatDate(v, locale),
    },
  ];
  if (can('unit.update')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, u) =>
        canOnUnit('unit.update', u.id) ? (
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => setEditing(u)}
            aria-label={`${t('common.edit')} ${u.name}`}
          >
            {t('common.edit')}
          </Button>
        ) : null,
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.units')}
        subtitle={t('units.subtitle')}
        extra={
          <>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('units.exportXlsx') },
                  { key: 'csv', label: t('units.exportCsv') },
                ],
                onClick: ({ key }) => exportAs(key === 'csv' ? 'csv' : 'xlsx'),
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="units-export">
                {t('units.export')}
              </Button>
            </Dropdown>
            {can('unit.create') ? (
              <>
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => setImporting(true)}
                  data-testid="units-import"
                >
                  {t('units.import')}
                </Button>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing('new')}
                  data-testid="unit-create"
                >
                  {t('units.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={list.filters.q ?? ''}
            defaultValue={list.filters.q}
            placeholder={t('units.searchPlaceholder')}
            aria-label={t('units.searchPlaceholder')}
            allowClear
            enterButton
            onSearch={(v) => list.update({ q: v.trim() })}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="units-search"
          />
          <Select
            allowClear
            placeholder={t('units.allTypes')}
            aria-label={t('units.type')}
            value={type}
            onChange={(v?: UnitType) => list.update({ type: v })}
            options={unitTypes.map((v) => ({ value: v, label: unitTypeLabel(t, v) }))}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            placeholder={t('units.allRoles')}
            aria-label={t('units.role')}
            value={role}
            onChange={(v?: UnitRole) => list.update({ role: v })}
            options={unitRoles.map((v) => ({ value: v, label: unitRoleLabel(t, v) }))}
            style={{ width: 160 }}
          />
        </Flex>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Unit>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 960 }}
            locale={{ emptyText: filtered ? t('common.noMatch') : t('units.empty') }}
            {...serverPaging(list, query.data?.total ?? 0, 'name', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      {can('unit.create') ? (
        <ImportWizard
          open={importing}
          onClose={() => setImporting(false)}
          title={t('units.importTitle')}
          fields={importFields(t)}
          importPath={`/consortia/${consortiumId}/units/import`}
          templatePath={`/consortia/${consortiumId}/units/template`}
          templateName={t('units.templateName')}
          onImported={() =>
            void Promise.all([
              qc.invalidateQueries({ queryKey: ['units', consortiumId] }),
              qc.invalidateQueries({ queryKey: ['consortium', consortiumId] }),
            ])
          }
        />
      ) : null}
      <UnitFormModal
        consortiumId={consortiumId}
        unit={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
