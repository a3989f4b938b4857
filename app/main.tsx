/**
 * Entry point: Garden's theme around the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ThemeProvider, DEFAULT_THEME, type IGardenTheme } from '@zendeskgarden/react-theming';
import { ToastProvider } from '@zendeskgarden/react-notifications';
import { App } from './shell/App.tsx';
import { GlobalStyle } from './shell/GlobalStyle.tsx';

/**
 * Garden's theme with one change: the "disabled" foreground, which Garden also uses for placeholders (e.g.
 * "Choose a language" beside chosen chips), is grey 700 instead of 600 so that text reads at 4.5:1.
 */
const theme: IGardenTheme = {
  ...DEFAULT_THEME,
  colors: {
    ...DEFAULT_THEME.colors,
    variables: {
      ...DEFAULT_THEME.colors.variables,
      light: {
        ...DEFAULT_THEME.colors.variables.light,
        foreground: { ...DEFAULT_THEME.colors.variables.light.foreground, disabled: 'neutralHue.700' },
      },
    },
  },
};

const element = document.getElementById('root');
if (element) {
  createRoot(element).render(
    <StrictMode>
      <ThemeProvider theme={theme}>
        <GlobalStyle />
        <ToastProvider zIndex={2000}>
          <App />
        </ToastProvider>
      </ThemeProvider>
    </StrictMode>,
  );
}
