/**
 * The Monaco editor features the Text view uses, instead of `monaco-editor/features/register.all` (every
 * feature, a 3.8 MB chunk): the core (`monaco-editor/editor`: models, view, Monarch colouring, markers,
 * the language registries) plus these contributions. A provider registered for a feature missing here
 * is silently unused: add the feature's `register` import with the provider. The hover and Format
 * Document are the Text view's own, on Monaco's public API (./hover.ts, ./format-action.ts).
 */
// Completion: the suggest widget. The `suggest` feature's register only adds inline completions. The
// snippet feature's controller inserts the chosen completion (as plain text: ./plain-insert.ts).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
// Editing comfort: matching brackets, `#` line comments (Ctrl+/).
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
// The icon font (the completion list's item kinds).
import 'monaco-editor/features/codicon/register';
