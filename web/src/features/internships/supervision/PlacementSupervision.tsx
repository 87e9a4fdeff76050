// A placement's supervision, under its detail page: the 实习日志 tab (logs with work artefacts, co-signed
// by the enterprise mentor and reviewed by the school) and the 考核评价 tab (the mentors' scores on the
// plan's rubric, the final grade, the student's rating of the host). See
// docs/decisions/018-evidence-supervision.md.
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import type { PlacementDetail } from '../types';
import { AssessmentPanel } from './AssessmentPanel';
import { PlacementLogs } from './PlacementLogs';
import type { SupervisedPlacement } from './types';

type Props = { consortiumId: string; placement: PlacementDetail };

const tabs = ['logs', 'assessment'] as const;
type Tab = (typeof tabs)[number];

export function PlacementSupervision({ consortiumId, placement }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const tab: Tab = tabs.includes(asked as Tab) ? (asked as Tab) : 'logs';
  const p: SupervisedPlacement = placement;
  // nothing to supervise before the placement starts, or when it was cancelled
  if (placement.status === 'pending' || placement.status === 'cancelled') {
    return (
      <Card title={t('sup.title')} style={{ marginTop: 16 }} data-testid="placement-supervision">
        {t(placement.status === 'pending' ? 'sup.notStarted' : 'sup.cancelled')}
      </Card>
    );
  }
  return (
    <Card title={t('sup.title')} style={{ marginTop: 16 }} data-testid="placement-supervision">
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setSearch(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (k === 'logs') next.delete('tab');
              else next.set('tab', k);
              return next;
            },
            { replace: true },
          )
        }
        items={[
          {
            key: 'logs',
            label: t('sup.tab.logs'),
            children: <PlacementLogs consortiumId={consortiumId} placement={p} />,
          },
          {
            key: 'assessment',
            label: t('sup.tab.assessment'),
            children: <AssessmentPanel consortiumId={consortiumId} placement={p} />,
          },
        ]}
      />
    </Card>
  );
}
