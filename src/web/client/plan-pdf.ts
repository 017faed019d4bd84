/**
 * The action plan's PDF writer for the browser (bundled into /static/plan-pdf.js, loaded on demand by the
 * look-up page). The PDF is made on the person's device: the server never sees their plan, which would
 * tell it what of theirs leaked.
 */
import { renderPlanPdf } from '../../modules/action-plan/plan-pdf.js';

declare global {
  var breachdeskPlanPdf: typeof renderPlanPdf | undefined;
}

globalThis.breachdeskPlanPdf = renderPlanPdf;
