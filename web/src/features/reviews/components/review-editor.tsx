import {
  DiaryEntryCreateSchema,
  REVIEW_BODY_MAX,
  ReviewCreateSchema,
  ReviewUpdateSchema,
  type DiaryEntryView,
  type ReviewView,
  type Visibility,
} from '@muse/shared';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { RatingInput } from '../../../components/ui/rating-input';
import { SelectField } from '../../../components/ui/select-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { TextField } from '../../../components/ui/text-field';
import { isApiError, type FieldErrors } from '../../../lib/api-client';
import { todayLocal } from '../../../lib/format-music';
import { zodFieldErrors } from '../../../lib/use-zod-form';
import { VISIBILITY_OPTIONS } from '../../../lib/visibility-labels';
import { useCreateReview } from '../api/create-review';
import { useLogListen } from '../api/log-listen';
import { useUpdateReview } from '../api/update-review';

/** What the editor produced: a published or edited review, or a diary entry without text. */
export type EditorResult = { kind: 'review'; review: ReviewView } | { kind: 'diary'; entry: DiaryEntryView };

interface ReviewEditorProps {
  albumId: string;
  /** Reviews this track of the album instead: text is required and nothing goes to the diary. */
  trackId?: string;
  /** The review being edited; without it the editor logs a listen or publishes a new review. */
  review?: ReviewView;
  /** Prefills the rating of a new entry (the viewer's current rating of the album). */
  initialRating?: number | null;
  onDone: (result: EditorResult) => void;
  onCancel: () => void;
}

interface EditorValues {
  body: string;
  rating: number | null;
  listenedOn: string;
  isRelisten: boolean;
  /** Who sees it; '' keeps the author's default (new entries only). */
  visibility: Visibility | '';
}

// The server names the text "review" on diary entries and "body" on reviews; both belong to one field.
const FIELD_OF_PATH: Record<string, keyof EditorValues> = {
  body: 'body',
  review: 'body',
  rating: 'rating',
  listenedOn: 'listenedOn',
  isRelisten: 'isRelisten',
  visibility: 'visibility',
};

/** The choices of audience: a new entry may keep the author's default, an edited review has its own. */
const DEFAULT_AUDIENCE = { value: '', label: 'My default setting' };

/** The chosen audience as the API takes it (absent: the author's default). */
const audience = (values: EditorValues): { visibility?: Visibility } => (values.visibility ? { visibility: values.visibility } : {});

/**
 * Checks the editor's values with the API's own schemas: without text it is a diary entry
 * (`DiaryEntryCreateSchema`), with text a review (`ReviewCreateSchema`, or `ReviewUpdateSchema`
 * when editing). A listened-on date after today (in the user's own time zone) is refused too.
 * A track review (`track`) is always a review, and its date is optional.
 */
export function validateEditor(values: EditorValues, albumId: string, editing: boolean, today = todayLocal(), track = false) {
  const errors: FieldErrors = {};
  const listenedOn = values.listenedOn || null;
  let parsed: { success: true; data: unknown } | { success: false; error: Parameters<typeof zodFieldErrors>[0] };
  let kind: 'review' | 'diary' | 'update';
  if (editing) {
    kind = 'update';
    parsed = ReviewUpdateSchema.safeParse({ body: values.body, rating: values.rating, listenedOn, isRelisten: values.isRelisten, ...audience(values) });
  } else if (values.body.trim() === '' && !track) {
    kind = 'diary';
    parsed = DiaryEntryCreateSchema.safeParse({
      albumId,
      listenedOn: values.listenedOn,
      rating: values.rating,
      isRelisten: values.isRelisten,
      ...audience(values),
    });
  } else {
    kind = 'review';
    parsed = ReviewCreateSchema.safeParse({ body: values.body, rating: values.rating, listenedOn, isRelisten: values.isRelisten, ...audience(values) });
  }
  if (!parsed.success) {
    for (const [path, message] of Object.entries(zodFieldErrors(parsed.error))) {
      const field = FIELD_OF_PATH[path];
      if (field && errors[field] === undefined) errors[field] = message;
    }
  }
  if (!editing && !track && !values.listenedOn && errors.listenedOn === undefined) errors.listenedOn = 'Choose the day you listened';
  if (values.listenedOn && values.listenedOn > today && errors.listenedOn === undefined) errors.listenedOn = 'Date cannot be in the future';
  const ok = parsed.success && Object.keys(errors).length === 0;
  return { ok, errors, kind, data: parsed.success ? parsed.data : null };
}

/**
 * The log / review form: listened-on date (today by default, never the future), relisten,
 * half-star rating and review text up to 10,000 characters with a live counter. Leaving the
 * text empty logs the listen in the diary; writing something publishes a review.
 */
