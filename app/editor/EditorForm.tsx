/**
 * The message form: the header, the three sections and the preview, around one draft. Every server change
 * (Save, Publish, Pause, Resume) goes through one mutation (message-actions.ts); its failures are handled
 * here in one place: a 412 opens the conflict dialog, anything else fills the summary. The form subscribes
 * to the draft's name, greeting, response and unsaved state; the parts showing the rule subscribe to it
 * themselves (DraftSections.tsx), so a rule edit or a view switch does not re-render the whole form.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import styled from 'styled-components';
import { Accordion } from '@zendeskgarden/react-accordions';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Col, Grid, Row } from '@zendeskgarden/react-grid';
import { Alert, Notification, useToast } from '@zendeskgarden/react-notifications';
import type { Message, MessageResponse } from '@proactive/contract/admin';
import { t } from '../i18n.ts';
import { errorDiagnostics } from '../messages/errors.ts';
import type { BuilderProblem } from '../rules/builder-model.ts';
import { BubblePreview } from './BubblePreview.tsx';
import { ComposeStep } from './ComposeStep.tsx';
import { validateDraft, type DraftError } from './draft.ts';
import type { DraftSnapshot } from './draft-store.ts';
import { DraftConflictModal, DraftRulesSection, DraftScheduleSection } from './DraftSections.tsx';
import { EditorHeader } from './EditorHeader.tsx';
import { EditorStep } from './EditorStep.tsx';
import { LeaveGuard } from './LeaveGuard.tsx';
import { ConflictError, useMessageAction, type MessageAction } from './message-actions.ts';
import type { EditorData } from './queries.ts';
import { useBotAnswers } from './queries.ts';
import { SaveSummary, type ServerProblem } from './SaveSummary.tsx';
import { scheduleContext } from './schedule-context.ts';
import { declarationsOf, useAttributes } from '../settings/queries.ts';
import { useDraft, useDraftSlice } from './useDraft.ts';

const Sticky = styled.div`
  position: sticky;
  top: 16px;
`;

const sectionIds = ['compose', 'rules', 'schedule'] as const;

const selectName = (snapshot: DraftSnapshot) => snapshot.draft.name;
const selectGreeting = (snapshot: DraftSnapshot) => snapshot.draft.greeting;
const selectResponse = (snapshot: DraftSnapshot) => snapshot.draft.response;
const selectDirty = (snapshot: DraftSnapshot) => snapshot.dirty;

const failureTitles: Record<MessageAction, string> = {
  save: 'editor.saveFailed',
  publish: 'editor.publishFailed',
  pause: 'editor.actionFailed',
  resume: 'editor.actionFailed',
};

export interface EditorFormProps extends EditorData {
  /** Loads the server's version again (after "Reload their version"). */
  onReload: () => void;
}

/**
 * The form for one loaded message.
 *
 * @example <EditorForm key={message.version} message={message} channel={channel} schedules={[]} onReload={refetch} />
 */
