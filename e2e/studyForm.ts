import type { Page } from '@playwright/test';

/**
 * Sets a panel's form fields (the study's by default; `panel` is the test-id prefix) in one step, as typing would (React hears an input or
 * change event per field). Under SwiftShader the 3D view behind the panel draws a few frames a second, and
 * Playwright's fill and click wait for steady animation frames before acting: ten seconds a field on a busy machine.
 */
export function setFields(page: Page, values: Record<string, string>, panel = 'study'): Promise<void> {
  return page.evaluate(
    ({ values, panel }) => {
      for (const [field, value] of Object.entries(values)) {
        const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-testid="${panel}-${field}"]`);
        if (!el) throw new Error(`no ${panel} field ${field}`);
        const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
        el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      }
    },
    { values, panel },
  );
}

/** Presses a button of the panel (see {@link setFields} for why not `click()`). */
export function press(page: Page, testId: string): Promise<void> {
  return page.getByTestId(testId).evaluate((b: HTMLButtonElement) => {
    if (b.disabled) throw new Error(`${b.dataset.testid} is disabled`);
    b.click();
  });
}
