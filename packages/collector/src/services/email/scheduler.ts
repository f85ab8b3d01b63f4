import type { EmailService } from './email-service.js';

/**
 * Runs the email service's rounds (plan, then send what is due) every `everyMs`, one at a time: a
 * slow round delays the next instead of overlapping it. The first round seeds the configured messages.
 */
export function emailScheduler(email: EmailService, everyMs: number, log: (message: string, error: unknown) => void) {
  let running: Promise<void> = email
    .seedMessages()
    .catch((error: unknown) => log('hearth-collector: seeding email messages failed', error));
  let stopped = false;
  const round = () => {
    running = running
      .then(() => (stopped ? undefined : email.tick()))
      .catch((error: unknown) => log('hearth-collector: an email round failed', error));
  };
  round();
  const timer = setInterval(round, everyMs);
  timer.unref();
  return {
    /** Stops the timer and waits for the round in progress. */
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
