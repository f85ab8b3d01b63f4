import { lazySheet } from '../../runtime/index.js';

export const surveySheet =
  lazySheet(`.card{background:var(--h-bg);color:var(--h-fg);border:1px solid var(--h-line);border-radius:var(--h-radius);padding:12px 16px 16px;width:420px;max-width:calc(100vw - 40px);box-shadow:0 8px 32px #0003;display:flex;flex-direction:column;gap:10px}
.backdrop{position:fixed;inset:0;z-index:calc(var(--h-z) + 1);background:#0007;display:grid;place-items:center}
.head{display:flex;align-items:center;justify-content:space-between;min-height:28px;margin-bottom:-8px}
.count{font-size:12px;color:var(--h-muted)}
.q{margin:0;font-size:15px;font-weight:600}
.scale{display:flex;gap:4px}
.score{flex:1;min-width:0;height:36px;padding:0;font:inherit;color:inherit;background:var(--h-bg);border:1px solid var(--h-line);border-radius:calc(var(--h-radius)/2);cursor:pointer}
.score:hover,.score:focus-visible{background:var(--h-brand);color:var(--h-on-brand);border-color:transparent}
.ends{display:flex;justify-content:space-between;gap:8px;margin-top:4px;font-size:12px;color:var(--h-muted)}
.later{align-self:flex-start}
textarea{font:inherit;color:inherit;background:var(--h-bg);border:1px solid var(--h-line);border-radius:calc(var(--h-radius)/2);padding:8px;resize:vertical;width:100%}
.btn-primary{align-self:flex-end}`);
