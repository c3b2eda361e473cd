-- The embedded Direct Line 3.0 channel: its conversations, the activities in each (the watermark
-- is the row id, so it only grows), and uploaded files (stored under the data folder).

CREATE TABLE directline_conversation (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    user_name   TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_directline_conversation_user ON directline_conversation(user_id);

CREATE TABLE directline_activity (
    watermark        INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id  TEXT NOT NULL REFERENCES directline_conversation(id),
    activity_id      TEXT NOT NULL UNIQUE,
    json             TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX ix_directline_activity_conversation ON directline_activity(conversation_id, watermark);

CREATE TABLE directline_attachment (
    id               TEXT PRIMARY KEY,
    conversation_id  TEXT NOT NULL REFERENCES directline_conversation(id),
    user_id          TEXT NOT NULL,
    name             TEXT NOT NULL,
    content_type     TEXT NOT NULL,
    size_bytes       INTEGER NOT NULL,
    created_at       TEXT NOT NULL
);
