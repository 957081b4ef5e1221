import type { Page } from 'playwright-core';

/** What the extension's IndexedDB mirror holds, read as raw IndexedDB from a page of the extension. */
export interface MirrorContents {
  /** Every mirrored event's seq, ascending. */
  seqs: number[];
  /** The `last_seq` meta entry, or null before anything was mirrored. */
  lastSeq: number | null;
}

/**
 * Reads the mirror from a page in the extension's origin (which shares its IndexedDB with the worker): the seqs
 * of the events in every chunk of `event_chunks`, and `last_seq`. Raw IndexedDB rather than the extension's
 * code: the test checks what is stored, not what the code believes.
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
      const transaction = db.transaction(['event_chunks', 'meta'], 'readonly');
      const [chunks, meta] = await Promise.all([
        new Promise<unknown[]>((resolve, reject) => {
          const request = transaction.objectStore('event_chunks').getAll();
          request.onsuccess = () => {
            resolve(Array.isArray(request.result) ? request.result : []);
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
      const seqs: number[] = [];
      for (const chunk of chunks) {
        const events: unknown =
          typeof chunk === 'object' && chunk !== null && 'events' in chunk ? chunk.events : [];
        const list: unknown[] = Array.isArray(events) ? events : [];
        for (const event of list) {
          const seq: unknown =
            typeof event === 'object' && event !== null && 'seq' in event ? event.seq : null;
          seqs.push(Number(seq));
        }
      }
      seqs.sort((a, b) => a - b);
      const value = typeof meta === 'object' && meta !== null && 'value' in meta ? meta.value : null;
      return { seqs, lastSeq: typeof value === 'number' ? value : null };
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
