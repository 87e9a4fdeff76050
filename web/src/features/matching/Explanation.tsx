// Why a student did not get a post they preferred, in words: for each such post (in their order of
// preference), the fact that kept them out.
import { Flex, Tag, Typography } from 'antd';
import type { TFunction } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n';
import { formatNumber, toPercent } from './labels';
import type { PostingKind, Reason, Result, Run } from './types';

export type ExplainContext = { kind: PostingKind; hostRatio: number; postRatio: number };

export const contextOf = (run: Run): ExplainContext => ({
  kind: run.postingKind,
  hostRatio: run.config.caps.hostRatio,
  postRatio: run.config.caps.postRatio,
});

const reasonColor: Record<Reason['reason'], string> = {
  post_full: 'orange',
  enterprise_full: 'volcano',
  lower_total: 'blue',
  not_eligible: 'default',
};

/** The short name of a reason (a tag). */
export const reasonLabel = (t: TFunction, r: Reason['reason']) => t(`matching.reason.${r}`);

/** The whole sentence: "岗位已满：最低录取为 张三（优先级 82）". */
export function reasonText(t: TFunction, r: Reason, ctx: ExplainContext, locale: string): string {
  const lowest = r.lowest
    ? t('matching.why.lowest', {
        name: r.lowest.name || '—',
        priority: formatNumber(r.lowest.priority, locale, 0),
      })
    : null;
  switch (r.reason) {
    case 'post_full':
      if (lowest) return t('matching.why.postFull', { lowest });
      return ctx.kind === 'internship'
        ? t('matching.why.postNoRoomInternship', { n: toPercent(ctx.postRatio) })
        : t('matching.why.postNoRoom');
    case 'enterprise_full': {
      const head =
        ctx.kind === 'internship'
          ? t('matching.why.hostFull', { n: toPercent(ctx.hostRatio) })
          : t('matching.why.enterpriseFull');
      return lowest ? t('matching.why.withLowest', { head, lowest }) : head;
    }
    case 'lower_total':
      return t('matching.why.lowerTotal');
    case 'not_eligible':
      return t('matching.why.notEligible');
  }
}

type Props = { result: Result; ctx: ExplainContext };

export function Explanation({ result, ctx }: Props) {
  const { t, locale } = useI18n();
  const placed = result.posting !== null;
  if (result.explanation.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="explanation">
        {placed ? t('matching.why.gotBest') : t('matching.why.nothingEligible')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid="explanation">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {placed
          ? t('matching.why.introPlaced', { n: result.explanation.length })
          : t('matching.why.introUnplaced', { n: result.explanation.length })}
      </Typography.Paragraph>
      <ol style={{ margin: 0, paddingInlineStart: 24 }}>
        {result.explanation.map((r) => (
          <li key={r.postingId} style={{ marginBottom: 6 }}>
            <Flex gap={8} wrap align="baseline">
              <span style={{ fontWeight: 500 }}>
                {r.enterpriseName || '—'} · {r.postingTitle || '—'}
              </span>
              <Tag color={reasonColor[r.reason]} style={{ marginInlineEnd: 0 }}>
                {reasonLabel(t, r.reason)}
              </Tag>
              <span>{reasonText(t, r, ctx, locale)}</span>
            </Flex>
          </li>
        ))}
      </ol>
      {result.explanation.some((r) => r.lowest) ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('matching.why.priorityNote')}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
