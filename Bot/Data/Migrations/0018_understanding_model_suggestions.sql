-- Issue 27: what the office's language model suggested for a message the rules missed, and whether
-- the person tapped it, for `understanding report` (tap rate per intent; the lines where the
-- suggestion was refused by the checks or ignored). Rows written without a model keep these null.
-- conversation_id: a tap is matched to the suggestion shown in the same chat.
ALTER TABLE understanding_miss ADD COLUMN conversation_id TEXT;
-- 'offered' (buttons), 'answered' (a question answered directly), 'refused' (failed the checks),
-- 'failed' (timeout, HTTP error, malformed answer); null: the model was not asked.
ALTER TABLE understanding_miss ADD COLUMN model_status TEXT CHECK (model_status IN ('offered', 'answered', 'refused', 'failed'));
ALTER TABLE understanding_miss ADD COLUMN model_intent TEXT;
-- The command text of each suggested button (what a tap sends), one per line; or why it was refused.
ALTER TABLE understanding_miss ADD COLUMN model_suggestion TEXT;
ALTER TABLE understanding_miss ADD COLUMN model_note TEXT;
ALTER TABLE understanding_miss ADD COLUMN tapped_at TEXT;
CREATE INDEX ix_understanding_miss_offered ON understanding_miss(channel_id, conversation_id, at) WHERE model_status = 'offered';
