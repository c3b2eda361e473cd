-- 撤销 (undo) of a change read from words: an extension request can be withdrawn by its asker while
-- it is pending. SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the
-- same columns and rows.

CREATE TABLE extension_request_new (
    id               INTEGER PRIMARY KEY,
    task_id          INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    requested_by     INTEGER NOT NULL REFERENCES person(id),
    old_due_on       TEXT NOT NULL,
    new_due_on       TEXT NOT NULL,
    reason           TEXT,
    -- The chat the request came from, told the decision: "bf:{channel}:{conversation}".
    reply_target     TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'withdrawn')),
    decided_by       INTEGER REFERENCES person(id),
    decided_at       TEXT,
    decision_note    TEXT,
    created_at       TEXT NOT NULL
);
INSERT INTO extension_request_new SELECT id, task_id, requested_by, old_due_on, new_due_on, reason, reply_target, state, decided_by, decided_at, decision_note, created_at FROM extension_request;
DROP TABLE extension_request;
ALTER TABLE extension_request_new RENAME TO extension_request;
CREATE INDEX ix_extension_request_task ON extension_request(task_id, state);
