// The "log a drill" form's model, pure: the values typed so far, the checks before sending (each naming its field,
// as the API's CreateDrillDto would refuse it), the API body, and the summary line of the latest fire evacuation drill.
import { DRILL_KINDS, type Drill, type DrillKind } from '../../../api/incidents';

export interface DrillForm {
  kind: DrillKind | '';
  /** `YYYY-MM-DD`. */
  heldOn: string;
  participants: string;
  note: string;
}

export type DrillField = keyof DrillForm;
export type DrillProblem = 'required' | 'future' | 'count' | 'tooLong';

export const DRILL_NOTE_MAX = 1000;
export const DRILL_PARTICIPANTS_MAX = 10_000;

export function emptyDrillForm(today: string): DrillForm {
  return { kind: 'fire_evacuation', heldOn: today, participants: '', note: '' };
}

/** What is wrong with the form, by field; `today` is Asia/Shanghai's date, the API's calendar. */
export function drillProblems(form: DrillForm, today: string): Partial<Record<DrillField, DrillProblem>> {
  const problems: Partial<Record<DrillField, DrillProblem>> = {};
  if (!(DRILL_KINDS as readonly string[]).includes(form.kind)) problems.kind = 'required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.heldOn)) problems.heldOn = 'required';
  else if (form.heldOn > today) problems.heldOn = 'future';
  const participants = form.participants.trim();
  if (participants === '') problems.participants = 'required';
  else if (!/^\d+$/.test(participants) || Number(participants) < 1 || Number(participants) > DRILL_PARTICIPANTS_MAX)
    problems.participants = 'count';
  if (form.note.trim().length > DRILL_NOTE_MAX) problems.note = 'tooLong';
  return problems;
}

/** The API body of a checked form. */
export function toDrillInput(form: DrillForm): { kind: DrillKind; heldOn: string; participants: number; note?: string } {
  const note = form.note.trim();
  return { kind: form.kind as DrillKind, heldOn: form.heldOn, participants: Number(form.participants.trim()), ...(note ? { note } : {}) };
}

/** The latest fire evacuation drill and the whole days since it (null when none was logged). */
export function latestFireDrill(drills: readonly Drill[], today: string): { heldOn: string; daysAgo: number } | null {
  const latest = drills
    .filter((d) => d.kind === 'fire_evacuation')
    .map((d) => d.heldOn)
    .sort()
    .at(-1);
  if (!latest) return null;
  return { heldOn: latest, daysAgo: Math.round((Date.parse(today) - Date.parse(latest)) / 86_400_000) };
}
