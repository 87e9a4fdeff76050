// Taking an action on a posting with its messages: success in words, failure in words.
import { App } from 'antd';
import { useI18n } from '../../lib/i18n';
import { usePostingAction } from './api';
import { talentErrorMessage } from './errors';
import type { Posting, PostingAction } from './types';

export function usePostingActions(consortiumId: string) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const act = usePostingAction(consortiumId);
  async function run(p: Pick<Posting, 'id' | 'title'>, action: Exclude<PostingAction, 'reject'>) {
    try {
      await act.mutateAsync({ id: p.id, action });
      void message.success(t(`postings.done.${action}`, { title: p.title }));
      return true;
    } catch (err) {
      void message.error(talentErrorMessage(t, err, locale));
      return false;
    }
  }
  return { run, pending: act.isPending, pendingId: act.isPending ? act.variables?.id : undefined };
}
