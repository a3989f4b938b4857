/**
 * The Text view's hover, in place of Monaco's hover feature (its content hover, participants, status bar
 * and actions: about 55 KB of the Monaco chunk, for a language whose hovers are a field's docs and a
 * squiggle's message). Built on the editor's public API only (a content widget and mouse and key
 * events), so a Monaco upgrade cannot break it silently. It honours the editor's `hover` option
 * (`enabled`, `delay`, `sticky`, `hidingDelay`, `above`), as Monaco's own does:
 * - the mouse resting on text shows what {@link HoverSource} finds there after `delay` ms; moving within
 *   the hovered range keeps it, moving to other text with something to show replaces it at once;
 * - with `sticky`, the mouse may move onto the hover (to select or scroll its text) for `hidingDelay` ms;
 * - a key (other than a modifier alone), an edit, scrolling, a click in the editor or Escape hides it,
 *   or cancels it while the mouse is still resting;
 * - Ctrl+K Ctrl+I (Cmd on macOS, "Show Hover" as in Monaco) shows it for the cursor's position and
 *   moves the focus into it, where a screen reader reads it; Escape returns the focus to the text.
 */
import type * as Monaco from 'monaco-editor/editor';
import { renderMarkdown } from './markdown.ts';
import './hover.css';

/** One part of a hover: Markdown docs, or a diagnostic's plain-text message with its code. */
export type HoverSection =
  | { kind: 'markdown'; value: string }
  | { kind: 'problem'; severity: 'error' | 'warning'; message: string; code?: string };

/** What there is to show at a position, and the text range it is about (the hover stays while the mouse is in it). */
export interface HoverContents {
  range: Monaco.IRange;
  sections: readonly HoverSection[];
}

/** Finds what to show at a position of the model, or null when there is nothing. */
export type HoverSource = (
  model: Monaco.editor.ITextModel,
  position: Monaco.Position,
) => HoverContents | null;

/** The parts of the `monaco` namespace the hover uses (a parameter, so tests can pass a stand-in). */
export interface HoverMonaco {
  Position: typeof Monaco.Position;
  Range: Pick<typeof Monaco.Range, 'containsPosition'>;
  KeyMod: Pick<typeof Monaco.KeyMod, 'CtrlCmd' | 'chord'>;
  KeyCode: Pick<typeof Monaco.KeyCode, 'KeyK' | 'KeyI' | 'Escape'>;
  editor: {
    MouseTargetType: Pick<typeof Monaco.editor.MouseTargetType, 'CONTENT_TEXT' | 'CONTENT_WIDGET'>;
    ContentWidgetPositionPreference: Pick<
      typeof Monaco.editor.ContentWidgetPositionPreference,
      'ABOVE' | 'BELOW'
    >;
    EditorOption: Pick<typeof Monaco.editor.EditorOption, 'hover'>;
  };
}

/** The content widget's id, and the id the keyboard action runs under (Monaco's, for the same keys). */
export const hoverWidgetId = 'proactive.hover';
export const showHoverActionId = 'editor.action.showHover';

/** Keys that do not hide the hover (a modifier pressed alone, e.g. on the way to Ctrl+K Ctrl+I). */
const modifierKeys = new Set(['Control', 'Meta', 'Shift', 'Alt']);

/** Renders the sections into `node` (its children are replaced). */
export function renderSections(node: HTMLElement, sections: readonly HoverSection[]): void {
  node.replaceChildren(
    ...sections.map((section) => {
      if (section.kind === 'markdown') {
        const element = renderMarkdown({ value: section.value }).element;
        element.className = 'proactive-hover-docs';
        return element;
      }
      const element = document.createElement('div');
      element.className = `proactive-hover-problem proactive-hover-${section.severity}`;
      const message = document.createElement('span');
      message.textContent = section.message;
      element.append(message);
      if (section.code) {
        const code = document.createElement('span');
        code.className = 'proactive-hover-code';
        code.textContent = section.code;
        element.append(' ', code);
      }
      return element;
    }),
  );
}

/**
 * Gives `editor` the hover; disposing the result removes it.
 *
 * @example const hover = attachHover(monaco, editor, hoverContents); ...; hover.dispose();
 */
