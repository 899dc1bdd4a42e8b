import { aspectRatioLabel, OUTPUT_FORMAT_LABELS } from '../ui/option-labels';
import type { AspectRatio } from '../settings';
import type { Scalar, ScalarRecord } from './input-field';
import { fieldOf, type ModelSpec } from './model-spec';

/** One model input as the result page lists it. */
export interface InputRow {
  term: string;
  value: string;
}

/** Inputs listed first, in this order, when a job sent them; the rest follow in the model's field order. */
const FIRST = ['aspect_ratio', 'output_format', 'seed'];

function valueText(name: string, value: Scalar): string {
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (name === 'aspect_ratio' && typeof value === 'string') return aspectRatioLabel(value as AspectRatio);
  if (name === 'output_format' && typeof value === 'string') return OUTPUT_FORMAT_LABELS[value as keyof typeof OUTPUT_FORMAT_LABELS] ?? value;
  return String(value);
}

/**
 * The inputs a job sent, labelled by its model's fields when the extension knows the model (an input it
 * has no field for, e.g. of a model since changed, is listed under its own name).
 */
export function describeInput(input: ScalarRecord, spec: Pick<ModelSpec, 'fields'> | undefined): InputRow[] {
  const order = [...FIRST, ...(spec?.fields.map((f) => f.name) ?? [])];
  const names = Object.keys(input).sort((a, b) => rank(order, a) - rank(order, b));
  return names.flatMap((name) => {
    const value = input[name];
    if (value === undefined) return [];
    const label = (spec && fieldOf(spec, name)?.label) ?? (name === 'seed' ? 'Seed' : name);
    return [{ term: label, value: valueText(name, value) }];
  });
}

function rank(order: string[], name: string): number {
  const at = order.indexOf(name);
  return at === -1 ? order.length : at;
}
