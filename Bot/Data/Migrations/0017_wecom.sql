-- WeCom AI bot messages (and button clicks) already handled, by WeCom's msgid: a callback WeCom
-- retries after five seconds, or a message delivered again after a reconnect or a restart, is
-- answered once. A claim is taken before the turn and marked handled after it; a claim never
-- marked handled (the process stopped mid-turn) may be taken again once its lease is over.
CREATE TABLE wecom_message (
    msg_id       TEXT PRIMARY KEY,
    received_at  TEXT NOT NULL,
    handled_at   TEXT
);
CREATE INDEX ix_wecom_message_received ON wecom_message(received_at);
