import { useNavigate } from 'react-router';
import { ImportForm } from '../../features/imports/components/import-form';
import { ImportsList } from '../../features/imports/components/imports-list';

/** `/import`: upload a Letterboxd-style or Rate Your Music CSV; earlier imports below. */
export function ImportRoute() {
  const navigate = useNavigate();
  return (
    <div className="page page-narrow">
      <title>Import · Muse</title>
      <header className="page-header">
        <p className="eyebrow">Settings</p>
        <h1>Import ratings and diary</h1>
        <p className="muted">
          Bring your history from a Letterboxd-style diary CSV or a Rate Your Music export, and your Letterboxd watchlist into Listen later. Rows are matched to
          the catalog by artist, title and year; you see every match before anything is saved.
        </p>
      </header>
      <section className="card" aria-label="Upload">
        <ImportForm onStarted={(created) => void navigate(`/import/${created.id}`)} />
      </section>
      <ImportsList />
    </div>
  );
}
