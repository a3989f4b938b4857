// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Monaco from 'monaco-editor/editor';
import { Range } from 'monaco-editor/editor/common/core/range';
import {
  attachHover,
  hoverWidgetId,
  renderSections,
  showHoverActionId,
  type HoverMonaco,
  type HoverSource,
} from './hover.ts';

vi.mock('./hover.css', () => ({}));

const CONTENT_TEXT = 6;
const CONTENT_WIDGET = 9;
const ESCAPE = 9;

/** The parts of the monaco namespace the hover reads, with Monaco's values. */
const monaco = {
  Range,
  Position: class {
    constructor(
      readonly lineNumber: number,
      readonly column: number,
    ) {}
  },
  KeyMod: { CtrlCmd: 2048, chord: (first: number, second: number) => first | (second << 16) },
  KeyCode: { KeyK: 41, KeyI: 39, Escape: ESCAPE },
  editor: {
    MouseTargetType: { CONTENT_TEXT, CONTENT_WIDGET },
    ContentWidgetPositionPreference: { ABOVE: 1, BELOW: 2 },
    EditorOption: { hover: 69 },
  },
} as unknown as HoverMonaco;

type Listener = (event: never) => void;

/** A stand-in editor: records its widget, hands out its listeners, and reads `hoverOptions`. */
function fakeEditor(
  hoverOptions = { enabled: true, delay: 300, sticky: true, hidingDelay: 300, above: true },
) {
  const listeners = new Map<string, Listener[]>();
  const on = (name: string) => (listener: Listener) => {
    listeners.set(name, [...(listeners.get(name) ?? []), listener]);
    return {
      dispose: () =>
        listeners.set(
          name,
          (listeners.get(name) ?? []).filter((l) => l !== listener),
        ),
    };
  };
  const state = {
    widget: undefined as Monaco.editor.IContentWidget | undefined,
    actions: [] as Monaco.editor.IActionDescriptor[],
    layouts: 0,
    focused: 0,
    position: { lineNumber: 1, column: 3 },
  };
  const model = { uri: 'inmemory://1' };
  const editor = {
    addContentWidget(widget: Monaco.editor.IContentWidget) {
      state.widget = widget;
      document.body.append(widget.getDomNode());
    },
    layoutContentWidget: () => void state.layouts++,
    removeContentWidget: () => (state.widget = undefined),
    getOption: () => hoverOptions,
    getModel: () => model,
    getPosition: () => state.position,
    focus: () => void state.focused++,
    render: () => undefined,
    addAction(action: Monaco.editor.IActionDescriptor) {
      state.actions.push(action);
      return { dispose: () => (state.actions = state.actions.filter((a) => a !== action)) };
    },
    onMouseMove: on('mouseMove'),
    onMouseLeave: on('mouseLeave'),
    onMouseDown: on('mouseDown'),
    onKeyDown: on('keyDown'),
    onDidChangeModelContent: on('content'),
    onDidScrollChange: on('scroll'),
    onDidChangeModel: on('model'),
  };
  const fire = (name: string, event: unknown) => {
    for (const listener of listeners.get(name) ?? []) listener(event as never);
  };
  return {
    editor: editor as unknown as Monaco.editor.IStandaloneCodeEditor,
    state,
    fire,
    listenerCount: () => [...listeners.values()].reduce((sum, list) => sum + list.length, 0),
    /** The mouse over text at line 1, `column`. */
    moveTo: (column: number) =>
      fire('mouseMove', { target: { type: CONTENT_TEXT, position: { lineNumber: 1, column } } }),
    node: () => state.widget?.getDomNode() as HTMLElement,
  };
}

/** An Escape key press as the editor reports it, recording whether it was stopped. */
const escapeKey = () => ({
  keyCode: ESCAPE,
  browserEvent: { key: 'Escape' },
  preventDefault: vi.fn(),
  stopPropagation: vi.fn(),
});

