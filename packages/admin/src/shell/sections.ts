/** A sidebar entry: its label and the route of the section's own page (the part after /admin/). */
export interface Section {
  label: string;
  path: string;
}

/**
 * Every section the console can have, in sidebar order. A section shows in the sidebar only when a
 * route in routes.tsx belongs to it, so a page that is not built yet never gets a dead link.
 */
export const SECTIONS = {
  dashboard: { label: 'Dashboard', path: 'dashboard' },
  templates: { label: 'Templates', path: 'templates' },
  checklists: { label: 'Checklists', path: 'prompts' },
  surveys: { label: 'Surveys', path: 'prompts/surveys' },
  announcements: { label: 'Announcements', path: 'prompts/announcements' },
  rewards: { label: 'Rewards', path: 'prompts/rewards' },
  messages: { label: 'Messages', path: 'messages' },
  users: { label: 'Users', path: 'users' },
  accounts: { label: 'Accounts', path: 'accounts' },
  settings: { label: 'Settings', path: 'settings' },
  team: { label: 'Team', path: 'team' },
  audit: { label: 'Audit log', path: 'audit' },
} as const satisfies Record<string, Section>;

export type SectionId = keyof typeof SECTIONS;
