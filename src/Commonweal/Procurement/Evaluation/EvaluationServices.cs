using Commonweal.Procurement.Awards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commonweal.Procurement.Evaluation;

public static class EvaluationServices
{
    /// <summary>Evaluation and the award records it writes through; needs <c>AddBids</c> registered.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.TryAddScoped<AwardRecording>();
        services.AddScoped<Evaluations>();
        return services;
    }
}
