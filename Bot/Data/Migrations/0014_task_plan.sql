-- What the plan said about each task when it was last imported (or seeded): its deadline, lead
-- office and owner. Where the ledger differs from it, a decision made in chat since (an approved
-- extension, a hand-over) changed it, and a re-import keeps the ledger's value and says so, unless
-- the operator lets the file win (import --file-wins).
CREATE TABLE task_plan (
    task_id         INTEGER PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
    due_on          TEXT NOT NULL,
    lead_office_id  INTEGER NOT NULL REFERENCES office(id),
    owner_id        INTEGER REFERENCES person(id),
    imported_at     TEXT NOT NULL
);

INSERT INTO task_plan (task_id, due_on, lead_office_id, owner_id, imported_at)
SELECT id, due_on, lead_office_id, owner_id, updated_at FROM task;

-- Before this table, a decision still standing (the deadline is what the task's latest approved
-- extension made it; the office and owner what its latest hand-over made them) changed what the
-- plan said: the plan said what the decision changed from. A decision an earlier import already
-- undid does not stand, and its task's plan values are the ledger's.
WITH latest AS (
    SELECT entity_key AS code, before_json, after_json, row_number() OVER (PARTITION BY entity_key ORDER BY id DESC) AS n
    FROM audit WHERE entity = 'task' AND action = 'task.extend')
UPDATE task_plan SET due_on = json_extract(l.before_json, '$.dueOn')
FROM latest l JOIN task t ON t.code = l.code
WHERE l.n = 1 AND t.id = task_plan.task_id
  AND json_extract(l.after_json, '$.dueOn') = t.due_on
  AND json_extract(l.before_json, '$.dueOn') IS NOT NULL;

WITH latest AS (
    SELECT entity_key AS code, before_json, after_json, row_number() OVER (PARTITION BY entity_key ORDER BY id DESC) AS n
    FROM audit WHERE entity = 'task' AND action = 'task.reassign')
UPDATE task_plan SET lead_office_id = bo.id, owner_id = bp.id
FROM latest l
    JOIN task t ON t.code = l.code
    JOIN office lo ON lo.id = t.lead_office_id
    LEFT JOIN person tp ON tp.id = t.owner_id
    JOIN office bo ON bo.name = json_extract(l.before_json, '$.office')
    LEFT JOIN person bp ON bp.name = json_extract(l.before_json, '$.owner')
WHERE l.n = 1 AND t.id = task_plan.task_id
  AND json_extract(l.after_json, '$.office') = lo.name
  AND json_extract(l.after_json, '$.owner') IS tp.name;
