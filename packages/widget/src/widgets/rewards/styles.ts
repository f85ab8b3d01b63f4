import { lazySheet } from '../../runtime/index.js';

/* The launcher's balance is a neutral chip, not the red badge that means "things to do". */
export const rewardsSheet = lazySheet(`.badge{background:var(--h-bg);color:var(--h-fg);border:1px solid var(--h-line);line-height:18px}
.card{background:var(--h-bg);color:var(--h-fg);border:1px solid var(--h-line);border-radius:var(--h-radius);padding:16px}
.float .card{width:340px;max-width:calc(100vw - 40px);max-height:calc(100vh - 168px);overflow:auto;box-shadow:0 8px 32px #0003}
.title{margin:0;font-size:16px;font-weight:600}
.rw h3{margin:16px 0 6px;font-size:13px;font-weight:600;color:var(--h-muted);text-transform:uppercase;letter-spacing:.04em}
.balance{margin:4px 0;font-size:28px;font-weight:700}
.tier{margin:0;font-weight:500}
.perks{margin:4px 0;padding-inline-start:18px;color:var(--h-muted)}
.progress{display:flex;align-items:center;gap:8px;margin:8px 0}
.bar{flex:1;height:6px;accent-color:var(--h-brand)}
.count,.muted{font-size:12px;color:var(--h-muted)}
.rows,.badges{list-style:none;margin:0;padding:0}
.rows li{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:6px 0;border-top:1px solid var(--h-line)}
.badges{display:flex;flex-wrap:wrap;gap:6px}
.badges li{padding:2px 8px;border:1px solid var(--h-line);border-radius:10px}
.badges li[data-earned=true]{border-color:var(--h-brand)}
.rows li[data-done=true]{color:var(--h-muted)}
.pts{font-weight:600;white-space:nowrap}
.pts[data-neg=true]{color:var(--h-muted)}
.desc{display:block;font-size:12px;color:var(--h-muted)}
.confirm{display:flex;flex-wrap:wrap;gap:6px;align-items:center;justify-content:flex-end}
.out{margin:6px 0 0;font-weight:500}
.err{color:#b91c1c}
.ref{display:flex;gap:6px}
.ref input{flex:1;min-width:0;font:inherit;color:inherit;background:none;border:1px solid var(--h-line);border-radius:calc(var(--h-radius)/2);padding:4px 8px}`);
