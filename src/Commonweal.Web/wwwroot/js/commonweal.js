// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '../lib/nhsuk-frontend/nhsuk-frontend.min.js';

initAll();
