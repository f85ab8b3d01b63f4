/**
 * Constructable stylesheets: adopted by shadow roots, so they need no `<style>` element and are
 * not subject to a CSP's inline-style checks. Built on first use (not at import) and shared by
 * every shadow root of the document.
 */
export function lazySheet(cssText: string): () => CSSStyleSheet {
  let sheet: CSSStyleSheet | undefined;
  return () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText);
    }
    return sheet;
  };
}

const DARK = '--h-bg:#1f2937;--h-fg:#f9fafb;--h-muted:#9ca3af;--h-line:#374151;--h-track:#374151';

/*
 * `:host` declarations are `!important` because, for the host element itself, page styles beat
 * the shadow tree's normal ones (`div { display: none }`) while the shadow tree's important ones
 * beat the page's (`* { color: red !important }`). `all` never resets custom properties, so the
 * host's `--hearth-*` overrides still inherit in. The reset also drops any min-height the page
 * gave an inline mount point to reserve the widget's space while it loads: once mounted, the
 * widget is as tall as what it shows (a collapsed or hidden checklist leaves no gap).
 * A docked host spans its widest surface, so beside a narrower one (a launcher under a card) it
 * is empty: hosts, the widget root (as wide) and a corner's `.float` let clicks pass through;
 * what they hold (an inline card, a modal backdrop, `.float`'s surfaces) takes them.
 */
const BASE = `:host{all:initial!important;display:block!important;visibility:visible!important;pointer-events:none!important}
.root{--h-brand:var(--hearth-brand,var(--hearth-config-brand,#4f46e5));--h-on-brand:var(--hearth-on-brand,#fff);--h-radius:var(--hearth-radius,var(--hearth-config-radius,12px));--h-z:var(--hearth-z-index,2147483000);--h-bg:#fff;--h-fg:#111827;--h-muted:#6b7280;--h-line:#e5e7eb;--h-track:#eef0f4;font:400 14px/1.45 var(--hearth-font,var(--hearth-config-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif));color:var(--h-fg);box-sizing:border-box;text-align:start}
.root>*{pointer-events:auto}
.root[data-mode=dark]{${DARK}}
@media (prefers-color-scheme:dark){.root[data-mode=auto]{${DARK}}}
.root *,.root *::before,.root *::after{box-sizing:inherit}
.root :focus-visible{outline:2px solid var(--h-brand);outline-offset:2px}
.btn{font:inherit;color:inherit;background:none;border:1px solid var(--h-line);border-radius:calc(var(--h-radius)/2);padding:4px 12px;cursor:pointer;text-decoration:none;display:inline-block}
.btn:hover{border-color:var(--h-brand)}
.btn-primary{background:var(--h-brand);color:var(--h-on-brand);border-color:transparent}
.icon-btn{font:inherit;color:var(--h-muted);background:none;border:0;border-radius:50%;width:28px;height:28px;cursor:pointer;display:inline-grid;place-items:center}
.icon-btn:hover{color:var(--h-fg);background:var(--h-track)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.float{display:flex;flex-direction:column-reverse;align-items:flex-end;gap:12px;pointer-events:none}
.float>*{pointer-events:auto}
.float[data-corner^=top]{flex-direction:column}
.float[data-corner$=left]{align-items:flex-start}
.launcher{position:relative;width:52px;height:52px;border:0;border-radius:50%;background:var(--h-brand);color:var(--h-on-brand);cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 16px #0003}
.badge{position:absolute;top:-4px;inset-inline-end:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;font-weight:600;line-height:20px;text-align:center}
@media (prefers-reduced-motion:reduce){.root *,.root *::before,.root *::after{animation:none!important;transition:none!important}}`;

export const baseSheet = lazySheet(BASE);
