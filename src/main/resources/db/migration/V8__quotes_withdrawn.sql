-- A quote on a card follows its story's text through redactions; a quote that a redaction cut into is taken
-- off the card (quote_start and quote_end become NULL) and marked here, so that the facilitator sees a notice
-- until the card is saved again.
ALTER TABLE card_story ADD COLUMN quote_withdrawn BOOLEAN NOT NULL DEFAULT FALSE;
