-- migration: anonymous-events-index
-- Every reader of an anonymous id's events asks for the ones no user owns (`user_id IS NULL`):
-- re-attribution at identify, the anonymous subject's targeting facts, checklist and retention
-- reads, the rollup fold, erasure and export. Indexing only those rows takes one random B-tree
-- insert off every identified event (most traffic once signed in), and keying them like
-- events_by_user_name_time lets the facts seek by name instead of scanning the name's anonymous
-- events in events_by_user_name_time (user_id IS NULL is a key there too).
DROP INDEX events_by_anonymous;
CREATE INDEX events_by_anonymous_name_time ON events (project_id, anonymous_id, name, timestamp) WHERE user_id IS NULL;
