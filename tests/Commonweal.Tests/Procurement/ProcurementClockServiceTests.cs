using Commonweal.Procurement;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commonweal.Tests.Procurement;

public sealed class ProcurementClockServiceTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Host_RunsTheProcurementClock()
    {
        Assert.Single(factory.Services.GetServices<IHostedService>().OfType<ProcurementClockService>());
    }

    [Fact]
    public async Task Service_WithTimeMovedPastTheDeadlines_ClosesTheOpenOpportunities()
    {
        // Whole seconds, so the time survives the round trip through either database unchanged.
        var moved = new MovableTime(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(60).ToUnixTimeSeconds()));
        var service = new ProcurementClockService(factory.Services.GetRequiredService<IServiceScopeFactory>(), moved, NullLogger<ProcurementClockService>.Instance);

        await service.StartAsync(Cancel);
        try
        {
            // The first run is at start; wait for it to be written.
            for (var attempt = 0; attempt < 100 && await StatusAsync(DemoProcurement.GrantRoundId) != OpportunityStatus.Closed; attempt++)
            {
                await Task.Delay(100, Cancel);
            }
        }
        finally
        {
            await service.StopAsync(Cancel);
        }

        Assert.Equal(OpportunityStatus.Closed, await StatusAsync(DemoProcurement.GrantRoundId));
        Assert.Equal(OpportunityStatus.Closed, await StatusAsync(DemoProcurement.ApmsId));
        Assert.Equal(OpportunityStatus.Draft, await StatusAsync(DemoProcurement.UnfairDraftId));
        await using var db = factory.CreateDbContext();
        var closing = await db.OpportunityTransitions.SingleAsync(t => t.OpportunityId == DemoProcurement.GrantRoundId && t.To == OpportunityStatus.Closed, Cancel);
        Assert.Equal(moved.Now.UtcDateTime, closing.At);
    }

    private async Task<OpportunityStatus> StatusAsync(Guid id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Opportunities.Where(o => o.Id == id).Select(o => o.Status).SingleAsync(Cancel);
    }
}
