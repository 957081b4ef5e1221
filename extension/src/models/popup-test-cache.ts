import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openPopupCache, type PopupCache } from './popup-cache';

let opened = 0;

/** A fresh popup cache in fake-indexeddb for tests. */
export function testPopupCache(): PopupCache {
  opened += 1;
  return openPopupCache(`popup-cache-test-${String(opened)}-${String(Date.now())}`, {
    indexedDB,
    IDBKeyRange,
  });
}
