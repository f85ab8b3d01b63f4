import type { ProjectConfig } from '@hearth/schema';

/**
 * One warning per project that switched identity verification off: with it off, anyone holding
 * the public key can write events as any user id, so the opt-out must never pass unnoticed.
 */
export function enforcementOptOutWarnings(projects: readonly ProjectConfig[]): string[] {
  return projects
    .filter((project) => !project.identityVerification.enforce)
    .map(
      (project) =>
        `hearth-collector: WARNING project ${project.id} opts out of identity verification (identityVerification.enforce: false): ` +
        "anyone holding its public key can send events and answers as any user id and read any identified user's state. " +
        'Mint user tokens and remove the opt-out before going live.',
    );
}
