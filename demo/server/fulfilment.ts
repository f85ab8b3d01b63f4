import type { IncomingMessage, ServerResponse } from 'node:http';
import { SIGNATURE_HEADER, createHearthClient, verifyWebhook, type HearthClient } from '@hearth/node';
import { HttpError, sendJson } from './http-utils.js';

/** What the demo's "warehouse" received: one entry per redemption, however often Hearth retried. */
export type FulfilmentReceipt = {
  redemptionId: string;
  userId: string;
  itemId: string;
  receivedAt: string;
  reported: 'fulfilled' | 'failed' | null;
};

const MAX_BODY_BYTES = 64 * 1024;

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'body_too_large', `webhook body must be at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type Fulfilment = {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  receipts(): FulfilmentReceipt[];
  /** The backend's Hearth client (secret key), also used for referrals and server events. */
  hearth: HearthClient;
};

type RedemptionCreated = { type: 'redemption.created'; redemption: { id: string; userId: string; itemId: string } };

/**
 * `POST /api/hearth/fulfilment`: Hearth's signed `redemption.created` webhook, as a host backend
 * would handle it: verify the signature on the raw body, answer at once, "ship" the item, then
 * report the outcome through the server API (the secret key never leaves this backend).
 */
export function createFulfilment(options: { collectorUrl: string; secret: string }): Fulfilment {
  const hearth = createHearthClient({ baseUrl: options.collectorUrl, secretKey: options.secret });
  const receipts = new Map<string, FulfilmentReceipt>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readText(req);
    const signature = req.headers[SIGNATURE_HEADER.toLowerCase()];
    if (!verifyWebhook({ secrets: [options.secret], body, header: typeof signature === 'string' ? signature : undefined }).ok) {
      throw new HttpError(401, 'bad_signature', `${SIGNATURE_HEADER}: missing, invalid or too old`);
    }
    const event = JSON.parse(body) as RedemptionCreated;
    const { id, userId, itemId } = event.redemption;
    sendJson(res, 200, { ok: true });
    // Delivery is at-least-once: a retry of a redemption already handled changes nothing.
    if (event.type !== 'redemption.created' || receipts.has(id)) return;
    const receipt: FulfilmentReceipt = { redemptionId: id, userId, itemId, receivedAt: new Date().toISOString(), reported: null };
    receipts.set(id, receipt);
    try {
      await hearth.fulfilled(id);
      receipt.reported = 'fulfilled';
    } catch (error) {
      console.error(`[demo] reporting redemption ${id} as fulfilled failed:`, error);
    }
  }

  return { handle, receipts: () => [...receipts.values()], hearth };
}
