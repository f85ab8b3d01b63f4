import { bulkArchiveSchema, type BulkArchiveResult } from '@hearth/schema';
import { HttpError } from './http-error.js';
import { parseJsonBody } from './json-body.js';

interface Archivable<R> {
  /** What the records are called in messages: "Prompt", "Announcement". */
  noun: string;
  get: (id: string) => Promise<R | null>;
  isArchived: (record: R) => boolean;
  /** Archives at the version read; false when the record changed meanwhile. */
  archive: (record: R) => Promise<boolean>;
}

/**
 * A bulk archive's body (`{ ids }`) applied one record at a time, each at the version just read:
 * ids the project lacks are reported in `notFound`, already archived ones count as archived, and a
 * record changed meanwhile stops the run with 412 (the ones before it stay archived; retrying is safe).
 */
export async function archiveEach<R>(body: string, { noun, get, isArchived, archive }: Archivable<R>): Promise<BulkArchiveResult> {
  const { ids } = parseJsonBody(body, bulkArchiveSchema, {
    code: 'invalid_ids',
    message: `Name the ${noun.toLowerCase()}s to archive; see issues.`,
  });
  const result: BulkArchiveResult = { archived: [], notFound: [] };
  for (const id of new Set(ids)) {
    const record = await get(id);
    if (!record) result.notFound.push(id);
    else if (isArchived(record) || (await archive(record))) result.archived.push(id);
    else throw new HttpError(412, 'version_mismatch', `${noun} "${id}" changed meanwhile; list them again and retry.`);
  }
  return result;
}
