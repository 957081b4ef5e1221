import { describe, expect, it } from 'vitest';
import { colorsFor } from './output';
import { capture } from './test-io';

describe('colorsFor', () => {
  it('colours a terminal', () => {
    expect(colorsFor(capture({ isTTY: true }), {}).red('x')).toBe('\x1b[31mx\x1b[39m');
  });

  it('leaves pipes and files plain', () => {
    expect(colorsFor(capture(), {}).red('x')).toBe('x');
  });

  it('respects NO_COLOR even on a terminal and over FORCE_COLOR', () => {
    expect(colorsFor(capture({ isTTY: true }), { NO_COLOR: '1', FORCE_COLOR: '1' }).red('x')).toBe('x');
  });

  it('colours a pipe when FORCE_COLOR asks', () => {
    expect(colorsFor(capture(), { FORCE_COLOR: '1' }).red('x')).toBe('\x1b[31mx\x1b[39m');
  });
});
