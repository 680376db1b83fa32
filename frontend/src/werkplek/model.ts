// The shapes of the staff API, as in the Java records (dashboard, story, moderation, evaluation, user).
import type { CardFigure, Figure, Provenance, QuestionInfo } from '../card/types';
import type { NoteView, ProposalInput, ProposalView } from '../session/types';
import type { Definition, Texts } from '../types';

/** A count as it may be shown: a number, or a text such as "<5" for a small group (never charted). */
export type Count = number | string;

export interface StoryFilter {
  from?: string;
  to?: string;
  roles?: string[];
  channels?: string[];
  answers?: Record<string, string[]>;
  ranges?: Record<string, [number, number]>;
  includeIncomplete?: boolean;
  /** the story's length in words, both ends included */
  minWords?: number;
  maxWords?: number;
  /** words the story holds, read as the search reads them */
  contains?: string;
}

export interface Session {
  username: string;
  roles: string[];
  storyPoints: string[];
  csrfToken: string;
}

export interface StoryPointVersion {
  slug: string;
  version: number;
  revision: number;
  publishedAt: string;
  definition: Definition;
}

export interface Bar {
  id: string;
  label: string;
  count: Count;
  share?: number;
}

export interface QuestionChart {
  id: string;
  number: number;
  type: 'slider' | 'choice' | 'multichoice';
  label: string;
  bars: Bar[];
  notApplicable: Count | null;
  unanswered: Count;
  /** Answered in 1 to k−1 stories: no bars, so that their answers cannot be told. */
  tooFew: boolean;
}

export interface Dashboard {
  storyPoint: string;
  threshold: number;
  stories: Count;
  /** The filter leaves 1 to k−1 stories: every list is empty. */
  tooFew: boolean;
  weeks: Bar[];
  roles: Bar[];
  channels: Bar[];
  completeness: Bar[];
  questions: QuestionChart[];
}

export interface StoryItem {
  id: string;
  title?: string;
  excerpt: string;
  role: string;
  channel: string;
  submittedAt: string;
  complete: boolean;
  flagged: boolean;
  hidden: boolean;
  wordCount: number;
}

export interface StoryPage {
  total: number;
  page: number;
  size: number;
  stories: StoryItem[];
}

export interface Flag {
  id: number;
  field: 'title' | 'text';
  kind: string;
  start: number;
  end: number;
  dismissed: boolean;
}

export interface Story {
  id: string;
  storyPoint: string;
  version: number;
  role: string;
  channel: string;
  language: string;
  title?: string | null;
  text: string;
  answers: Record<string, unknown>;
  submittedAt: string;
  wordCount: number;
  answeredCount: number;
  complete: boolean;
  flagged: boolean;
  hidden: boolean;
  flags: Flag[];
}

export interface ModerationState {
  id: string;
  title?: string | null;
  text: string;
  flagged: boolean;
  hidden: boolean;
  flags: Flag[];
}

export interface Settings {
  minGroupSize?: number;
  maxQ?: number;
  minRankBiserial?: number;
  minEpsilonSquared?: number;
  minCramersV?: number;
  minSpearman?: number;
  minPairs?: number;
}

export interface EvaluationRequest {
  /** One story point; or, instead, a question module across the story points that include it. */
  storyPoint?: string;
  module?: string;
  storyPoints?: string[];
  filter?: StoryFilter;
  settings?: Settings;
  subset?: { filter: StoryFilter; against?: StoryFilter | null };
}

export interface GroupStats {
  category?: string;
  label?: string;
  n: Count;
  mean?: number | null;
  median?: number | null;
  mode?: number | null;
  sd?: number | null;
  skewness?: number | null;
  kurtosis?: number | null;
  bins?: Count[];
  tested?: boolean;
  /** A group of a triad by a choice: the closed geometric mean of its answers, in percent (sums to 100). */
  meanShares?: number[];
  /** A group of a triad by a choice: its count per zone, in the order of the pattern's ternary.zones. */
  zones?: Count[];
}

/** What a ternary plot of a triad by a choice needs (see the README, "Triads"). */
export interface Ternary {
  triad: string;
  corners: string[];
  zones: string[];
  zoneLabels: string[];
  /** The tested answers per small triangle of a grid of ten steps per side: 55 upward, then 45 downward. */
  cells: Count[];
}

export interface Pairwise {
  a: string;
  b: string;
  u: number;
  z?: number | null;
  p?: number | null;
  pHolm?: number | null;
  rankBiserial?: number | null;
}

