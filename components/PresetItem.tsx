import type { Preset } from '../utils/presets/preset';

interface PresetItemProps {
  preset: Preset;
  first: boolean;
  last: boolean;
  busy: boolean;
  onEdit: () => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
}

/** The choices a preset fixes, in words ("1:1 · PNG · flux-kontext-max"), or nothing. */
function choicesText(preset: Preset): string {
  const format = preset.outputFormat === 'jpg' ? 'JPEG' : preset.outputFormat === 'png' ? 'PNG' : undefined;
  const ratio = preset.aspectRatio === 'match_input_image' ? 'same ratio as the image' : preset.aspectRatio;
  return [ratio, format, preset.model?.split('/')[1]].filter(Boolean).join(' · ');
}

/** One preset in the options list, with its actions. Button names carry the preset's name for screen readers. */
export function PresetItem({ preset, first, last, busy, onEdit, onMove, onDelete }: PresetItemProps) {
  const choices = choicesText(preset);
  return (
    <li className="preset-item" data-preset={preset.id}>
      <div className="preset-text">
        <strong>{preset.name}</strong>
        <p className="muted">{preset.instruction}</p>
        {choices && <p className="field-hint">{choices}</p>}
      </div>
      <div className="actions">
        <button type="button" className="secondary" data-action="edit" aria-label={`Edit ${preset.name}`} onClick={onEdit} disabled={busy}>Edit</button>
        <button type="button" className="secondary" data-action="up" aria-label={`Move up ${preset.name}`} onClick={() => onMove(-1)} disabled={busy || first}>Move up</button>
        <button type="button" className="secondary" data-action="down" aria-label={`Move down ${preset.name}`} onClick={() => onMove(1)} disabled={busy || last}>Move down</button>
        <button type="button" className="secondary" data-action="delete" aria-label={`Delete ${preset.name}`} onClick={onDelete} disabled={busy}>Delete</button>
      </div>
    </li>
  );
}
