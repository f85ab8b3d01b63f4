import type { Vocabulary } from '@hearth/schema';
import { api, call } from './client.js';

/** The event names and trait keys the project has received. */
export const getVocabulary = () => call(() => api.get('vocabulary').json<Vocabulary>());
