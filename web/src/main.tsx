import './lib/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles/base.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/landing.css';
import './styles/popovers.css';
import './styles/controls.css';
import './styles/catalog.css';
import './styles/album.css';
import './styles/tracklist.css';
import './styles/lists.css';
import './styles/diary.css';
import './styles/charts.css';
import './styles/imports.css';
import './styles/search.css';
import './styles/search-results.css';
import './styles/feed.css';
import './styles/profile.css';
import './styles/profile-stats.css';
import './styles/settings.css';
import './styles/playlists.css';
import './styles/listen-later.css';
import './styles/parties.css';
import './styles/recommendations.css';
import './styles/opinions.css';
import './styles/conversions.css';
import './styles/service-imports.css';
import './styles/player.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
