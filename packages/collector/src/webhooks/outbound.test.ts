import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRIVATE_TARGETS } from '../test-support/private-targets.js';
import { webhookReceiver } from '../test-support/webhook-receiver.js';
import { OutboundRefused, postOutbound, type Resolver } from './outbound.js';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A real receiver on 127.0.0.1, closed after the test. */
async function loopback(reply?: Parameters<typeof webhookReceiver>[0]) {
  const receiver = await webhookReceiver(reply);
  closers.push(receiver.close);
  return receiver;
}

const request = { headers: { 'content-type': 'application/json' }, body: '{"signed":true}', timeoutMs: 5_000 };
const resolvingTo = (address: string, family: 4 | 6 = 4) => vi.fn<Resolver>((_hostname, callback) => callback(null, [{ address, family }]));

describe('postOutbound', () => {
  it('refuses every private spelling before connecting when private targets are not allowed', async () => {
    const target = await loopback();
    for (const url of [
      `http://127.0.0.1:${target.port}/hook`,
      `http://2130706433:${target.port}/hook`,
      `http://0x7f.1:${target.port}/hook`,
      `http://[::ffff:127.0.0.1]:${target.port}/hook`,
    ]) {
      await expect(postOutbound(url, request, { allowPrivate: false }), url).rejects.toBeInstanceOf(OutboundRefused);
    }
    // The literal spellings never reach a resolver; names do, and are refused by it (stubbed: no DNS traffic).
    const resolve = resolvingTo('10.0.0.1');
    for (const url of PRIVATE_TARGETS)
      await expect(postOutbound(url, request, { allowPrivate: false, resolve }), url).rejects.toBeInstanceOf(OutboundRefused);
    expect(target.received).toHaveLength(0);
  });

  it('checks the address a name resolves to at delivery time (DNS rebinding), before connecting', async () => {
    const target = await loopback();
    for (const [address, family] of [
      ['127.0.0.1', 4],
      ['169.254.169.254', 4],
      ['10.0.0.1', 4],
      ['::1', 6],
      ['::ffff:127.0.0.1', 6],
    ] as const) {
      const resolve = resolvingTo(address, family);
      const sent = postOutbound(`http://hooks.acme.example:${target.port}/hook`, request, { allowPrivate: false, resolve });
      await expect(sent, address).rejects.toThrow(`hooks.acme.example (resolves to ${address})`);
      expect(resolve).toHaveBeenCalledWith('hooks.acme.example', expect.any(Function));
    }
    // One private address among public ones is enough to refuse.
    const mixed = vi.fn<Resolver>((_hostname, callback) =>
      callback(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ]),
    );
    await expect(
      postOutbound(`http://hooks.acme.example:${target.port}/hook`, request, { allowPrivate: false, resolve: mixed }),
    ).rejects.toBeInstanceOf(OutboundRefused);
    expect(target.received).toHaveLength(0);
  });

  it('connects to the resolved address when the project allows private targets', async () => {
    const target = await loopback();
    const response = await postOutbound(`http://hooks.acme.example:${target.port}/hook`, request, {
      allowPrivate: true,
      resolve: resolvingTo('127.0.0.1'),
    });
    expect(response.status).toBe(204);
    expect(target.received.map((hook) => hook.headers.host)).toEqual([`hooks.acme.example:${target.port}`]);
  });

  it('never follows a redirect: the 3xx comes back and the signed body goes nowhere else', async () => {
    const elsewhere = await loopback();
    for (const status of [301, 302, 303, 307, 308]) {
      const first = await loopback({ status, headers: { Location: `http://127.0.0.1:${elsewhere.port}/stolen` } });
      const response = await postOutbound(`http://127.0.0.1:${first.port}/hook`, request, { allowPrivate: true });
      expect(response).toMatchObject({ status, location: `http://127.0.0.1:${elsewhere.port}/stolen` });
      expect(first.received).toHaveLength(1);
    }
    expect(elsewhere.received).toHaveLength(0);
  });
});
