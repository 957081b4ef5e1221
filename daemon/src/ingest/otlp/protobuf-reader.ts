/** Protobuf wire types: varint, 64-bit, length-delimited, 32-bit (groups, 3 and 4, are unused by OTLP). */
export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

/** A malformed protobuf body; the route turns it into a 400. */
export class ProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufError';
  }
}

/**
 * Reads protobuf's wire format (https://protobuf.dev/programming-guides/encoding/) from a byte array. Only what
 * OTLP's trace messages use; every read checks the bounds so a truncated or hostile body fails with a message.
 */
export class ProtobufReader {
  private pos = 0;
  private readonly view: DataView;
  private static readonly text = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Whether every byte has been read. */
  done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** The next field's number and wire type. */
  tag(): { field: number; wire: number } {
    const key = this.varint();
    const field = Number(key >> 3n);
    if (field === 0) throw new ProtobufError(`field number 0 at byte ${this.pos}`);
    return { field, wire: Number(key & 7n) };
  }

  /** An unsigned varint of up to 64 bits. */
  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.bytes[this.pos];
      if (byte === undefined) throw new ProtobufError(`truncated varint at byte ${this.pos}`);
      this.pos += 1;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, result);
    }
    throw new ProtobufError(`varint longer than 10 bytes at byte ${this.pos}`);
  }

  /** A varint read as a signed 64-bit integer (int64, and enums, which are int32 sign-extended). */
  int64(): bigint {
    return BigInt.asIntN(64, this.varint());
  }

  /** A little-endian unsigned 64-bit integer (fixed64). */
  fixed64(): bigint {
    this.need(8);
    const value = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** A little-endian IEEE 754 double. */
  double(): number {
    this.need(8);
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** A length-delimited field's bytes (a string, bytes, or an embedded message). */
  bytesField(): Uint8Array {
    const length = this.varint();
    if (length > BigInt(this.bytes.length - this.pos)) {
      throw new ProtobufError(`a field of ${length} bytes overruns the body at byte ${this.pos}`);
    }
    const start = this.pos;
    this.pos += Number(length);
    return this.bytes.subarray(start, this.pos);
  }

  /** A length-delimited UTF-8 string. */
  string(): string {
    const bytes = this.bytesField();
    try {
      return ProtobufReader.text.decode(bytes);
    } catch {
      throw new ProtobufError(`invalid UTF-8 in a string before byte ${this.pos}`);
    }
  }

  /** Skips a field of an unknown number, as protobuf readers must (newer senders add fields). */
  skip(wire: number): void {
    if (wire === WIRE.varint) this.varint();
    else if (wire === WIRE.fixed64) this.advance(8);
    else if (wire === WIRE.bytes) this.bytesField();
    else if (wire === WIRE.fixed32) this.advance(4);
    else throw new ProtobufError(`unsupported wire type ${wire} at byte ${this.pos}`);
  }

  private advance(count: number): void {
    this.need(count);
    this.pos += count;
  }

  private need(count: number): void {
    if (this.pos + count > this.bytes.length) {
      throw new ProtobufError(`truncated: ${count} bytes expected at byte ${this.pos}`);
    }
  }
}
