// The shapes of the Vertelpunt API, as in the Java records (storypoint.definition, story.StoryService).

/** A text by language code; Dutch ("nl") is always present. */
export type Texts = Record<string, string>;

export interface Option {
  id: string;
  label: Texts;
  retired?: boolean;
}

export type QuestionType = 'slider' | 'choice' | 'multichoice' | 'triad' | 'text';

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
}

export interface Role {
  id: string;
  label: Texts;
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
}

export interface PublishedStoryPoint {
  slug: string;
  version: number;
  revision: number;
  publishedAt: string;
  definition: Definition;
}

/** Slider: 0..100 or "NA"; choice: option id; multichoice: option ids; triad: three shares; text. */
export type Answer = number | string | string[] | number[];

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
