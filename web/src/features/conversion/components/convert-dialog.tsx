import type { Connection, ConversionMode, ConversionSource, ConversionTarget, ConversionView, ProviderName } from '@muse/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { loadSchemas } from '../../../lib/shared-schemas';
import { useCreateConversion } from '../api/create-conversion';
import { useConnections } from '../../../lib/music-services';
import { TARGET_NAMES, TARGETS } from './conversion-labels';

/** What is being converted, with what the dialog shows of it. */
export interface ConvertSourceChoice {
  source: ConversionSource;
  /** The playlist's name when known (a pasted link has none until the server reads it). */
  title: string | null;
  /** The service it lives on; null for a Muse playlist (and for a link, until read). */
  provider: ProviderName | null;
}

interface ConvertDialogProps {
  open: boolean;
  onClose: () => void;
  choice: ConvertSourceChoice | null;
  onStarted: (conversion: ConversionView) => void;
}

/** The "Convert" modal: which playlist, to which service, under which name, and whether to make a new one or sync the last one. */
export function ConvertDialog({ open, onClose, choice, onStarted }: ConvertDialogProps) {
  return (
    <Dialog open={open && choice !== null} onClose={onClose} title="Convert playlist">
      {open && choice && <ConvertForm choice={choice} onCancel={onClose} onStarted={onStarted} />}
    </Dialog>
  );
}

type TargetState = { enabled: true } | { enabled: false; reason: string; connect: boolean };

/** Whether a target can be chosen for this source, and if not, why in words. */
export function targetState(target: ConversionTarget, choice: ConvertSourceChoice, available: ProviderName[], connections: Connection[]): TargetState {
  if (target === 'muse') {
    return choice.source.kind === 'muse'
      ? { enabled: false, reason: 'It is already a Muse playlist: use Clone to copy it.', connect: false }
      : { enabled: true };
  }
  const name = TARGET_NAMES[target];
  if (choice.provider === target) return { enabled: false, reason: `The playlist is already on ${name}.`, connect: false };
  if (!available.includes(target)) return { enabled: false, reason: `This Muse server does not offer ${name}.`, connect: false };
  const connection = connections.find((c) => c.provider === target);
  if (!connection) return { enabled: false, reason: `Connect ${name} first.`, connect: true };
  if (connection.status === 'needs_reconnect') return { enabled: false, reason: `${name} needs reconnecting first.`, connect: true };
  return { enabled: true };
}

