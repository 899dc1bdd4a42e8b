import { describe, expect, it } from 'vitest';
import { makeJob } from '../tests/unit/make-job';
import { jobsAhead } from './job-queue';

const NOW = 50_000;
const waiting = (id: string, createdAt: number, extra = {}) => makeJob({ id, createdAt, phase: 'creating', ...extra });
const running = (id: string) => makeJob({ id, phase: 'polling', predictionId: id });

describe('job queue', () => {
  it('lets a job create while slots are free', () => {
    expect(jobsAhead([waiting('a', 1), running('r1')], 'a', 4)).toBe(0);
  });

  it('keeps jobs waiting in the order they were started once the slots are taken', () => {
    const jobs = [waiting('late', 3), waiting('early', 1), waiting('middle', 2), running('r1'), running('r2')];
    expect([ 'early', 'middle', 'late'].map((id) => jobsAhead(jobs, id, 4))).toEqual([0, 0, 2]);
  });

  it('counts a job whose create request left as holding a slot', () => {
    const jobs = [waiting('a', 1), makeJob({ id: 'sent', phase: 'creating', createSentAt: 10 })];
    expect(jobsAhead(jobs, 'a', 1)).toBe(1);
  });

  it('frees the slots of finished jobs', () => {
    const jobs = [waiting('a', 1), makeJob({ id: 'd', phase: 'done' }), makeJob({ id: 'f', phase: 'failed' })];
    expect(jobsAhead(jobs, 'a', 1)).toBe(0);
  });

  it('holds the line behind a job told to wait by a rate limit', () => {
    const jobs = [waiting('head', 1, { dueAt: NOW + 10_000 }), waiting('next', 2)];
    expect(jobsAhead(jobs, 'next', 4)).toBe(1);
  });

  // Sent together once the wait is over, a later create could take the one request the provider
  // lets through and overtake the head (seen in rate-limit.spec.ts: #06 created before #03–#05).
  it('lets a job told to wait go first and alone once its wait is over', () => {
    const jobs = [waiting('head', 1, { dueAt: NOW - 1 }), waiting('next', 2), waiting('last', 3)];
    expect(['head', 'next', 'last'].map((id) => jobsAhead(jobs, id, 4))).toEqual([0, 1, 2]);
  });

  it('keeps the line held while the head\'s retried create is in flight, until it has its prediction', () => {
    const sent = { createSentAt: NOW - 500, dueAt: NOW - 1_000 };
    expect(jobsAhead([waiting('head', 1, sent), waiting('next', 2)], 'next', 4)).toBe(1);
    expect(jobsAhead([makeJob({ id: 'head', createdAt: 1, phase: 'polling', predictionId: 'p', ...sent }), waiting('next', 2)], 'next', 4)).toBe(0);
  });

  it('is not held back by a later job told to wait', () => {
    const jobs = [waiting('first', 1), waiting('told', 2, { dueAt: NOW + 5_000 }), waiting('sent', 3, { createSentAt: NOW, dueAt: NOW - 1 })];
    expect(jobsAhead(jobs, 'first', 4)).toBe(0);
  });

  it('never holds back jobs that are not waiting to create', () => {
    expect(jobsAhead([running('r1')], 'r1', 1)).toBe(0);
  });
});
