-- Deadline extension requests (申请延期): asked by the task's office, decided by a coordinator.

CREATE TABLE extension_request (
    id               INTEGER PRIMARY KEY,
    task_id          INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    requested_by     INTEGER NOT NULL REFERENCES person(id),
    old_due_on       TEXT NOT NULL,
    new_due_on       TEXT NOT NULL,
    reason           TEXT,
    -- The chat the request came from, told the decision: "bf:{channel}:{conversation}".
    reply_target     TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
    decided_by       INTEGER REFERENCES person(id),
    decided_at       TEXT,
    decision_note    TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX ix_extension_request_task ON extension_request(task_id, state);
