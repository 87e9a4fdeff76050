// Display names and colours of application statuses and actions, and which actions each side may take.
import { Tag } from 'antd';
import { applicationStatuses } from '../../../../server/modules/talent/talent.enums.ts';
import { applicationTransitions } from '../../../../server/modules/talent/talent.core.ts';
import { useI18n, type TFunction } from '../../lib/i18n';
import type { ApplicationAction, ApplicationStatus } from './types';

export { applicationStatuses };

export const applicationStatusLabel = (t: TFunction, s: ApplicationStatus) => t(`applications.status.${s}`);
export const applicationActionLabel = (t: TFunction, a: ApplicationAction) => t(`applications.action.${a}`);

export const applicationStatusColor: Record<ApplicationStatus, string> = {
  applied: 'blue',
  shortlisted: 'cyan',
  interviewing: 'purple',
  offered: 'gold',
  accepted: 'green',
  declined: 'default',
  rejected: 'red',
  withdrawn: 'default',
};

export const isApplicationStatus = (v: unknown): v is ApplicationStatus =>
  applicationStatuses.some((s) => s === v);

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={applicationStatusColor[status]} data-testid="application-status" data-status={status}>
      {applicationStatusLabel(t, status)}
    </Tag>
  );
}

/** The enterprise's moves, in the order they are offered. */
export const enterpriseActions: ApplicationAction[] = ['shortlist', 'interview', 'offer', 'reject'];
/** The applicant's moves. */
export const candidateActions: ApplicationAction[] = ['accept', 'decline', 'withdraw'];

/** Actions the viewer may take on an application in `status` (the server's own table). */
export function allowedActions(
  status: ApplicationStatus,
  side: { isMine: boolean; canManage: boolean },
): ApplicationAction[] {
  const out: ApplicationAction[] = [];
  if (side.canManage)
    out.push(...enterpriseActions.filter((a) => applicationTransitions[a].from.includes(status)));
  if (side.isMine)
    out.push(...candidateActions.filter((a) => applicationTransitions[a].from.includes(status)));
  return out;
}
