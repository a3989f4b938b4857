import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { nextStatus, transitions } from './status.ts';

describe('the message status machine', () => {
  it('goes live from any status once publishing succeeds, and pauses and resumes only from live and paused', () => {
    for (const from of ['draft', 'live', 'paused', 'contains_errors'] as const) {
      expect(nextStatus(from, 'publish')).toBe('live');
    }
    expect(nextStatus('live', 'pause')).toBe('paused');
    expect(nextStatus('paused', 'resume')).toBe('live');
  });

  it('refuses what the table does not allow with an invalid_transition that says why', () => {
    expect(() => nextStatus('draft', 'pause')).toThrow(DomainError);
    expect(() => nextStatus('draft', 'pause')).toThrow(
      'Only live messages can be paused; this one is draft.',
    );
    const refusal = (() => {
      try {
        return nextStatus('live', 'resume');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({
      kind: 'invalid_transition',
      message: 'Only paused messages can be resumed; this one is live.',
      details: { status: 'live', action: 'resume' },
    });
    expect(Object.keys(transitions.pause)).toEqual(['live']);
  });

  it('takes a message with rule errors off the widget, and back to draft once they are fixed', () => {
    expect(nextStatus('live', 'found_errors')).toBe('contains_errors');
    expect(nextStatus('contains_errors', 'edited_clean')).toBe('draft');
    expect(nextStatus('live', 'edited_clean')).toBe('live');
    expect(nextStatus('paused', 'edited_clean')).toBe('paused');
  });

  it('clones as a draft, unless the rule has errors', () => {
    expect(nextStatus('live', 'cloned')).toBe('draft');
    expect(nextStatus('contains_errors', 'cloned')).toBe('contains_errors');
  });
});
