/** The parts of `document` a download uses. */
export interface DownloadDocument {
  createElement(tag: 'a'): HTMLAnchorElement;
  body: { append(node: Node): void };
}

/** The parts of `URL` a download uses. */
export interface ObjectUrls {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
}

/**
 * Saves a Blob as a file through an `<a download>` link to an object URL (the extension has no `downloads`
 * permission). The URL is revoked a minute later, once the browser has surely read it.
 */
export function downloadBlob(doc: DownloadDocument, urls: ObjectUrls, name: string, blob: Blob): void {
  const url = urls.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    urls.revokeObjectURL(url);
  }, 60_000);
}
