import { isApiError } from '../../../lib/api-client';
import type { EntryEdit, EntryEditOutcome } from '../api/use-entry-edits';
import { PlaylistChangedError } from '../api/version-conflict';

/** A message about an entry edit: shown on the page, and read out politely or at once. */
export interface EditNotice {
  tone: 'info' | 'error';
  text: string;
}

function what(edit: EntryEdit): string {
  if (edit.type === 'move') return `your move of “${edit.label}”`;
  if (edit.type === 'note') return `your note on “${edit.label}”`;
  return `removing “${edit.label}”`;
}

/** The user's own words, so a note that could not be saved is not lost. */
function keptNote(edit: EntryEdit): string {
  return edit.type === 'note' && edit.note ? ` Your note was: “${edit.note}”` : '';
}

/** What to tell the user when an edit was merged into someone else's change or could no longer be made; null when nothing is worth saying. */
export function outcomeNotice(outcome: EntryEditOutcome): EditNotice | null {
  const { edit } = outcome;
  if (outcome.status === 'gone') {
    return {
      tone: 'error',
      text: `“${edit.label}” was removed from this playlist by someone else before ${what(edit)} was saved. This is the playlist as it is now.${keptNote(edit)}`,
    };
  }
  if (outcome.rebased) return { tone: 'info', text: `Someone else changed this playlist meanwhile; ${what(edit)} was applied to the latest version.` };
  return null;
}

/** What to tell the user when an edit failed. */
export function failureNotice(edit: EntryEdit, error: unknown): EditNotice {
  const subject = what(edit);
  const capitalised = subject.charAt(0).toUpperCase() + subject.slice(1);
  if (error instanceof PlaylistChangedError) {
    return {
      tone: 'error',
      text: `The playlist kept changing, so ${subject} was not saved. This is the playlist as it is now; please try again.${keptNote(edit)}`,
    };
  }
  const reason = isApiError(error) ? error.detail : error instanceof Error ? error.message : 'Something went wrong.';
  return { tone: 'error', text: `${capitalised} was not saved: ${reason}${keptNote(edit)}` };
}
