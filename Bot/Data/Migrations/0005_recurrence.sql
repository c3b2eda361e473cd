-- Recurring duties (周期任务): a series from the plan's 周期 column, whose occurrences are ordinary
-- tasks (each done, evidenced, reminded and overdue on its own) that point back to it.

CREATE TABLE task_series (
    code        TEXT PRIMARY KEY COLLATE NOCASE,
    title       TEXT NOT NULL,
    rule        TEXT NOT NULL,
    lead_days   INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL
);

ALTER TABLE task ADD COLUMN series_code TEXT REFERENCES task_series(code);
-- The day of the event; due_on is lead_days earlier.
ALTER TABLE task ADD COLUMN event_on TEXT;
CREATE INDEX ix_task_series ON task(series_code, due_on);
