-- Context figures (cijfers naast de verhalen): figures from outside sources (CBS, a municipality's fact sheet) that
-- an analyst uploads as CSV next to a story point's stories. They are shown as given, with their source; nothing here
-- is computed from stories. A named set is replaced as a whole by a new upload of the same name.
CREATE TABLE figure_set (
    id             BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    story_point_id BIGINT       NOT NULL REFERENCES story_point (id),
    name           TEXT         NOT NULL,
    uploaded_by    VARCHAR(64)  NOT NULL,
    uploaded_at    TIMESTAMPTZ  NOT NULL,
    UNIQUE (story_point_id, name)
);

-- One figure of a set, in the order of the file. unit is '' when the file gave none.
CREATE TABLE context_figure (
    id        BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    set_id    BIGINT  NOT NULL REFERENCES figure_set (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position >= 0),
    indicator TEXT    NOT NULL,
    region    TEXT    NOT NULL,
    period    TEXT    NOT NULL,
    value     NUMERIC NOT NULL,
    unit      TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    UNIQUE (set_id, position)
);

-- A figure on an observation card, as a copy taken when it was put on the card: a later upload or a deleted set
-- does not change a card (figure_id only says which figure it was copied from; it may no longer exist).
CREATE TABLE card_figure (
    card_id   UUID    NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position >= 0),
    figure_id BIGINT  NOT NULL,
    indicator TEXT    NOT NULL,
    region    TEXT    NOT NULL,
    period    TEXT    NOT NULL,
    value     NUMERIC NOT NULL,
    unit      TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    PRIMARY KEY (card_id, position),
    UNIQUE (card_id, figure_id)
);
