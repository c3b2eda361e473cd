-- Every message has a person to go to: a 1:1 chat is its person's from their first message there,
-- with no subscription, so that an office with no group chat is reached through its people, and
-- coordinators and leaders through theirs.

-- The account that writes in a 1:1 chat, kept even before it is linked to a person: linking the
-- account later (关联, or the 人员 sheet's 账号) makes the chat that person's at once.
ALTER TABLE conversation ADD COLUMN account_id TEXT;
-- The person a 1:1 chat is with, once their account is linked (NULL for group chats).
ALTER TABLE conversation ADD COLUMN person_id INTEGER REFERENCES person(id) ON DELETE SET NULL;
-- The chat's title as its channel names it (a Teams or DingTalk group's name), to name it in words.
ALTER TABLE conversation ADD COLUMN title TEXT;
-- The office a chat was bound to when the bot was found removed from it (the binding itself is
-- cleared): the report and the coordinators' notice say whose chat it was.
ALTER TABLE conversation ADD COLUMN removed_office_id INTEGER REFERENCES office(id) ON DELETE SET NULL;
CREATE INDEX ix_conversation_person ON conversation(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX ix_conversation_account ON conversation(account_id) WHERE account_id IS NOT NULL;

-- 退订: when the person asked for nothing personal (reminders, notices, the report in their 1:1
-- chats); NULL: they get what is theirs. 订阅我的提醒 clears it.
ALTER TABLE person ADD COLUMN personal_opt_out_at TEXT;

-- A chat subscribed before (订阅我的提醒 works only in 1:1 chats) is its person's.
UPDATE conversation SET person_id = bound_person_id WHERE bound_person_id IS NOT NULL AND is_group = 0;
