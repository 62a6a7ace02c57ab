import { Link, useNavigate, useSearchParams } from 'react-router';
import { RegisterForm } from '../../features/auth/components/register-form';
import { SignInWithSpotify } from '../../features/connections/components/sign-in-with-spotify';
import { safeNextPath } from '../../lib/redirects';

/** `/register`: create an account and step straight into Muse. */
export function RegisterRoute() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');

  return (
    <div className="auth-page">
      <title>Create your account · Muse</title>
      <div className="auth-card">
        <h1 id="register-title" className="auth-title">
          Join Muse
        </h1>
        <p className="auth-subtitle">Your diary of albums, ratings and reviews, shared with friends.</p>
        <SignInWithSpotify label="Sign up with Spotify" />
        <p className="auth-switch">or with an email and password</p>
        <RegisterForm onSuccess={() => void navigate(safeNextPath(next), { replace: true, state: { justJoined: true } })} />
        <p className="auth-switch">
          Already have an account? <Link to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>Log in</Link>
        </p>
      </div>
    </div>
  );
}
