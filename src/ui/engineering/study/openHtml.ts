let opened: string | undefined;

/**
 * Opens an HTML page made here (a study report) in a new tab as a Blob URL: the twin may have no server to serve
 * it from. The page before it is let go then, so one page's text at most stays in memory; a tab showing it keeps
 * what it shows (only reloading it fails).
 */
export function openHtml(html: string): void {
  if (opened !== undefined) URL.revokeObjectURL(opened);
  opened = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  window.open(opened, '_blank');
}
