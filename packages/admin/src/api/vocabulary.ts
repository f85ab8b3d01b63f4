import type { Vocabulary } from '@hearth/schema';
import { api, call } from './client.js';

/** The event names, user trait keys and account trait keys the project has received. */
export const getVocabulary = () => call(() => api.get('vocabulary').json<Vocabulary>());
