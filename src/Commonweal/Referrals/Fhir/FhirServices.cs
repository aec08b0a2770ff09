using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Referrals.Fhir;

public static class FhirServices
{
    /// <summary>FHIR export and import of referrals, and the unrouted queue; needs <see cref="ReferralServices.AddReferrals"/>.</summary>
    public static IServiceCollection AddReferralFhir(this IServiceCollection services)
    {
        services.AddScoped<ReferralFhirExport>();
        services.AddScoped<ReferralFhirImport>();
        services.AddScoped<ReferralRouting>();
        return services;
    }
}
