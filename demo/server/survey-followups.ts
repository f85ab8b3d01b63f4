import type { IncomingMessage, ServerResponse } from 'node:http';
import { SIGNATURE_HEADER, verifyWebhook } from '@hearth/node';
import { HttpError, sendJson } from './http-utils.js';

/** A detractor the demo's "customer success" inbox was told about, once per response change. */
export type DetractorNotice = {
  deliveryId: string;
  event: string;
  userId: string;
  score: number | null;
  comment: string | null;
  receivedAt: string;
};

type SurveyResponseEvent = {
  type: string;
  /** `userId` is null for a visitor's anonymous answer: nobody to follow up with. */
  data: { userId: string | null; unhappy: boolean; comment: string | null; answer: { type: string; score?: number } };
};

const MAX_BODY_BYTES = 64 * 1024;

async function readText(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    body += chunk.toString('utf8');
    if (body.length > MAX_BODY_BYTES) throw new HttpError(413, 'body_too_large', `webhook body must be at most ${MAX_BODY_BYTES} bytes`);
  }
  return body;
}

/**
 * `POST /api/hearth/survey-responses`: Hearth's signed survey webhook, handled the way
 * docs/surveys.md recommends: verify the raw body's signature (HMAC-SHA256 over "<t>.<body>",
 * timestamp within 5 minutes), answer at once, then act — here, note the detractor for a
 * follow-up. `Hearth-Delivery` de-duplicates retries.
 */
export function createSurveyFollowUps(secrets: readonly string[]) {
  const notices = new Map<string, DetractorNotice>();
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readText(req);
    const signature = req.headers[SIGNATURE_HEADER.toLowerCase()];
    if (!verifyWebhook({ secrets, body, header: typeof signature === 'string' ? signature : undefined }).ok) {
      throw new HttpError(401, 'bad_signature', `${SIGNATURE_HEADER}: missing, invalid or too old`);
    }
    sendJson(res, 200, { ok: true });
    const deliveryId = String(req.headers['hearth-delivery'] ?? '');
    const event = JSON.parse(body) as SurveyResponseEvent;
    const { userId, comment, answer } = event.data;
    if (!event.data.unhappy || !userId || notices.has(deliveryId)) return;
    notices.set(deliveryId, {
      deliveryId,
      event: event.type,
      userId,
      score: answer.score ?? null,
      comment,
      receivedAt: new Date().toISOString(),
    });
  }
  return { handle, notices: () => [...notices.values()] };
}

export type SurveyFollowUps = ReturnType<typeof createSurveyFollowUps>;
