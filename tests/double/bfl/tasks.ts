// Tasks on a clock: the status is computed from the time when it is asked for (no timers), so a
// test can move the injected clock past Pending or past the ten-minute expiry.
import { describeImage, downloadInput, InputError } from '../input-resolve';
import { renderOutput } from '../render-output';
import { FileStore, OutputStore } from '../stores';
import type { BflOutcome, BflTaskRecord } from './types';

/** Credits per edit (1 credit = $0.01): pro $0.04, max $0.08. */
export const BFL_COST: Record<string, number> = { 'flux-kontext-pro': 4, 'flux-kontext-max': 8 };

/** What the polling URL answers for a task at a moment. */
export type TaskView =
  | { status: 'Pending' }
  | { status: 'Ready'; samplePath: string; task: BflTaskRecord }
  | { status: 'Request Moderated' | 'Content Moderated' | 'Task not found' }
  | { status: 'Error'; details: Record<string, string> };

/** The double's tasks and the sample files of its delivery server. */
export class TaskBook {
  readonly tasks = new Map<string, BflTaskRecord>();
  /** Rendered samples by delivery path. */
  readonly samples = new Map<string, { data: Buffer; contentType: string }>();
  private readonly files: FileStore;

  constructor(
    private readonly now: () => number,
    private readonly pendingMs: () => number,
    readonly ttlMs: number,
  ) {
    this.files = new FileStore(now);
  }

  /** Records a new task; a moderated request is decided at once, without a Pending phase. */
  add(task: Omit<BflTaskRecord, 'createdAt' | 'readyAt'>): BflTaskRecord {
    const createdAt = this.now();
    const readyAt = task.outcome === 'request-moderated' ? createdAt : createdAt + this.pendingMs();
    const record: BflTaskRecord = { ...task, createdAt, readyAt };
    this.tasks.set(record.id, record);
    return record;
  }

  /** Tasks of a key still Pending now (BFL limits how many run at once). */
  activeCount(key: string): number {
    const now = this.now();
    return [...this.tasks.values()].filter((t) => t.key === key && now < t.readyAt).length;
  }

  /** The task's state now; renders the sample on the first look after it is ready. */
  async view(id: string): Promise<TaskView> {
    const task = this.tasks.get(id);
    const now = this.now();
    // The sample file stays: the delivery host answers 403 for it, like a lapsed signed URL.
    if (!task || now >= task.readyAt + this.ttlMs) return { status: 'Task not found' };
    if (now < task.readyAt) return { status: 'Pending' };
    return this.finished(task);
  }

  /** True while a sample path belongs to a task whose result has not expired. */
  sampleAlive(path: string): boolean {
    const now = this.now();
    return [...this.tasks.values()].some((t) => t.samplePath === path && now < t.readyAt + this.ttlMs);
  }

  private async finished(task: BflTaskRecord): Promise<TaskView> {
    const statusOf: Record<Exclude<BflOutcome, 'ready' | 'error'>, 'Request Moderated' | 'Content Moderated'> = {
      'request-moderated': 'Request Moderated',
      'content-moderated': 'Content Moderated',
    };
    if (task.outcome === 'request-moderated' || task.outcome === 'content-moderated') return { status: statusOf[task.outcome] };
    if (task.outcome === 'error') return { status: 'Error', details: { error: 'Internal generation error' } };
    if (!task.samplePath && !task.renderError) await this.render(task);
    if (task.renderError) return { status: 'Error', details: { error: task.renderError } };
    return { status: 'Ready', samplePath: task.samplePath ?? '', task };
  }

  // The sample is the input through the shared filters (see ../README.md), as jpeg or png.
  private async render(task: BflTaskRecord): Promise<void> {
    try {
      const value = typeof task.input.input_image === 'string' ? task.input.input_image : '';
      const info = value === '' ? null : await this.resolve(value);
      const format = task.input.output_format === 'jpeg' ? 'jpg' : 'png';
      const out = renderOutput(info, { ...task.input, output_format: format });
      task.samplePath = `/results/${task.id}/sample.${out.ext === 'jpg' ? 'jpeg' : 'png'}`;
      this.samples.set(task.samplePath, { data: out.data, contentType: out.contentType });
    } catch (error) {
      task.renderError = error instanceof InputError ? error.message : `render failed: ${(error as Error).message}`;
    }
  }

  private async resolve(value: string) {
    if (/^https?:\/\//.test(value)) {
      const local = this.samples.get(new URL(value).pathname);
      if (local) return describeImage(local.data, 'output');
      return downloadInput(value, { files: this.files, outputs: new OutputStore(), fetch, allowLoopback: false });
    }
    const payload = value.replace(/^data:[^,]*;base64,/, '');
    if (!/^[A-Za-z0-9+/=\s]+$/.test(payload)) throw new InputError('input_image is neither base64 nor a URL');
    return describeImage(Buffer.from(payload, 'base64'), 'data-uri');
  }
}
