import { lazySheet } from '../../runtime/index.js';

export const checklistSheet =
  lazySheet(`.card{background:var(--h-bg);color:var(--h-fg);border:1px solid var(--h-line);border-radius:var(--h-radius);padding:16px}
.float .card{width:340px;max-width:calc(100vw - 40px);max-height:calc(100vh - 168px);overflow:auto;box-shadow:0 8px 32px #0003}
.head{display:flex;align-items:flex-start;gap:4px}
.title{flex:1;margin:0;font-size:16px;font-weight:600}
.desc{margin:4px 0 0;color:var(--h-muted)}
.progress{display:flex;align-items:center;gap:8px;margin:12px 0}
.bar{flex:1;height:6px;border-radius:3px;background:var(--h-track);overflow:hidden}
.fill{height:100%;background:var(--h-brand);transition:width .4s ease}
.count{font-size:12px;color:var(--h-muted);white-space:nowrap}
.items{list-style:none;margin:0;padding:0}
.item{display:flex;gap:10px;padding:10px 0;border-top:1px solid var(--h-line)}
.tick{flex:none;width:20px;height:20px;border-radius:50%;border:2px solid var(--h-line);display:grid;place-items:center;font-size:12px;color:var(--h-on-brand)}
.item[data-state=done] .tick{background:var(--h-brand);border-color:var(--h-brand)}
.item-title{margin:0;font-weight:500}
.item:not([data-state=todo]) .item-title{color:var(--h-muted);text-decoration:line-through}
.tag{margin-inline-start:6px;padding:0 6px;border:1px solid var(--h-line);border-radius:8px;font-size:11px;font-weight:400;color:var(--h-muted)}
.item-desc{margin:2px 0 0;font-size:13px;color:var(--h-muted)}
.actions{display:flex;gap:8px;margin-top:8px}
.celebrate{margin:0 0 8px;font-weight:600;text-align:center}
.pop{animation:hearth-pop .6s ease-out}
@keyframes hearth-pop{0%{transform:scale(.6);opacity:0}60%{transform:scale(1.08);opacity:1}100%{transform:scale(1)}}`);
