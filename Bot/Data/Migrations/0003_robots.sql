-- Group robots (DingTalk 自定义机器人, WeCom 群机器人): push-only reminder targets of an office.

CREATE TABLE robot (
    id          INTEGER PRIMARY KEY,
    office_id   INTEGER NOT NULL REFERENCES office(id),
    kind        TEXT NOT NULL CHECK (kind IN ('dingtalk', 'wecom')),
    url         TEXT NOT NULL UNIQUE,
    secret      TEXT,
    source      TEXT NOT NULL CHECK (source IN ('config', 'chat')),
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_robot_office ON robot(office_id);

-- How a robot message can @ a person: DingTalk by mobile number or user id, WeCom by user id.
ALTER TABLE person ADD COLUMN mobile TEXT;
ALTER TABLE person ADD COLUMN dingtalk_user_id TEXT;
ALTER TABLE person ADD COLUMN wecom_user_id TEXT;
