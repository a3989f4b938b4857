/**
 * The Text view: Monaco with the rule language. Monaco (and its worker) is a separate chunk, preloaded
 * when the message editor opens (app/monaco/load.ts). Checking is debounced: the squiggles and the text
 * handed to the page (which parses it) follow typing after a pause, and at once when the editor loses
 * focus, closes, or the page asks (`handle.takePending`, before switching to Visual), so no edit is ever
 * left behind.
 */
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { t } from '../i18n.ts';
import { palette } from '../shell/palette.ts';
import type { ValidateOptions } from '@proactive/dsl';
import { loadMonaco, type MonacoModule } from '../monaco/load.ts';
type Editor = ReturnType<MonacoModule['monaco']['editor']['create']>;

const Frame = styled.div`
  height: 220px;
  border: 1px solid ${palette.grey300};
  border-radius: 4px;
  overflow: hidden;
`;

const Tools = styled.div`
  display: flex;
  justify-content: flex-end;
  margin-top: 8px;
`;

/** How long typing must pause before the text is checked and handed over. */
export const checkDelayMs = 200;

/** What the page can ask of the Text view. */
export interface RuleTextEditorHandle {
  /**
   * The text typed since it was last handed over (undefined when there is none), which the caller now
   * applies instead of waiting for `onChange`; the squiggles are brought up to date.
   */
  takePending(): string | undefined;
}

export interface RuleTextEditorProps {
  value: string;
  /** The text, after a pause in typing (`checkDelayMs`), on blur, and when the editor closes. */
  onChange: (text: string) => void;
  validateOptions: ValidateOptions;
  handle?: Ref<RuleTextEditorHandle>;
}

/**
 * The Monaco editor for rule text.
 *
 * @example <RuleTextEditor value={text} onChange={setText} validateOptions={{}} />
 */
export function RuleTextEditor({ value, onChange, validateOptions, handle }: RuleTextEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const module = useRef<MonacoModule | null>(null);
  /** The latest props, for Monaco's callbacks and its one-time creation (refs are written after render). */
  const latest = useRef({ onChange, value, validateOptions });
  /** Texts the editor reported recently: a `value` among them is an echo (possibly late), not an outside change. */
  const emitted = useRef<string[]>([value]);
  useEffect(() => {
    latest.current = { onChange, value, validateOptions };
  });
  const [failed, setFailed] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  /** The pending check, while typing goes on. */
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Checks the text now: squiggles, and the text marked as handed over. Undefined when nothing is pending. */
  const settle = useCallback((): string | undefined => {
    if (timer.current === undefined) return undefined;
    clearTimeout(timer.current);
    timer.current = undefined;
    const model = editor.current?.getModel();
    if (!model || model.isDisposed()) return undefined;
    module.current?.updateMarkers(model);
    const text = model.getValue();
    emitted.current = [...emitted.current.slice(-49), text];
    return text;
  }, []);

  /** Hands the pending text over through `onChange`. */
  const flush = useCallback(() => {
    const text = settle();
    if (text !== undefined) latest.current.onChange(text);
  }, [settle]);

  useImperativeHandle(handle, () => ({ takePending: settle }), [settle]);

  useEffect(() => {
    let disposed = false;
    loadMonaco().then(
      (loaded) => {
        if (disposed || !host.current) return;
        module.current = loaded;
        const monaco = loaded.setupProactiveLanguage();
        loaded.setValidateOptions(latest.current.validateOptions);
        const created = monaco.editor.create(host.current, {
          value: latest.current.value,
          language: loaded.languageId,
          automaticLayout: true,
          minimap: { enabled: false },
          lineNumbers: 'on',
          renderFinalNewline: 'on', // 'dimmed' would draw the last line number at 1.75:1 contrast
          wordWrap: 'on',
          fontSize: 14,
          scrollBeyondLastLine: false,
          renderLineHighlight: 'line',
          fixedOverflowWidgets: true,
          ariaLabel: t('rules.textAria'),
          tabSize: 2,
          ...loaded.languageEditorOptions,
        });
        editor.current = created;
        loaded.attachTextViewFeatures(created);
        const model = created.getModel();
        if (model) loaded.updateMarkers(model);
        created.onDidChangeModelContent(() => {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => flush(), checkDelayMs);
        });
        created.onDidBlurEditorText(() => flush());
        setReady(true);
      },
      (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      disposed = true;
      flush();
      const model = editor.current?.getModel();
      editor.current?.dispose();
      model?.dispose();
      editor.current = null;
    };
    // Monaco is created once (`flush` never changes); later values flow in through the effect below.
  }, [flush]);

  useEffect(() => {
    const current = editor.current;
    if (emitted.current.includes(value)) return;
    emitted.current = [value];
    if (current && current.getValue() !== value) {
      const model = current.getModel();
      if (model) current.executeEdits('proactive', [{ range: model.getFullModelRange(), text: value }]);
    }
  }, [value]);

  useEffect(() => {
    module.current?.setValidateOptions(validateOptions);
    const model = editor.current?.getModel();
    if (model) module.current?.updateMarkers(model);
  }, [validateOptions]);

  if (failed)
    return (
      <Alert type="error">
        <Alert.Title>{t('rules.textFailed')}</Alert.Title>
        {failed}
      </Alert>
    );
  return (
    <div>
      <Frame ref={host} data-testid="rule-text-editor" data-ready={ready ? 'true' : 'false'} />
      <Tools>
        <Button
          size="small"
          isBasic
          disabled={!ready}
          onClick={() => void editor.current?.getAction('editor.action.formatDocument')?.run()}
        >
          {t('rules.format')}
        </Button>
      </Tools>
    </div>
  );
}
