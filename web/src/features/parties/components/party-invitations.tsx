import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { Alert } from '../../../components/ui/alert';
import { ApiError } from '../../../lib/api-client';
import { useInviteToParty, usePartyInvitees, useWithdrawPartyInvitation } from '../api/party-invitations';

/** Handles typed with or without @, separated by spaces or commas. */
export function parseHandles(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((h) => h.replace(/^@/, ''))
    .filter(Boolean);
}

/**
 * The host's invitations: who is invited (each can be withdrawn: at a private party they lose
 * sight of it), and a box to invite more (they are notified once).
 */
export function PartyInvitations({ partyId }: { partyId: string }) {
  const invitees = usePartyInvitees(partyId);
  const invite = useInviteToParty(partyId);
  const withdraw = useWithdrawPartyInvitation(partyId);
  const [text, setText] = useState('');
  const fieldErrors = invite.error instanceof ApiError ? invite.error.fieldErrors : {};
  const fieldError = Object.values(fieldErrors)[0];
  const people = invitees.data?.items ?? [];

  return (
    <section className="card" aria-labelledby="party-invitations-title">
      <h2 id="party-invitations-title" className="card-title">
        Invitations
      </h2>
      {people.length === 0 ? (
        <p className="muted">Nobody invited yet.</p>
      ) : (
        <ul className="party-invitees" aria-label="Invited">
          {people.map((p) => (
            <li key={p.id}>
              <Link to={`/users/${encodeURIComponent(p.handle)}`}>{p.displayName}</Link>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Withdraw the invitation of ${p.displayName}`}
                pending={withdraw.isPending && withdraw.variables === p.id}
                onClick={() => withdraw.mutate(p.id)}
              >
                Withdraw
              </Button>
            </li>
          ))}
        </ul>
      )}
      {withdraw.isError && <Alert tone="error">{withdraw.error.message}</Alert>}
      <form
        className="party-chat-form"
        onSubmit={(event) => {
          event.preventDefault();
          const handles = parseHandles(text);
          if (handles.length) invite.mutate({ invite: handles }, { onSuccess: () => setText('') });
        }}
      >
        <TextField
          label="Invite more people (handles)"
          name="invite-more"
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={fieldError}
          hint="Separate handles with spaces or commas. Each is notified once."
        />
        <Button type="submit" variant="secondary" pending={invite.isPending}>
          Invite
        </Button>
      </form>
      {invite.isError && !fieldError && <Alert tone="error">{invite.error.message}</Alert>}
      {invite.isSuccess && <p role="status">Invitations sent.</p>}
    </section>
  );
}
