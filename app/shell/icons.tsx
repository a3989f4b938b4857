/**
 * The few icons the app draws (inline SVG, 16px, currentColor), so nothing loads from a CDN.
 */
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

const base = (props: IconProps) => ({
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  focusable: 'false' as const,
  'aria-hidden': true,
  ...props,
});

/** A speech bubble: proactive messages. */
export function MessageIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
    </svg>
  );
}

/** Two bubbles: conversations. */
export function ConversationsIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M1.5 2.5h8v5h-4l-2 2v-2h-2z" />
      <path d="M11.5 5.5h3v5h-1.5v2l-2-2h-4v-1" />
    </svg>
  );
}

/** A door with an arrow: sign out. */
export function SignOutIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M9.5 2.5h-6v11h6M7 8h7.5M12 5.5 14.5 8 12 10.5" />
    </svg>
  );
}

/** The product mark. */
export function LogoIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <circle cx="8" cy="8" r="6" />
      <path d="M5.5 8.5 7.2 10 10.5 6" />
    </svg>
  );
}

/** Arrow up (move up). */
export function ArrowUpIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M8 13V3M4 7l4-4 4 4" />
    </svg>
  );
}

/** Arrow down (move down). */
export function ArrowDownIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M8 3v10M4 9l4 4 4-4" />
    </svg>
  );
}

/** A cross (remove). */
export function CloseIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </svg>
  );
}

/** A plus (add). */
export function PlusIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M8 3v10M3 8h10" />
    </svg>
  );
}

/** Three dots (row menu). */
export function OverflowIcon(props: IconProps) {
  return (
    <svg {...base(props)} fill="currentColor" stroke="none">
      <circle cx="3" cy="8" r="1.5" />
      <circle cx="8" cy="8" r="1.5" />
      <circle cx="13" cy="8" r="1.5" />
    </svg>
  );
}

/** A smiley (emoji picker). */
export function EmojiIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <circle cx="8" cy="8" r="6" />
      <path d="M5.5 9.5c1.2 1.5 3.8 1.5 5 0M6 6.5h0M10 6.5h0" />
    </svg>
  );
}

/** A chain link (insert link). */
export function LinkIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M7 9a2.5 2.5 0 0 0 3.5 0l2-2A2.5 2.5 0 0 0 9 3.5l-.5.5M9 7a2.5 2.5 0 0 0-3.5 0l-2 2A2.5 2.5 0 0 0 7 12.5l.5-.5" />
    </svg>
  );
}

/** A tag with a dot: visitor attributes (settings). */
export function AttributesIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M2.5 2.5h5.5l5.5 5.5-5.5 5.5-5.5-5.5z" />
      <circle cx="5.5" cy="5.5" r="1" />
    </svg>
  );
}

/** Bars (analytics). */
export function ChartIcon(props: IconProps) {
  return (
    <svg {...base(props)}>
      <path d="M2.5 13.5h11M4.5 11V7M8 11V4M11.5 11V8.5" />
    </svg>
  );
}
