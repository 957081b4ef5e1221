import { randomBytes } from 'node:crypto';

// Crockford's base32: sorts the same as the numbers it encodes, and reads without 0/O or 1/I confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(value: number, width: number): string {
  let text = '';
  let rest = value;
  for (let i = 0; i < width; i += 1) {
    text = (ALPHABET[rest % 32] ?? '0') + text;
    rest = Math.floor(rest / 32);
  }
  return text;
}

/**
 * Makes the ids the daemon assigns to events sent without one: 26 characters like a ULID, sorting in time order —
 * 10 of milliseconds, then 8 random ones fixed per process (so two daemons never collide), then an 8-character
 * counter that keeps ids made in the same millisecond in order.
 */
export function createEventIdGenerator(now: () => number): () => string {
  const processPart = base32(randomBytes(5).readUIntBE(0, 5), 8);
  let counter = 0;
  let lastMs = -1;
  let timePart = '';
  return () => {
    const ms = now();
    if (ms !== lastMs) {
      lastMs = ms;
      timePart = base32(ms, 10);
    }
    counter = (counter + 1) % 2 ** 40;
    return timePart + processPart + base32(counter, 8);
  };
}