export function ReviewEditor({ albumId, trackId, review, initialRating = null, onDone, onCancel }: ReviewEditorProps) {
  const editing = review !== undefined;
  const track = trackId !== undefined || Boolean(review?.track);
  const today = todayLocal();
  const [values, setValues] = useState<EditorValues>({
    body: review?.body ?? '',
    rating: review ? review.rating : initialRating,
    listenedOn: review ? (review.listenedOn ?? '') : trackId ? '' : today,
    isRelisten: review?.isRelisten ?? false,
    visibility: review?.visibility ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const createReview = useCreateReview();
  const logListen = useLogListen();
  const updateReview = useUpdateReview();
  const pending = createReview.isPending || logListen.isPending || updateReview.isPending;

  const set = <K extends keyof EditorValues>(field: K, value: EditorValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (current[field] === undefined) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  };

  const focusFirstError = (fieldErrors: FieldErrors) => {
    const first = (['listenedOn', 'rating', 'body'] as const).find((field) => fieldErrors[field] !== undefined);
    if (!first) return;
    const element = first === 'rating' ? formRef.current?.querySelector<HTMLElement>('[role="slider"]') : formRef.current?.elements.namedItem(first);
    if (element instanceof HTMLElement) element.focus();
  };

  const showServerError = (error: unknown) => {
    if (!isApiError(error)) {
      setFormError('Something went wrong. Please try again.');
      return;
    }
    const onFields: FieldErrors = {};
    const elsewhere: string[] = [];
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      const field = FIELD_OF_PATH[path];
      if (field && onFields[field] === undefined) onFields[field] = message;
      else elsewhere.push(message);
    }
    setErrors(onFields);
    setFormError(elsewhere.length > 0 ? elsewhere.join(' ') : Object.keys(onFields).length > 0 ? null : error.detail);
    focusFirstError(onFields);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const result = validateEditor(values, albumId, editing, today, track);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(result.errors);
      return;
    }
    setErrors({});
    const listenedOn = values.listenedOn || null;
    if (editing && review) {
      updateReview.mutate(
        { id: review.id, input: { body: values.body, rating: values.rating, listenedOn, isRelisten: values.isRelisten, ...audience(values) } },
        { onSuccess: (updated) => onDone({ kind: 'review', review: updated }), onError: showServerError },
      );
    } else if (result.kind === 'diary') {
      logListen.mutate(
        { albumId, listenedOn: values.listenedOn, rating: values.rating, isRelisten: values.isRelisten, ...audience(values) },
        { onSuccess: (entry) => onDone({ kind: 'diary', entry }), onError: showServerError },
      );
    } else {
      createReview.mutate(
        { albumId, trackId, input: { body: values.body, rating: values.rating, listenedOn, isRelisten: values.isRelisten, ...audience(values) } },
        { onSuccess: (created) => onDone({ kind: 'review', review: created }), onError: showServerError },
      );
    }
  };

  const writing = values.body.trim() !== '';
  const submitLabel = editing ? 'Save changes' : writing || track ? 'Publish review' : 'Log listen';

  return (
    <form ref={formRef} className="form review-editor" onSubmit={handleSubmit} noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="review-editor-row">
        <TextField
          label="Listened on"
          name="listenedOn"
          type="date"
          max={today}
          min="1900-01-01"
          required={!editing && !track}
          value={values.listenedOn}
          error={errors.listenedOn}
          onChange={(event) => set('listenedOn', event.target.value)}
        />
        <label className="checkbox-field">
          <input type="checkbox" name="isRelisten" checked={values.isRelisten} onChange={(event) => set('isRelisten', event.target.checked)} />
          <span>I’ve listened to it before</span>
        </label>
      </div>
      <div className={`field${errors.rating ? ' field-invalid' : ''}`}>
        <span className="field-label">Rating</span>
        <RatingInput value={values.rating} label="Rating for this listen" size="lg" clearable commitDelayMs={0} onChange={(rating) => set('rating', rating)} />
        {errors.rating && <p className="field-error">{errors.rating}</p>}
      </div>
      <TextareaField
        label="Review"
        name="body"
        rows={8}
        maxChars={REVIEW_BODY_MAX}
        placeholder={track ? 'What does this track do for you?' : 'Add a review… (leave empty to just log the listen)'}
        hint={editing || track ? undefined : 'Leave it empty to only log the listen in your diary.'}
        value={values.body}
        error={errors.body}
        onChange={(event) => set('body', event.target.value)}
      />
      <SelectField
        label="Who can see it"
        name="visibility"
        value={values.visibility}
        options={editing ? VISIBILITY_OPTIONS : [DEFAULT_AUDIENCE, ...VISIBILITY_OPTIONS]}
        onChange={(event) => set('visibility', event.target.value as EditorValues['visibility'])}
      />
      <div className="form-actions form-actions-end">
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
