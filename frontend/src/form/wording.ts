// The questions as a storyteller of one role reads them, shared by the public form and the verteltafel: only
// the questions asked to the role, each in the role's wording (labelByRole and the like, falling back text by
// text to the neutral wording), numbered 1, 2, 3… without the gaps that questions for other roles leave. The
// definition's own numbers and neutral labels stay for staff.
import type { ByRole, Definition, Question, Texts } from '../types';

/** A text for a role: the role's wording in each language it has, the neutral text in the others. */
export function forRole(
  neutral: Texts | undefined,
  byRole: ByRole | undefined,
  role: string,
): Texts | undefined {
  const worded = byRole?.[role];
  return worded ? { ...neutral, ...worded } : neutral;
}

/** Whether a question is asked to storytellers of a role. */
export function askedTo(q: Question, role: string): boolean {
  return !q.roles || q.roles.includes(role);
}

/** One question as storytellers of the role read it, with the number they see. */
export function wordedFor(q: Question, role: string, number: number): Question {
  return {
    ...q,
    number,
    label: forRole(q.label, q.labelByRole, role) ?? q.label,
    help: forRole(q.help, q.helpByRole, role),
    left: forRole(q.left, q.leftByRole, role),
    right: forRole(q.right, q.rightByRole, role),
    options: q.options?.map((o) => ({ ...o, label: forRole(o.label, o.labelByRole, role) ?? o.label })),
    items: q.items?.map((o) => ({ ...o, label: forRole(o.label, o.labelByRole, role) ?? o.label })),
  };
}

/** The questions a storyteller of the role answers, in their wording and numbered without gaps; none without a role. */
export function questionsFor(definition: Definition, role: string | null): Question[] {
  if (role === null) {
    return [];
  }
  return definition.questions.filter((q) => askedTo(q, role)).map((q, i) => wordedFor(q, role, i + 1));
}
