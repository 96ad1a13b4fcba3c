import { CentreContact as CentreContactView, CentreDetail, CentreSummary } from '@achievement/contracts';
import { Centre } from '../centre.entity';
import { CentreContact } from '../centre-contact.entity';

/** Entities as the API shows them. */
export function toCentreSummary(c: Centre): CentreSummary {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    centralEmail: c.centralEmail,
    town: c.town,
    postcode: c.postcode,
  };
}

export function toCentreDetail(c: Centre, contactCount: number): CentreDetail {
  return {
    ...toCentreSummary(c),
    addressLine1: c.addressLine1,
    addressLine2: c.addressLine2,
    country: c.country,
    contactCount,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toContactView(c: CentreContact): CentreContactView {
  return {
    id: c.id,
    centreId: c.centreId,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    dateOfBirth: c.dateOfBirth,
    createdAt: c.createdAt.toISOString(),
  };
}
