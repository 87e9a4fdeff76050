// /internships/plans/:planId: the plan, its placements (status, host, post, period, findings), and the
// ways to add to them: one by one through the placement form, or from a confirmed matching run; the
// placements as an Excel file.
import {
  DownloadOutlined,
  EditOutlined,
  NodeIndexOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Tag, Tooltip, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { ImportWizard, type ImportField } from '../../components/ImportWizard';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSpinner } from '../../components/States';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { serverPaging, useListParams } from '../../lib/useListParams';
import { useMajorNames } from '../matching/api';
import { exportPlacements, usePlacements, usePlan } from './api';
import { internErrorMessage } from './errors';
import { FromRunModal } from './FromRunModal';
import { kindLabel, planStatusColor, planStatusLabel } from './labels';
import { PlacementFormDrawer } from './PlacementFormDrawer';
import { PlacementFilters, PlacementsTable } from './PlacementsTable';
import { PlanFormDrawer } from './PlanFormDrawer';
import { useInternshipScope } from './scope';
import type { PlacementStatus } from './types';

/** The columns of the placement import, as the wizard maps a file's headers onto them. */
const importKeys: [string, string][] = [
  ['studentNo', 'intern.import.studentNo'],
  ['hostUscc', 'intern.import.hostUscc'],
  ['postTitle', 'intern.field.postTitle'],
  ['postStaffCount', 'intern.field.postStaffCount'],
  ['schoolMentorName', 'intern.field.schoolMentor'],
  ['enterpriseMentorName', 'intern.field.enterpriseMentor'],
  ['startDate', 'intern.field.startDate'],
  ['endDate', 'intern.field.endDate'],
  ['dailyHours', 'intern.field.dailyHours'],
  ['daysPerWeek', 'intern.field.daysPerWeek'],
  ['nightShifts', 'intern.field.nightShifts'],
  ['holidayWork', 'intern.field.holidayWork'],
  ['overtime', 'intern.field.overtime'],
  ['hazardousWork', 'intern.field.hazardousWork'],
  ['exemptionRef', 'intern.field.exemptionRef'],
  ['payAmount', 'intern.field.payAmount'],
  ['postWage', 'intern.field.postWage'],
  ['payChannel', 'intern.field.payChannel'],
  ['payFrequency', 'intern.field.payFrequency'],
  ['intensityClass', 'intern.field.intensityClass'],
  ['venueType', 'intern.field.venueType'],
  ['address', 'intern.field.address'],
  ['viaIntermediary', 'intern.field.viaIntermediary'],
  ['feesCharged', 'intern.field.feesCharged'],
  ['documentsHeld', 'intern.field.documentsHeld'],
  ['guardianConsent', 'intern.field.guardianConsent'],
  ['insurer', 'intern.field.insurer'],
  ['policyNo', 'intern.field.policyNo'],
  ['insuranceStart', 'intern.field.insuranceStart'],
  ['insuranceEnd', 'intern.field.insuranceEnd'],
  ['premiumPaidBy', 'intern.field.premiumPaidBy'],
];

const sorts = ['-startDate', 'startDate', 'studentName', '-studentName', 'hostName', '-hostName'];

