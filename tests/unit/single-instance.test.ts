import { expect, it } from 'vitest';
import { secondInstanceSteps } from '../../electron/host/single-instance.js';

it('a second launch brings the running window forward, restoring or showing it as needed', () => {
  expect(secondInstanceSteps({ minimized: false, visible: true })).toEqual(['focus']);
  expect(secondInstanceSteps({ minimized: true, visible: true })).toEqual(['restore', 'focus']);
  expect(secondInstanceSteps({ minimized: false, visible: false })).toEqual(['show', 'focus']);
  expect(secondInstanceSteps(null)).toEqual(['create']);
});
