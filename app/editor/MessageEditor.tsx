/**
 * The message configuration page, following the article: Compose messages -> Set the rules -> Choose
 * when to send -> Publish, with a live bubble preview beside the form.
 *
 * Saving follows Garden's Save pattern: problems are shown inline and in a summary alert at the top, and
 * leaving with unsaved changes asks first. Saves send `If-Match: <version>`; when someone else saved in
 * the meantime the server answers 412 and the admin chooses to reload theirs or compare — never a silent
 * overwrite.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import styled from 'styled-components';
import { Accordion } from '@zendeskgarden/react-accordions';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Col, Grid, Row } from '@zendeskgarden/react-grid';
import { Modal } from '@zendeskgarden/react-modals';
import { Alert, Notification, useToast } from '@zendeskgarden/react-notifications';
import { Paragraph, XXL } from '@zendeskgarden/react-typography';
import type { Schedule as ContextSchedule } from '@proactive/dsl';
import { message as messageSchema } from '@proactive/contract/admin';
import { ApiError, call } from '../api/client.ts';
import type { Channel, Message, MessageResponse, Schedule } from '@proactive/contract/admin';
import { t } from '../i18n.ts';
import { errorDiagnostics } from '../messages/errors.ts';
import { StatusTag } from '../messages/status.tsx';
import { useApi, useLoad } from '../shell/context.tsx';
import { Muted } from '../shell/Muted.tsx';
import { Loading } from '../shell/Loading.tsx';
import { navigate, setLeaveGuard } from '../shell/router.ts';
import type { BuilderProblem } from '../rules/builder-model.ts';
import { currentRest, editRest, shownRest, type RuleState } from '../rules/rule-sync.ts';
import { BubblePreview } from './BubblePreview.tsx';
import { ConflictModal } from './ConflictModal.tsx';
import { draftOf, fingerprint, patchOf, validateDraft, type Draft, type DraftError } from './draft.ts';
import { GreetingInput } from './GreetingInput.tsx';
import { ResponseEditor } from './ResponseEditor.tsx';
import { RulesSection } from './RulesSection.tsx';
import { ScheduleSection } from './ScheduleSection.tsx';

const Header = styled.div`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 16px;
  margin-bottom: 16px;
  flex-wrap: wrap;
`;

const Actions = styled.div`
  display: flex;
  gap: 8px;
  align-items: center;
`;

const Sticky = styled.div`
  position: sticky;
  top: 16px;
`;

const SectionBody = styled.div`
  display: flex;
  flex-direction: column;
  gap: 20px;
  padding: 8px 0 16px;
`;

const sectionIds = ['compose', 'rules', 'schedule'] as const;

interface Loaded {
  message: Message;
  channel: Channel | undefined;
  schedules: Schedule[];
}

/**
 * The editor page for one message.
 *
 * @example <MessageEditor id="m1" />
 */
export default function MessageEditor({ id }: { id: string }) {
  const api = useApi();
  const loaded = useLoad<Loaded>(async () => {
    const message = await call(api.messages[':id'].$get({ param: { id } }), messageSchema);
    const [channels, schedules] = await Promise.all([
      call(api.channels.$get({ query: {} })),
      call(api.schedules.$get()),
    ]);
    return { message, channel: channels.find((channel) => channel.id === message.channel_id), schedules };
  }, [id]);
  if (loaded.error)
    return (
      <Alert type="error">
        <Alert.Title>{t('editor.loadFailed')}</Alert.Title>
        {loaded.error.message}
      </Alert>
    );
  if (!loaded.data) return <Loading />;
  return <EditorForm key={loaded.data.message.version} {...loaded.data} onReload={loaded.reload} />;
}

