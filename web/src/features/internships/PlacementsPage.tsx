// /internships/placements (实习生): the placements the viewer sees — a host its interns, a school its
// students, the secretariat all — filtered by status, findings, school and text; exported to Excel.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { serverPaging, useListParams } from '../../lib/useListParams';
import { SchoolSelect } from '../candidates/SchoolSelect';
import { exportPlacements, usePlacements } from './api';
import { internErrorMessage } from './errors';
import { PlacementFilters, PlacementsTable } from './PlacementsTable';
import type { PlacementStatus } from './types';

const sorts = ['-startDate', 'startDate', 'studentName', '-studentName', 'hostName', '-hostName'];

export default function PlacementsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const consortiumId = useCurrentConsortiumId();
  const { canEverywhere } = useAccess();
  const list = useListParams(['status', 'finding', 'schoolUnitId', 'q'] as const, {
    sort: '-startDate',
    sorts,
  });
  const [exporting, setExporting] = useState(false);
  const filters = {
    status: list.filters.status as PlacementStatus | undefined,
    finding: list.filters.finding as 'block' | 'warn' | 'any' | undefined,
    schoolUnitId: list.filters.schoolUnitId,
    q: list.filters.q,
  };
  const placements = usePlacements(consortiumId, {
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    ...filters,
  });
  const seesAll = canEverywhere('internship.read');

  async function onExport() {
    setExporting(true);
    try {
      await exportPlacements(consortiumId, filters, `${t('nav.internPlacements')}.xlsx`);
    } catch (err) {
      void message.error(internErrorMessage(t, err, locale));
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('nav.internPlacements')}
        subtitle={t('intern.placements.subtitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={!placements.data?.total}
            onClick={() => void onExport()}
            data-testid="placements-export"
          >
            {t('intern.plan.export')}
          </Button>
        }
      />
      <Card>
        <PlacementFilters list={list}>
          {seesAll ? (
            <SchoolSelect
              consortiumId={consortiumId}
              value={list.filters.schoolUnitId}
              onChange={(id) => list.update({ schoolUnitId: id })}
              allowClear
              placeholder={t('intern.filter.school')}
              aria-label={t('intern.filter.school')}
              style={{ width: 240 }}
            />
          ) : null}
        </PlacementFilters>
        {placements.isError ? (
          <ErrorState error={placements.error} onRetry={() => void placements.refetch()} />
        ) : placements.data?.total === 0 && !Object.values(list.filters).some(Boolean) ? (
          <EmptyState description={t('intern.placements.empty')} />
        ) : (
          <PlacementsTable
            items={placements.data?.items}
            loading={placements.isLoading}
            sort={list.sort}
            show={{ plan: true, school: true }}
            paging={serverPaging(list, placements.data?.total ?? 0, '-startDate', (n) =>
              t('common.total', { n }),
            )}
          />
        )}
      </Card>
    </>
  );
}
