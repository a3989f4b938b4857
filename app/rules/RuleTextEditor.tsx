/**
 * The Text view: Monaco with the rule language. Monaco (and its worker) is a separate chunk, preloaded
 * when the message editor opens (app/monaco/load.ts).
 */
import { useEffect, useRef, useState } from 'react';
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

export interface RuleTextEditorProps {
  value: string;
  onChange: (text: string) => void;
  validateOptions: ValidateOptions;
}

/**
 * The Monaco editor for rule text.
 *
 * @example <RuleTextEditor value={text} onChange={setText} validateOptions={{}} />
 */
export function RuleTextEditor({ value, onChange, validateOptions }: RuleTextEditorProps) {
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
        });
        editor.current = created;
        const model = created.getModel();
        if (model) loaded.updateMarkers(model);
        created.onDidChangeModelContent(() => {
          const current = created.getModel();
          if (!current) return;
          loaded.updateMarkers(current);
          const text = current.getValue();
          emitted.current = [...emitted.current.slice(-49), text];
          latest.current.onChange(text);
        });
        setReady(true);
      },
      (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      disposed = true;
      const model = editor.current?.getModel();
      editor.current?.dispose();
      model?.dispose();
      editor.current = null;
    };
    // Monaco is created once; later values flow in through the effect below.
  }, []);

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
