-- A trend on an observation card ("Door de tijd"): a snapshot of a monitoring result, taken when it was put on the
-- card, so that stories that arrive later do not change a card or a deck printed from it. At most one per card.
-- module is the question module the result was computed across (NULL: the card's own story point); request is the
-- monitoring request as it was asked, monitor the result as staff saw it (every count already suppressed);
-- scope, focus and rest are what people read: where the stories come from and the names of the two groups.
CREATE TABLE card_trend (
    card_id   UUID         PRIMARY KEY REFERENCES card (id) ON DELETE CASCADE,
    module    VARCHAR(64),
    scope     TEXT         NOT NULL,
    focus     TEXT,
    rest      TEXT,
    request   JSONB        NOT NULL,
    monitor   JSONB        NOT NULL,
    taken_by  VARCHAR(64)  NOT NULL,
    taken_at  TIMESTAMPTZ  NOT NULL
);
