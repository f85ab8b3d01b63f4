/**
 * How late the event loop runs, in ms, for load shedding. A timer is due every `intervalMs`; its
 * lateness is the delay. While the loop is still behind (requests queued during a long task are
 * handled before timers run again), the lateness of the tick not yet run counts too.
 */
export function eventLoopDelay(intervalMs = 100): { current(): number; stop(): void } {
  let last = 0;
  let due = performance.now() + intervalMs;
  const timer = setInterval(() => {
    const now = performance.now();
    last = Math.max(0, now - due);
    due = now + intervalMs;
  }, intervalMs);
  timer.unref();
  return {
    current: () => Math.max(last, performance.now() - due),
    stop: () => clearInterval(timer),
  };
}
