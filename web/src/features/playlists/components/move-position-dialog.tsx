import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';

interface MovePositionDialogProps {
  /** The entry being moved, or null when the dialog is closed. */
  target: { id: string; title: string; index: number } | null;
  total: number;
  onMove: (index: number) => void;
  onClose: () => void;
}

/** "Move to position…": a number from 1 to the length of the playlist. */
export function MovePositionDialog({ target, total, onMove, onClose }: MovePositionDialogProps) {
  return (
    <Dialog open={target !== null} onClose={onClose} title="Move to position" description={target ? `Where should “${target.title}” go?` : undefined}>
      {target && <MovePositionForm key={target.id} current={target.index} total={total} onMove={onMove} onCancel={onClose} />}
    </Dialog>
  );
}

function MovePositionForm({ current, total, onMove, onCancel }: { current: number; total: number; onMove: (index: number) => void; onCancel: () => void }) {
  const [value, setValue] = useState(String(current + 1));
  const [error, setError] = useState<string | undefined>();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const position = Number(value);
    if (!Number.isInteger(position) || position < 1 || position > total) {
      setError(`Enter a whole number from 1 to ${total}`);
      return;
    }
    onMove(position - 1);
  };

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label="Move to position">
      <TextField
        label={`Position (1 to ${total})`}
        name="position"
        type="number"
        inputMode="numeric"
        min={1}
        max={total}
        autoFocus
        value={value}
        error={error}
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
      />
      <div className="form-actions form-actions-end">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit">Move</Button>
      </div>
    </form>
  );
}
