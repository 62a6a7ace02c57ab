import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConvertDialog, type ConvertSourceChoice } from '../../features/conversion/components/convert-dialog';
import { ConvertSourcePicker } from '../../features/conversion/components/convert-source-picker';

/** `/convert`: pick a playlist (yours on Muse, yours on a connected service, or a pasted link), then the Convert dialog. */
export function ConvertRoute() {
  const navigate = useNavigate();
  const [choice, setChoice] = useState<ConvertSourceChoice | null>(null);
  return (
    <div className="page page-narrow">
      <title>Convert a playlist · Muse</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/conversions">Conversions</Link>
        </p>
        <h1>Convert a playlist</h1>
        <p className="muted">
          Copy a playlist to Spotify, Apple Music or Muse. Every track is matched by ISRC first, then by title and artist; a track Muse is not sure of is left
          for you to review rather than guessed, and the report says what happened to each one.
        </p>
      </header>
      <ConvertSourcePicker onPick={setChoice} />
      <ConvertDialog
        open={choice !== null}
        choice={choice}
        onClose={() => setChoice(null)}
        onStarted={(conversion) => void navigate(`/conversions/${encodeURIComponent(conversion.id)}`)}
      />
    </div>
  );
}
