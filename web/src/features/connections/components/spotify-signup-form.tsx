import { SpotifySignupSchema, type SessionResponse, type SpotifyPending } from '@muse/shared';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { NameAndHandleFields } from '../../../components/name-and-handle-fields';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useZodForm } from '../../../lib/use-zod-form';
import { completeSpotifySignup, useSpotifyPending } from '../api/connections';

/** The last step of "Sign in with Spotify" for someone new: pick the handle and name of the Muse account. */
export function SpotifySignupForm({ onSuccess }: { onSuccess: (session: SessionResponse) => void }) {
  const pending = useSpotifyPending();
  if (pending.isPending) return <p className="muted">Checking your Spotify sign-in…</p>;
  if (pending.isError)
    return (
      <Alert tone="error">
        There is no Spotify sign-in waiting to be finished (it lasts ten minutes). <a href="/api/auth/spotify">Start again</a>.
      </Alert>
    );
  return <HandleForm pending={pending.data} onSuccess={onSuccess} />;
}

/** The form itself, started from the suggestion the server made from the Spotify name. */
function HandleForm({ pending, onSuccess }: { pending: SpotifyPending; onSuccess: (session: SessionResponse) => void }) {
  const form = useZodForm(SpotifySignupSchema, { handle: pending.suggestedHandle, displayName: pending.displayName ?? '' });
  const complete = useMutation({ mutationFn: completeSpotifySignup });

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    complete.mutate(input, { onSuccess, onError: form.showError });
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="signup-spotify-title">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <NameAndHandleFields bind={form.bind} />
      <Button type="submit" pending={complete.isPending} className="btn-block">
        Create my account
      </Button>
    </form>
  );
}
