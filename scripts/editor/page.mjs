// What the screenshot scripts read off the workbench page: the active webview's document, the active
// editor's visible text, and where a word of it is on the screen.

/** The active webview's page (VS Code nests it in two frames). */
export const activeWebview = (page) => page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');

// For page.evaluate / page.waitForFunction (they run in the page).
/** The text of the active editor's lines, white space as single spaces (the editor writes U+00A0, hints pad with U+200A). */
export const viewText = () =>
  [...document.querySelectorAll('.editor-group-container.active .view-line')].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ')).join('\n');
export const viewIncludes = (s) =>
  [...document.querySelectorAll('.editor-group-container.active .view-line')].some((e) => (e.textContent ?? '').replace(/\s+/g, ' ').includes(s));

/**
 * The screen point in the middle of the first `chars` characters of `word` in the first visible editor
 * line containing `line`, or null when no such line is on screen.
 */
export async function wordPoint(page, line, word, chars = 1) {
  return page.evaluate(
    ([l, w, c]) => {
      for (const el of document.querySelectorAll('.editor-group-container.active .view-line')) {
        const text = (el.textContent ?? '').replace(/\u00a0/g, ' ');
        const at = text.indexOf(l);
        if (at < 0) continue;
        // Walk the text nodes to the word's first character.
        let target = at + l.indexOf(w);
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent?.length ?? 0;
          if (target < len) {
            const r = document.createRange();
            r.setStart(n, target);
            r.setEnd(n, Math.min(target + c, len));
            const b = r.getBoundingClientRect();
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
          target -= len;
        }
      }
      return null;
    },
    [line, word, chars],
  );
}
