import { createEncoder, type Encoder, type EncodingData } from './encoder';
import type { EncodingName } from './encoding-name';

// Dynamic imports keep each 1-2 MB rank file in its own chunk: the extension downloads and parses only the
// encodings it is asked for.
const rankData: Record<EncodingName, () => Promise<EncodingData>> = {
  o200k_base: async () => (await import('js-tiktoken/ranks/o200k_base')).default,
  cl100k_base: async () => (await import('js-tiktoken/ranks/cl100k_base')).default,
};

const loaded = new Map<EncodingName, Promise<Encoder>>();

/** The encoder for `name`, loaded on first use and shared afterwards. */
export function loadEncoding(name: EncodingName): Promise<Encoder> {
  const known = loaded.get(name);
  if (known !== undefined) return known;
  const pending = rankData[name]().then((data) => createEncoder(name, data));
  loaded.set(name, pending);
  // A failed load (say, a chunk the browser could not fetch) must not stick: the next call tries again.
  void pending.catch(() => loaded.delete(name));
  return pending;
}
