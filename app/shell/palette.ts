/**
 * The few Garden palette colours the app's own styles use (Garden v9 values), typed as plain strings.
 */
import { DEFAULT_THEME } from '@zendeskgarden/react-theming';

const hue = (name: string, shade: number, fallback: string): string => {
  const value = (DEFAULT_THEME.palette[name] as Record<number, string> | undefined)?.[shade];
  return typeof value === 'string' ? value : fallback;
};

export const palette = {
  grey100: hue('grey', 100, '#f8f9f9'),
  grey200: hue('grey', 200, '#e9ebed'),
  grey300: hue('grey', 300, '#d8dcde'),
  grey600: hue('grey', 600, '#68737d'),
  grey800: hue('grey', 800, '#2f3941'),
  blue400: hue('blue', 400, '#5293c7'),
  blue600: hue('blue', 600, '#1f73b7'),
  red700: hue('red', 700, '#cc3340'),
  green600: hue('green', 600, '#038153'),
  yellow600: hue('yellow', 600, '#ad5918'),
  kale: hue('kale', 700, '#03363d'),
};
