import { useId } from 'react';
import { ASPECT_RATIOS, AspectRatio, OutputFormat } from '../utils/settings';
import { OUTPUT_FORMAT_LABELS, aspectRatioLabel } from '../utils/ui/option-labels';

interface PromptChoicesProps {
  aspectRatio: AspectRatio;
  outputFormat: OutputFormat;
  /** What the chosen model takes (dev has no 2:1); all when unknown. */
  aspectRatios?: readonly AspectRatio[];
  outputFormats?: readonly OutputFormat[];
  onAspectRatio: (value: AspectRatio) => void;
  onOutputFormat: (value: OutputFormat) => void;
}

/** The aspect ratio and output format selects of the prompt box. */
export function PromptChoices({ aspectRatio, outputFormat, aspectRatios = ASPECT_RATIOS, outputFormats = OutputFormat.options, onAspectRatio, onOutputFormat }: PromptChoicesProps) {
  const ratioId = useId();
  const formatId = useId();
  // Another model may take neither per edit: then the box shows no select for it.
  if (aspectRatios.length === 0 && outputFormats.length === 0) return null;
  return (
    <div className="kx-row">
      {aspectRatios.length > 0 && (<div className="kx-field">
        <label htmlFor={ratioId}>Aspect ratio</label>
        <select id={ratioId} value={aspectRatio} onChange={(e) => onAspectRatio(AspectRatio.parse(e.target.value))}>
          {aspectRatios.map((ratio) => (
            <option key={ratio} value={ratio}>{aspectRatioLabel(ratio)}</option>
          ))}
        </select>
      </div>)}
      {outputFormats.length > 0 && (<div className="kx-field">
        <label htmlFor={formatId}>Output format</label>
        <select id={formatId} value={outputFormat} onChange={(e) => onOutputFormat(OutputFormat.parse(e.target.value))}>
          {outputFormats.map((format) => (
            <option key={format} value={format}>{OUTPUT_FORMAT_LABELS[format]}</option>
          ))}
        </select>
      </div>)}
    </div>
  );
}
