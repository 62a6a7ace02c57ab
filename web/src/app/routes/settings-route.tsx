import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { DeleteAccountForm } from '../../features/auth/components/delete-account-form';
import { ConnectedServices } from '../../features/connections/components/connected-services';
import { ExportCard } from '../../features/imports/components/export-card';
import { SocialSettings } from './social-settings';

/** `/settings`: account details, profile and privacy, connected music services, follow requests, feed filters, notifications, blocked people, password, import and export, and the danger zone. */
export function SettingsRoute() {
  const me = useMe();
  const [searchParams] = useSearchParams();
  // An account made by signing in with Spotify has no password until its owner sets one (`me` is null only while leaving after deletion).
  const hasPassword = me?.hasPassword ?? true;

  return (
    <div className="page page-narrow">
      <title>Settings · Muse</title>
      <header className="page-header">
        <h1>Settings</h1>
        <p className="muted">Manage who sees what, what reaches you, how you sign in, and what you bring in or take out.</p>
      </header>

      {me && (
        <section className="card" aria-labelledby="account-title">
          <h2 id="account-title" className="card-title">
            Account
          </h2>
          <dl className="details">
            <div>
              <dt>Display name</dt>
              <dd>{me.displayName}</dd>
            </div>
            <div>
              <dt>Handle</dt>
              <dd>@{me.handle}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{me.email}</dd>
            </div>
          </dl>
        </section>
      )}

      <SocialSettings />

      <ConnectedServices oauthError={searchParams.get('oauth_error')} justConnected={searchParams.get('connected')} />

      <section className="card" aria-labelledby="change-password-title">
        <h2 id="change-password-title" className="card-title">
          {hasPassword ? 'Change password' : 'Set a password'}
        </h2>
        {!hasPassword && <p className="muted">You sign in with Spotify. A password lets you log in with your handle too, and disconnect Spotify.</p>}
        <p className="muted">Choose something long and memorable; a short sentence works well.</p>
        <ChangePasswordForm hasPassword={hasPassword} />
      </section>

      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title" className="card-title">
          Import ratings and diary
        </h2>
        <p className="muted">From a Letterboxd-style diary CSV or a Rate Your Music export. You check every match before it is saved.</p>
        <Link className="btn btn-secondary" to="/import">
          Import a CSV
        </Link>
      </section>

      <ExportCard />

      <section className="card card-danger" aria-labelledby="delete-account-title">
        <h2 id="delete-account-title" className="card-title">
          Danger zone: delete account
        </h2>
        <p>Deleting your account signs you out everywhere and permanently removes your data.</p>
        <DeleteAccountForm hasPassword={hasPassword} handle={me?.handle ?? ''} />
      </section>
    </div>
  );
}
