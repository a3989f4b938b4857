/**
 * Page-wide styles: Garden's system font stack (no web fonts to download) and a full-height frame.
 */
import { palette } from './palette.ts';
import { createGlobalStyle } from 'styled-components';

/** Global CSS for the app document. */
export const GlobalStyle = createGlobalStyle`
  html, body, #root {
    height: 100%;
    margin: 0;
  }
  body {
    font-family: ${(p) => p.theme.fonts.system};
    font-size: ${(p) => p.theme.fontSizes.md};
    color: ${palette.grey800};
  }
  *, *::before, *::after {
    box-sizing: border-box;
  }
`;