export function EditorForm({ message: loaded, channel, schedules, onReload }: EditorFormProps) {
  const { addToast } = useToast();
  const [message, setMessage] = useState(loaded);
  const store = useDraft(loaded);
  const name = useDraftSlice(store, selectName);
  const greeting = useDraftSlice(store, selectGreeting);
  const response = useDraftSlice(store, selectResponse);
  const dirty = useDraftSlice(store, selectDirty);
  const [checks, setChecks] = useState<{ errors: DraftError[]; problems: BuilderProblem[] }>({
    errors: [],
    problems: [],
  });
  const [serverProblem, setServerProblem] = useState<ServerProblem | null>(null);
  const [conflict, setConflict] = useState<Message | null>(null);
  const [expanded, setExpanded] = useState<number[]>(() => (loaded.rules ? [0, 1, 2] : [0]));
  const summary = useRef<HTMLDivElement>(null);
  const action = useMessageAction();
  const schedulesOf = useMemo(() => scheduleContext(schedules, channel), [schedules, channel]);
  const declared = useAttributes(loaded.brand_id).data;
  // The brand's declared attributes join the schedule options once loaded (keys unchecked until then).
  const validateOptions = useMemo(
    () =>
      declared
        ? { ...schedulesOf.validateOptions, attributes: declarationsOf(declared) }
        : schedulesOf.validateOptions,
    [schedulesOf, declared],
  );
  const answers = useBotAnswers(response.type === 'bot' ? response.bot_id : null);
  const answerBody =
    response.type === 'bot'
      ? answers.data?.find((answer) => answer.id === (response as { answer_id: string | null }).answer_id)
          ?.body
      : undefined;

  const setResponse = useCallback(
    (next: MessageResponse) => store.edit((current) => ({ ...current, response: next })),
    [store],
  );
  const errorOf = (field: DraftError['field']) => {
    const found = checks.errors.find((error) => error.field === field);
    return found ? t(found.messageKey) : null;
  };
  const focusSummary = () => requestAnimationFrame(() => summary.current?.focus());

  function toast(type: 'success' | 'warning', title: string, body?: string) {
    addToast(({ close }) => (
      <Notification type={type}>
        <Notification.Title>{title}</Notification.Title>
        {body}
        <Notification.Close aria-label={t('common.close')} onClick={close} />
      </Notification>
    ));
  }

  /** Checks the draft for Save and Publish, then runs the action; every outcome is handled here. */
  function run(kind: MessageAction) {
    const { draft, dirty } = store.snapshot();
    setServerProblem(null);
    if (kind === 'save' || kind === 'publish') {
      const found = validateDraft(draft, { publish: kind === 'publish' });
      setChecks(found);
      if (found.errors.length > 0) {
        setExpanded((current) => [
          ...new Set([...current, ...found.errors.map((error) => (error.field === 'rules' ? 1 : 0))]),
        ]);
        focusSummary();
        return;
      }
    }
    action.mutate(
      {
        action: kind,
        message,
        draft: (kind === 'save' || kind === 'publish') && dirty ? draft : null,
        onSaved: (saved) => {
          setMessage(saved);
          store.markSaved();
        },
      },
      {
        onSuccess: (result) => {
          setMessage(result);
          if (kind === 'publish')
            toast(
              'success',
              t('editor.published'),
              t('editor.publishedBody', { channel: channel?.name ?? result.channel_id }),
            );
          if (kind === 'save') {
            const count =
              result.diagnostics?.filter((diagnostic) => diagnostic.severity === 'error').length ?? 0;
            toast(
              count ? 'warning' : 'success',
              count ? t('editor.savedWithErrors', { count }) : t('editor.saved'),
            );
          }
        },
        onError: (error) => {
          if (error instanceof ConflictError) return setConflict(error.theirs ?? message);
          const diagnostics = errorDiagnostics(error).map((diagnostic) => diagnostic.message);
          const text = error instanceof Error ? error.message : String(error);
          setServerProblem({
            title: t(failureTitles[kind]),
            lines: kind === 'publish' && diagnostics.length ? diagnostics : [text, ...diagnostics],
          });
          focusSummary();
        },
      },
    );
  }

  /** Opens the next section, scrolls it into view and moves focus to its header (for keyboard users). */
  function next(section: number) {
    setExpanded((current) => (current.includes(section) ? current : [...current, section]));
    requestAnimationFrame(() => {
      const element = document.getElementById(`section-${sectionIds[section]}`);
      element?.scrollIntoView({
        behavior: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
        block: 'start',
      });
      element
        ?.querySelector<HTMLElement>('[data-garden-id="accordions.button"], button')
        ?.focus({ preventScroll: true });
    });
  }

  const busy = action.isPending;
  return (
    <>
      <EditorHeader
        name={name}
        message={message}
        channelName={channel?.name ?? message.channel_id}
        dirty={dirty}
        busy={busy}
        onAction={run}
      />
      <SaveSummary ref={summary} errors={checks.errors} serverProblem={serverProblem} />
      {message.diagnostics && message.diagnostics.length > 0 && !dirty && (
        <Alert type="warning" style={{ marginBottom: 16 }}>
          <Alert.Title>{t('editor.storedDiagnostics')}</Alert.Title>
          {message.diagnostics.map((diagnostic) => diagnostic.message).join(' · ')}
        </Alert>
      )}
      <Grid gutters="lg" style={{ padding: 0 }}>
        <Row>
          <Col lg={8}>
            <Field style={{ marginBottom: 16 }}>
              <Field.Label>{t('create.name')}</Field.Label>
              <Input
                value={name}
                maxLength={200}
                onChange={(event) => {
                  const typed = event.target.value;
                  store.edit((current) => ({ ...current, name: typed }));
                }}
                validation={errorOf('name') ? 'error' : undefined}
              />
              {errorOf('name') && <Field.Message validation="error">{errorOf('name')}</Field.Message>}
            </Field>
            <Accordion
              level={2}
              isExpandable
              isCollapsible
              expandedSections={expanded}
              onChange={(index: number) =>
                setExpanded((current) =>
                  current.includes(index) ? current.filter((item) => item !== index) : [...current, index],
                )
              }
            >
              <ComposeStep
                greeting={greeting}
                response={response}
                channelId={message.channel_id}
                errorOf={errorOf}
                onGreeting={(typed) => store.edit((current) => ({ ...current, greeting: typed }))}
                onResponse={setResponse}
                onNext={() => next(1)}
              />
              <EditorStep id="section-rules" title={t('editor.rules')} onNext={() => next(2)}>
                <DraftRulesSection
                  store={store}
                  problems={checks.problems}
                  validateOptions={validateOptions}
                  schedules={schedulesOf.contextSchedules}
                />
              </EditorStep>
              <EditorStep
                id="section-schedule"
                title={t('editor.schedule')}
                actions={
                  <>
                    <Button isPrimary onClick={() => run('publish')} disabled={busy}>
                      {message.status === 'live' ? t('editor.publishChanges') : t('editor.publish')}
                    </Button>
                    <Button onClick={() => run('save')} disabled={busy}>
                      {t('editor.saveDraft')}
                    </Button>
                  </>
                }
              >
                <DraftScheduleSection
                  store={store}
                  channelScheduleRecord={schedulesOf.channelSchedule}
                  schedules={schedules}
                />
              </EditorStep>
            </Accordion>
          </Col>
          <Col lg={4}>
            <Sticky>
              <BubblePreview greeting={greeting} response={response} answerBody={answerBody} />
            </Sticky>
          </Col>
        </Row>
      </Grid>
      <LeaveGuard dirty={dirty} />
      {conflict && (
        <DraftConflictModal
          store={store}
          theirs={conflict}
          onClose={() => setConflict(null)}
          onReload={() => {
            setConflict(null);
            store.markSaved();
            onReload();
          }}
          onKeepMine={() => {
            setMessage((current) => ({ ...current, version: conflict.version, status: conflict.status }));
            setConflict(null);
          }}
        />
      )}
    </>
  );
}
