// What an observation card shows (card.render.CardDocument), as the table link and the staff API give it.
import type { Pattern } from '../werkplek/model';

/** A question of the card's pattern (or the role, or one option of a multichoice question). */
export interface QuestionInfo {
  variable: string;
  number: number | null;
  label: string;
  left: string | null;
  right: string | null;
}

export interface TypicalStory {
  id: string;
  role: string;
  excerpt: string;
  quote: string | null;
}

/**
 * The evaluation the card comes from; {@code settings} is the evaluation's request (filter, settings). People read
 * it as "Patroonevaluatie van 7 december 2026, 925 verhalen, standaardinstellingen": {@code allStories} says whether
 * it took every complete story, {@code defaultSettings} whether it used the default settings.
 */
export interface Provenance {
  runId: string;
  fingerprint: string;
  softwareVersion: string;
  evaluatedAt: string;
  settings: {
    filter?: Record<string, unknown> | null;
    settings?: { minGroupSize?: number; maxQ?: number } | null;
  } | null;
  stories: number;
  allStories: boolean;
  defaultSettings: boolean;
}

/**
 * A context figure from an outside source, shown as given with its source (card.render.CardDocument.Figure on a card,
 * figure.ContextFigureService.FigureView in a set). {@code value} is a decimal with a point ("12.3"), {@code unit} ""
 * for none.
 */
export interface Figure {
  indicator: string;
  region: string;
  period: string;
  value: string;
  unit: string;
  source: string;
}

/** A figure on a card: a copy of figure {@code figure}, taken when it was put on the card. */
export interface CardFigure extends Figure {
  figure: number;
}

export interface CardDocument {
  id: string;
  /** The card's short number within its story point ("Kaart 7"); the id is for the API only. */
  number: number;
  version: number;
  storyPointTitle: string;
  title: string;
  observation: string;
  interpretations: string[];
  questions: QuestionInfo[];
  pattern: Pattern;
  stories: TypicalStory[];
  provenance: Provenance;
  figures: CardFigure[];
}
