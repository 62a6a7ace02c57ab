import { Link, useParams } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { ImportStatus } from '../../features/imports/components/import-status';

/** `/import/:id`: one import's progress, preview and outcome. */
export function ImportStatusRoute() {
  const { id = '' } = useParams();
  const me = useMe();
  return (
    <div className="page">
      <title>Import · Muse</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/import">Import</Link>
        </p>
        <h1>Your import</h1>
      </header>
      <ImportStatus importId={id} handle={me?.handle ?? ''} />
    </div>
  );
}