export function attachHover(
  monaco: HoverMonaco,
  editor: Monaco.editor.IStandaloneCodeEditor,
  source: HoverSource,
): Monaco.IDisposable {
  const node = document.createElement('div');
  node.className = 'proactive-hover';
  node.setAttribute('role', 'tooltip');
  node.tabIndex = -1;
  node.hidden = true;

  let shown: { range: Monaco.IRange; anchor: Monaco.IPosition } | null = null;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const options = () => editor.getOption(monaco.editor.EditorOption.hover);

  const widget: Monaco.editor.IContentWidget = {
    allowEditorOverflow: true,
    getId: () => hoverWidgetId,
    getDomNode: () => node,
    getPosition: () => {
      if (!shown) return null;
      const { ABOVE, BELOW } = monaco.editor.ContentWidgetPositionPreference;
      return { position: shown.anchor, preference: options().above ? [ABOVE, BELOW] : [BELOW, ABOVE] };
    },
  };
  editor.addContentWidget(widget);

  function cancelTimers() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    showTimer = hideTimer = undefined;
  }

  function hide() {
    cancelTimers();
    if (!shown) return;
    const hadFocus = node.contains(document.activeElement);
    shown = null;
    node.hidden = true;
    node.replaceChildren();
    editor.layoutContentWidget(widget);
    if (hadFocus) editor.focus();
  }

  /** What there is to show at `position`, or null. */
  function contentsAt(position: Monaco.IPosition): HoverContents | null {
    const model = editor.getModel();
    const contents = model ? source(model, new monaco.Position(position.lineNumber, position.column)) : null;
    return contents && contents.sections.length > 0 ? contents : null;
  }

  function display(contents: HoverContents) {
    cancelTimers();
    renderSections(node, contents.sections);
    shown = {
      range: contents.range,
      anchor: { lineNumber: contents.range.startLineNumber, column: contents.range.startColumn },
    };
    node.hidden = false;
    editor.layoutContentWidget(widget);
  }

  function hideSoon() {
    clearTimeout(showTimer);
    showTimer = undefined;
    if (!shown || hideTimer !== undefined) return;
    const { sticky, hidingDelay } = options();
    if (!sticky) return hide();
    hideTimer = setTimeout(hide, hidingDelay);
  }

  const { CONTENT_TEXT, CONTENT_WIDGET } = monaco.editor.MouseTargetType;
  const onHover = () => {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  };
  node.addEventListener('mouseenter', onHover);
  node.addEventListener('mouseleave', hideSoon);
  node.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    hide();
  });

  const subscriptions: Monaco.IDisposable[] = [
    editor.onMouseMove((event) => {
      const { target } = event;
      if (target.type === CONTENT_WIDGET && target.detail === hoverWidgetId) return onHover();
      if (!options().enabled || target.type !== CONTENT_TEXT) return hideSoon();
      const position = target.position;
      if (shown && monaco.Range.containsPosition(shown.range, position)) return onHover();
      clearTimeout(showTimer);
      if (shown) {
        // From one hovered word to the next: replace at once; across a gap: hide after the grace period.
        const contents = contentsAt(position);
        return contents ? display(contents) : hideSoon();
      }
      showTimer = setTimeout(() => {
        const contents = contentsAt(position);
        if (contents) display(contents);
      }, options().delay);
    }),
    editor.onMouseLeave((event) => {
      const to = event.event.browserEvent.relatedTarget;
      if (to instanceof Node && node.contains(to)) return onHover();
      hideSoon();
    }),
    editor.onMouseDown((event) => {
      if (event.target.type === CONTENT_WIDGET && event.target.detail === hoverWidgetId) return;
      hide();
    }),
    editor.onKeyDown((event) => {
      if (modifierKeys.has(event.browserEvent.key)) return;
      if (shown && event.keyCode === monaco.KeyCode.Escape) {
        event.preventDefault();
        event.stopPropagation();
      }
      hide();
    }),
    editor.onDidChangeModelContent(() => hide()),
    editor.onDidScrollChange(() => hide()),
    editor.onDidChangeModel(() => hide()),
    editor.addAction({
      id: showHoverActionId,
      label: 'Show Hover',
      keybindings: [
        monaco.KeyMod.chord(
          monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyK,
          monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyI,
        ),
      ],
      run: () => {
        const position = editor.getPosition();
        const contents = position && contentsAt(position);
        if (!contents) return;
        display(contents);
        editor.render(true); // lays the widget out now, so that it can take the focus
        node.focus();
      },
    }),
  ];

  return {
    dispose() {
      cancelTimers();
      for (const subscription of subscriptions) subscription.dispose();
      editor.removeContentWidget(widget);
      node.remove();
    },
  };
}
