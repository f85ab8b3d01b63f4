-- migration: account-vocabulary
-- The console suggests account trait keys from the accounts whose traits were set most recently
-- (`GET /v1/admin/vocabulary`): this index hands over those few hundred rows in order instead of
-- sorting every account of the project.
CREATE INDEX accounts_by_traits_at ON accounts (project_id, traits_at);
