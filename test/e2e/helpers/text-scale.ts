import type { Page } from 'playwright-core';
import { saveScreenshot } from './mobile-browser';

/**
 * The 1.5× text check (issue 27 §3): the H5 build multiplies every font size by the `--qy-text-scale` custom
 * property (miniprogram/config/postcss-text-scale.js), the way WeChat's 关怀模式 enlarges text and nothing else.
 */
export const LARGE_TEXT_SCALE = 1.5;

/** What the check found: a text element that no longer fits its box, or a box that cuts off the text inside it. */
export interface ClippedText {
  element: string;
  text: string;
  overflow: string;
}

/**
 * Text on the showing page that is cut off or spills out of its box: a line of text whose rectangle reaches
 * beyond the element that holds it (it overlaps what follows, or is clipped), or beyond an ancestor that hides its
 * overflow. A deliberate cut (text-overflow: ellipsis, -webkit-line-clamp) is left alone: it is for text whose
 * full version shows elsewhere. Form controls, canvases and the image swiper are not text; a scrolling box
 * (overflow auto/scroll) scrolls, but the page itself must not scroll sideways.
 */
const FIND_CLIPPED_TEXT = `(() => {
  const pages = document.querySelectorAll('.taro_page.taro_page_show');
  const root = pages[pages.length - 1] || document.body;
  const describe = (el) => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  // Horizontally a line may reach a space's width past its box: pre-wrap text keeps the space it broke at.
  const beyond = (inner, outer) => {
    const parts = [];
    if (inner.right - outer.right > inner.space || outer.left - inner.left > inner.space) parts.push('wide ' + Math.round(Math.max(inner.right - outer.right, outer.left - inner.left)) + 'px');
    if (inner.bottom - outer.bottom > 1 || outer.top - inner.top > 1) parts.push('tall ' + Math.round(Math.max(inner.bottom - outer.bottom, outer.top - inner.top)) + 'px');
    return parts.join(' ');
  };
  // The lines of a text node, each cut to its em box: a line's rectangle is the font's content area, taller than
  // the glyphs, and a box may hold text with line-height: 1 without cutting anything.
  const inkBox = (range, fontSize) => {
    const lines = Array.from(range.getClientRects()).filter((line) => line.width > 0 || line.height > 0);
    if (!lines.length) return null;
    const inset = (line) => Math.max(0, (line.height - fontSize) / 2);
    return {
      left: Math.min(...lines.map((line) => line.left)),
      right: Math.max(...lines.map((line) => line.right)),
      top: Math.min(...lines.map((line) => line.top + inset(line))),
      bottom: Math.max(...lines.map((line) => line.bottom - inset(line))),
      space: Math.max(1, fontSize * 0.3),
    };
  };
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const holder = node.parentElement;
    if (!holder || holder.closest('taro-input-core, taro-textarea-core, canvas, taro-swiper-core, [aria-hidden="true"]')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const text = inkBox(range, parseFloat(getComputedStyle(holder).fontSize));
    if (!text) continue;
    for (let box = holder, own = true; box && box !== root.parentElement; box = box.parentElement, own = false) {
      const style = getComputedStyle(box);
      if (style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none') break;
      if (['auto', 'scroll'].includes(style.overflowX) || ['auto', 'scroll'].includes(style.overflowY)) break;
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (!own && !clips) continue;
      if (style.display === 'inline' && own) continue;
      const overflow = beyond(text, box.getBoundingClientRect());
      if (overflow) { found.push({ element: describe(box), text: node.textContent.trim().slice(0, 40), overflow }); break; }
    }
  }
  if (root.scrollWidth > root.clientWidth + 1) found.push({ element: describe(root), text: '', overflow: 'the page scrolls sideways by ' + (root.scrollWidth - root.clientWidth) + 'px' });
  return found;
})()`;

/** Shows the page at `scale` × text size, waits for the layout, runs `look`, and puts the text size back. */
async function atTextScale<T>(page: Page, scale: number, look: () => Promise<T>): Promise<T> {
  await page.evaluate(`document.documentElement.style.setProperty('--qy-text-scale', '${scale}')`);
  try {
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    return await look();
  } finally {
    await page.evaluate(`document.documentElement.style.removeProperty('--qy-text-scale')`);
  }
}

/** Saves `<name>@1.5x.png` next to the page's screenshot and returns the text that does not fit at that size. */
export async function largeTextCheck(page: Page, name: string): Promise<ClippedText[]> {
  return atTextScale(page, LARGE_TEXT_SCALE, async () => {
    await saveScreenshot(page, `${name}@${LARGE_TEXT_SCALE}x`);
    return (await page.evaluate(FIND_CLIPPED_TEXT)) as ClippedText[];
  });
}
