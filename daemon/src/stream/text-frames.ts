// `ws` frames each message it sends on its own: a Buffer of the text, a header, and two socket writes, per
// subscriber per event. A commit's event messages are the same bytes for every subscriber (a server's frames are
// unmasked), so they are framed once and each subscriber gets one write. `ws` exports no typed way to frame
// without sending, hence these few lines of RFC 6455 section 5.2.

const FIN_TEXT = 0x81;
const TWO_BYTE_LENGTH = 126;
const EIGHT_BYTE_LENGTH = 127;

function headerLength(payload: number): number {
  if (payload < TWO_BYTE_LENGTH) return 2;
  return payload < 0x10000 ? 4 : 10;
}

/** The given texts as consecutive unmasked WebSocket text frames, one message each, in one buffer. */
export function textFrames(texts: readonly string[]): Buffer {
  const lengths = texts.map((text) => Buffer.byteLength(text));
  const total = lengths.reduce((sum, length) => sum + headerLength(length) + length, 0);
  const frames = Buffer.allocUnsafe(total);
  let offset = 0;
  texts.forEach((text, i) => {
    const length = lengths[i] ?? 0;
    frames[offset] = FIN_TEXT;
    if (length < TWO_BYTE_LENGTH) {
      frames[offset + 1] = length;
    } else if (length < 0x10000) {
      frames[offset + 1] = TWO_BYTE_LENGTH;
      frames.writeUInt16BE(length, offset + 2);
    } else {
      frames[offset + 1] = EIGHT_BYTE_LENGTH;
      frames.writeBigUInt64BE(BigInt(length), offset + 2);
    }
    offset += headerLength(length);
    offset += frames.write(text, offset, 'utf8');
  });
  return frames;
}
