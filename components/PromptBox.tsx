import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { EditRequest, type EditSource } from '../utils/messages';
import { isLongChain } from '../utils/history/tree';
import { sendToBackground } from '../utils/send-message';
import { DEFAULT_SETTINGS, type AspectRatio, type OutputFormat } from '../utils/settings';
import { trapTab } from '../utils/ui/focus-trap';
import { openResultPage } from '../utils/ui/result-page-url';
import { useFocusTrap } from '../utils/ui/use-focus-trap';
import { usePreparedInput } from '../utils/ui/use-prepared-input';
import { UNREACHABLE_MESSAGE, usePromptContext } from '../utils/ui/use-prompt-context';
import { InputFacts } from './InputFacts';
import { KeyMissingNotice } from './KeyMissingNotice';
import { LongChainNote } from './LongChainNote';
import { PriceLine } from './PriceLine';
import { PromptChoices } from './PromptChoices';
import { PromptModelFields } from './PromptModelFields';
import { choiceOptions, extraEditFields, parseEditInputs } from '../utils/models/edit-inputs';
import { typedOf, type TypedValue } from '../utils/models/typed-value';
import { RecentInstructions } from './RecentInstructions';
import { matchingRecentInstructions } from '../utils/recent-instructions';

/** Shown once the background accepted the edit (a UI contract: tests look for it). */
export const STARTED_MESSAGE = 'Edit started — follow it in the toolbar popup.';
/** How long the started message stays before the box closes itself. */
export const CLOSE_DELAY_MS = 1200;

export interface PromptBoxProps {
  source: EditSource;
  onClose: () => void;
  /** Opens the options page from wherever the box is shown (popup or content script). */
  onOpenSettings: () => void;
  closeDelayMs?: number;
  /**
   * "Edit an earlier version", offered when the result being edited ends a long chain. By default the
   * box closes and the result page of that version opens (its version tree lists the earlier ones).
   */
  onEditEarlier?: () => void;
  /**
   * How many chained edits made the result being edited (use-chain-depth.ts), from the extension page
   * that shows the box: the box itself never reads the history, so the copy of it in web pages stays small.
   */
  chainDepth?: number;
}

/**
 * The "Edit with Kontext" dialog: one instruction, two choices, one button. Used over web pages
 * (content script, in a shadow root) and inside the popup ("Edit again").
 */
