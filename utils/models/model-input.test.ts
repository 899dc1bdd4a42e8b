import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { inputSchemaOf } from './input-field';
import { KONTEXT_DEV, KONTEXT_MAX, KONTEXT_PRO } from './kontext';
import { buildModelInput, optionValues } from './model-input';

const DEV = KONTEXT_DEV.id;
const settings = (overrides: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...overrides });

describe('per-model input schemas', () => {
  it('give pro and max safety tolerance and prompt upsampling, and dev its sampling inputs instead', () => {
    for (const spec of [KONTEXT_PRO, KONTEXT_MAX]) {
      const names = spec.fields.map((f) => f.name);
      expect(names).toEqual(expect.arrayContaining(['safety_tolerance', 'prompt_upsampling']));
      expect(names).not.toContain('num_inference_steps');
    }
    const dev = KONTEXT_DEV.fields.map((f) => f.name);
    expect(dev).toEqual(expect.arrayContaining(['num_inference_steps', 'guidance', 'go_fast', 'output_quality', 'disable_safety_checker']));
    expect(dev).not.toContain('safety_tolerance');
    expect(dev).not.toContain('prompt_upsampling');
  });

  it.each([
    ['pro', KONTEXT_PRO, { safety_tolerance: 3 }],
    ['pro', KONTEXT_PRO, { num_inference_steps: 30 }],
    ['pro', KONTEXT_PRO, { output_format: 'webp' }],
    ['dev', KONTEXT_DEV, { safety_tolerance: 2 }],
    ['dev', KONTEXT_DEV, { prompt_upsampling: true }],
    ['dev', KONTEXT_DEV, { num_inference_steps: 3 }],
    ['dev', KONTEXT_DEV, { num_inference_steps: 51 }],
    ['dev', KONTEXT_DEV, { num_inference_steps: 30.5 }],
    ['dev', KONTEXT_DEV, { guidance: 10.5 }],
    ['dev', KONTEXT_DEV, { output_quality: 101 }],
    ['dev', KONTEXT_DEV, { aspect_ratio: '2:1' }],
    ['dev', KONTEXT_DEV, { go_fast: 'yes' }],
  ])('%s refuses %j', (_name, spec, input) => {
    expect(inputSchemaOf(spec.fields).safeParse(input).success).toBe(false);
  });

  it.each([
    ['pro', KONTEXT_PRO, { aspect_ratio: '2:1', output_format: 'jpg', safety_tolerance: 0, prompt_upsampling: true, seed: 7 }],
    ['dev', KONTEXT_DEV, { aspect_ratio: '21:9', output_format: 'png', num_inference_steps: 4, guidance: 0, go_fast: false, output_quality: 100, disable_safety_checker: true, seed: 7 }],
    ['dev', KONTEXT_DEV, { num_inference_steps: 50, guidance: 10, output_quality: 0 }],
  ])('%s takes %j', (_name, spec, input) => {
    expect(inputSchemaOf(spec.fields).parse(input)).toEqual(input);
  });
});

describe('buildModelInput', () => {
  it('sends pro the options page’s safety tolerance and upsampling with the box’s choices and our seed', () => {
    const built = buildModelInput(KONTEXT_PRO, settings({ safetyTolerance: 1, promptUpsampling: true }), { aspectRatio: '16:9', outputFormat: 'jpg' }, 42);
    expect(built).toEqual({ ok: true, input: { aspect_ratio: '16:9', output_format: 'jpg', safety_tolerance: 1, prompt_upsampling: true, seed: 42 } });
  });

  it('sends dev its defaults and no safety tolerance when nothing was set', () => {
    const built = buildModelInput(KONTEXT_DEV, settings({ safetyTolerance: 0 }), { aspectRatio: 'match_input_image', outputFormat: 'png' }, 9);
    expect(built).toEqual({
      ok: true,
      input: { aspect_ratio: 'match_input_image', output_format: 'png', num_inference_steps: 30, guidance: 2.5, go_fast: true, output_quality: 80, disable_safety_checker: false, seed: 9 },
    });
  });

  it('takes dev’s options from settings and the edit’s steps and guidance over them', () => {
    const options = settings({ modelOptions: { [DEV]: { num_inference_steps: 20, guidance: 4, go_fast: false, output_quality: 90 } } });
    const built = buildModelInput(KONTEXT_DEV, options, { aspectRatio: '1:1', outputFormat: 'jpg', inputs: { num_inference_steps: 12, guidance: 3.5 } }, 1);
    expect(built.ok && built.input).toMatchObject({ num_inference_steps: 12, guidance: 3.5, go_fast: false, output_quality: 90, output_format: 'jpg' });
  });

  it('ignores per-edit values of inputs the box does not ask (go fast is set on the options page only)', () => {
    const built = buildModelInput(KONTEXT_DEV, settings(), { inputs: { go_fast: false, safety_tolerance: 6 } }, 1);
    expect(built.ok && built.input).toMatchObject({ go_fast: true });
    expect(built.ok && 'safety_tolerance' in built.input).toBe(false);
  });

  it('refuses an edit out of the model’s range, saying which input', () => {
    const steps = buildModelInput(KONTEXT_DEV, settings(), { inputs: { num_inference_steps: 80 } }, 1);
    expect(steps).toEqual({ ok: false, message: expect.stringMatching(/FLUX\.1 Kontext \[dev\].*Steps: use 4 to 50/) });
    const ratio = buildModelInput(KONTEXT_DEV, settings(), { aspectRatio: '2:1' }, 1);
    expect(ratio.ok).toBe(false);
  });

  it('falls back to a default when a saved option no longer fits the model (2:1 chosen for pro, then dev)', () => {
    expect(optionValues(KONTEXT_DEV, settings({ aspectRatio: '2:1' })).aspect_ratio).toBe('match_input_image');
    expect(optionValues(KONTEXT_PRO, settings({ aspectRatio: '2:1' })).aspect_ratio).toBe('2:1');
    expect(optionValues(KONTEXT_DEV, settings({ modelOptions: { [DEV]: { guidance: 99 } } })).guidance).toBe(2.5);
  });
});
