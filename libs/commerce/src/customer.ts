import { OrderingScope } from '@achievement/documents';
import { AuthenticatedUser } from '@achievement/platform';
import { ApiError } from '@achievement/platform';

/** What a customer may order copies of: centre staff, their centre's documents; a learner, their own. */
export function orderingScopeOf(user: AuthenticatedUser): OrderingScope {
  if (user.role === 'centre_staff' && user.centreId) return { centreId: user.centreId };
  if (user.role === 'learner' && user.learnerId) return { learnerId: user.learnerId };
  throw new ApiError('NOT_A_CUSTOMER', 'Printed copies are ordered by centre staff and learners.');
}
