import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_PRESETS, type Preset, type PresetDraft } from '../utils/presets/preset';
import { createPresetStore, type PresetStore } from '../utils/presets/preset-store';
import { PresetForm } from './PresetForm';
import { PresetItem } from './PresetItem';
import './diagnostics.css';
import './presets.css';

/** The id of the section (options.html#presets). */
export const PRESETS_SECTION = 'presets';

const defaultStore = createPresetStore();

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | undefined;

/** Where the focus goes after an action re-renders the list (a moved item, a removed one). */
type FocusTarget = { id: string; action: 'edit' | 'up' | 'down' } | { action: 'add' } | undefined;

/**
 * The options page's presets: one-click edits shown under "Edit with Kontext" in the image menu.
 * Stored in sync storage (preset-store.ts); this panel only reads and sends commands, and re-reads
 * when the store changes (another tab or device included).
 */
export function PresetsPanel({ store = defaultStore }: { store?: PresetStore }) {
  const [presets, setPresets] = useState<Preset[]>();
  const [editing, setEditing] = useState<Editing>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState('');
  const [undo, setUndo] = useState<{ preset: Preset; index: number }>();
  const [focus, setFocus] = useState<FocusTarget>();
  const sectionRef = useRef<HTMLElement>(null);

  const refresh = useCallback(() => store.list().then(setPresets, () => setError('The presets could not be read. Reload this page to try again.')), [store]);

  useEffect(() => {
    void refresh();
    return store.watch(setPresets);
  }, [store, refresh]);

  // Each action sets a new target once the list it changed is rendered; the focus follows it.
  useEffect(() => {
    if (!focus) return;
    const root = sectionRef.current;
    if (focus.action === 'add') {
      root?.querySelector<HTMLButtonElement>('[data-action="add"]')?.focus();
      return;
    }
    const item = root?.querySelector(`[data-preset="${CSS.escape(focus.id)}"]`);
    const target = item?.querySelector<HTMLButtonElement>(`[data-action="${focus.action}"]`);
    // A move to the top or bottom disables its button: the other move button takes the focus.
    const other = item?.querySelector<HTMLButtonElement>(`[data-action="${focus.action === 'up' ? 'down' : 'up'}"]`);
    (target && !target.disabled ? target : other)?.focus();
  }, [focus]);

  async function run(action: () => Promise<unknown>, done?: string): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      await refresh();
      if (done !== undefined) setNotice(done);
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work. Try again.');
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function save(draft: PresetDraft) {
    const current = editing;
    // Errors of a save are shown in its form (it stays open), so they are thrown, not set here.
    if (current?.kind === 'edit') await store.update(current.id, draft);
    else await store.add(draft);
    await refresh();
    setEditing(undefined);
    setUndo(undefined);
    setNotice(current?.kind === 'edit' ? `Saved “${draft.name}”.` : `Added “${draft.name}”.`);
    setFocus(current?.kind === 'edit' ? { id: current.id, action: 'edit' } : { action: 'add' });
  }

  function move(preset: Preset, by: -1 | 1) {
    void run(() => store.move(preset.id, by), `Moved “${preset.name}” ${by < 0 ? 'up' : 'down'}.`).then(() => setFocus({ id: preset.id, action: by < 0 ? 'up' : 'down' }));
  }

  function remove(preset: Preset, index: number) {
    void run(() => store.remove(preset.id), `Deleted “${preset.name}”.`).then((ok) => {
      if (!ok) return;
      setUndo({ preset, index });
      setFocus({ action: 'add' });
    });
  }

  function restore() {
    if (!undo) return;
    const { preset, index } = undo;
    void run(() => store.restore(preset, index), `Restored “${preset.name}”.`).then((ok) => {
      if (!ok) return;
      setUndo(undefined);
      setFocus({ id: preset.id, action: 'edit' });
    });
  }

  const full = (presets?.length ?? 0) >= MAX_PRESETS;
  const editedPreset = editing?.kind === 'edit' ? presets?.find((p) => p.id === editing.id) : undefined;

  return (
    <section ref={sectionRef} className="diagnostics presets" id={PRESETS_SECTION} aria-labelledby="presets-heading">
      <h2 id="presets-heading">Presets</h2>
      <p className="muted">
        One-click edits in the image menu, under Edit with Kontext. They sync with your browser account; your API key never does.
      </p>
      {error && <p className="alert" role="alert">{error}</p>}
      {!presets && !error && <p className="muted">Loading…</p>}
      {presets?.length === 0 && <p className="muted">No presets yet.</p>}
      {presets && presets.length > 0 && (
        <ul className="preset-list" aria-label="Presets">
          {presets.map((preset, index) =>
            editing?.kind === 'edit' && editing.id === preset.id && editedPreset ? (
              <li key={preset.id} className="preset-item" data-preset={preset.id}>
                <PresetForm initial={editedPreset} onSave={save} onCancel={() => { setEditing(undefined); setFocus({ id: preset.id, action: 'edit' }); }} />
              </li>
            ) : (
              <PresetItem
                key={preset.id}
                preset={preset}
                first={index === 0}
                last={index === presets.length - 1}
                busy={busy}
                onEdit={() => setEditing({ kind: 'edit', id: preset.id })}
                onMove={(by) => move(preset, by)}
                onDelete={() => remove(preset, index)}
              />
            ))}
        </ul>
      )}
      {editing?.kind === 'new' && <PresetForm onSave={save} onCancel={() => { setEditing(undefined); setFocus({ action: 'add' }); }} />}
      <div className="actions">
        {editing?.kind !== 'new' && (
          <button type="button" className="secondary" data-action="add" onClick={() => setEditing({ kind: 'new' })} disabled={busy || full || !presets}>
            Add preset
          </button>
        )}
        {undo && <button type="button" className="secondary" onClick={restore} disabled={busy}>Undo delete</button>}
        <span className="outcome" aria-live="polite">{notice}</span>
      </div>
      {full && <p className="field-hint">You have {MAX_PRESETS} presets, the most there can be. Delete one to add another.</p>}
    </section>
  );
}
