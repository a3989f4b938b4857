/**
 * Entry point: Garden's theme around the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ThemeProvider, DEFAULT_THEME } from '@zendeskgarden/react-theming';
import { ToastProvider } from '@zendeskgarden/react-notifications';
import { App } from './shell/App.tsx';
import { GlobalStyle } from './shell/GlobalStyle.tsx';

const element = document.getElementById('root');
if (element) {
  createRoot(element).render(
    <StrictMode>
      <ThemeProvider theme={DEFAULT_THEME}>
        <GlobalStyle />
        <ToastProvider zIndex={2000}>
          <App />
        </ToastProvider>
      </ThemeProvider>
    </StrictMode>,
  );
}
