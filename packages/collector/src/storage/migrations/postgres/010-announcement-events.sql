-- migration: announcement-events-index
-- Announcement KPIs read one announcement's events by id (announcements/announcement-sql.ts).
-- Partial, so the write path computes the key only for the four announcement event names.
CREATE INDEX events_by_announcement ON events (project_id, (CASE name WHEN '$prompt_shown' THEN CASE WHEN properties->>'kind' = 'announcement' THEN properties->'promptId' END ELSE properties->'announcementId' END), user_id, timestamp) WHERE name IN ('$announcement_read', '$announcement_reacted', '$announcement_cta_clicked', '$prompt_shown');
