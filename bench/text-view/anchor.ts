/**
 * The anchors of bench/text-view.bench.ts, a bare page outside the admin app: "Text (textarea)" shows a
 * plain textarea of the Text view's size with the rule; "Text (stock Monaco)" imports Monaco's full
 * build (`monaco-editor`: every editor feature and language, as the app imported it before slimming) and
 * creates an editor with the Text view's options. "Preload Monaco" imports it without creating one.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

const host = document.getElementById('host') as HTMLElement;
const rule = new URLSearchParams(location.search).get('rule') ?? '';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

const loadMonaco = () => import('monaco-editor');

document.getElementById('preload')?.addEventListener('click', () => {
  void loadMonaco().then(() => document.body.setAttribute('data-preloaded', 'true'));
});

document.getElementById('textarea')?.addEventListener('click', () => {
  const textarea = document.createElement('textarea');
  textarea.value = rule;
  host.replaceChildren(textarea);
});

document.getElementById('monaco')?.addEventListener('click', () => {
  void loadMonaco().then((monaco) => {
    monaco.editor.create(host, {
      value: rule,
      language: 'plaintext',
      automaticLayout: true,
      minimap: { enabled: false },
      wordWrap: 'on',
      fontSize: 14,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      tabSize: 2,
    });
  });
});
