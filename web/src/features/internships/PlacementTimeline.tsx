// The placement's recorded history: status moves, and the agreement's versions and confirmations (told
// apart by the entry's field); other entries show their note.
import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useI18n, type TFunction } from '../../lib/i18n';
import { agreementParties, placementStatuses, partyLabel, statusLabel } from './labels';
import type { AgreementParty, HistoryEntry, PlacementStatus } from './types';

const isStatus = (s: string | null): s is PlacementStatus => placementStatuses.some((x) => x === s);
const isParty = (s: unknown): s is AgreementParty => agreementParties.some((x) => x === s);

function titleOf(t: TFunction, h: HistoryEntry): string {
  if (h.field === 'status') {
    const to = isStatus(h.to) ? statusLabel(t, h.to) : h.to;
    if (!h.from) return t('intern.history.created', { to });
    return t('intern.history.move', { from: isStatus(h.from) ? statusLabel(t, h.from) : h.from, to });
  }
  if (h.field === 'agreement' && h.data) {
    const v = typeof h.data.version === 'number' ? h.data.version : '?';
    if (h.data.action === 'generate') return t('intern.history.generated', { v });
    if (h.data.action === 'confirm' && isParty(h.data.party))
      return t('intern.history.confirmed', { party: partyLabel(t, h.data.party), v });
  }
  return h.note ?? h.to;
}

export function PlacementTimeline({ history }: { history: HistoryEntry[] }) {
  const { t, locale } = useI18n();
  return (
    <div data-testid="status-history">
      <Timeline
        items={[...history].reverse().map((h, i) => {
          const title = titleOf(t, h);
          const showNote = h.note && h.note !== title && h.field === 'status';
          return {
            key: `${h.at}-${i}`,
            color: h.field === 'status' ? 'blue' : 'green',
            content: (
              <div>
                <Typography.Text strong>{title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {h.actorName === 'system' ? t('intern.history.system') : h.actorName} ·{' '}
                    {formatDateTime(h.at, locale)}
                  </Typography.Text>
                </div>
                {showNote ? (
                  <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                    {h.note}
                  </Typography.Paragraph>
                ) : null}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
