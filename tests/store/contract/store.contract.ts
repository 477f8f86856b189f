import { actionContract } from './action.contract.js';
import type { StoreFactory } from './fixtures.js';
import { measureContract } from './measure.contract.js';
import { outboxAndLeaseContract } from './outbox.contract.js';
import { peopleContract } from './people.contract.js';
import { planContract } from './plan.contract.js';
import { scheduleMarksContract } from './schedule-marks.contract.js';
import { settingsContract } from './settings.contract.js';
import { summaryContract } from './summary.contract.js';

/** The promises every store keeps; run against the in-memory fake and Azure Tables alike. */
export function storeContract(createStore: StoreFactory): void {
  actionContract(createStore);
  planContract(createStore);
  peopleContract(createStore);
  outboxAndLeaseContract(createStore);
  measureContract(createStore);
  summaryContract(createStore);
  scheduleMarksContract(createStore);
  settingsContract(createStore);
}
