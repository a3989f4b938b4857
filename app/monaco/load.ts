/**
 * Loading Monaco (a chunk of its own, with the rule language) once for the whole app: the Text view
 * awaits {@link loadMonaco}, and the message editor calls {@link preloadMonaco} when it opens, so the
 * chunk is fetched, parsed and evaluated while the admin reads the form and the first Text view opens
 * without waiting for the network.
 */
export type MonacoModule = typeof import('./proactive-language.ts');

/**
 * A loader that runs `importer` once for every caller, and again after a failure.
 *
 * @example const load = once(() => import('./big.ts')); await load(); await load(); // imported once
 */
export function once<T>(importer: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= importer().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/**
 * Imports Monaco and the rule language once.
 *
 * @example const { setupProactiveLanguage } = await loadMonaco();
 */
export const loadMonaco: () => Promise<MonacoModule> = once(() => import('./proactive-language.ts'));

/** Runs `task` when the browser is next idle, at the latest after `timeoutMs`. */
function whenIdle(task: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, 0);
}

/** The Text view's editor options that decide what the first editor measures and sets up (fonts). */
const warmUpOptions = {
  fontSize: 14,
  lineNumbers: 'on',
  wordWrap: 'on',
  minimap: { enabled: false },
} as const;

/**
 * Sets up what the first editor would: registers the rule language, then creates and disposes an editor
 * off screen (with the options the build needs, `languageEditorOptions`), which starts Monaco's services
 * and measures the font, so the Text view only builds its own editor.
 *
 * @example warmUp(await loadMonaco())
 */
export function warmUp(
  module: Pick<MonacoModule, 'setupProactiveLanguage' | 'languageId' | 'languageEditorOptions'>,
): void {
  const monaco = module.setupProactiveLanguage();
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:400px;height:100px;visibility:hidden';
  document.body.append(host);
  try {
    const editor = monaco.editor.create(host, {
      ...warmUpOptions,
      ...module.languageEditorOptions,
      value: 'when',
      language: module.languageId,
    });
    const model = editor.getModel();
    editor.dispose();
    model?.dispose();
  } finally {
    host.remove();
  }
}

/**
 * Loads Monaco (`load`) at once, then warms it up (`warm`) when the browser is next idle, at the latest
 * after `timeoutMs`; a failure is ignored (the Text view reports it when it opens). The chunk downloads
 * and compiles off the main thread, so waiting for an idle moment to start it only made an admin who
 * clicks "Text" straight away wait for all of it (bench/README.md); warming up, which creates an editor,
 * waits.
 *
 * @example useEffect(() => preloadMonaco(), []);
 */
export function preloadMonaco(
  load: () => Promise<MonacoModule> = loadMonaco,
  timeoutMs = 1000,
  warm: (module: MonacoModule) => void = warmUp,
): void {
  void load().then(
    (module) =>
      whenIdle(() => {
        try {
          warm(module);
        } catch {
          // The Text view creates its own editor and reports what fails then.
        }
      }, timeoutMs),
    () => undefined,
  );
}
