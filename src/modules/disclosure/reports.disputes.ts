/** Section 四 reads the disputes register through the disputes module's public face. */
import { disputesByIds, disputesFiledIn } from '../disputes/index.js';

export const disputeByIdsForCell = { byIds: disputesByIds, filedIn: disputesFiledIn };
