using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Outcomes;

public static class OutcomeServices
{
    /// <summary>Instruments, recording, due follow-ups, analysis and payment; needs the referrals' services registered.</summary>
    public static IServiceCollection AddOutcomes(this IServiceCollection services)
    {
        services.AddScoped<InstrumentCatalogue>();
        services.AddScoped<OutcomeRecording>();
        services.AddScoped<DueFollowUps>();
        services.AddScoped<OutcomeSettingsEditing>();
        services.AddScoped<OutcomeAnalysis>();
        services.AddScoped<OutcomePayments>();
        return services;
    }
}
