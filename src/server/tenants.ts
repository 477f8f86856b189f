/**
 * Tenant ids, compared in one place for the bot and the tab. They are GUIDs; Entra writes them
 * in lower case but settings and activities are not always so careful, and a case difference
 * must never decide who is let in.
 */
export function normaliseTenantId(tenantId: string): string {
  return tenantId.trim().toLowerCase();
}

export function sameTenant(a: string, b: string): boolean {
  return normaliseTenantId(a) === normaliseTenantId(b);
}

/** Whether a tenant may use the app; an empty list admits every tenant. */
export function tenantAllowed(allowed: readonly string[], tenantId: string | null): boolean {
  if (allowed.length === 0) return true;
  if (tenantId === null || tenantId.trim() === '') return false;
  return allowed.some((each) => sameTenant(each, tenantId));
}

export interface TenantSettings {
  readonly ALLOWED_TENANTS?: string | undefined;
  readonly MicrosoftAppType?: string | undefined;
  readonly MicrosoftAppTenantId?: string | undefined;
}

/**
 * The tenants served: `ALLOWED_TENANTS` when set; else, for an app registered in one tenant
 * (SingleTenant, or a managed identity), that tenant alone; else (MultiTenant) every tenant.
 */
export function allowedTenantsFrom(settings: TenantSettings): string[] {
  const listed = (settings.ALLOWED_TENANTS ?? '')
    .split(',')
    .map(normaliseTenantId)
    .filter((tenant) => tenant !== '');
  if (listed.length > 0) return listed;
  // botbuilder treats a missing MicrosoftAppType as MultiTenant; so does this.
  const type = settings.MicrosoftAppType?.trim().toLowerCase() ?? 'multitenant';
  const ownTenant = settings.MicrosoftAppTenantId?.trim();
  const singleTenant = type === 'singletenant' || type === 'userassignedmsi';
  return singleTenant && ownTenant ? [normaliseTenantId(ownTenant)] : [];
}
