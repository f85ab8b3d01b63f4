import { eventsMigration } from './001-events.js';
import { promptsMigration } from './002-prompts.js';
import { targetingMigration } from './003-targeting.js';
import { surveyResponsesMigration } from './004-survey-responses.js';
import { announcementsMigration } from './005-announcements.js';
import { rewardsMigration } from './006-rewards.js';
import { promptVersionsMigration } from './007-prompt-versions.js';
import { projectSettingsMigration } from './008-project-settings.js';
import { kpiRollupsMigration } from './009-kpi-rollups.js';
import { announcementEventsMigration } from './010-announcement-events.js';
import { anonymousResponsesMigration } from './011-anonymous-responses.js';
import { trustedTraitsMigration } from './012-trusted-traits.js';

/** One file per feature, numbered; a new feature appends its own (never edit an applied one). */
export const sqliteMigrations = [eventsMigration, promptsMigration, targetingMigration, surveyResponsesMigration, announcementsMigration, rewardsMigration, promptVersionsMigration, projectSettingsMigration, kpiRollupsMigration, announcementEventsMigration, anonymousResponsesMigration, trustedTraitsMigration];
