-- migration: account-reads
-- A checklist shared by an account asks "the first event of this name attributed to the account",
-- from any member: an index led by (project, account, name) answers it with one seek. Partial, like
-- the account KPIs' index, so account-less events cost nothing on write.
CREATE INDEX events_by_account_name ON events (project_id, account_id, name, timestamp) WHERE account_id IS NOT NULL;
-- The console's account page lists one customer's revenue facts, newest first.
CREATE INDEX revenue_facts_by_customer ON revenue_facts (project_id, customer_kind, customer_id, occurred_at);
