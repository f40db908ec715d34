/** Section 四 reads the disputes register through the disputes module's public face. */
export { disputesByIds, disputesFiledIn } from '../../disputes/index.js';
