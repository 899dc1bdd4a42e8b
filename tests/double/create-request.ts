// Validates a create-prediction body the way the real API does before anything runs.
import { KONTEXT_INPUT_SCHEMA, MODEL_INPUT_SCHEMAS, MODEL_REQUEST_SCHEMA, modelOfVersion, VERSION_REQUEST_SCHEMA } from './models';
import type { InvalidField } from './problems';
import { validateObject } from './schema-validate';

/** Maximum safety_tolerance the model accepts together with an input image. */
export const MAX_SAFETY_WITH_IMAGE = 2;

/** Outcome of checking a create body: either the input or the 422 fields. */
export type CreateCheck =
  | { ok: true; input: Record<string, unknown>; version: string | null }
  | { ok: false; fields: InvalidField[] };

/** Checks the top-level body, then the model input against its model's schema (the path's, or the version's). */
export function checkCreateBody(body: unknown, form: 'model' | 'version', pathModel: string | null = null): CreateCheck {
  const topSchema = form === 'model' ? MODEL_REQUEST_SCHEMA : VERSION_REQUEST_SCHEMA;
  const topErrors = validateObject(topSchema, body, '(root)');
  if (topErrors.length > 0) return { ok: false, fields: topErrors };
  const record = body as { input: Record<string, unknown>; version?: string };
  const model = pathModel ?? modelOfVersion(record.version ?? '');
  const fields = validateObject((model ? MODEL_INPUT_SCHEMAS.get(model) : undefined) ?? KONTEXT_INPUT_SCHEMA, record.input, 'input');
  const { input } = record;
  const tolerance = input.safety_tolerance;
  if (typeof tolerance === 'number' && tolerance > MAX_SAFETY_WITH_IMAGE && typeof input.input_image === 'string') {
    fields.push({
      type: 'number_lte',
      field: 'input.safety_tolerance',
      description: `safety_tolerance must be ${MAX_SAFETY_WITH_IMAGE} or less when input_image is provided`,
    });
  }
  if (fields.length > 0) return { ok: false, fields };
  return { ok: true, input, version: record.version ?? null };
}
