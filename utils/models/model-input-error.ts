import type { Provider } from '../settings';
import type { ModelSpec } from './model-spec';

/** An edit its model cannot take (an input out of its range, a provider without the model); the message says which. */
export class ModelInputError extends Error {
  override name = 'ModelInputError';
}

const PROVIDER_NAMES: Record<Provider, string> = { replicate: 'Replicate', bfl: 'Black Forest Labs’ API' };

/** Why `spec` cannot run at `provider`, and what to change. */
export function unavailableMessage(spec: Pick<ModelSpec, 'label'>, provider: Provider): string {
  return `${spec.label} is not offered by ${PROVIDER_NAMES[provider]}. Choose another model or provider on the options page.`;
}
