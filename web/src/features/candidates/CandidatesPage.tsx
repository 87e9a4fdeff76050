// /candidates: students, graduates and workers. The secretariat sees every school's, a school its own,
// a teacher reads their school's. 身份证号 and phone are shown as the server sends them (masked unless
// the viewer may see personal data).
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Dropdown,
  Flex,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { ImportWizard, type ImportField } from '../../components/ImportWizard';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/States';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { TFunction } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { candidatePaths, useCandidates } from './api';
import { CandidateDrawer } from './CandidateDrawer';
import { CandidateViewDrawer } from './CandidateViewDrawer';
import { CodeSelect } from './CodeSelect';
import { talentErrorMessage } from './issues';
import {
  candidateKinds,
  educationLevels,
  isCandidateKind,
  isEducationLevel,
  kindColor,
  kindLabel,
  levelLabel,
} from './labels';
import { majorPrefixPattern } from './rules';
import { SchoolSelect } from './SchoolSelect';
import { useSchoolScope } from './scope';
import type { Candidate, CandidateFilters } from './types';

const sorts = ['name', '-name', 'updatedAt', '-updatedAt', 'expectedGraduation', '-expectedGraduation'];
const uuid = /^[0-9a-f-]{36}$/i;

/** The columns the student import reads (the keys are the server's field keys). */
function importFields(t: TFunction): ImportField[] {
  return [
    { key: 'name', label: t('cand.name') },
    { key: 'idCard', label: t('cand.idCard') },
    { key: 'studentNo', label: t('cand.studentNo') },
    { key: 'kind', label: t('cand.kind') },
    { key: 'majorCode', label: t('cand.majorCode') },
    { key: 'level', label: t('cand.level') },
    { key: 'yearOfStudy', label: t('cand.yearOfStudy') },
    { key: 'enrolmentYear', label: t('cand.enrolmentYear') },
    { key: 'expectedGraduation', label: t('cand.expectedGraduation') },
    { key: 'homeDistrict', label: t('cand.homeDistrict') },
    { key: 'mobile', label: t('cand.mobile') },
    { key: 'skills', label: t('cand.skills') },
    { key: 'certificates', label: t('cand.certificates') },
    { key: 'consentShare', label: t('cand.consent') },
  ];
}

