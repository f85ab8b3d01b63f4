import { lazySheet } from '../../runtime/index.js';

export const announcementsSheet = lazySheet(`.stack{display:flex;flex-direction:column;gap:12px;align-items:stretch;pointer-events:none}
.stack>*,.backdrop{pointer-events:auto}
.panel,.boost{background:var(--h-bg);color:var(--h-fg);border:1px solid var(--h-line);border-radius:var(--h-radius);padding:16px}
.float .panel{width:360px;max-width:calc(100vw - 40px);max-height:calc(100vh - 168px);overflow:auto;box-shadow:0 8px 32px #0003}
.head{display:flex;align-items:flex-start;gap:4px}.head h2{flex:1}
h2,h3{margin:0;font-size:16px;font-weight:600}
.item{padding:12px 0;border-top:1px solid var(--h-line);content-visibility:auto;contain-intrinsic-size:auto 150px}.panel[hidden]{display:block;position:absolute;visibility:hidden;content-visibility:hidden}.item:focus{outline:none}.item:focus-visible{outline:2px solid var(--h-brand)}
.meta{display:flex;gap:8px;align-items:center;margin:0 0 4px;font-size:12px;color:var(--h-muted)}
.cat{padding:0 6px;border-radius:8px;background:var(--h-track);color:var(--h-fg);font-weight:600;font-size:11px}
.dot{width:8px;height:8px;border-radius:50%;background:var(--h-brand)}
.body{overflow-wrap:anywhere}.body img,.hero{max-width:100%;height:auto;border-radius:6px}
.body pre{overflow:auto;background:var(--h-track);padding:8px;border-radius:6px}.body a{color:var(--h-brand)}
.reactions{display:flex;flex-wrap:wrap;align-items:center;gap:4px;margin-top:8px}
.icon-btn+.icon-btn svg{transform:scale(-1)}
.icon-btn[aria-pressed=true]{background:var(--h-track);color:var(--h-fg)}
.feedback{display:flex;gap:4px;flex:1}.feedback input{flex:1;font:inherit;color:inherit;background:var(--h-bg);border:1px solid var(--h-line);border-radius:6px;padding:4px 8px}
.more{width:100%;margin-top:8px}.empty{color:var(--h-muted)}
.boost{width:320px;max-width:calc(100vw - 40px);box-shadow:0 8px 32px #0003}.row{display:flex;gap:8px;margin-top:12px}
.backdrop{position:fixed;inset:0;background:#0006;display:grid;place-items:center}
.digest ul{list-style:none;margin:8px 0 0;padding:0}.digest li{padding:4px 0}
.link{font:inherit;color:var(--h-brand);background:none;border:0;padding:0;cursor:pointer;text-decoration:underline;text-align:start}`);
