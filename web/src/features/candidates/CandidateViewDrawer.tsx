// One candidate to read (from the list), with an edit button where the user may edit.
import { EditOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Typography } from 'antd';
import { ErrorState, PageSpinner } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { useCandidate } from './api';
import { SchoolRecord, SelfRecord } from './CandidateDetails';
import type { Candidate } from './types';

type Props = {
  consortiumId: string;
  /** the candidate shown (kept while the drawer closes) */
  candidateId: string | null;
  open: boolean;
  onClose: () => void;
  /** the edit button, shown when given and allowed for this candidate */
  onEdit?: (c: Candidate) => void;
  mayEdit: (c: Candidate) => boolean;
};

export function CandidateViewDrawer({ consortiumId, candidateId, open, onClose, onEdit, mayEdit }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const q = useCandidate(consortiumId, candidateId);
  const c = q.data;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={c ? c.name : t('cand.viewTitle')}
      extra={
        c && onEdit && mayEdit(c) ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(c)} data-testid="candidate-view-edit">
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {q.isPending && candidateId ? <PageSpinner /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {c ? (
        <Flex vertical gap={16}>
          <div>
            <Typography.Title level={5}>{t('cand.section.school')}</Typography.Title>
            <SchoolRecord c={c} />
          </div>
          <div>
            <Typography.Title level={5}>{t('cand.section.selfShort')}</Typography.Title>
            <SelfRecord c={c} />
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
