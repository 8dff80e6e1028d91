// Every webview page's frame, written once: the strict Content-Security-Policy (only the page's own
// nonce'd style and script, and the images a page names), the language and the escaped title. Each page
// gives its style and its body (its script tag included).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text or attribute value (quoted with either quote). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export interface PageShell {
  /** Fresh and unguessable for each page. */
  nonce: string;
  title: string;
  lang?: string;
  /** Where images may come from (`img-src`), if the page shows any. */
  imgSrc?: string;
  style: string;
  /** Attributes of `<body>`, already escaped. */
  bodyAttributes?: string;
  body: string;
}

export function pageShell(p: PageShell): string {
  if (!/^[A-Za-z0-9+/=]+$/.test(p.nonce)) throw new Error('nonce must be base64'); // dev-only: the caller's invariant
  const img = p.imgSrc ? `img-src ${p.imgSrc}; ` : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(p.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; ${img}style-src 'nonce-${p.nonce}'; script-src 'nonce-${p.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(p.title)}</title>
<style nonce="${p.nonce}">${p.style}</style>
</head>
<body${p.bodyAttributes ? ` ${p.bodyAttributes}` : ''}>
${p.body}
</body>
</html>`;
}
