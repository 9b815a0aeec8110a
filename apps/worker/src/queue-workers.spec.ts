import { JobName } from '@lib/events';
import { checkJobHandlers } from './queue-workers.js';

describe('job handlers at worker start-up', () => {
  it('accept exactly one handler per job', () => {
    expect(() => checkJobHandlers([{ handles: Object.values(JobName) }])).not.toThrow();
  });
  it('refuse a job without a handler', () => {
    expect(() => checkJobHandlers([{ handles: [] }])).toThrow(/recompute-unit-figures: 0 handlers/);
  });
  it('refuse a job with two handlers', () => {
    const all = Object.values(JobName);
    expect(() => checkJobHandlers([{ handles: all }, { handles: all }])).toThrow(/2 handlers/);
  });
});
