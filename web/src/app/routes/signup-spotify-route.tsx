import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { applySession } from '../../features/auth/api/session';
import { SpotifySignupForm } from '../../features/connections/components/spotify-signup-form';

/** `/signup/spotify`: someone new who signed in with Spotify chooses the handle of their Muse account. */
export function SignupSpotifyRoute() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div className="auth-page">
      <title>Choose your handle · Muse</title>
      <div className="auth-card">
        <h1 id="signup-spotify-title" className="auth-title">
          One more step
        </h1>
        <p className="auth-subtitle">Spotify said who you are. Choose how you appear on Muse; your Spotify account is connected to the new account.</p>
        <SpotifySignupForm
          onSuccess={(session) => {
            applySession(queryClient, session);
            void navigate('/home', { replace: true, state: { justJoined: true } });
          }}
        />
      </div>
    </div>
  );
}
