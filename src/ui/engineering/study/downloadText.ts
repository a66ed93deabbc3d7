/** Saves text as a file through the browser's download (the twin has no server to save to). */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoked on the next task: the download has taken its copy of the blob by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
