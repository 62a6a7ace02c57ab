import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { OAuthMessage } from '../../features/connections/components/oauth-message';
import { SignInWithSpotify } from '../../features/connections/components/sign-in-with-spotify';
import { safeNextPath } from '../../lib/redirects';

/** `/login`: sign in, then continue to `?next=` or home. */
export function LoginRoute() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');

  return (
    <div className="auth-page">
      <title>Log in · Muse</title>
      <div className="auth-card">
        <h1 id="login-title" className="auth-title">
          Welcome back
        </h1>
        <p className="auth-subtitle">Log in to pick up where your ears left off.</p>
        <OAuthMessage code={searchParams.get('oauth_error')} />
        <SignInWithSpotify />
        <p className="auth-switch">or with your Muse handle</p>
        <LoginForm onSuccess={() => void navigate(safeNextPath(next), { replace: true })} />
        <p className="auth-switch">
          New to Muse? <Link to={next ? `/register?next=${encodeURIComponent(next)}` : '/register'}>Create an account</Link>
        </p>
      </div>
    </div>
  );
}
