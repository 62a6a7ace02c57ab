import { PARTY_LIMITS, type PartyVisibility } from '@muse/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { useCreateParty } from '../api/create-party';
import { parseHandles } from './party-invitations';

/** Host a party on an album: now or at a time, public or by invitation (handles separated by commas or spaces). */
export function StartPartyForm({ albumId, albumTitle }: { albumId: string; albumTitle: string }) {
  const create = useCreateParty();
  const navigate = useNavigate();
  const [visibility, setVisibility] = useState<PartyVisibility>('public');
  const [when, setWhen] = useState('');
  const [invite, setInvite] = useState('');
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const errorOf = (field: string) => Object.entries(fieldErrors).find(([path]) => path.startsWith(field))?.[1];

  return (
    <form
      className="form card"
      onSubmit={(event) => {
        event.preventDefault();
        const handles = parseHandles(invite);
        create.mutate(
          { albumId, visibility, invite: handles, ...(when ? { scheduledFor: new Date(when).toISOString() } : {}) },
          { onSuccess: (party) => navigate(`/parties/${party.id}`) },
        );
      }}
    >
      <h2 className="card-title">Host a listening party for {albumTitle}</h2>
      <SelectField
        label="Who may come"
        value={visibility}
        onChange={(e) => setVisibility(e.target.value as PartyVisibility)}
        options={[
          { value: 'public', label: 'Anyone (your followers are told)' },
          { value: 'private', label: 'Only people I invite' },
        ]}
      />
      <TextField
        label="Start at (leave empty to start now)"
        name="scheduledFor"
        type="datetime-local"
        value={when}
        onChange={(e) => setWhen(e.target.value)}
        error={errorOf('scheduledFor')}
        hint={`Up to ${PARTY_LIMITS.scheduleDays} days ahead.`}
      />
      <TextField
        label="Invite (handles)"
        name="invite"
        value={invite}
        onChange={(e) => setInvite(e.target.value)}
        error={errorOf('invite')}
        hint="Separate handles with spaces or commas."
      />
      <Button type="submit" pending={create.isPending}>
        {when ? 'Schedule the party' : 'Start the party now'}
      </Button>
      {create.isError && Object.keys(fieldErrors).length === 0 && <Alert tone="error">{create.error.message}</Alert>}
    </form>
  );
}
