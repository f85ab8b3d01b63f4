import type { PromptStatus } from '@hearth/schema';

export const STATUSES: readonly PromptStatus[] = ['draft', 'scheduled', 'live', 'archived'];

export interface ListFilter {
  search: string;
  status: PromptStatus | 'all';
}

/** What the list needs of any prompt kind (checklists, announcements…). */
export interface ListEntry {
  id: string;
  name: string;
  status: PromptStatus;
  updatedAt: string;
}

/** Case-insensitive search over id and name, then the status filter; most recently changed first. */
export function filterEntries<E extends ListEntry>(entries: readonly E[], filter: ListFilter): E[] {
  const needle = filter.search.trim().toLowerCase();
  return entries
    .filter((entry) => filter.status === 'all' || entry.status === filter.status)
    .filter((entry) => needle === '' || entry.id.toLowerCase().includes(needle) || entry.name.toLowerCase().includes(needle))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
}

export function countByStatus(entries: readonly ListEntry[]): Record<PromptStatus, number> {
  const counts: Record<PromptStatus, number> = { draft: 0, scheduled: 0, live: 0, archived: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}
