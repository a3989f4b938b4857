/**
 * The app frame: Garden's Chrome with the side navigation, sign-in when standalone, and the pages.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import styled from 'styled-components';
import { Chrome, Nav, Body, Content, Main } from '@zendeskgarden/react-chrome';
import { Alert } from '@zendeskgarden/react-notifications';
import { Tooltip } from '@zendeskgarden/react-tooltips';
import { QueryClientProvider } from '@tanstack/react-query';
import { ApiError, call, createApi, fetchTransport, type Api } from '../api/client.ts';
import { t } from '../i18n.ts';
import { ApiContext } from './context.tsx';
import { createQueryClient } from './queries.ts';
import {
  AttributesIcon,
  ChartIcon,
  ConversationsIcon,
  LogoIcon,
  MessageIcon,
  SignOutIcon,
} from './icons.tsx';
import { navigate, useRoute } from './router.ts';
import { adoptTokenFromHash, clearToken, connect, storeToken, storedToken } from './session.ts';
import { SignIn } from './SignIn.tsx';
import { Loading } from './Loading.tsx';
import { MessageList } from '../messages/MessageList.tsx';

/**
 * The message editor, and alongside it the IANA language registry its rule checks use (a chunk of its own,
 * kept out of the first screen). Should the registry fail to load, checks fall back to well-formedness.
 */
const MessageEditor = lazy(() =>
  Promise.all([
    import('../editor/MessageEditor.tsx'),
    import('@proactive/dsl')
      .then(({ loadLanguageRegistry }) => loadLanguageRegistry())
      .catch(() => undefined),
  ]).then(([module]) => module),
);
const CreateMessage = lazy(() =>
  import('../messages/CreateMessage.tsx').then(({ CreateMessage }) => ({ default: CreateMessage })),
);
const AnalyticsPage = lazy(() => import('../analytics/AnalyticsPage.tsx'));
const ConversationsPage = lazy(() => import('../conversations/ConversationsPage.tsx'));
const AttributesPage = lazy(() => import('../settings/AttributesPage.tsx'));

const Page = styled.div`
  padding: 24px 32px 64px;
  max-width: 1280px;
`;

type State =
  | { phase: 'connecting' }
  | { phase: 'sign-in' }
  | { phase: 'ready'; api: Api; mode: 'zendesk' | 'standalone' }
  | { phase: 'failed'; message: string };

/**
 * The whole app.
 *
 * @example createRoot(element).render(<App />)
 */
export function App() {
  const [state, setState] = useState<State>({ phase: 'connecting' });
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    adoptTokenFromHash();
    connect().then(
      async ({ api, mode }) => {
        if (mode === 'standalone' && !storedToken()) return setState({ phase: 'sign-in' });
        try {
          await call(api.brands.$get({ query: {} }));
          setState({ phase: 'ready', api, mode });
        } catch (error) {
          if (error instanceof ApiError && error.status === 401 && mode === 'standalone') {
            clearToken();
            setState({ phase: 'sign-in' });
          } else
            setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      },
      (error: unknown) => setState({ phase: 'failed', message: String(error) }),
    );
  }, []);

  if (state.phase === 'connecting') return <Loading />;
  if (state.phase === 'failed')
    return (
      <Page>
        <Alert type="error">
          <Alert.Title>{t('app.unreachable')}</Alert.Title>
          {state.message}
        </Alert>
      </Page>
    );
  if (state.phase === 'sign-in')
    return (
      <SignIn
        onSignIn={async (token) => {
          await call(createApi(fetchTransport(() => token)).brands.$get({ query: {} }));
          storeToken(token);
          setState({ phase: 'ready', api: createApi(fetchTransport(storedToken)), mode: 'standalone' });
        }}
      />
    );
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={state.api}>
        <Frame
          standalone={state.mode === 'standalone'}
          onSignOut={() => {
            clearToken();
            queryClient.clear();
            setState({ phase: 'sign-in' });
          }}
        />
      </ApiContext.Provider>
    </QueryClientProvider>
  );
}

/** Whether the viewport is at least `width` px wide, updated on resize. */
function useWideScreen(width: number): boolean {
  const query = `(min-width: ${width}px)`;
  const [wide, setWide] = useState(() => window.matchMedia?.(query).matches ?? true);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const update = () => setWide(list.matches);
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return wide;
}

interface NavEntry {
  label: string;
  icon: ReactNode;
  current?: boolean;
  onClick?: () => void;
}

/** A sidebar item: its label beside the icon when the nav is expanded, else in a tooltip. */
function NavEntryItem({ entry, expanded }: { entry: NavEntry; expanded: boolean }) {
  const item = (
    <Nav.Item
      isCurrent={entry.current}
      onClick={entry.onClick}
      aria-label={expanded ? undefined : entry.label}
      aria-current={entry.current ? 'page' : undefined}
    >
      <Nav.ItemIcon>{entry.icon}</Nav.ItemIcon>
      <Nav.ItemText isWrapped>{entry.label}</Nav.ItemText>
    </Nav.Item>
  );
  return expanded ? (
    item
  ) : (
    <Tooltip content={entry.label} placement="end">
      {item}
    </Tooltip>
  );
}

function Frame({ standalone, onSignOut }: { standalone: boolean; onSignOut: () => void }) {
  const route = useRoute();
  const expanded = useWideScreen(1200);
  const section = route.page === 'conversations' || route.page === 'attributes' ? route.page : 'messages';
  const entries: NavEntry[] = [
    {
      label: t('nav.messages'),
      icon: <MessageIcon />,
      current: section === 'messages' && route.page !== 'analytics',
      onClick: () => navigate({ page: 'messages' }),
    },
    {
      label: t('nav.conversations'),
      icon: <ConversationsIcon />,
      current: section === 'conversations',
      onClick: () => navigate({ page: 'conversations' }),
    },
    ...(route.page === 'analytics'
      ? [{ label: t('nav.analytics'), icon: <ChartIcon />, current: true }]
      : []),
    {
      label: t('nav.attributes'),
      icon: <AttributesIcon />,
      current: section === 'attributes',
      onClick: () => navigate({ page: 'attributes' }),
    },
    ...(standalone ? [{ label: t('nav.signOut'), icon: <SignOutIcon />, onClick: onSignOut }] : []),
  ];
  return (
    <Chrome isFluid hue="#03363d">
      <Nav aria-label={t('app.navigation')} isExpanded={expanded}>
        <Nav.List>
          <Nav.Item hasLogo title={t('app.name')}>
            <Nav.ItemIcon>
              <LogoIcon />
            </Nav.ItemIcon>
            <Nav.ItemText isWrapped>{t('app.name')}</Nav.ItemText>
          </Nav.Item>
          {entries.map((entry) => (
            <NavEntryItem key={entry.label} entry={entry} expanded={expanded} />
          ))}
        </Nav.List>
      </Nav>
      <Body>
        <Content>
          <Main>
            <Page>
              <Suspense fallback={<Loading />}>
                {route.page === 'messages' && <MessageList />}
                {route.page === 'create' && <CreateMessage />}
                {route.page === 'editor' && <MessageEditor key={route.id} id={route.id} />}
                {route.page === 'analytics' && <AnalyticsPage key={route.id} id={route.id} />}
                {route.page === 'conversations' && <ConversationsPage id={route.id} />}
                {route.page === 'attributes' && <AttributesPage />}
              </Suspense>
            </Page>
          </Main>
        </Content>
      </Body>
    </Chrome>
  );
}
