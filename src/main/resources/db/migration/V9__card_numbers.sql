-- A card's short number within its story point ("Kaart 7"): what people at a table and on paper call a card; its
-- UUID stays the card's id in the API. Numbers count up per story point in the order the cards were made and are
-- never given twice, not even after a card was deleted (card_number keeps the last one given).
ALTER TABLE card ADD COLUMN number INTEGER;
UPDATE card c
   SET number = n.number
  FROM (SELECT id, row_number() OVER (PARTITION BY story_point_id ORDER BY created_at, id) AS number FROM card) n
 WHERE n.id = c.id;
ALTER TABLE card ALTER COLUMN number SET NOT NULL;
ALTER TABLE card ADD CONSTRAINT card_number_positive CHECK (number > 0);
ALTER TABLE card ADD CONSTRAINT card_number_unique UNIQUE (story_point_id, number);

CREATE TABLE card_number (
    story_point_id BIGINT  PRIMARY KEY REFERENCES story_point (id),
    last_number    INTEGER NOT NULL CHECK (last_number > 0)
);
INSERT INTO card_number (story_point_id, last_number)
SELECT story_point_id, max(number) FROM card GROUP BY story_point_id;
