/**
 * The few Garden palette colours the app's own styles use (Garden v9 values), typed as plain strings.
 * Text uses the 700 shades and darker: on white they reach WCAG AA contrast (4.5:1); the 600 shades do
 * not (blue 600 is 3.3:1) and are for lines, fills and large shapes only.
 */
import { DEFAULT_THEME } from '@zendeskgarden/react-theming';

const hue = (name: string, shade: number, fallback: string): string => {
  const value = (DEFAULT_THEME.palette[name] as Record<number, string> | undefined)?.[shade];
  return typeof value === 'string' ? value : fallback;
};

export const palette = {
  grey100: hue('grey', 100, '#f8f9f9'),
  grey200: hue('grey', 200, '#e8eaec'),
  grey300: hue('grey', 300, '#d8dcde'),
  grey600: hue('grey', 600, '#848f99'),
  grey700: hue('grey', 700, '#5c6970'),
  grey800: hue('grey', 800, '#39434b'),
  blue400: hue('blue', 400, '#5293c7'),
  blue600: hue('blue', 600, '#2694d6'),
  blue700: hue('blue', 700, '#1f73b7'),
  blue800: hue('blue', 800, '#13456d'),
  red700: hue('red', 700, '#cd3642'),
  green600: hue('green', 600, '#26a178'),
  green700: hue('green', 700, '#037f52'),
  yellow600: hue('yellow', 600, '#ad5918'),
  kale: hue('kale', 700, '#03363d'),
};
