// A customer backend using @hearth/node as installed from npm (run by consumer/run.ts, outside the workspace).
import { createHearthClient, mintUserToken, verifyWebhook, SIGNATURE_HEADER } from '@hearth/node';
import { signWebhook } from '@hearth/node/webhooks';

const baseUrl = process.argv[2]!;
const secretKey = 'sk_acme_secret_change_me_please';
const token: string = mintUserToken('user-1', { secretKey });
const hearth = createHearthClient({ baseUrl, secretKey });
const result = await hearth.track('user-1', 'report_exported', { format: 'pdf' });
const balance = await hearth.balance('user-1');
const body = JSON.stringify({ type: 'survey.response.created' });
const now = Math.floor(Date.now() / 1000);
const check = verifyWebhook({ body, header: signWebhook([secretKey], body, now), secrets: [secretKey] });
console.log(
  JSON.stringify({
    tokenParts: token.split('.').length,
    accepted: result.accepted,
    balance: balance.balance,
    header: SIGNATURE_HEADER,
    webhook: check.ok,
  }),
);
