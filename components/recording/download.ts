/**
 * Saves text as a file the way a link with `download` does: a Blob, an object URL, a click. The
 * URL is revoked after the click has started the download, so a long session leaks no Blobs.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // WARNING: revoking at once can cancel the download in some browsers; the click only queues it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
