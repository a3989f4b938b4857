/**
 * Message text rendered as the widget renders it (its own renderer from @proactive/widget/greeting):
 * `[label](https://…)` and bare URLs become safe links, line breaks stay, nothing is parsed as HTML.
 */
import { useEffect, useRef, type HTMLAttributes } from 'react';
import { renderRichText } from '@proactive/widget/greeting';

export interface RichTextProps extends HTMLAttributes<HTMLDivElement> {
  text: string;
}

/**
 * The text as links and lines, in a div.
 *
 * @example <RichText text="See [our plans](https://acme.test/pricing)" />
 */
export function RichText({ text, ...rest }: RichTextProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    target.replaceChildren();
    renderRichText(target, text);
  }, [text]);
  return <div ref={element} {...rest} />;
}