/** Docs over columns 1-5 ("when "), a problem over 6-9, nothing after column 12. */
const source: HoverSource = (_model, position) => {
  if (position.column <= 5)
    return {
      range: { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 5 },
      sections: [{ kind: 'markdown', value: '**when** starts a rule' }],
    };
  if (position.column <= 9)
    return {
      range: { startLineNumber: 1, startColumn: 6, endLineNumber: 1, endColumn: 9 },
      sections: [
        { kind: 'problem', severity: 'error', message: 'Unknown field nope', code: 'unknown-field' },
      ],
    };
  return null;
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('renderSections', () => {
  it('renders docs as Markdown and a problem as its message with its code, all as text', () => {
    const node = document.createElement('div');
    renderSections(node, [
      { kind: 'problem', severity: 'warning', message: '<img src=x onerror=alert(1)>', code: 'w1' },
      { kind: 'markdown', value: 'The `page_url` **field**' },
    ]);
    expect(node.querySelector('.proactive-hover-warning')?.textContent).toBe(
      '<img src=x onerror=alert(1)> w1',
    );
    expect(node.querySelector('img')).toBeNull();
    expect(node.querySelector('.proactive-hover-docs strong')?.textContent).toBe('field');
    expect(node.querySelector('.proactive-hover-docs code')?.textContent).toBe('page_url');
  });
});

describe('attachHover', () => {
  it('shows what the source finds once the mouse has rested for the delay, above the hovered range', () => {
    const { editor, state, moveTo, node } = fakeEditor();
    attachHover(monaco, editor, source);
    expect(node().getAttribute('role')).toBe('tooltip');
    expect(node().hidden).toBe(true);
    moveTo(3);
    vi.advanceTimersByTime(299);
    expect(node().hidden).toBe(true);
    vi.advanceTimersByTime(1);
    expect(node().hidden).toBe(false);
    expect(node().textContent).toBe('when starts a rule');
    expect(state.widget?.getPosition()).toEqual({
      position: { lineNumber: 1, column: 1 },
      preference: [1, 2],
    });
    expect(state.widget?.getId()).toBe(hoverWidgetId);
  });

  it('shows nothing where the source finds nothing, and nothing when the hover option is off', () => {
    const off = fakeEditor({ enabled: false, delay: 300, sticky: true, hidingDelay: 300, above: false });
    attachHover(monaco, off.editor, source);
    off.moveTo(3);
    vi.advanceTimersByTime(1000);
    expect(off.node().hidden).toBe(true);

    const { editor, moveTo, node, state } = fakeEditor();
    attachHover(monaco, editor, source);
    moveTo(20);
    vi.advanceTimersByTime(1000);
    expect(node().hidden).toBe(true);
    expect(state.widget?.getPosition()).toBeNull();
  });

  it('keeps the hover within its range, replaces it at once on the next hovered word, hides it past a gap', () => {
    const { editor, moveTo, node } = fakeEditor();
    attachHover(monaco, editor, source);
    moveTo(2);
    vi.advanceTimersByTime(300);
    moveTo(4);
    vi.advanceTimersByTime(1000);
    expect(node().textContent).toBe('when starts a rule');
    moveTo(7);
    expect(node().textContent).toBe('Unknown field nope unknown-field');
    moveTo(20);
    vi.advanceTimersByTime(299);
    expect(node().hidden).toBe(false); // sticky: time to reach the hover
    vi.advanceTimersByTime(1);
    expect(node().hidden).toBe(true);
  });

  it('stays while the mouse is on it (sticky) and hides once it leaves', () => {
    const { editor, fire, moveTo, node } = fakeEditor();
    attachHover(monaco, editor, source);
    moveTo(2);
    vi.advanceTimersByTime(300);
    fire('mouseLeave', { event: { browserEvent: { relatedTarget: node() } } });
    vi.advanceTimersByTime(1000);
    expect(node().hidden).toBe(false);
    fire('mouseMove', { target: { type: CONTENT_WIDGET, detail: hoverWidgetId } });
    vi.advanceTimersByTime(1000);
    expect(node().hidden).toBe(false);
    node().dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(300);
    expect(node().hidden).toBe(true);
  });

  it('hides at once when not sticky, and on a click, an edit, a scroll or another model', () => {
    const notSticky = fakeEditor({ enabled: true, delay: 0, sticky: false, hidingDelay: 300, above: false });
    attachHover(monaco, notSticky.editor, source);
    notSticky.moveTo(2);
    vi.advanceTimersByTime(0);
    expect(notSticky.state.widget?.getPosition()?.preference).toEqual([2, 1]);
    notSticky.moveTo(20);
    expect(notSticky.node().hidden).toBe(true);

    for (const [name, event] of [
      ['mouseDown', { target: { type: CONTENT_TEXT } }],
      ['content', {}],
      ['scroll', {}],
      ['model', {}],
    ] as const) {
      const { editor, fire, moveTo, node } = fakeEditor();
      attachHover(monaco, editor, source);
      moveTo(2);
      vi.advanceTimersByTime(300);
      expect(node().hidden).toBe(false);
      fire(name, event);
      expect(node().hidden, name).toBe(true);
    }
  });

  it('is not hidden by a click inside it or a modifier key; any other key hides it, Escape without going further', () => {
    const { editor, fire, moveTo, node } = fakeEditor();
    attachHover(monaco, editor, source);
    moveTo(2);
    vi.advanceTimersByTime(300);
    fire('mouseDown', { target: { type: CONTENT_WIDGET, detail: hoverWidgetId } });
    fire('keyDown', { keyCode: 5, browserEvent: { key: 'Control' } });
    expect(node().hidden).toBe(false);
    const escape = escapeKey();
    fire('keyDown', escape);
    expect(node().hidden).toBe(true);
    expect(escape.preventDefault).toHaveBeenCalled();
    expect(escape.stopPropagation).toHaveBeenCalled();
  });

  it('does not show a hover the mouse asked for once a key is pressed, and lets Escape through when none shows', () => {
    const { editor, fire, moveTo, node } = fakeEditor();
    attachHover(monaco, editor, source);
    moveTo(2);
    fire('keyDown', { keyCode: 15, browserEvent: { key: 'ArrowLeft' } });
    vi.advanceTimersByTime(1000);
    expect(node().hidden).toBe(true);
    const escape = escapeKey();
    fire('keyDown', escape);
    expect(escape.preventDefault).not.toHaveBeenCalled();
  });

  it('shows the hover for the cursor with Ctrl+K Ctrl+I and takes the focus; Escape gives it back to the text', () => {
    const { editor, state, node } = fakeEditor();
    attachHover(monaco, editor, source);
    const action = state.actions.find((candidate) => candidate.id === showHoverActionId);
    expect(action?.keybindings).toEqual([2048 | 41 | ((2048 | 39) << 16)]);
    void action?.run(editor);
    expect(node().hidden).toBe(false);
    expect(document.activeElement).toBe(node());
    node().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(node().hidden).toBe(true);
    expect(state.focused).toBe(1);

    state.position = { lineNumber: 1, column: 30 };
    void action?.run(editor);
    expect(node().hidden).toBe(true);
  });

  it('removes its widget, listeners and action when disposed', () => {
    const { editor, state, listenerCount, moveTo, node } = fakeEditor();
    const hover = attachHover(monaco, editor, source);
    moveTo(2);
    const domNode = node();
    hover.dispose();
    vi.advanceTimersByTime(1000);
    expect(domNode.hidden).toBe(true);
    expect(state.widget).toBeUndefined();
    expect(state.actions).toEqual([]);
    expect(listenerCount()).toBe(0);
    expect(domNode.isConnected).toBe(false);
  });
});
