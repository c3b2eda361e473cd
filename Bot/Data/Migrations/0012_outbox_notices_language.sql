-- Notices are stored as their kind and the ids they are about (JSON with a "kind" discriminator),
-- written when sent in the recipient's language; body keeps the text of notices queued before this.
ALTER TABLE outbox_message ADD COLUMN notice TEXT;

-- The language people last wrote in, in this chat ('Chinese' or 'English'): what the bot writes to
-- it unprompted (reminders, the report, notices). NULL: the campaign's default language.
ALTER TABLE conversation ADD COLUMN language TEXT;
