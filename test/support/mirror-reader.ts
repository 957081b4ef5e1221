import type { Page } from 'playwright-core';

/** What the extension's IndexedDB mirror holds, read as raw IndexedDB from a page of the extension. */
export interface MirrorContents {
  /** Every mirrored event's seq, ascending. */
  seqs: number[];
  /** The `last_seq` meta entry, or null before anything was mirrored. */
  lastSeq: number | null;
}

/**
 * Reads the mirror from a page in the extension's origin (which shares its IndexedDB with the worker). Raw
 * IndexedDB rather than the extension's code: the test checks what is stored, not what the code believes.
 */
export async function readMirror(page: Page): Promise<MirrorContents> {
  // No named functions inside: under tsx, esbuild would wrap them in a helper that does not exist in the page.
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tokentally-mirror');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(new Error(String(request.error)));
      };
    });
    try {
      const transaction = db.transaction(['events', 'meta'], 'readonly');
      const [keys, meta] = await Promise.all([
        new Promise<IDBValidKey[]>((resolve, reject) => {
          const request = transaction.objectStore('events').getAllKeys();
          request.onsuccess = () => {
            resolve(request.result);
          };
          request.onerror = () => {
            reject(new Error(String(request.error)));
          };
        }),
        new Promise<unknown>((resolve, reject) => {
          const request = transaction.objectStore('meta').get('last_seq');
          request.onsuccess = () => {
            resolve(request.result);
          };
          request.onerror = () => {
            reject(new Error(String(request.error)));
          };
        }),
      ]);
      const value = typeof meta === 'object' && meta !== null && 'value' in meta ? meta.value : null;
      return { seqs: keys.map(Number), lastSeq: typeof value === 'number' ? value : null };
    } finally {
      db.close();
    }
  });
}

/** The mirror's `last_seq` alone (cheap enough to poll while a large mirror fills). */
export async function readLastSeq(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tokentally-mirror');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(new Error(String(request.error)));
      };
    });
    try {
      const meta = await new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('meta', 'readonly').objectStore('meta').get('last_seq');
        request.onsuccess = () => {
          resolve(request.result);
        };
        request.onerror = () => {
          reject(new Error(String(request.error)));
        };
      });
      const value = typeof meta === 'object' && meta !== null && 'value' in meta ? meta.value : null;
      return typeof value === 'number' ? value : null;
    } finally {
      db.close();
    }
  });
}
