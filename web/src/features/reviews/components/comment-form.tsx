import { COMMENT_BODY_MAX, CommentCreateSchema } from '@muse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/textarea-field';
import { isApiError } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/use-zod-form';
import { useCreateComment } from '../api/create-comment';

/** The reply box under a review: up to 2,000 characters, checked with the API's own schema. */
export function CommentForm({ reviewId }: { reviewId: string }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateComment(reviewId);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = CommentCreateSchema.safeParse({ body });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).body);
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: () => {
        setBody('');
        setError(undefined);
      },
      onError: (failure) => {
        if (isApiError(failure) && failure.fieldErrors.body) setError(failure.fieldErrors.body);
        else setFormError(isApiError(failure) ? failure.detail : 'Your comment was not posted. Please try again.');
      },
    });
  };

  return (
    <form className="form comment-form" onSubmit={handleSubmit} noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextareaField
        label="Add a comment"
        name="body"
        rows={3}
        maxChars={COMMENT_BODY_MAX}
        value={body}
        error={error}
        onChange={(event) => {
          setBody(event.target.value);
          setError(undefined);
        }}
      />
      <div className="form-actions form-actions-end">
        <Button type="submit" size="sm" pending={create.isPending}>
          Post comment
        </Button>
      </div>
    </form>
  );
}