export interface Table {
  rows: string[];
  rowLabels: string[];
  columns: string[];
  columnLabels: string[];
  counts: Count[][];
  adjustedResiduals: number[][];
  lowExpectedShare: number;
  lowExpectedWarning: boolean;
  /** Answered categories left out because they have fewer than minGroupSize answers (variable=category). */
  smallCategoriesLeftOut: string[];
}

export interface Pattern {
  rank: number;
  kind: 'slider_by_choice' | 'choice_by_choice' | 'slider_by_slider' | 'subset' | 'triad_by_choice';
  questions: [string, string];
  test: 'mann-whitney' | 'kruskal-wallis' | 'chi-square' | 'spearman' | 'pillai';
  /** Absent where it is infinite (Spearman with rho = ±1; p is then 0 and a note says so). */
  statistic?: number | null;
  /** A whole number, or for Pillai's trace the two degrees of freedom of its F approximation. */
  df?: number | number[];
  p: number;
  q: number;
  effectSize: { name: string; value: number | null };
  standardizedEffect: number;
  n: Count;
  strong: boolean;
  groups?: GroupStats[];
  pairwise?: Pairwise[];
  table?: Table;
  joint?: { x: string; y: string; bins: Count[][] };
  notes?: string[];
  /** For a pattern of a triad or its zone: a corner from cornerShare, an edge below edgeShare. */
  zoneRule?: { cornerShare: number; edgeShare: number };
  ternary?: Ternary;
}

export interface Skipped {
  kind: string;
  questions: string[];
  reason: string;
}

export interface EvaluationResult {
  storyPoint: string;
  softwareVersion: string;
  fingerprint: string;
  stories: Count;
  request: EvaluationRequest;
  /** The settings as applied: minGroupSize and minPairs at least the suppression threshold. */
  settings?: Settings;
  notes?: string[];
  summary: {
    tests: number;
    strong: number;
    sliderByChoice: number;
    choiceByChoice: number;
    sliderBySlider: number;
  };
  patterns: Pattern[];
  skipped: Skipped[];
  subset?: {
    subsetStories: Count;
    otherStories: Count;
    overlapping: boolean;
    overlappingStories: Count;
    otherWithoutSubsetAnswer: Count;
    leftOutVariables?: string[];
    notes?: string[];
    patterns: Pattern[];
    skipped: Skipped[];
  };
  suppressionThreshold?: number;
  /** The run covered 1 to k−1 stories: only their rounded number is shown, no patterns. */
  tooFew?: boolean;
}

export interface Run {
  id: string;
  /** The story point evaluated; null for a module-wide run, which has module and the story points it covers. */
  storyPoint: string | null;
  module?: string | null;
  storyPoints?: string[] | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  createdAt: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  requestedBy: string;
  attempts: number;
  /** Shown as every count: 0, "<k" or a multiple of k. */
  stories?: Count | null;
  fingerprint?: string | null;
  error?: string | null;
  request: EvaluationRequest;
  selected: string[];
  result?: EvaluationResult | null;
}

export interface User {
  username: string;
  roles: string[];
  storyPoints: string[];
  enabled: boolean;
  createdAt: string;
}

/** The key of a pattern within its run, as the selections API knows it. */
export function patternKey(p: Pattern): string {
  return `${p.kind}|${p.questions[0]}|${p.questions[1]}`;
}

// Observation cards (card.CardService)

export interface CardStory {
  id: string;
  role: string;
  words: number;
  complete: boolean;
  text: string;
  excerpt: string;
  quoteStart: number | null;
  quoteEnd: number | null;
  quote: string | null;
  /** Why the story is left off the printed card: hidden, or flagged for personal data. */
  problem: 'hidden' | 'flagged' | null;
  /** Its quote was taken off because a redaction cut into it (until the card is saved again). */
  quoteWithdrawn: boolean;
}

/**
 * A trend on a card ("Door de tijd", CardDocument.Trend): a monitoring result as it was when it was put on the card.
 * {@code scope} says where the stories come from, {@code focus} and {@code rest} name the groups (none when nothing
 * was compared); {@code module} is the module it was computed across, if any.
 */
export interface CardTrend {
  module: string | null;
  scope: string;
  focus: string | null;
  rest: string | null;
  request: MonitorRequest;
  monitor: Monitor;
  takenBy: string;
  takenAt: string;
}

/** PUT /api/cards/{id}/trend (CardService.TrendRequest). */
export interface TrendRequest {
  version?: number;
  module?: string;
  request: MonitorRequest;
}

