import { source as axeSource } from 'axe-core';
import { Page } from 'playwright-core';

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (the npm package, injected into the page; nothing is fetched) against WCAG 2.1 A
 * and AA, and answers the critical and serious violations: what fails a page.
 */
export async function seriousAxeViolations(page: Page, what = 'the page'): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const problems = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return problems.map((p: AxeProblem) => `${what}: ${p.impact} ${p.id} (${p.help}) at ${p.targets.join(' | ')}`);
}

/**
 * What sticks out sideways on a narrow screen: the page itself scrolling sideways, any element
 * reaching past the viewport outside a container that scrolls or clips, any control (link,
 * button, field) not wholly visible: past the viewport, or cut or scrolled away by a container,
 * and text cut short with an ellipsis.
 */
export async function sidewaysOverflow(page: Page, what = 'the page'): Promise<string[]> {
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px viewport`);
    const boxes = (el: Element): DOMRect[] => {
      const list: DOMRect[] = [];
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') list.push(p.getBoundingClientRect());
      }
      return list;
    };
    const describe = (el: Element, rect: DOMRect, why: string) => {
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? ` class="${el.className.slice(0, 50)}"` : '';
      return `<${el.tagName.toLowerCase()}${cls}> "${label}" ${why} (${Math.round(rect.left)}–${Math.round(rect.right)}px)`;
    };
    const controls = 'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="checkbox"], [role="link"]';
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || el.closest('.cdk-visually-hidden, [aria-hidden="true"]')) continue;
      const clippers = boxes(el);
      // inside a box clipped to a pixel: hidden for the eye, there for screen readers
      if (clippers.some((b) => b.width <= 1 || b.height <= 1)) continue;
      if (style.textOverflow === 'ellipsis' && style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
        out.push(describe(el, rect, 'is cut off with an ellipsis'));
      if (el.matches(controls)) {
        const cut = rect.left < -1 || rect.right > width + 1 || clippers.some((b) => rect.left < b.left - 1 || rect.right > b.right + 1);
        if (cut) out.push(describe(el, rect, 'is not wholly visible'));
      } else if (rect.right > width + 1 && !clippers.some((b) => b.right <= width + 1)) {
        out.push(describe(el, rect, 'reaches past the viewport'));
      }
      if (out.length > 10) break;
    }
    return out;
  });
  return found.map((f: string) => `${what}: ${f}`);
}

/**
 * What sticks out sideways once the window of this page is narrowed to a phone's: waits for the
 * shell to switch to its phone layout (the Menu button, the side navigation closed), checks, and
 * widens the window again.
 */
export async function sidewaysOverflowOnPhone(page: Page, what: string, phone = { width: 390, height: 844 }): Promise<string[]> {
  const before = page.viewportSize()!;
  await page.setViewportSize(phone);
  try {
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    await page.locator('mat-sidenav').waitFor({ state: 'hidden' });
    return await sidewaysOverflow(page, `${what} at ${phone.width}×${phone.height}`);
  } finally {
    await page.setViewportSize(before);
  }
}
