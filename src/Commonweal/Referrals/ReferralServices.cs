using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Referrals;

public static class ReferralServices
{
    /// <summary>People, consent, care teams and referrals; needs the database registered.</summary>
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddScoped<PersonRecords>();
        services.AddScoped<PeopleRegistry>();
        services.AddScoped<Consents>();
        services.AddScoped<CareTeams>();
        services.AddScoped<ReferralWork>();
        services.AddScoped<BreakGlass>();
        services.AddScoped<AccessReport>();
        services.AddScoped<ReferralQueues>();
        services.AddScoped<MyPeople>();
        return services;
    }
}