export function PromptBox({ source, onClose, onOpenSettings, closeDelayMs = CLOSE_DELAY_MS, onEditEarlier, chainDepth }: PromptBoxProps) {
  const ids = { heading: useId(), prompt: useId(), hint: useId(), error: useId() };
  const dialogRef = useRef<HTMLDivElement>(null);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const { state, reload } = usePromptContext(source);
  const prepared = usePreparedInput(source);
  const [prompt, setPrompt] = useState('');
  const [choices, setChoices] = useState<{ aspectRatio?: AspectRatio; outputFormat?: OutputFormat }>({});
  // The model's own per-edit inputs as typed (dev's steps and guidance), and what is wrong with them.
  const [typedInputs, setTypedInputs] = useState<Record<string, TypedValue>>({});
  const [inputErrors, setInputErrors] = useState<Record<string, string | undefined>>({});
  const [fieldError, setFieldError] = useState<string>();
  const [sendError, setSendError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [started, setStarted] = useState(false);
  const recentsRef = useRef<HTMLUListElement>(null);
  const startWhenReady = useRef(false);
  const [recentsOpen, setRecentsOpen] = useState(true);
  const [recentActive, setRecentActive] = useState(-1);
  const [recentsFocusRequest, setRecentsFocusRequest] = useState(0);
  useFocusTrap(dialogRef);

  const context = state.status === 'ready' ? state.context : undefined;
  const model = context?.model;
  const modelDefault = (name: string) => model?.values[name] as string | undefined;
  const aspectRatio = choices.aspectRatio ?? (modelDefault('aspect_ratio') as AspectRatio | undefined) ?? context?.aspectRatio ?? DEFAULT_SETTINGS.aspectRatio;
  const outputFormat = choices.outputFormat ?? (modelDefault('output_format') as OutputFormat | undefined) ?? context?.outputFormat ?? DEFAULT_SETTINGS.outputFormat;
  const extraFields = model ? extraEditFields(model.spec) : [];
  const extraValues = Object.fromEntries(extraFields.map((f) => [f.name, typedInputs[f.name] ?? typedOf(model?.values[f.name])]));
  // An image that cannot be prepared would only fail after the click: say so now, charge nothing.
  const preparedFailed = 'ok' in prepared && !prepared.ok;
  // At the monthly cap the background would refuse the edit: the price line says why and how to raise it.
  const atCap = context?.spend?.status === 'at-cap';
  const canStart = Boolean(context?.hasKey && !context.problem) && !preparedFailed && !atCap && !sending && !started;
  const previewUrl = ('ok' in prepared && prepared.ok && prepared.previewUri) || context?.previewUrl;
  const recents = matchingRecentInstructions(context?.recentInstructions ?? [], prompt);
  const showRecents = recentsOpen && recents.length > 0 && !started;

  // The key may be added in the options tab while this box waits: look again when the user comes back.
  useEffect(() => {
    if (!context || context.hasKey) return;
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [context, reload]);

  // After the render that shows the list (it may have been closed), so the list exists to take the focus.
  useEffect(() => {
    if (recentsFocusRequest > 0) recentsRef.current?.focus();
  }, [recentsFocusRequest]);

  // Once the context is in: a start asked for while loading goes ahead if it may, and is dropped if not
  // (no key, a cap reached: the box says why, and the person decides again).
  useEffect(() => {
    if (state.status === 'loading' || !startWhenReady.current) return;
    startWhenReady.current = false;
    if (canStart) void start();
  });

  useEffect(() => {
    if (!started) return;
    const timer = setTimeout(onClose, closeDelayMs);
    return () => clearTimeout(timer);
  }, [started, closeDelayMs, onClose]);

  async function start() {
    if (!canStart) {
      // Enter pressed before the box finished asking the background what it needs (key, price…):
      // the edit starts as soon as the answer allows it, rather than the key press being lost.
      if (state.status === 'loading') startWhenReady.current = true;
      return;
    }
    const extra = parseEditInputs(extraFields, extraValues);
    if (!extra.ok) {
      setInputErrors(extra.errors);
      dialogRef.current?.querySelector<HTMLElement>(`[data-input="${Object.keys(extra.errors)[0]}"]`)?.focus();
      return;
    }
    const inputs = extraFields.length > 0 ? extra.inputs : undefined;
    const parsed = EditRequest.safeParse({ source, prompt, aspectRatio, outputFormat, inputs });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === 'prompt') ?? parsed.error.issues[0];
      setFieldError(issue?.message ?? 'Describe the edit.');
      promptRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setSendError(undefined);
    setSending(true);
    try {
      const reply = await sendToBackground({ type: 'bg:start-edit', request: parsed.data });
      if (reply?.ok) setStarted(true);
      else setSendError(reply?.message ?? UNREACHABLE_MESSAGE);
      // Refused by the monthly cap: fetch the month's figures again, so the price line offers to raise it.
      if (reply && !reply.ok && reply.reason === 'spend-cap') reload();
    } catch {
      setSendError(UNREACHABLE_MESSAGE);
    } finally {
      setSending(false);
    }
  }

  function editEarlier() {
    if (onEditEarlier) onEditEarlier();
    else if (source.kind === 'job') {
      openResultPage(source.jobId);
      onClose();
    }
  }

  function openSpending() {
    sendToBackground({ type: 'bg:open-options', section: 'spending' }).catch(() => undefined);
  }

  function openSiteAccess() {
    sendToBackground({ type: 'bg:open-options', section: 'site-access' }).catch(() => undefined);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void start();
  }

  function onDialogKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (dialogRef.current && trapTab(event, dialogRef.current)) {
      event.preventDefault();
    }
  }

  function pickRecent(instruction: string) {
    setPrompt(instruction);
    setFieldError(undefined);
    setRecentsOpen(false);
    promptRef.current?.focus();
  }

  function onPromptKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // ArrowDown on the last line (where it would move nowhere) moves into the recent instructions.
    const onLastLine = !event.currentTarget.value.slice(event.currentTarget.selectionEnd).includes('\n');
    if (event.key === 'ArrowDown' && !event.altKey && !event.shiftKey && !event.nativeEvent.isComposing && onLastLine && recents.length > 0 && !started) {
      event.preventDefault();
      setRecentsOpen(true);
      setRecentsFocusRequest((n) => n + 1);
      return;
    }
    // Enter while an input method is composing (Japanese, Chinese…) confirms the composition, not the form.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void start();
    }
  }

  return (
    <div ref={dialogRef} className="kx-dialog" role="dialog" aria-modal="true" aria-labelledby={ids.heading} onKeyDown={onDialogKeyDown}>
      <div className="kx-header">
        <h2 id={ids.heading} className="kx-title">Edit with Kontext</h2>
        <button type="button" className="kx-close" aria-label="Close" onClick={onClose}>×</button>
      </div>
      {previewUrl && <img className="kx-preview" src={previewUrl} alt="The image you are editing" />}
      {chainDepth !== undefined && isLongChain(chainDepth) && <LongChainNote depth={chainDepth} onEditEarlier={editEarlier} />}
      {!context?.problem && <InputFacts state={prepared} onOfferSiteAccess={openSiteAccess} />}
      {state.status === 'loading' && <p className="kx-muted">Loading…</p>}
      {state.status === 'error' && <p className="kx-error" role="alert">{state.message}</p>}
      {context && !context.hasKey && <KeyMissingNotice onOpenSettings={onOpenSettings} />}
      {context?.problem && <p className="kx-error" role="alert">{context.problem}</p>}
      <form className="kx-form" onSubmit={onSubmit} noValidate>
        <label htmlFor={ids.prompt} className="kx-label">Edit instruction</label>
        <textarea
          id={ids.prompt}
          ref={promptRef}
          className="kx-textarea"
          rows={3}
          autoFocus
          value={prompt}
          placeholder="e.g. Make it a watercolor painting"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${ids.error} ${ids.hint}` : ids.hint}
          onChange={(e) => {
            setPrompt(e.target.value);
            if (fieldError) setFieldError(undefined);
          }}
          onKeyDown={onPromptKeyDown}
        />
        {fieldError && <p id={ids.error} className="kx-field-error">{fieldError}</p>}
        {showRecents && (
          <RecentInstructions
            items={recents}
            active={recentActive}
            onActiveChange={setRecentActive}
            onPick={pickRecent}
            onExit={() => promptRef.current?.focus()}
            onDismiss={() => {
              setRecentsOpen(false);
              promptRef.current?.focus();
            }}
            listRef={recentsRef}
          />
        )}
        <p id={ids.hint} className="kx-hint">Enter starts · Shift+Enter adds a line · Esc closes</p>
        <PromptChoices
          aspectRatio={aspectRatio}
          outputFormat={outputFormat}
          onAspectRatio={(value) => setChoices((c) => ({ ...c, aspectRatio: value }))}
          onOutputFormat={(value) => setChoices((c) => ({ ...c, outputFormat: value }))}
          {...(model ? choiceOptions(model.spec) : {})}
        />
        <PromptModelFields
          fields={extraFields}
          values={extraValues}
          errors={inputErrors}
          onChange={(name, value) => {
            setTypedInputs((t) => ({ ...t, [name]: value }));
            setInputErrors((e) => ({ ...e, [name]: undefined }));
          }}
        />
        {context?.spend && <PriceLine quote={context.spend} onRaiseCap={openSpending} />}
        {sendError && <p className="kx-error" role="alert">{sendError}</p>}
        <p className="kx-success" role="status">{started ? STARTED_MESSAGE : ''}</p>
        <div className="kx-actions">
          {/* The name stays "Start edit" while sending (a UI contract); disabled stops a second, billed submit. */}
          <button type="submit" className="kx-primary" disabled={!canStart} aria-busy={sending || undefined}>
            Start edit
          </button>
        </div>
      </form>
    </div>
  );
}
