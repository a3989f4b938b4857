/**
 * The app frame: Garden's Chrome with the side navigation, sign-in when standalone, and the pages.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import styled from 'styled-components';
import { Chrome, Nav, Body, Content, Main } from '@zendeskgarden/react-chrome';
import { Alert } from '@zendeskgarden/react-notifications';
import { ApiError, call, createApi, fetchTransport, type Api } from '../api/client.ts';
import { t } from '../i18n.ts';
import { ApiContext } from './context.tsx';
import { ChartIcon, ConversationsIcon, LogoIcon, MessageIcon, SignOutIcon } from './icons.tsx';
import { navigate, useRoute } from './router.ts';
import { adoptTokenFromHash, clearToken, connect, storeToken, storedToken } from './session.ts';
import { SignIn } from './SignIn.tsx';
import { Loading } from './Loading.tsx';
import { MessageList } from '../messages/MessageList.tsx';
import { CreateMessage } from '../messages/CreateMessage.tsx';

const MessageEditor = lazy(() => import('../editor/MessageEditor.tsx'));
const AnalyticsPage = lazy(() => import('../analytics/AnalyticsPage.tsx'));
const ConversationsPage = lazy(() => import('../conversations/ConversationsPage.tsx'));

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
    <ApiContext.Provider value={state.api}>
      <Frame
        standalone={state.mode === 'standalone'}
        onSignOut={() => {
          clearToken();
          setState({ phase: 'sign-in' });
        }}
      />
    </ApiContext.Provider>
  );
}

function Frame({ standalone, onSignOut }: { standalone: boolean; onSignOut: () => void }) {
  const route = useRoute();
  const section = route.page === 'conversations' ? 'conversations' : 'messages';
  return (
    <Chrome isFluid hue="#03363d">
      <Nav aria-label={t('app.navigation')}>
        <Nav.List>
          <Nav.Item hasLogo title={t('app.name')}>
            <Nav.ItemIcon>
              <LogoIcon />
            </Nav.ItemIcon>
            <Nav.ItemText>{t('app.name')}</Nav.ItemText>
          </Nav.Item>
          <Nav.Item isCurrent={section === 'messages'} onClick={() => navigate({ page: 'messages' })}>
            <Nav.ItemIcon>
              <MessageIcon />
            </Nav.ItemIcon>
            <Nav.ItemText>{t('nav.messages')}</Nav.ItemText>
          </Nav.Item>
          <Nav.Item
            isCurrent={section === 'conversations'}
            onClick={() => navigate({ page: 'conversations' })}
          >
            <Nav.ItemIcon>
              <ConversationsIcon />
            </Nav.ItemIcon>
            <Nav.ItemText>{t('nav.conversations')}</Nav.ItemText>
          </Nav.Item>
          {route.page === 'analytics' && (
            <Nav.Item isCurrent>
              <Nav.ItemIcon>
                <ChartIcon />
              </Nav.ItemIcon>
              <Nav.ItemText>{t('nav.analytics')}</Nav.ItemText>
            </Nav.Item>
          )}
          {standalone && (
            <Nav.Item onClick={onSignOut} title={t('nav.signOut')}>
              <Nav.ItemIcon>
                <SignOutIcon />
              </Nav.ItemIcon>
              <Nav.ItemText>{t('nav.signOut')}</Nav.ItemText>
            </Nav.Item>
          )}
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
              </Suspense>
            </Page>
          </Main>
        </Content>
      </Body>
    </Chrome>
  );
}
