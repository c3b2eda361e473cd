-- DingTalk robot messages already handled, by DingTalk's msgId: a message redelivered (a stream
-- reconnected before its acknowledgement arrived, an HTTP callback retried) is answered once, also
-- across a restart.
-- A claim is taken before the turn and marked handled after it; a claim never marked handled (the
-- process stopped mid-turn) may be taken again by a redelivery once its lease is over.
CREATE TABLE dingtalk_message (
    msg_id       TEXT PRIMARY KEY,
    received_at  TEXT NOT NULL,
    handled_at   TEXT
);

-- An HTTP callback's signature does not cover its body: each is accepted with one message only.
CREATE TABLE dingtalk_callback_sign (
    sign     TEXT PRIMARY KEY,
    msg_id   TEXT NOT NULL,
    used_at  TEXT NOT NULL
);
CREATE INDEX ix_dingtalk_message_received ON dingtalk_message(received_at);

-- What a send to a DingTalk chat needs beyond the conversation row: a 1:1 chat is sent to by the
-- staff id of the person in it (the app's 1:1 API takes user ids, not conversation ids).
CREATE TABLE dingtalk_chat (
    conversation_id  TEXT PRIMARY KEY,
    is_group         INTEGER NOT NULL,
    staff_id         TEXT,
    updated_at       TEXT NOT NULL
);
