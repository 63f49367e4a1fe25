// A wide table that scrolls sideways on a narrow screen, for every page with one.
import type { ComponentChildren } from 'preact';

/** Keyboard users can focus the region to scroll it. */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
    <section class="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
