import { open } from 'node:fs/promises';

const NEWLINE = 0x0a;
const INITIAL_BUFFER = 4 * 1024 * 1024;

/** Receives one line (without its newline) that starts at byte `start`; `terminated` is false for a last line cut short. */
export type OnLine = (text: string, start: number, terminated: boolean) => void;

export interface ReadLinesOptions {
  /** Byte offset to start at; must be the start of a line. */
  from: number;
  /** Stop before this offset (a line boundary); default: end of file. */
  to?: number;
  /** A line is decoded only if it contains one of these (ASCII) strings; the others are only counted. */
  needles: readonly string[];
  /** Also hand over a last line without a newline (a one-off import); a watcher leaves it for the next read. */
  final: boolean;
  onLine: OnLine;
}

export interface ReadLinesResult {
  /** Offset just after the last line handed over or skipped: where the next read starts. */
  end: number;
  /** Complete lines passed (decoded or not). */
  lines: number;
  /** The file's inode and size when the read began. */
  ino: number;
  size: number;
}

/**
 * Reads a JSONL file from a byte offset in large chunks and decodes only the lines that contain a needle:
 * searching bytes is far cheaper than decoding and parsing every tool result and prompt.
 */
export async function readLines(path: string, options: ReadLinesOptions): Promise<ReadLinesResult> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    const limit = Math.min(options.to ?? Number.POSITIVE_INFINITY, stats.size);
    const scanner = createLineScanner(options);
    let buffer = Buffer.allocUnsafe(Math.min(INITIAL_BUFFER, Math.max(64 * 1024, limit - options.from + 1)));
    let filled = 0;
    let bufferStart = options.from;
    let position = options.from;
    while (position < limit) {
      if (filled === buffer.length) buffer = grow(buffer, filled);
      const { bytesRead } = await handle.read(
        buffer,
        filled,
        Math.min(buffer.length - filled, limit - position),
        position,
      );
      if (bytesRead === 0) break;
      position += bytesRead;
      filled += bytesRead;
      const consumed = scanner.scan(buffer.subarray(0, filled), bufferStart);
      buffer.copy(buffer, 0, consumed, filled);
      filled -= consumed;
      bufferStart += consumed;
    }
    if (filled > 0 && options.final) {
      scanner.last(buffer.subarray(0, filled), bufferStart);
      bufferStart += filled;
    }
    return { end: bufferStart, lines: scanner.lines(), ino: stats.ino, size: stats.size };
  } finally {
    await handle.close();
  }
}

function grow(buffer: Buffer<ArrayBuffer>, filled: number): Buffer<ArrayBuffer> {
  const bigger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(bigger, 0, 0, filled);
  return bigger;
}

interface LineScanner {
  /** Hands over every complete line of `view`; returns how many bytes were consumed. */
  scan(view: Buffer, viewStart: number): number;
  /** Hands over an unterminated last line. */
  last(view: Buffer, viewStart: number): void;
  lines(): number;
}

function createLineScanner(options: ReadLinesOptions): LineScanner {
  const needles = options.needles.map((needle) => Buffer.from(needle, 'latin1'));
  // Next known position of each needle in the current view; rescanned only once a line passes it.
  const nextAt = needles.map(() => -1);
  let count = 0;
  const matches = (view: Buffer, start: number, end: number): boolean => {
    for (let i = 0; i < needles.length; i++) {
      let at = nextAt[i] ?? -1;
      if (at < start) {
        const needle = needles[i];
        const found = needle === undefined ? -1 : view.indexOf(needle, start);
        at = found === -1 ? Number.POSITIVE_INFINITY : found;
        nextAt[i] = at;
      }
      if (at < end) return true;
    }
    return false;
  };
  return {
    scan(view, viewStart) {
      nextAt.fill(-1);
      let start = 0;
      for (;;) {
        const newline = view.indexOf(NEWLINE, start);
        if (newline === -1) break;
        if (newline > start) {
          count++;
          if (matches(view, start, newline))
            options.onLine(view.toString('utf8', start, newline), viewStart + start, true);
        }
        start = newline + 1;
      }
      return start;
    },
    last(view, viewStart) {
      nextAt.fill(-1);
      count++;
      if (matches(view, 0, view.length)) options.onLine(view.toString('utf8'), viewStart, false);
    },
    lines: () => count,
  };
}
