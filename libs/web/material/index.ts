/*
 * @achievement/web-material: the parts of libs/web built on Angular Material. Each app bundles
 * these with its own Material (Material is not shared between the apps at run time: see
 * apps/portal/federation.config.js); what has no Material in it is in @achievement/web, shared.
 */
export * from './new-password-fields.component';
export * from './postal-address-fields.component';
export * from './person-name-fields.component';