function ConvertForm({ choice, onCancel, onStarted }: { choice: ConvertSourceChoice; onCancel: () => void; onStarted: (conversion: ConversionView) => void }) {
  const connections = useConnections();
  const create = useCreateConversion();
  const [picked, setPicked] = useState<ConversionTarget | null>(null);
  const [mode, setMode] = useState<ConversionMode>('new');
  const [name, setName] = useState(choice.title ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusName = () => {
    const field = formRef.current?.elements.namedItem('name');
    if (field instanceof HTMLElement) field.focus();
  };
  const ids = { target: useId(), mode: useId(), syncHint: useId() };

  const states = connections.data
    ? Object.fromEntries(TARGETS.map((t) => [t, targetState(t, choice, connections.data.available, connections.data.items)]))
    : null;
  // The first target that can be chosen, services before Muse, until the user picks one.
  const target = picked ?? TARGETS.find((t) => states?.[t]?.enabled) ?? null;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    setNameError(null);
    create.reset();
    if (!target) {
      setFormError('Choose where to convert the playlist to.');
      return;
    }
    const { ConversionCreateSchema } = await loadSchemas();
    const parsed = ConversionCreateSchema.safeParse({ source: choice.source, target, mode, ...(mode === 'new' && name.trim() ? { name } : {}) });
    if (!parsed.success) {
      const nameIssue = parsed.error.issues.find((issue) => issue.path[0] === 'name');
      if (nameIssue) {
        setNameError(nameIssue.message);
        focusName();
      } else setFormError(parsed.error.issues[0]?.message ?? 'Check the form and try again.');
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (view) => onStarted(view),
      onError: (error) => {
        if (isApiError(error) && error.fieldErrors.name) {
          setNameError(error.fieldErrors.name);
          focusName();
        }
      },
    });
  };

  return (
    <form ref={formRef} className="form convert-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label="Convert playlist">
      <div className="convert-source">
        <p className="field-label">Playlist</p>
        <p className="convert-source-name">
          {choice.title ?? (choice.source.kind === 'url' ? choice.source.url : 'A playlist')}
          <span className="muted"> · {sourceLabel(choice)}</span>
        </p>
      </div>
      {formError && <Alert tone="error">{formError}</Alert>}
      {create.isError && <CreateError error={create.error} target={target} />}
      <fieldset className="fieldset" aria-describedby={ids.target}>
        <legend className="field-label">Convert to</legend>
        {connections.isPending && <p className="muted">Checking your connected services…</p>}
        {connections.isError && <Alert tone="error">Could not load your connected services. {connections.error.message}</Alert>}
        {states && (
          <ul className="convert-targets">
            {TARGETS.map((t) => {
              const state = states[t]!;
              const reasonId = `${ids.target}-${t}`;
              return (
                <li key={t} className={`convert-target${state.enabled ? '' : ' convert-target-disabled'}`}>
                  <label className="radio-field">
                    <input
                      type="radio"
                      name="target"
                      value={t}
                      checked={target === t}
                      disabled={!state.enabled}
                      aria-describedby={state.enabled ? undefined : reasonId}
                      onChange={() => setPicked(t)}
                    />
                    <span>{TARGET_NAMES[t]}</span>
                  </label>
                  {!state.enabled && (
                    <p className="field-hint" id={reasonId}>
                      {state.reason} {state.connect && <Link to="/settings#connections">Settings → Connected services</Link>}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <p className="sr-only" id={ids.target}>
          Services you have not connected cannot be chosen.
        </p>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field-label">Into</legend>
        <label className="radio-field">
          <input type="radio" name="mode" value="new" checked={mode === 'new'} onChange={() => setMode('new')} />
          <span>A new playlist</span>
        </label>
        <label className="radio-field">
          <input type="radio" name="mode" value="sync" checked={mode === 'sync'} onChange={() => setMode('sync')} aria-describedby={ids.syncHint} />
          <span>The playlist the last conversion made (sync)</span>
        </label>
        <p className="field-hint" id={ids.syncHint}>
          Sync adds only the tracks that are new since the last conversion of this playlist{target ? ` to ${TARGET_NAMES[target]}` : ''}; nothing already there
          is added twice.
        </p>
      </fieldset>
      {mode === 'new' && (
        <TextField
          label="Name of the new playlist"
          name="name"
          autoComplete="off"
          value={name}
          error={nameError ?? undefined}
          hint="Leave it empty to keep the playlist's own name."
          onChange={(event) => {
            setName(event.target.value);
            setNameError(null);
          }}
        />
      )}
      <div className="form-actions form-actions-end">
        <Button variant="ghost" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending} disabled={!target}>
          {target ? `Convert to ${TARGET_NAMES[target]}` : 'Convert'}
        </Button>
      </div>
    </form>
  );
}

function sourceLabel(choice: ConvertSourceChoice): string {
  if (choice.source.kind === 'muse') return 'Muse playlist';
  if (choice.source.kind === 'url') return choice.provider ? `${TARGET_NAMES[choice.provider]} link` : 'pasted link';
  return `${choice.provider ? TARGET_NAMES[choice.provider] : 'service'} playlist`;
}

/** The server's refusal in plain words, with the way out when there is one. */
function CreateError({ error, target }: { error: Error; target: ConversionTarget | null }) {
  if (!isApiError(error)) return <Alert tone="error">Something went wrong. Please try again.</Alert>;
  if (error.code === 'connection_required' || error.code === 'connection_needs_reconnect') {
    return (
      <Alert tone="error" title={error.code === 'connection_required' ? 'Connect the service first' : 'Reconnect the service first'}>
        {error.detail} <Link to="/settings#connections">Go to Settings → Connected services</Link>
      </Alert>
    );
  }
  if (error.code === 'nothing_to_sync') {
    return (
      <Alert tone="error" title="Nothing to sync into">
        {error.detail} No earlier conversion of this playlist{target ? ` to ${TARGET_NAMES[target]}` : ''} has made a playlist yet: choose “A new playlist”.
      </Alert>
    );
  }
  if (error.status === 404) {
    return <Alert tone="error">{error.detail || 'That playlist was not found, or you may not see it.'}</Alert>;
  }
  if (error.fieldErrors.name && Object.keys(error.fieldErrors).length === 1) return null;
  const detail = Object.entries(error.fieldErrors)
    .filter(([path]) => path !== 'name')
    .map(([, message]) => message);
  return <Alert tone="error">{detail.length > 0 ? detail.join(' ') : error.detail}</Alert>;
}
