import type { CliIo, OutputStream } from './io';

/** Everything on stdin as one string (for `send -` and `count -`). */
export async function readAllText(stdin: CliIo['stdin']): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stdin)
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Writes a chunk, waiting for `drain` when the stream asks to, so a large export does not pile up in memory. */
export async function writeChunk(stream: OutputStream, chunk: string | Uint8Array): Promise<void> {
  if (stream.write(chunk) || stream.once === undefined) return;
  const once = stream.once.bind(stream);
  await new Promise<void>((resolve) => once('drain', resolve));
}