export default function PlanDetailPage() {
  const { planId = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const consortiumId = useCurrentConsortiumId();
  const navigate = useNavigate();
  const scope = useInternshipScope();
  const plan = usePlan(consortiumId, planId);
  const list = useListParams(['status', 'finding', 'q'] as const, { sort: '-startDate', sorts });
  const placements = usePlacements(consortiumId, {
    planId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    status: list.filters.status as PlacementStatus | undefined,
    finding: list.filters.finding as 'block' | 'warn' | 'any' | undefined,
    q: list.filters.q,
  });
  const [adding, setAdding] = useState(false);
  const [fromRun, setFromRun] = useState(false);
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const qc = useQueryClient();
  const majors = useMajorNames(plan.data?.majorCodes ?? []);

  if (plan.isLoading) return <PageSpinner />;
  if (plan.isError || !plan.data)
    return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const closed = p.status === 'closed';
  const writeReason = !p.canEdit ? t('intern.plan.noWrite') : closed ? t('intern.plan.closedNoAdd') : null;

  async function onExport() {
    setExporting(true);
    try {
      await exportPlacements(consortiumId, { planId }, `${p.title}.xlsx`);
    } catch (err) {
      void message.error(internErrorMessage(t, err, locale));
    } finally {
      setExporting(false);
    }
  }

  const withReason = (button: React.ReactElement) =>
    writeReason ? <Tooltip title={writeReason}>{button}</Tooltip> : button;

  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={`${p.schoolName} · ${kindLabel(t, p.kind)} · ${p.cohort}`}
        extra={
          <>
            {p.canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('intern.plan.edit')}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              disabled={p.placements === 0}
              onClick={() => void onExport()}
              data-testid="placements-export"
            >
              {t('intern.plan.export')}
            </Button>
            {withReason(
              <Button
                icon={<UploadOutlined />}
                disabled={!!writeReason}
                onClick={() => setImporting(true)}
                data-testid="placements-import"
              >
                {t('intern.import.button')}
              </Button>,
            )}
            {withReason(
              <Button
                icon={<NodeIndexOutlined />}
                disabled={!!writeReason}
                onClick={() => setFromRun(true)}
                data-testid="from-run"
              >
                {t('intern.plan.fromRun')}
              </Button>,
            )}
            {withReason(
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!!writeReason}
                onClick={() => setAdding(true)}
                data-testid="placement-create"
              >
                {t('intern.plan.addPlacement')}
              </Button>,
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'status',
              label: t('intern.field.planStatus'),
              children: <Tag color={planStatusColor[p.status]}>{planStatusLabel(t, p.status)}</Tag>,
            },
            {
              key: 'period',
              label: t('intern.col.period'),
              children: (
                <span className="cj-mono">
                  {p.startDate} ~ {p.endDate}
                </span>
              ),
            },
            { key: 'teacher', label: t('intern.field.teacher'), children: p.teacherName },
            {
              key: 'majors',
              label: t('intern.field.majors'),
              children: p.majorCodes.length
                ? p.majorCodes.map((c) => <Tag key={c}>{majors.get(c) ? `${c} ${majors.get(c)}` : c}</Tag>)
                : t('intern.plan.anyMajor'),
            },
            {
              key: 'cadence',
              label: t('intern.field.logCadence'),
              children: t('intern.plan.everyNDays', { n: p.logCadenceDays }),
            },
            {
              key: 'counts',
              label: t('intern.col.placements'),
              children: (
                <Flex gap={8}>
                  <span>{p.placements}</span>
                  {p.blocked ? <Tag color="red">{t('intern.plan.blockedN', { n: p.blocked })}</Tag> : null}
                </Flex>
              ),
            },
            {
              key: 'rubric',
              label: t('intern.rubric.title'),
              span: 'filled',
              children: (
                <Flex gap={4} wrap>
                  {p.rubric.map((r) => (
                    <Tag key={r.key}>
                      {r.label} {r.weight}%
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            ...(p.goals
              ? [
                  {
                    key: 'goals',
                    label: t('intern.field.goals'),
                    span: 'filled' as const,
                    children: (
                      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                        {p.goals}
                      </Typography.Paragraph>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('intern.plan.placements')}>
        <PlacementFilters list={list} />
        {placements.isError ? (
          <ErrorState error={placements.error} onRetry={() => void placements.refetch()} />
        ) : placements.data?.total === 0 && !Object.values(list.filters).some(Boolean) ? (
          <EmptyState description={t('intern.plan.noPlacements')} />
        ) : (
          <PlacementsTable
            items={placements.data?.items}
            loading={placements.isLoading}
            sort={list.sort}
            paging={serverPaging(list, placements.data?.total ?? 0, '-startDate', (n) =>
              t('common.total', { n }),
            )}
          />
        )}
      </Card>
      {p.canEdit ? (
        <>
          <PlacementFormDrawer
            consortiumId={consortiumId}
            open={adding}
            plan={p}
            placement={null}
            onClose={() => setAdding(false)}
            onSaved={(saved) => void navigate(`/internships/placements/${saved.id}`)}
          />
          <FromRunModal
            consortiumId={consortiumId}
            plan={p}
            open={fromRun}
            onClose={() => setFromRun(false)}
          />
          <ImportWizard
            open={importing}
            onClose={() => setImporting(false)}
            title={t('intern.import.title', { plan: p.title })}
            fields={importKeys.map(([key, label]): ImportField => ({ key, label: t(label as MessageKey) }))}
            importPath={`/consortia/${consortiumId}/internships/plans/${p.id}/placements/import`}
            templatePath={`/consortia/${consortiumId}/internships/plans/${p.id}/placements/template`}
            templateName={t('intern.import.templateName')}
            onImported={() => void qc.invalidateQueries({ queryKey: ['internships', consortiumId] })}
          />
          <PlanFormDrawer
            consortiumId={consortiumId}
            open={editing}
            plan={p}
            scope={scope}
            onClose={() => setEditing(false)}
          />
        </>
      ) : null}
    </>
  );
}
