/**
 * The activities feature's Chinese texts live in one catalogue, src/activities/copy.ts (the scan that
 * keeps every feature's texts in its catalogue is test/architecture/responseCatalogues.test.ts).
 * The console shows the same labels as the chat: it reads them from the catalogue, repeating none.
 */
import * as catalogue from '../../src/activities/copy';
import { consoleLabels } from '../../src/admin/api/labelRoutes';

test('the console reads the activity labels from the catalogue, repeating none', () => {
  const labels = consoleLabels();
  expect(labels.activityTypes).toBe(catalogue.ACTIVITY_TYPE_LABELS);
  expect(labels.activityStatuses).toBe(catalogue.ACTIVITY_STATUS_LABELS);
  expect(labels.registrationStatuses).toBe(catalogue.REGISTRATION_STATUS_LABELS);
  expect(labels.cancelReasons).toBe(catalogue.CANCEL_REASON_LABELS);
  expect(labels.tiers).toBe(catalogue.TIER_SHORT);
  expect(labels.deliveryKinds).toMatchObject(catalogue.REGISTRANT_DELIVERY_LABELS);
});
