import { ImageError } from './image/errors';
import type { NormalizeLimits } from './image/plan';
import { prepareFailure, prepareInput, preparedImageId, type InputPrepDeps } from './input-prep';
import type { PrepareInputResult } from './messages';
import { getSelection, updateSelection } from './selection-store';

/** Shown when the token is unknown or older than the selection's lifetime. */
export const EXPIRED_SELECTION = 'This prompt box has expired. Right-click the image and choose Edit with Kontext again.';

export interface InputPrepServiceDeps {
  now(): number;
  io: InputPrepDeps;
  /** The size caps of the input image, from the settings. */
  limits(): Promise<NormalizeLimits>;
}

/**
 * Prepares each selection's input once: the prompt box asking, and the job starting, share one run
 * (and after a worker restart, the stored summary). A failure is not remembered, so asking again
 * (a new prompt box, or Retry) tries again.
 */
export function createInputPrepService(deps: InputPrepServiceDeps) {
  const running = new Map<string, Promise<PrepareInputResult>>();

  async function run(token: string): Promise<PrepareInputResult> {
    const selection = await getSelection(token, deps.now());
    if (!selection) return { ok: false, message: EXPIRED_SELECTION };
    if (selection.prepared) return { ok: true, summary: selection.prepared };
    if (selection.kind === 'pick' && !selection.target) return { ok: false, message: 'No picture was picked on the page.' };
    try {
      const summary = await prepareInput({ ...selection, token }, preparedImageId(token), await deps.limits(), deps.io);
      await updateSelection(token, deps.now(), (current) => ({ ...current, prepared: summary }));
      return { ok: true, summary };
    } catch (error) {
      return prepareFailure(error);
    }
  }

  return {
    /** The prepared input of a selection, preparing it first when needed. */
    prepare(token: string): Promise<PrepareInputResult> {
      let pending = running.get(token);
      if (!pending) {
        pending = run(token).finally(() => running.delete(token));
        running.set(token, pending);
      }
      return pending;
    },
  };
}
export type InputPrepService = ReturnType<typeof createInputPrepService>;

/** Turns a failed preparation into the error a job fails with. */
export function preparationError(result: Extract<PrepareInputResult, { ok: false }>): ImageError {
  return new ImageError('unreachable', result.message);
}