export default function CandidatesPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { canEverywhere, canOnUnit } = useAccess();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useListParams(['q', 'schoolUnitId', 'majorCode', 'level', 'kind', 'graduationYear'], {
    sort: 'name',
    sorts,
  });
  const f = list.filters;
  const seesAllSchools = canEverywhere('candidate.read');
  const filters: CandidateFilters = {
    q: f.q,
    schoolUnitId: seesAllSchools && f.schoolUnitId && uuid.test(f.schoolUnitId) ? f.schoolUnitId : undefined,
    majorCode: f.majorCode && majorPrefixPattern.test(f.majorCode) ? f.majorCode : undefined,
    level: isEducationLevel(f.level) ? f.level : undefined,
    kind: isCandidateKind(f.kind) ? f.kind : undefined,
    graduationYear:
      f.graduationYear && /^\d{4}$/.test(f.graduationYear) ? Number(f.graduationYear) : undefined,
  };
  const query = useCandidates(consortiumId, {
    ...filters,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const writeScope = useSchoolScope('candidate.write');
  const readScope = useSchoolScope('candidate.read');
  // e.g. an enterprise administrator: the right reaches their own unit, which registers no students
  const noSchool = !readScope.everywhere && readScope.schools.length === 0;
  const [viewing, setViewing] = useState<string | null>(null);
  const [viewOpen, setViewOpen] = useState(false);
  // the drawer keeps its candidate while it closes (its title and fields stay put during the animation)
  const [editing, setEditing] = useState<Candidate | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const edit = (c: Candidate | null) => {
    setEditing(c);
    setEditOpen(true);
  };
  const [choosingSchool, setChoosingSchool] = useState(false);
  const [importSchool, setImportSchool] = useState<{ id: string; name: string } | null>(null);
  const [pickedSchool, setPickedSchool] = useState<{ id: string; name: string } | null>(null);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const mayEdit = (c: Candidate) => canOnUnit('candidate.write', c.schoolUnitId);

  function exportAs(format: 'xlsx' | 'csv') {
    api
      .download(
        candidatePaths(consortiumId).export,
        { format, ...filters },
        `${t('cand.exportName')}.${format}`,
      )
      .catch((err: unknown) => void message.error(talentErrorMessage(t, err, locale)));
  }

  function startImport() {
    const only = writeScope.schools[0];
    if (!writeScope.everywhere && writeScope.schools.length === 1 && only) setImportSchool(only);
    else setChoosingSchool(true);
  }

  const columns: TableColumnsType<Candidate> = [
    {
      title: t('cand.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'name'),
      fixed: 'left',
      width: 150,
      render: (name: string, c) => (
        <Flex vertical>
          <Typography.Link
            onClick={() => {
              setViewing(c.id);
              setViewOpen(true);
            }}
            data-testid="candidate-open"
          >
            {name}
          </Typography.Link>
          {c.studentNo ? (
            <Typography.Text type="secondary" className="cj-mono" style={{ fontSize: 12 }}>
              {c.studentNo}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('cand.idCard'),
      dataIndex: 'idCard',
      width: 190,
      render: (v: string) => <span className="cj-mono">{v}</span>,
    },
    {
      title: t('cand.gender'),
      dataIndex: 'gender',
      width: 80,
      render: (v: Candidate['gender']) => t(v === 'male' ? 'cand.gender.male' : 'cand.gender.female'),
    },
    ...(seesAllSchools
      ? [
          {
            title: t('cand.school'),
            dataIndex: 'schoolName',
            width: 180,
            render: (v: string | null) =>
              v ?? <Typography.Text type="secondary">{t('cand.noSchool')}</Typography.Text>,
          },
        ]
      : []),
    {
      title: t('cand.major'),
      key: 'major',
      width: 160,
      render: (_: unknown, c) =>
        c.majorCode ? (
          <Flex vertical>
            <span>{c.majorName ?? c.majorCode}</span>
            <Typography.Text type="secondary" className="cj-mono" style={{ fontSize: 12 }}>
              {c.majorCode}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('cand.level'),
      dataIndex: 'level',
      width: 150,
      render: (v: Candidate['level']) => (v ? levelLabel(t, v) : '—'),
    },
    {
      title: t('cand.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (v: Candidate['kind']) => <Tag color={kindColor[v]}>{kindLabel(t, v)}</Tag>,
    },
    {
      title: t('cand.expectedGraduation'),
      dataIndex: 'expectedGraduation',
      width: 150,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'expectedGraduation'),
      render: (v: string | null) => formatDate(v, locale),
    },
    {
      title: t('cand.mobile'),
      dataIndex: 'mobile',
      width: 130,
      render: (v: string | null) => <span className="cj-mono">{v ?? '—'}</span>,
    },
    {
      title: t('cand.certificates'),
      key: 'certificates',
      width: 90,
      align: 'right',
      render: (_: unknown, c) =>
        c.certificates.length ? (
          <Tooltip title={c.certificates.map((x) => x.name).join(t('common.listSeparator'))}>
            <span>{c.certificates.length}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('cand.consentShort'),
      dataIndex: 'consentShare',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
    },
  ];
  if (writeScope.any) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, c) =>
        mayEdit(c) ? (
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => edit(c)}
            aria-label={`${t('common.edit')} ${c.name}`}
          >
            {t('common.edit')}
          </Button>
        ) : null,
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.candidates')}
        subtitle={
          seesAllSchools
            ? t('cand.subtitleAll')
            : noSchool
              ? t('cand.subtitleNoSchool')
              : t('cand.subtitleSchool')
        }
        extra={
          <>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('cand.exportXlsx') },
                  { key: 'csv', label: t('cand.exportCsv') },
                ],
                onClick: ({ key }) => exportAs(key === 'csv' ? 'csv' : 'xlsx'),
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="candidates-export">
                {t('cand.export')}
              </Button>
            </Dropdown>
            {writeScope.any ? (
              <>
                <Button icon={<UploadOutlined />} onClick={startImport} data-testid="candidates-import">
                  {t('cand.import')}
                </Button>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => edit(null)}
                  data-testid="candidate-create"
                >
                  {t('cand.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={f.q ?? ''}
            defaultValue={f.q}
            placeholder={t('cand.searchPlaceholder')}
            aria-label={t('cand.searchPlaceholder')}
            allowClear
            enterButton
            maxLength={40}
            onSearch={(v) => list.update({ q: v.trim() })}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid="candidates-search"
          />
          {seesAllSchools ? (
            <SchoolSelect
              consortiumId={consortiumId}
              value={filters.schoolUnitId}
              onChange={(v) => list.update({ schoolUnitId: v })}
              allowClear
              placeholder={t('cand.allSchools')}
              aria-label={t('cand.school')}
              style={{ width: 200 }}
              data-testid="candidates-school"
            />
          ) : null}
          <CodeSelect
            kind="major"
            pattern={majorPrefixPattern}
            value={filters.majorCode}
            onChange={(v) => list.update({ majorCode: v })}
            placeholder={t('cand.allMajors')}
            aria-label={t('cand.major')}
            style={{ width: 210 }}
            data-testid="candidates-major"
          />
          <Select
            allowClear
            placeholder={t('cand.allLevels')}
            aria-label={t('cand.level')}
            value={filters.level}
            onChange={(v?: string) => list.update({ level: v })}
            options={educationLevels.map((v) => ({ value: v, label: levelLabel(t, v) }))}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            placeholder={t('cand.allKinds')}
            aria-label={t('cand.kind')}
            value={filters.kind}
            onChange={(v?: string) => list.update({ kind: v })}
            options={candidateKinds.map((v) => ({ value: v, label: kindLabel(t, v) }))}
            style={{ width: 130 }}
          />
          <DatePicker
            picker="year"
            placeholder={t('cand.graduationYear')}
            aria-label={t('cand.graduationYear')}
            value={filters.graduationYear ? dayjs(`${filters.graduationYear}-01-01`) : null}
            onChange={(d) => list.update({ graduationYear: d ? d.year() : undefined })}
            style={{ width: 130 }}
          />
          {filtered ? (
            <Button
              type="link"
              onClick={() =>
                list.update({
                  q: undefined,
                  schoolUnitId: undefined,
                  majorCode: undefined,
                  level: undefined,
                  kind: undefined,
                  graduationYear: undefined,
                })
              }
            >
              {t('cand.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Candidate>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 1500 }}
            locale={{
              emptyText: filtered
                ? t('common.noMatch')
                : noSchool
                  ? t('cand.emptyNoSchool')
                  : t('cand.empty'),
            }}
            data-testid="candidates-table"
            {...serverPaging(list, query.data?.total ?? 0, 'name', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      <CandidateViewDrawer
        consortiumId={consortiumId}
        candidateId={viewing}
        open={viewOpen}
        onClose={() => setViewOpen(false)}
        mayEdit={mayEdit}
        onEdit={(c) => {
          setViewOpen(false);
          edit(c);
        }}
      />
      {writeScope.any ? (
        <>
          <CandidateDrawer
            consortiumId={consortiumId}
            candidate={editing}
            open={editOpen}
            onClose={() => setEditOpen(false)}
          />
          <Modal
            open={choosingSchool}
            title={t('cand.importChooseSchool')}
            okText={t('cand.importNext')}
            cancelText={t('common.cancel')}
            okButtonProps={{ disabled: !pickedSchool }}
            onCancel={() => setChoosingSchool(false)}
            onOk={() => {
              if (!pickedSchool) return;
              setChoosingSchool(false);
              setImportSchool(pickedSchool);
            }}
          >
            <Typography.Paragraph type="secondary">{t('cand.importChooseSchoolHelp')}</Typography.Paragraph>
            <SchoolSelect
              consortiumId={consortiumId}
              value={pickedSchool?.id}
              onChange={(id, name) => setPickedSchool(id ? { id, name: name ?? '' } : null)}
              only={writeScope.everywhere ? undefined : writeScope.schools.map((s) => s.id)}
              aria-label={t('cand.school')}
              style={{ width: '100%' }}
              data-testid="import-school"
            />
          </Modal>
          <ImportWizard
            key={importSchool?.id ?? 'none'}
            open={importSchool !== null}
            onClose={() => setImportSchool(null)}
            title={t('cand.importTitle', { school: importSchool?.name ?? '' })}
            fields={importFields(t)}
            importPath={candidatePaths(consortiumId).import}
            query={importSchool ? { schoolUnitId: importSchool.id } : {}}
            templatePath={candidatePaths(consortiumId).template}
            templateName={t('cand.templateName')}
            onImported={() =>
              void Promise.all([
                qc.invalidateQueries({ queryKey: ['candidates', consortiumId] }),
                qc.invalidateQueries({ queryKey: ['talent', consortiumId] }),
              ])
            }
          />
        </>
      ) : null}
    </>
  );
}
