import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { signIn } from './auth/auth';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

signIn().then(
  () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  (e: unknown) =>
    root.render(
      <div className="boot error">
        Sign-in is not available: {e instanceof Error ? e.message : String(e)}. Is Keycloak running?
      </div>,
    ),
);