function EditorForm({ message: initial, channel, schedules, onReload }: Loaded & { onReload: () => void }) {
  const api = useApi();
  const { addToast } = useToast();
  const [message, setMessage] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [baseline, setBaseline] = useState(() => fingerprint(draftOf(initial)));
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [problems, setProblems] = useState<BuilderProblem[]>([]);
  const [serverProblem, setServerProblem] = useState<{ title: string; lines: string[] } | null>(null);
  const [conflict, setConflict] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [expanded, setExpanded] = useState<number[]>(() => (initial.rules ? [0, 1, 2] : [0]));
  const [answerBody, setAnswerBody] = useState<string | undefined>();
  const summary = useRef<HTMLDivElement>(null);

  const dirty = fingerprint(draft) !== baseline;
  /** A navigation held by the unsaved-changes guard, waiting for the admin's answer. */
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    const removeGuard = setLeaveGuard((proceed) => {
      setPendingLeave(() => proceed);
      return false;
    });
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      removeGuard();
    };
  }, [dirty]);

  const channelSchedule = useMemo(
    () => schedules.find((schedule) => schedule.id === channel?.schedule_id) ?? null,
    [schedules, channel],
  );
  const validateOptions = useMemo(
    () => ({
      schedules: schedules.map((schedule) => schedule.name),
      hasBusinessHours: channelSchedule !== null,
    }),
    [schedules, channelSchedule],
  );
  const contextSchedules = useMemo(() => {
    const asContext = (schedule: Schedule): ContextSchedule => ({
      time_zone: schedule.time_zone,
      intervals: schedule.intervals,
      holidays: schedule.holidays,
    });
    const map: Record<string, ContextSchedule> = {};
    for (const schedule of schedules) map[schedule.name] = asContext(schedule);
    if (channelSchedule) map.default = asContext(channelSchedule);
    return map;
  }, [schedules, channelSchedule]);

  useEffect(() => {
    const response = draft.response;
    if (response.type !== 'bot' || !response.bot_id || !response.answer_id) return setAnswerBody(undefined);
    let current = true;
    call(api.bots[':id'].answers.$get({ param: { id: response.bot_id } }))
      .then(
        (answers) =>
          current && setAnswerBody(answers.find((answer) => answer.id === response.answer_id)?.body),
      )
      .catch(() => current && setAnswerBody(undefined));
    return () => {
      current = false;
    };
  }, [api, draft.response]);

  const errorOf = (field: DraftError['field']) => {
    const found = errors.find((error) => error.field === field);
    return found ? t(found.messageKey) : null;
  };
  const setRule = useCallback((rule: RuleState) => setDraft((current) => ({ ...current, rule })), []);
  const setResponse = useCallback(
    (response: MessageResponse) => setDraft((current) => ({ ...current, response })),
    [],
  );

  function showProblems(found: DraftError[], builderProblems: BuilderProblem[]) {
    setErrors(found);
    setProblems(builderProblems);
    const sections = new Set(expanded);
    for (const error of found) sections.add(error.field === 'rules' ? 1 : 0);
    setExpanded([...sections]);
    requestAnimationFrame(() => summary.current?.focus());
  }

  /** Saves; resolves with the saved message, or null when it did not save (problems are shown). */
  async function save(options: { publish: boolean }): Promise<Message | null> {
    setServerProblem(null);
    const { errors: found, problems: builderProblems } = validateDraft(draft, options);
    if (found.length > 0) {
      showProblems(found, builderProblems);
      return null;
    }
    setErrors([]);
    setProblems([]);
    if (fingerprint(draft) === baseline) return message;
    try {
      const saved = await call(
        api.messages[':id'].$patch({
          param: { id: message.id },
          header: { 'if-match': String(message.version) },
          json: patchOf(draft),
        }),
        messageSchema,
      );
      setMessage(saved);
      setBaseline(fingerprint(draft));
      return saved;
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const theirs = await call(
          api.messages[':id'].$get({ param: { id: message.id } }),
          messageSchema,
        ).catch(() => null);
        setConflict(theirs ?? message);
        return null;
      }
      setServerProblem({
        title: t('editor.saveFailed'),
        lines: [
          error instanceof Error ? error.message : String(error),
          ...errorDiagnostics(error).map((d) => d.message),
        ],
      });
      requestAnimationFrame(() => summary.current?.focus());
      return null;
    }
  }

  async function onSave() {
    setBusy(true);
    try {
      const saved = await save({ publish: false });
      if (saved) {
        const count = saved.diagnostics?.filter((diagnostic) => diagnostic.severity === 'error').length ?? 0;
        addToast(({ close }) => (
          <Notification type={count ? 'warning' : 'success'}>
            <Notification.Title>
              {count ? t('editor.savedWithErrors', { count }) : t('editor.saved')}
            </Notification.Title>
            <Notification.Close aria-label={t('common.close')} onClick={close} />
          </Notification>
        ));
      }
    } finally {
      setBusy(false);
    }
  }

  async function onPublish() {
    setBusy(true);
    try {
      const saved = await save({ publish: true });
      if (!saved) return;
      try {
        const published = await call(
          api.messages[':id'].publish.$post({ param: { id: saved.id } }),
          messageSchema,
        );
        setMessage((current) => ({ ...current, ...published, status: published?.status ?? 'live' }));
        addToast(({ close }) => (
          <Notification type="success">
            <Notification.Title>{t('editor.published')}</Notification.Title>
            {t('editor.publishedBody', { channel: channel?.name ?? saved.channel_id })}
            <Notification.Close aria-label={t('common.close')} onClick={close} />
          </Notification>
        ));
      } catch (error) {
        const diagnostics = errorDiagnostics(error);
        setServerProblem({
          title: t('editor.publishFailed'),
          lines: diagnostics.length
            ? diagnostics.map((diagnostic) => diagnostic.message)
            : [error instanceof Error ? error.message : String(error)],
        });
        requestAnimationFrame(() => summary.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  async function onPauseResume(action: 'pause' | 'resume') {
    try {
      const updated = await call(
        api.messages[':id'][action].$post({ param: { id: message.id } }),
        messageSchema,
      );
      setMessage((current) => ({ ...current, ...updated }));
    } catch (error) {
      setServerProblem({
        title: t('editor.actionFailed'),
        lines: [error instanceof Error ? error.message : String(error)],
      });
    }
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
      element?.querySelector<HTMLElement>('[data-garden-id="accordions.button"], button')?.focus({
        preventScroll: true,
      });
    });
  }

  const rest = currentRest(draft.rule);
  const showSummary = errors.length > 0 || serverProblem;

  return (
    <>
      <Header>
        <div>
          <Anchor
            href="#/messages"
            onClick={(event) => {
              event.preventDefault();
              navigate({ page: 'messages' });
            }}
          >
            {t('editor.back')}
          </Anchor>
          <XXL tag="h1" isBold>
            {draft.name || t('editor.untitled')} <StatusTag status={message.status} />
          </XXL>
          <Paragraph>
            {t('editor.channel', { channel: channel?.name ?? message.channel_id })}
            {dirty && (
              <Muted data-testid="unsaved">
                {' · '}
                {t('editor.unsaved')}
              </Muted>
            )}
          </Paragraph>
        </div>
        <Actions>
          <Button isBasic onClick={() => navigate({ page: 'analytics', id: message.id })}>
            {t('editor.analytics')}
          </Button>
          {message.status === 'live' && (
            <Button onClick={() => void onPauseResume('pause')}>{t('list.action.pause')}</Button>
          )}
          {message.status === 'paused' && (
            <Button onClick={() => void onPauseResume('resume')}>{t('list.action.resume')}</Button>
          )}
          <Button onClick={() => void onSave()} disabled={busy}>
            {t('common.save')}
          </Button>
        </Actions>
      </Header>
      {showSummary && (
        <div ref={summary} tabIndex={-1} data-testid="save-summary">
          <Alert type="error" role="alert">
            <Alert.Title>
              {serverProblem?.title ?? t('editor.summaryTitle', { count: errors.length })}
            </Alert.Title>
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {errors.map((error) => (
                <li key={error.field + error.messageKey}>{t(error.messageKey)}</li>
              ))}
              {serverProblem?.lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
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
                value={draft.name}
                maxLength={200}
                onChange={(event) => setDraft((current) => ({ ...current, name: event.target.value }))}
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
              <Accordion.Section id="section-compose">
                <Accordion.Header>
                  <Accordion.Label>{t('editor.compose')}</Accordion.Label>
                </Accordion.Header>
                <Accordion.Panel>
                  <SectionBody>
                    <GreetingInput
                      label={t('compose.greeting')}
                      hint={t('compose.greetingHint')}
                      value={draft.greeting}
                      onChange={(greeting) => setDraft((current) => ({ ...current, greeting }))}
                      error={errorOf('greeting')}
                    />
                    <ResponseEditor
                      channelId={message.channel_id}
                      response={draft.response}
                      onChange={setResponse}
                      errors={{
                        ...(errorOf('follow_up') ? { follow_up: errorOf('follow_up') as string } : {}),
                        ...(errorOf('answer_id') ? { answer_id: errorOf('answer_id') as string } : {}),
                      }}
                    />
                    <div>
                      <Button onClick={() => next(1)}>{t('common.next')}</Button>
                    </div>
                  </SectionBody>
                </Accordion.Panel>
              </Accordion.Section>
              <Accordion.Section id="section-rules">
                <Accordion.Header>
                  <Accordion.Label>{t('editor.rules')}</Accordion.Label>
                </Accordion.Header>
                <Accordion.Panel>
                  <SectionBody>
                    <RulesSection
                      state={draft.rule}
                      onChange={setRule}
                      problems={problems}
                      validateOptions={validateOptions}
                      schedules={contextSchedules}
                    />
                    <div>
                      <Button onClick={() => next(2)}>{t('common.next')}</Button>
                    </div>
                  </SectionBody>
                </Accordion.Panel>
              </Accordion.Section>
              <Accordion.Section id="section-schedule">
                <Accordion.Header>
                  <Accordion.Label>{t('editor.schedule')}</Accordion.Label>
                </Accordion.Header>
                <Accordion.Panel>
                  <SectionBody>
                    <ScheduleSection
                      timeOfDay={shownRest(draft.rule).timeOfDay}
                      frequency={shownRest(draft.rule).frequency}
                      disabled={!rest}
                      channelScheduleRecord={channelSchedule}
                      schedules={schedules}
                      onChange={(patch) => setRule(editRest(draft.rule, patch))}
                    />
                    <Actions>
                      <Button isPrimary onClick={() => void onPublish()} disabled={busy}>
                        {message.status === 'live' ? t('editor.publishChanges') : t('editor.publish')}
                      </Button>
                      <Button onClick={() => void onSave()} disabled={busy}>
                        {t('editor.saveDraft')}
                      </Button>
                    </Actions>
                  </SectionBody>
                </Accordion.Panel>
              </Accordion.Section>
            </Accordion>
          </Col>
          <Col lg={4}>
            <Sticky>
              <BubblePreview greeting={draft.greeting} response={draft.response} answerBody={answerBody} />
            </Sticky>
          </Col>
        </Row>
      </Grid>
      {pendingLeave && (
        <Modal onClose={() => setPendingLeave(null)} aria-label={t('editor.leaveTitle')}>
          <Modal.Header tag="h2" isDanger>
            {t('editor.leaveTitle')}
          </Modal.Header>
          <Modal.Body>{t('editor.leaveConfirm')}</Modal.Body>
          <Modal.Footer>
            <Modal.FooterItem>
              <Button isBasic onClick={() => setPendingLeave(null)}>
                {t('editor.stay')}
              </Button>
            </Modal.FooterItem>
            <Modal.FooterItem>
              <Button
                isPrimary
                isDanger
                onClick={() => {
                  const leave = pendingLeave;
                  setPendingLeave(null);
                  leave();
                }}
              >
                {t('editor.leave')}
              </Button>
            </Modal.FooterItem>
          </Modal.Footer>
          <Modal.Close aria-label={t('common.close')} />
        </Modal>
      )}
      {conflict && (
        <ConflictModal
          mine={patchOf(draft)}
          theirs={conflict}
          onClose={() => setConflict(null)}
          onReload={() => {
            setConflict(null);
            setBaseline(fingerprint(draft));
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
