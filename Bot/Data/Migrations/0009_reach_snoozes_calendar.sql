-- Reminders that had no chat or robot to go to (an office nobody bound yet), kept so that a chat
-- bound later gets what still helps at the next send time; one row per task, deadline, kind, office.
CREATE TABLE unreached_reminder (
    task_id     INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    occurrence  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    office_id   INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,
    send_day    TEXT NOT NULL,
    PRIMARY KEY (task_id, occurrence, kind, office_id)
);
CREATE INDEX ix_unreached_reminder_office ON unreached_reminder(office_id);

-- 稍后提醒: at most one pending snooze per task and chat; a new one replaces it.
CREATE TABLE snooze (
    task_id     INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    target      TEXT NOT NULL,
    day         TEXT NOT NULL,
    person_id   INTEGER REFERENCES person(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (task_id, target)
);

-- The State Council's holidays and make-up workdays as shipped with the bot (npm chinese-days),
-- replaced from its file at every start. The workday table (workdays load) overrides it date by date.
CREATE TABLE official_workday (
    date        TEXT PRIMARY KEY,
    is_workday  INTEGER NOT NULL CHECK (is_workday IN (0, 1)),
    name        TEXT NOT NULL DEFAULT ''
);
