// Who is logged in: the Me of GET /auth/me, kept in the query cache under ['me'].
// Also where the language meets the account: the saved locale applies on login and on reload, except when
// the person picked a language on the login page just before, which is then saved on the account.
import { useQueryClient, useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setSessionLostHandler } from '../lib/api';
import { useI18n } from '../lib/i18n';
import type { Locale, Me } from '../lib/types';

export const ME_KEY = ['me'] as const;
const CHOSEN_KEY = 'chanjiao.localeChosen';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

function markLocaleChosen(chosen: boolean): void {
  try {
    if (chosen) sessionStorage.setItem(CHOSEN_KEY, '1');
    else sessionStorage.removeItem(CHOSEN_KEY);
  } catch {
    // without session storage the saved locale of the account wins
  }
}

function localeWasChosen(): boolean {
  try {
    return sessionStorage.getItem(CHOSEN_KEY) === '1';
  } catch {
    return false;
  }
}

type AuthContextValue = {
  me: Me | null;
  /** true until the first /auth/me answered */
  loading: boolean;
  /** set when /auth/me failed for another reason than "not logged in" */
  error: unknown;
  /** the person logged out here (rather than the session ending): the login page then starts afresh */
  loggedOut: boolean;
  retry: () => void;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** switches the language, and saves it on the account when logged in */
  changeLocale: (locale: Locale) => Promise<void>;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { locale, setLocale } = useI18n();
  const [loggedOut, setLoggedOut] = useState(false);

  const query = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      const me = await fetchMe();
      if (me) setLocale(me.user.locale);
      return me;
    },
    staleTime: Infinity,
  });

  useEffect(() => {
    setSessionLostHandler(() => {
      setCsrfToken(null);
      qc.setQueryData(ME_KEY, null);
    });
    return () => setSessionLostHandler(null);
  }, [qc]);

  const login = useCallback(
    async (username: string, password: string) => {
      let me: Me;
      try {
        me = await api.post<Me>('/auth/login', { username, password });
      } catch (err) {
        // a session opened in another tab makes the login form need a CSRF token: use that session
        const existing =
          err instanceof ApiError && err.code === 'CSRF_TOKEN_INVALID' ? await fetchMe() : null;
        if (!existing) throw err;
        me = existing;
      }
      setCsrfToken(me.csrfToken);
      if (localeWasChosen() && me.user.locale !== locale) {
        try {
          me = await api.patch<Me>('/auth/me', { locale });
        } catch {
          // the language still applies in this browser; saving it can wait for the next switch
        }
      } else {
        setLocale(me.user.locale);
      }
      markLocaleChosen(false);
      setLoggedOut(false);
      qc.setQueryData(ME_KEY, me);
      return me;
    },
    [qc, locale, setLocale],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // the session may already be gone; logging out locally is what matters
    }
    setCsrfToken(null);
    setLoggedOut(true);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    qc.setQueryData(ME_KEY, null);
  }, [qc]);

  const { data, isPending, error, refetch } = query;
  const me = data ?? null;

  const changeLocale = useCallback(
    async (next: Locale) => {
      setLocale(next);
      if (!me) {
        markLocaleChosen(true);
        return;
      }
      try {
        const updated = await api.patch<Me>('/auth/me', { locale: next });
        qc.setQueryData(ME_KEY, updated);
      } catch {
        // kept in this browser; the account keeps its previous language
      }
    },
    [me, qc, setLocale],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      me,
      loading: isPending,
      error,
      loggedOut,
      retry: () => void refetch(),
      login,
      logout,
      changeLocale,
    }),
    [me, isPending, error, loggedOut, refetch, login, logout, changeLocale],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The logged-in user; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
}
