// Opening a notification: mark it read, make its consortium the current one, go to the page it is about.
import { useNavigate } from 'react-router';
import { useConsortium } from '../../app/consortium';
import { useMarkRead, type Notification } from './api';

export function useOpenNotification() {
  const navigate = useNavigate();
  const { consortiumId, setConsortiumId, choices, seesAll } = useConsortium();
  const markRead = useMarkRead();
  return (n: Notification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    if (!n.link) return;
    const reachable = seesAll || choices.some((c) => c.id === n.consortiumId);
    if (n.consortiumId !== consortiumId && reachable) setConsortiumId(n.consortiumId);
    void navigate(n.link);
  };
}
