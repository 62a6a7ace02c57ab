import { LIMITS, RegisterSchema, type SessionResponse } from '@muse/shared';
import type { FormEvent } from 'react';
import { NameAndHandleFields } from '../../../components/name-and-handle-fields';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useZodForm } from '../../../lib/use-zod-form';
import { useRegister } from '../api/register';

/** The sign-up form: checks input with the API's own schema, then shows any server objections. */
export function RegisterForm({ onSuccess }: { onSuccess: (session: SessionResponse) => void }) {
  const form = useZodForm(RegisterSchema, { displayName: '', handle: '', email: '', password: '' });
  const registerMutation = useRegister();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    registerMutation.mutate(input, { onSuccess, onError: form.showError });
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="register-title">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <NameAndHandleFields bind={form.bind} />
      <TextField label="Email" type="email" autoComplete="email" inputMode="email" {...form.bind('email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${LIMITS.password.min} characters. A passphrase works well.`}
        {...form.bind('password')}
      />
      <Button type="submit" pending={registerMutation.isPending} className="btn-block">
        Create account
      </Button>
    </form>
  );
}
