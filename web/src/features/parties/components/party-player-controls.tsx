import type { Party } from '@muse/shared';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { clockOffsetFrom, playbackSecondsAt } from '../api/playback-position';
import { useHandOverPartyControl } from '../api/hand-over-party-control';
import { useSetPartyPlayback } from '../api/set-party-playback';

/** Seconds one press of the seek buttons moves the shared player. */
const SEEK_STEP_SECONDS = 10;

interface PartyPlayerControlsProps {
  party: Party;
  inControl: boolean;
}

/** For whoever has control: pause or resume and seek for everyone; for them or the host: hand control over. */
export function PartyPlayerControls({ party, inControl }: PartyPlayerControlsProps) {
  const setPlayback = useSetPartyPlayback(party.id);
  const handOver = useHandOverPartyControl(party.id);
  const others = party.participants.filter((p) => p.id !== party.playback.controller.id);
  const [handle, setHandle] = useState('');
  const { playback } = party;
  const now = () => playbackSecondsAt(playback, clockOffsetFrom(party.serverTime, Date.now()), Date.now());
  const move = (patch: { seconds?: number; playing?: boolean }) => {
    if (!playback.trackId) return;
    const seconds = Math.max(0, patch.seconds ?? now());
    setPlayback.mutate({ trackId: playback.trackId, positionMs: Math.round(seconds * 1000), playing: patch.playing ?? playback.playing });
  };
  const mayHandOver = inControl || party.viewer.isHost;

  return (
    <section className="card" aria-labelledby="party-controls-title">
      <h2 id="party-controls-title" className="card-title">
        {inControl ? 'You have control' : `@${playback.controller.handle} has control`}
      </h2>
      {inControl && (
        <div className="party-controls" role="group" aria-label="Shared player">
          <Button size="sm" disabled={!playback.trackId} onClick={() => move({ playing: !playback.playing })}>
            {playback.playing ? 'Pause for everyone' : 'Resume for everyone'}
          </Button>
          <Button size="sm" variant="secondary" disabled={!playback.trackId} onClick={() => move({ seconds: now() - SEEK_STEP_SECONDS })}>
            Back {SEEK_STEP_SECONDS} s
          </Button>
          <Button size="sm" variant="secondary" disabled={!playback.trackId} onClick={() => move({ seconds: now() + SEEK_STEP_SECONDS })}>
            Forward {SEEK_STEP_SECONDS} s
          </Button>
          {!playback.trackId && <p className="muted">Pick a track to play it for everyone.</p>}
        </div>
      )}
      {mayHandOver && others.length > 0 && (
        <form
          className="party-hand-over"
          onSubmit={(event) => {
            event.preventDefault();
            const to = handle || others[0]!.handle;
            handOver.mutate(to);
          }}
        >
          <SelectField
            label="Hand control to"
            value={handle || others[0]!.handle}
            onChange={(event) => setHandle(event.target.value)}
            options={others.map((p) => ({ value: p.handle, label: `${p.displayName} (@${p.handle})` }))}
          />
          <Button type="submit" size="sm" variant="secondary" pending={handOver.isPending}>
            Hand over control
          </Button>
        </form>
      )}
    </section>
  );
}
