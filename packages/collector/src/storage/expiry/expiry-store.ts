/** `store.expiry`: raw events past a project's retention period leave the store. */
export interface ExpiryStore {
  /**
   * Deletes up to `limit` of the project's events whose time is before `before`, in one short
   * transaction, and answers how many it deleted (fewer than `limit`: nothing older is left).
   * The KPI rollups keep what those events added (the delete does not mark their subjects for a
   * rebuild); ledgers, survey responses, users and identities are not touched.
   */
  expireEvents(projectId: string, before: Date, limit: number): Promise<number>;
}
