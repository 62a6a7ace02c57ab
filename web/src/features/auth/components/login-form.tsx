import { LoginSchema, type SessionResponse } from '@muse/shared';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useZodForm } from '../../../lib/use-zod-form';
import { useLogin } from '../api/login';

/** The sign-in form; wrong credentials and rate limits are shown above the fields. */
export function LoginForm({ onSuccess }: { onSuccess: (session: SessionResponse) => void }) {
  const form = useZodForm(LoginSchema, { identifier: '', password: '' });
  const loginMutation = useLogin();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    loginMutation.mutate(input, { onSuccess, onError: form.showError });
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="login-title">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <TextField label="Handle or email" autoComplete="username" autoCapitalize="none" spellCheck={false} {...form.bind('identifier')} />
      <TextField label="Password" type="password" autoComplete="current-password" {...form.bind('password')} />
      <Button type="submit" pending={loginMutation.isPending} className="btn-block">
        Log in
      </Button>
    </form>
  );
}
