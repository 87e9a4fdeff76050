import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../../lib/i18n';
import { useAccess } from '../access';
import { useMe } from '../auth';
import { entryAt, groupEntries, visibleEntries } from './nav';

export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const me = useMe();
  const { can, consortiumId } = useAccess();
  const { pathname } = useLocation();
  const current = entryAt(pathname);
  const entries = visibleEntries(me, can, consortiumId);
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={current ? [current.key] : []}
        onClick={onNavigate}
        items={groupEntries(entries)
          .map((g) => {
            const items = g.entries.map((e) => ({
              key: e.key,
              icon: e.icon,
              label: (
                <Link to={e.path} data-testid={`nav-${e.key}`}>
                  {t(e.label)}
                </Link>
              ),
            }));
            return g.group
              ? { type: 'group' as const, key: `group-${g.group}`, label: t(g.group), children: items }
              : items;
          })
          .flat()}
      />
    </nav>
  );
}
