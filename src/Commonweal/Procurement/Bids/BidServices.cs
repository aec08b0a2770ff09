using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Procurement.Bids;

public static class BidServices
{
    /// <summary>Sealing, reading and changing bids; needs Data Protection and the database registered.</summary>
    public static IServiceCollection AddBids(this IServiceCollection services)
    {
        services.AddSingleton<BidSealer>();
        services.AddScoped<SealedBids>();
        services.AddScoped<BidEditing>();
        return services;
    }
}
