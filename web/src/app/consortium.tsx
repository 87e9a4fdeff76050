// The current consortium: the one the pages show. Members pick among their consortia; those who see
// every consortium (platform administrators) may pick any, or none. Remembered in localStorage.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { isPlatformWide, memberConsortia } from '../lib/access';
import { readStorage, writeStorage } from '../lib/storage';
import { useAuth } from './auth';

const STORAGE_KEY = 'chanjiao.consortium';

type ConsortiumContextValue = {
  /** the consortium the pages show; null when there is none (or a platform admin chose none) */
  consortiumId: string | null;
  setConsortiumId: (id: string | null) => void;
  /** the consortia the user is a member of */
  choices: { id: string; name: string }[];
  /** may pick any consortium (and none) */
  seesAll: boolean;
};

const ConsortiumContext = createContext<ConsortiumContextValue | null>(null);

export function ConsortiumProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const [stored, setStored] = useState<string | null>(() => readStorage(STORAGE_KEY));

  const choices = useMemo(() => (me ? memberConsortia(me) : []), [me]);
  const seesAll = me ? isPlatformWide(me, 'consortium.read') : false;

  let consortiumId: string | null;
  if (stored && (seesAll || choices.some((c) => c.id === stored))) consortiumId = stored;
  else if (seesAll && stored === null) consortiumId = null;
  else consortiumId = choices[0]?.id ?? null;

  const setConsortiumId = useCallback((id: string | null) => {
    setStored(id);
    writeStorage(STORAGE_KEY, id);
  }, []);

  const value = useMemo(
    () => ({ consortiumId, setConsortiumId, choices, seesAll }),
    [consortiumId, setConsortiumId, choices, seesAll],
  );
  return <ConsortiumContext.Provider value={value}>{children}</ConsortiumContext.Provider>;
}

export function useConsortium(): ConsortiumContextValue {
  const ctx = useContext(ConsortiumContext);
  if (!ctx) throw new Error('useConsortium outside ConsortiumProvider');
  return ctx;
}

/** The current consortium id; only for pages behind a Guard with needsConsortium. */
export function useCurrentConsortiumId(): string {
  const { consortiumId } = useConsortium();
  if (!consortiumId) throw new Error('useCurrentConsortiumId without a current consortium');
  return consortiumId;
}
