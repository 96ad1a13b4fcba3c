import { AdminUserSummary, CentreContact, CentreDetail, ContactCandidate, RegistrationSummary } from '@achievement/contracts';

export function aRegistration(overrides: Partial<RegistrationSummary> = {}): RegistrationSummary {
  return {
    id: 11,
    userId: 21,
    status: 'awaiting_review',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@college.example',
    dateOfBirth: '1985-04-23',
    phone: '+44 113 496 0000',
    centreNumber: 'C10001',
    centre: { id: 3, number: 'C10001', name: 'Northfield College' },
    createdAt: '2026-11-28T09:00:00.000Z',
    verifiedAt: '2026-11-28T09:05:00.000Z',
    decidedAt: null,
    rejectionReason: null,
    contactId: null,
    ...overrides,
  };
}

export function aContact(overrides: Partial<CentreContact> = {}): CentreContact {
  return {
    id: 7,
    centreId: 3,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@college.example',
    dateOfBirth: '1985-04-23',
    createdAt: '2026-01-10T12:00:00.000Z',
    ...overrides,
  };
}

/** A candidate of the review page: a held record, and which compared details differ. */
export function aCandidate(
  contact: Partial<CentreContact> & { centreNumber?: string; centreName?: string } = {},
  differs: Partial<ContactCandidate['differs']> = {},
): ContactCandidate {
  return {
    contact: { ...aContact(contact), centreNumber: contact.centreNumber ?? 'C10001', centreName: contact.centreName ?? 'Northfield College' },
    differs: { firstName: false, lastName: false, email: false, dateOfBirth: false, centreNumber: false, ...differs },
  };
}

export function aCentre(overrides: Partial<CentreDetail> = {}): CentreDetail {
  return {
    id: 3,
    number: 'C10001',
    name: 'Northfield College',
    centralEmail: 'centres@northfield.example',
    addressLine1: '1 College Road',
    addressLine2: null,
    town: 'Leeds',
    postcode: 'LS1 1AA',
    country: 'GB',
    contactCount: 2,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aUser(overrides: Partial<AdminUserSummary> = {}): AdminUserSummary {
  return {
    id: 31,
    email: 'carol@northfield.example',
    firstName: 'Carol',
    lastName: 'Centre',
    role: 'centre_staff',
    status: 'active',
    centre: { id: 3, number: 'C10001', name: 'Northfield College' },
    createdAt: '2026-11-01T10:00:00.000Z',
    secondFactor: false,
    ...overrides,
  };
}

/** Text with its white space collapsed. */
export function textOf(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The text a screen reader reads: without the elements hidden from it (icons), white space collapsed. */
export function spokenText(element: Element | null | undefined): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return textOf(copy);
}

/** The button whose text (icons aside) ends with `text`. */
export function button(root: ParentNode, text: string): HTMLButtonElement | undefined {
  return Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim().endsWith(text));
}

/** Lets awaited API answers, renders and navigations after them finish. */
export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
