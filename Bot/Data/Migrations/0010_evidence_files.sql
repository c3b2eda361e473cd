-- Evidence files kept by the bot itself (佐证材料 must outlive a channel's links until inspection
-- day): one row per file as received, its content stored once under its SHA-256. A file that could
-- not be fetched yet is 'pending' with the address to fetch it from; 'failed' after the retries.
CREATE TABLE evidence_file (
    id                     INTEGER PRIMARY KEY,
    state                  TEXT NOT NULL CHECK (state IN ('stored', 'pending', 'failed', 'refused')),
    original_name          TEXT NOT NULL,
    claimed_type           TEXT,
    content_type           TEXT,
    sha256                 TEXT,
    size_bytes             INTEGER,
    sender_account         TEXT NOT NULL,
    received_at            TEXT NOT NULL,
    stored_at              TEXT,
    -- Where a pending file is fetched from, and whether that needs the bot's channel credentials.
    source_url             TEXT,
    needs_bot_credentials  INTEGER NOT NULL DEFAULT 0,
    channel_id             TEXT,
    conversation_id        TEXT,
    service_url            TEXT,
    attempts               INTEGER NOT NULL DEFAULT 0,
    next_attempt_at        TEXT,
    last_error             TEXT,
    reported_at            TEXT
);
CREATE INDEX ix_evidence_file_pending ON evidence_file(next_attempt_at) WHERE state = 'pending';
CREATE INDEX ix_evidence_file_sha256 ON evidence_file(sha256);

ALTER TABLE evidence ADD COLUMN file_id INTEGER REFERENCES evidence_file(id);
-- Withdrawn evidence (added by mistake) stays for the audit but is not shown or exported.
ALTER TABLE evidence ADD COLUMN withdrawn_at TEXT;
ALTER TABLE evidence ADD COLUMN withdrawn_by_person_id INTEGER REFERENCES person(id);
