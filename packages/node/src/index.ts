export {
  createHearthClient,
  HearthApiError,
  type HearthClient,
  type HearthClientOptions,
  type PointsChange,
  type ServerEvent,
  type TrackOptions,
} from './hearth-client.js';
export { verifyWebhook, SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS, type VerifyOptions, type VerifyResult } from './webhook-signature.js';
export { mintUserToken, DEFAULT_USER_TOKEN_TTL_SECONDS, type MintUserTokenOptions } from './user-token.js';
export { mintGroupToken, type MintGroupTokenOptions } from './group-token.js';
