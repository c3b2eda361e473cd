-- Evidence names the stored file it is, instead of being matched to files by the end of its url:
-- a file is evidence of a task only when its uploader sent it with that task's completion. Files
-- already linked keep their link when the url names one of the uploader's own files.
ALTER TABLE evidence ADD COLUMN attachment_id TEXT REFERENCES directline_attachment(id);
UPDATE evidence SET attachment_id = (
    SELECT a.id FROM directline_attachment a
    JOIN channel_account ca ON ca.account_id = a.user_id
    WHERE evidence.url LIKE '%/v3/directline/attachments/' || a.id AND ca.person_id = evidence.by_person_id)
WHERE kind = 'attachment' AND url LIKE '%/v3/directline/attachments/%';
CREATE INDEX ix_evidence_attachment ON evidence(attachment_id) WHERE attachment_id IS NOT NULL;

-- The Web Chat page's conversation is one per person, enforced here: simultaneous first sign-ins
-- used to create two, and whatever reached the second was lost. The oldest of a user's
-- conversations has been the page's.
ALTER TABLE directline_conversation ADD COLUMN is_page INTEGER NOT NULL DEFAULT 0;
UPDATE directline_conversation SET is_page = 1
WHERE id IN (SELECT id FROM directline_conversation d
             WHERE d.created_at = (SELECT min(created_at) FROM directline_conversation x WHERE x.user_id = d.user_id)
             GROUP BY user_id);
CREATE UNIQUE INDEX ux_directline_page_conversation ON directline_conversation(user_id) WHERE is_page = 1;
