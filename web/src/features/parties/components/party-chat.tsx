import { PARTY_LIMITS, PartyMessageInputSchema, type Party } from '@muse/shared';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { usePartyMessages } from '../api/get-party-messages';
import { usePostPartyMessage } from '../api/post-party-message';
import { useRemovePartyMessage } from '../api/remove-party-message';
import { ReportDialogButton } from '../../../components/report-dialog-button';
import { reportPartyMessage } from '../api/report-party-message';

interface PartyChatProps {
  party: Party;
  viewerId: string;
}

/** The live chat: messages as they arrive (a polite live region), a box to write, report and (host, moderators) remove. */
export function PartyChat({ party, viewerId }: PartyChatProps) {
  const messages = usePartyMessages(party.id, party.viewer.joined || party.status === 'ended');
  const post = usePostPartyMessage(party.id);
  const remove = useRemovePartyMessage(party.id);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const canWrite = party.viewer.joined && party.status === 'live';

  return (
    <section className="card party-chat" aria-labelledby="party-chat-title">
      <h2 id="party-chat-title" className="card-title">
        Chat
      </h2>
      <ol className="party-messages" role="log" aria-live="polite" aria-label="Party chat">
        {(messages.data?.items ?? []).map((m) => (
          <li key={m.id} className="party-message">
            <strong>{m.author.displayName}</strong> <span className="muted">@{m.author.handle}</span>
            <p>{m.body}</p>
            {m.author.id !== viewerId && (
              <ReportDialogButton noun="message" authorName={m.author.displayName} send={(reason) => reportPartyMessage(party.id, m.id, reason)} />
            )}
            {party.viewer.canModerate && (
              <Button size="sm" variant="ghost" aria-label={`Remove message by ${m.author.displayName}`} onClick={() => remove.mutate(m.id)}>
                Remove
              </Button>
            )}
          </li>
        ))}
      </ol>
      {messages.data?.items.length === 0 && <p className="muted">No messages yet.</p>}
      {canWrite && (
        <form
          className="party-chat-form"
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = PartyMessageInputSchema.safeParse({ body: draft });
            if (!parsed.success) return setError(parsed.error.issues[0]?.message);
            setError(undefined);
            post.mutate(parsed.data.body, { onSuccess: () => setDraft('') });
          }}
        >
          <TextField
            label="Message"
            name="message"
            value={draft}
            maxLength={PARTY_LIMITS.message}
            onChange={(e) => setDraft(e.target.value)}
            error={error}
            autoComplete="off"
          />
          <Button type="submit" size="sm" pending={post.isPending}>
            Send
          </Button>
          {post.isError && <Alert tone="error">{post.error.message}</Alert>}
        </form>
      )}
    </section>
  );
}
