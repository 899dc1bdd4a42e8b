import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ResultApp } from '../../components/ResultApp';
import '../../components/prompt-box.css';
import '../../components/theme.css';
import './style.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ResultApp />
    </StrictMode>,
  );
}
