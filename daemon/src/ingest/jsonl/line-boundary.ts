import { open } from 'node:fs/promises';

const BLOCK = 64 * 1024;

/** The offset just after the last newline at or before `size` (0 when there is none): where whole lines end. */
export async function lineBoundaryBefore(path: string, size: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(BLOCK);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - BLOCK);
      const { bytesRead } = await handle.read(buffer, 0, end - start, start);
      const newline = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline !== -1) return start + newline + 1;
      end = start;
    }
    return 0;
  } finally {
    await handle.close();
  }
}
