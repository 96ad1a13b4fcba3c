/** GET /api/support (public): how to reach the awarding body, for the Support page. */
export interface SupportContacts {
  /** the Centres Hub's Enquiry Form: the way to ask for help, deregister or change details held there */
  enquiryFormUrl: string;
  /** the Centre Services team, who deal with problems reported on documents */
  servicesTeamEmail: string;
}
