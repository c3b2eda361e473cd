-- Reminders: the workday calendar, the send days already planned, and the exactly-once outbox.

CREATE TABLE workday (
    date        TEXT PRIMARY KEY,
    is_workday  INTEGER NOT NULL CHECK (is_workday IN (0, 1)),
    name        TEXT NOT NULL DEFAULT ''
);

-- A send day is planned once; a restart plans only the days it has not (catch-up).
CREATE TABLE reminder_day (
    day         TEXT PRIMARY KEY,
    planned_at  TEXT NOT NULL,
    reminders   INTEGER NOT NULL,
    dropped     INTEGER NOT NULL
);

-- One message per chat per send time, carrying that chat's reminders.
CREATE TABLE outbox_message (
    id          INTEGER PRIMARY KEY,
    target      TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('reminders', 'report', 'notice')),
    send_day    TEXT NOT NULL,
    planned_at  TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    body        TEXT,
    last_error  TEXT,
    sent_at     TEXT,
    updated_at  TEXT NOT NULL
);
CREATE INDEX ix_outbox_message_state ON outbox_message(state, id);

-- Each reminder is recorded once, before it is sent: (task, occurrence, kind, target) is its identity.
CREATE TABLE reminder (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER REFERENCES task(id) ON DELETE CASCADE,
    occurrence  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    target      TEXT NOT NULL,
    planned_at  TEXT NOT NULL,
    message_id  INTEGER NOT NULL REFERENCES outbox_message(id),
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    sent_at     TEXT
);
CREATE UNIQUE INDEX ux_reminder_identity ON reminder(ifnull(task_id, 0), occurrence, kind, target);
CREATE INDEX ix_reminder_message ON reminder(message_id);

-- One dispatcher sends at a time, across processes (the service and an operator's `reminders run`).
-- The holder renews its heartbeat while it sends; a stale heartbeat means its process died, so
-- the next dispatcher takes over and re-sends what that one left in flight.
CREATE TABLE dispatch_lease (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    holder        TEXT,
    heartbeat_at  TEXT
);
INSERT INTO dispatch_lease (id, holder, heartbeat_at) VALUES (1, NULL, NULL);

-- Set when the channel says the bot was removed from the chat (403); cleared when it hears from it again.
ALTER TABLE conversation ADD COLUMN removed_at TEXT;
