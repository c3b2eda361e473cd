-- Messages the bot did not understand (or had to ask about), so that whoever runs it can see how
-- people actually write and grow the corpus (operator verb: understanding report).
-- The account is kept only as it is already stored: the person it speaks for, when it is linked.

CREATE TABLE understanding_miss (
    id          INTEGER PRIMARY KEY,
    text        TEXT NOT NULL,
    channel_id  TEXT NOT NULL,
    person_id   INTEGER REFERENCES person(id) ON DELETE SET NULL,
    -- 'unknown': nothing understood; 'asked': two readings, the bot asked with buttons.
    outcome     TEXT NOT NULL CHECK (outcome IN ('unknown', 'asked')),
    at          TEXT NOT NULL
);
CREATE INDEX ix_understanding_miss_at ON understanding_miss(at);
