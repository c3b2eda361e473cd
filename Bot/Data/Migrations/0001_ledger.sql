-- The task ledger (台账) and what the chat needs around it.
-- Calendar dates are TEXT 'yyyy-MM-dd' in the campaign's time zone; instants are TEXT ISO 8601 UTC.

CREATE TABLE campaign (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE office (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    aliases     TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL,
    parent_id   INTEGER REFERENCES office(id)
);

CREATE TABLE person (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    office_id   INTEGER NOT NULL REFERENCES office(id),
    role        TEXT NOT NULL CHECK (role IN ('member', 'lead', 'coordinator', 'leader'))
);

-- A chat account (Teams user id, Emulator id, Web Chat user id) that speaks for a person.
CREATE TABLE channel_account (
    account_id  TEXT PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    channel_id  TEXT,
    linked_at   TEXT NOT NULL
);
CREATE INDEX ix_channel_account_person ON channel_account(person_id);

CREATE TABLE task (
    id                 INTEGER PRIMARY KEY,
    campaign_id        INTEGER NOT NULL REFERENCES campaign(id),
    code               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title              TEXT NOT NULL,
    detail             TEXT NOT NULL DEFAULT '',
    evaluation_item    TEXT NOT NULL DEFAULT '',
    evidence_required  TEXT NOT NULL DEFAULT '',
    lead_office_id     INTEGER NOT NULL REFERENCES office(id),
    owner_id           INTEGER REFERENCES person(id),
    starts_on          TEXT,
    due_on             TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    done_at            TEXT,
    done_by            INTEGER REFERENCES person(id),
    updated_at         TEXT NOT NULL,
    CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX ix_task_status_due ON task(status, due_on);
CREATE INDEX ix_task_lead_due ON task(lead_office_id, due_on);
CREATE INDEX ix_task_owner_due ON task(owner_id, due_on);

CREATE TABLE task_co_office (
    task_id    INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    office_id  INTEGER NOT NULL REFERENCES office(id),
    PRIMARY KEY (task_id, office_id)
);
CREATE INDEX ix_task_co_office_office ON task_co_office(office_id);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    task_id       INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('note', 'attachment', 'link')),
    name          TEXT,
    url           TEXT,
    content_type  TEXT,
    note          TEXT,
    by_person_id  INTEGER REFERENCES person(id),
    at            TEXT NOT NULL
);
CREATE INDEX ix_evidence_task ON evidence(task_id);

-- What a proactive message needs to reach a chat again, and what the chat is bound to.
CREATE TABLE conversation (
    channel_id       TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    service_url      TEXT,
    tenant_id        TEXT,
    bot_id           TEXT,
    bot_name         TEXT,
    is_group         INTEGER NOT NULL DEFAULT 0,
    bound_office_id  INTEGER REFERENCES office(id),
    bound_person_id  INTEGER REFERENCES person(id),
    last_seen_at     TEXT NOT NULL,
    PRIMARY KEY (channel_id, conversation_id)
);
CREATE INDEX ix_conversation_office ON conversation(bound_office_id);

CREATE TABLE audit (
    id               INTEGER PRIMARY KEY,
    at               TEXT NOT NULL,
    actor_person_id  INTEGER REFERENCES person(id),
    actor_account    TEXT NOT NULL,
    action           TEXT NOT NULL,
    entity           TEXT NOT NULL,
    entity_key       TEXT NOT NULL,
    before_json      TEXT,
    after_json       TEXT,
    channel_id       TEXT,
    conversation_id  TEXT
);
CREATE INDEX ix_audit_entity ON audit(entity, entity_key);
