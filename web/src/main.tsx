import { createRoot } from 'react-dom/client';

function App() {
  return <main><h1>Parley</h1><p>The web app is being built.</p></main>;
}

createRoot(document.getElementById('root')!).render(<App />);
