// The shapes of the Vertelpunt API, as in the Java records (storypoint.definition, story.StoryService).

/** A text by language code; Dutch ("nl") is always present. */
export type Texts = Record<string, string>;

/** Wordings of a text for the storytellers of a role, by role id. */
export type ByRole = Record<string, Texts>;

export interface Option {
  id: string;
  /** The neutral label: analysis, exports and cards use it. */
  label: Texts;
  retired?: boolean;
  /** How staff see the option in charts and filters (else the label). */
  shortLabel?: Texts;
  /** The option as storytellers of a role read it. */
  labelByRole?: ByRole;
}

export type QuestionType = 'slider' | 'choice' | 'multichoice' | 'triad' | 'stones' | 'text';

export interface Question {
  id: string;
  number: number;
  type: QuestionType;
  label: Texts;
  help?: Texts;
  required?: boolean;
  roles?: string[];
  left?: Texts;
  right?: Texts;
  notApplicable?: boolean;
  options?: Option[];
  max?: number;
  corners?: Texts[];
  /** Stones: the poles of the axis up (left and right are the poles across), and the items to place. */
  bottom?: Texts;
  top?: Texts;
  items?: Option[];
  /** How staff see the question in charts and filters (else the label). */
  shortLabel?: Texts;
  /** The question as storytellers of a role read it (else the neutral label); the same for help and poles. */
  labelByRole?: ByRole;
  helpByRole?: ByRole;
  leftByRole?: ByRole;
  rightByRole?: ByRole;
}

export interface Role {
  id: string;
  /** What the storyteller reads on the button: a statement ("Ik ben een kind of jongere"). */
  label: Texts;
  /** How staff see the role in charts, filters and on cards (else the label). */
  shortLabel?: Texts;
}

export interface Definition {
  slug: string;
  title: Texts;
  intro?: Texts;
  privacy?: Texts;
  crisisHelp?: Texts;
  roles: Role[];
  storyPrompt: Texts;
  completeness: { minWords: number; minAnsweredQuestions: number };
  questions: Question[];
  /** The question modules the story point includes, with the versions pinned. */
  modules?: { id: string; version?: number }[];
}

export interface PublishedStoryPoint {
  slug: string;
  version: number;
  revision: number;
  publishedAt: string;
  definition: Definition;
}

/** A place on a stones field: across (0 left .. 100 right), up (0 bottom .. 100 top). */
export type Place = [number, number];

/** Stones: per item placed its place, or "NA"; items left off are not in it. */
export type StonesAnswer = Record<string, Place | 'NA'>;

/** Slider: 0..100 or "NA"; choice: option id; multichoice: option ids; triad: three shares; stones; text. */
export type Answer = number | string | string[] | number[] | StonesAnswer;

export interface Submission {
  submissionId: string;
  role: string;
  language: string;
  title?: string;
  text: string;
  answers: Record<string, Answer>;
  /** The honeypot: a field people never see; only form-filling robots fill it (the service refuses those). */
  website?: string;
}

export interface Receipt {
  id: string;
  version: number;
  complete: boolean;
  created: boolean;
  /** The code to withdraw the story later; only when this answer created the story. */
  receiptCode?: string;
}

export interface FieldError {
  field: string;
  message: string;
  line?: number;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}
