/** The demo's first console owner (`admin.ownerEmail` in demo/hearth.config.json). */
export const DEMO_ADMIN_EMAIL = 'admin@acme.test';

/**
 * The demo's admin console password; demo/hearth.config.json holds only its scrypt hash
 * (`admin.passwordHash`). A real deployment sets its own hash or HEARTH_ADMIN_PASSWORD.
 */
export const DEMO_ADMIN_PASSWORD = 'hearth-demo-admin';