export interface CardView {
  id: string;
  /** The card's short number within its story point ("Kaart 7"). */
  number: number;
  storyPoint: string;
  runId: string;
  pattern: string;
  version: number;
  title: string;
  observation: string;
  interpretations: string[];
  published: boolean;
  stories: CardStory[];
  figures: CardFigure[];
  trend: CardTrend | null;
  questions: QuestionInfo[];
  data: Pattern;
  provenance: Provenance;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface CardSummary {
  id: string;
  number: number;
  storyPoint: string;
  runId: string;
  pattern: string;
  version: number;
  title: string;
  published: boolean;
  stories: number;
  /** Quotes a redaction took off since the card was last saved. */
  quotesWithdrawn: number;
  /** Whether the card carries a trend ("Door de tijd"). */
  hasTrend: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface Suggestion {
  id: string;
  role: string;
  words: number;
  group: string | null;
  excerpt: string;
}

export interface StoryRef {
  id: string;
  quoteStart: number | null;
  quoteEnd: number | null;
}

export interface Revision {
  version: number;
  savedBy: string;
  savedAt: string;
  content: {
    title: string;
    observation: string;
    interpretations: string[];
    published: boolean;
    stories: StoryRef[];
  };
}

/** An edit of a card: the version it is based on, and the fields that change. */
export interface CardEdit {
  version: number;
  title?: string;
  observation?: string;
  interpretations?: string[];
  stories?: StoryRef[];
  published?: boolean;
  /** The ids of the context figures on the card, in order (a figure already on it keeps its copy). */
  figures?: number[];
}

// Context figures (figure.ContextFigureService)

export interface FigureView extends Figure {
  id: number;
}

export interface FigureSet {
  id: number;
  name: string;
  uploadedBy: string;
  uploadedAt: string;
  figures: FigureView[];
}

export interface Figures {
  storyPoint: string;
  sets: FigureSet[];
}

// Sense-making sessions (session.SenseSessionService)

export interface SessionInput {
  storyPoint?: string;
  title: string;
  heldOn: string;
  place: string | null;
  online: boolean;
}

export interface TablePlan {
  name: string;
  cards: string[];
  stories: string[];
}

export interface TableCard {
  id: string;
  title: string;
  version: number;
  published: boolean;
}

export interface TableStory {
  id: string;
  role: string;
  excerpt: string;
  problem: 'hidden' | 'flagged' | null;
}

export interface TableWarning {
  code: 'too-many-cards' | 'too-many-stories';
  count: number;
  advised: number;
}

export interface SessionTable {
  id: string;
  name: string;
  position: number;
  cards: TableCard[];
  stories: TableStory[];
  linkActive: boolean;
  linkExpiresAt: string | null;
  warnings: TableWarning[];
}

export interface SessionSummary {
  id: string;
  storyPoint: string;
  title: string;
  heldOn: string;
  place: string | null;
  online: boolean;
  tables: number;
  proposals: number;
}

export interface SessionView {
  id: string;
  storyPoint: string;
  title: string;
  heldOn: string;
  place: string | null;
  online: boolean;
  createdBy: string;
  createdAt: string;
  tables: SessionTable[];
  notes: NoteView[];
  proposals: ProposalView[];
}

/** A table's link: the token is shown only this once. */
export interface TableLink {
  tableId: string;
  token: string;
  path: string;
  /** The short code to type at /t ("K7Q-M3X-HD9"); shown only now, like the link. */
  code: string;
  expiresAt: string;
}

export interface ProposalEdit extends ProposalInput {
  published?: boolean;
}

/** A question module as staff read it (GET /api/modules/{id}). */
export interface ModuleView {
  id: string;
  version: number;
  definition: { id: string; title: Texts };
  includedBy: string[];
}

/** One side of a comparison: stories of these story points (module-wide) and/or of a filter. */
export interface ComparisonSide {
  storyPoints?: string[];
  filter?: StoryFilter;
}

/** What to compare: a focus against the rest or against a reference of its own (POST /api/comparisons). */
export interface ComparisonRequest {
  storyPoint?: string;
  module?: string;
  focus: ComparisonSide;
  reference: 'rest' | ComparisonSide;
  settings?: Settings;
}

export type Verdict =
  'shared' | 'stronger-here' | 'weaker-here' | 'only-here' | 'only-elsewhere' | 'opposite' | 'unclear';

/** A pattern on one side of a comparison: its effect with a 95% interval, and the side's own pattern. */
export interface ComparedSide {
  strong: boolean;
  q?: number | null;
  n?: Count | null;
  effect?: number | null;
  low?: number | null;
  high?: number | null;
  interval?: string | null;
  pattern?: Pattern | null;
  skipped?: string | null;
}

export interface PatternComparison {
  key: string;
  kind: Pattern['kind'];
  questions: [string, string];
  effect: string;
  signed: boolean;
  verdict: Verdict;
  comparedGroups?: string[];
  focus: ComparedSide;
  reference: ComparedSide;
  difference?: {
    test: string;
    statistic?: number | null;
    p?: number | null;
    q?: number | null;
    permutations?: number | null;
  } | null;
  notes?: string[];
}

export interface ComparisonResult {
  storyPoint?: string | null;
  module?: string | null;
  confidence: number;
  focus: { stories: Count; fingerprint: string; tests: number; strong: number };
  reference: { stories: Count; fingerprint: string; tests: number; strong: number };
  leftOutVariables?: string[];
  notes?: string[];
  summary: {
    compared: number;
    shared: number;
    strongerHere: number;
    weakerHere: number;
    onlyHere: number;
    onlyElsewhere: number;
    opposite: number;
    unclear: number;
  };
  patterns: PatternComparison[];
}

export interface ComparisonRun {
  id: string;
  storyPoint?: string | null;
  module?: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  createdAt: string;
  finishedAt?: string | null;
  requestedBy: string;
  focusStories?: Count | null;
  referenceStories?: Count | null;
  focusFingerprint?: string | null;
  referenceFingerprint?: string | null;
  error?: string | null;
  request: ComparisonRequest;
  result?: ComparisonResult | null;
}

/** POST /api/storypoints/{slug}/keywords (KeywordRequest): a focus against "rest" or a filter. */
export interface KeywordRequest {
  focus: StoryFilter;
  reference: 'rest' | StoryFilter;
  limit?: number;
}

/** A word that sets the focus apart (KeywordService.Word); counts are suppressed. */
export interface KeywordWord {
  word: string;
  focusStories: Count;
  referenceStories: Count;
  g2: number;
  p: number;
  q: number;
  logRatio: number;
}

/** The answer of the keyness analysis (KeywordService.Keywords). */
export interface Keywords {
  focusSize: Count;
  referenceSize: Count;
  threshold: number;
  minStories: number;
  maxQ: number;
  minLogRatio: number;
  tested: number;
  tooFew: boolean;
  words: KeywordWord[];
}

/** A run a schedule made (ScheduleService.ScheduledRun): the period it was made in; no run id once it is gone. */
export interface ScheduledRun {
  period: string;
  start: string;
  runId?: string;
  status?: string;
}

/** A scheduled evaluation (ScheduleService.ScheduleView), its runs newest first. */
export interface Schedule {
  id: string;
  storyPoint: string;
  interval: 'quarter' | 'month';
  covers: 'last-period' | 'all';
  evaluation: { filter?: StoryFilter | null };
  createdBy: string;
  createdAt: string;
  runs: ScheduledRun[];
}

/** POST /api/storypoints/{slug}/schedules (ScheduleService.ScheduleRequest). */
export interface ScheduleInput {
  interval: string;
  covers: string;
  evaluation: { filter: StoryFilter };
}

/** One indicator of the monitoring screen (MonitorRequest.Indicator). */
export interface MonitorIndicator {
  kind: 'share-at-least' | 'median' | 'share-option';
  question: string;
  threshold?: number;
  option?: string;
}

/** POST /api/storypoints/{slug}/monitor (MonitorRequest). */
export interface MonitorRequest {
  indicators: MonitorIndicator[];
  interval: 'quarter' | 'month';
  filter?: StoryFilter;
  compare?: { filter: StoryFilter };
}

/** A period of a group (MonitorService.Point): no value when fewer than the threshold answered. */
export interface MonitorPoint {
  period: string;
  start: string;
  end: string;
  stories: Count;
  value?: number;
  low?: number;
  high?: number;
  coverage?: number;
}

export interface MonitorSeries {
  group: 'all' | 'focus' | 'rest';
  points: MonitorPoint[];
}

export interface MonitorIndicatorResult {
  indicator: MonitorIndicator;
  questionNumber: number;
  questionLabel: string;
  optionLabel?: string;
  series: MonitorSeries[];
}

export interface Monitor {
  storyPoint: string;
  interval: 'quarter' | 'month';
  threshold: number;
  compared: boolean;
  periods: string[];
  indicators: MonitorIndicatorResult[];
}
