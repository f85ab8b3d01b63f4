import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface TracedTask {
  /** Trace clock, µs. */
  ts: number;
  wallMs: number;
  /** Thread CPU time: what the task itself used. Its wall time also counts waiting for a core. */
  cpuMs: number;
}

/** Chromium's top-level task event, by its name in recent and older builds. */
const RUN_TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * A Chromium trace of renderer main-thread tasks (`toplevel`) and `performance.mark`s
 * (`blink.user_timing`), so work can be cut into windows that start at marks the page sets. On a
 * shared machine a task's wall time grows with other processes' load; its thread CPU time does
 * not, which makes before/after comparisons meaningful while others work.
 */
export async function startTaskTrace(cdp: CDPSession, markName: string) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReportEvents' });
  return {
    /** The marks' trace times, in order, and every renderer main-thread task. */
    async stop(): Promise<{ marks: number[]; tasks: TracedTask[] }> {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
      const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread));
      const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name === markName).map((e) => e.ts);
      const tasks = events
        .filter((e) => e.ph === 'X' && RUN_TASK.has(e.name) && main.has(thread(e)))
        .map((e) => ({ ts: e.ts, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 }));
      return { marks: [...new Set(marks)].sort((a, b) => a - b), tasks };
    },
  };
}
