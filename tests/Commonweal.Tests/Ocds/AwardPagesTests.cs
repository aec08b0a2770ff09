using System.Net;
using Commonweal.Procurement.Awards;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Ocds;

public sealed class AwardPagesTests(OcdsFactory factory) : IClassFixture<OcdsFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> ReferenceOfAsync(Guid id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Opportunities.Where(o => o.Id == id).Select(o => o.Reference).SingleAsync(Cancel);
    }

    [Fact]
    public async Task AwardedOpportunity_ShowsItsAwardAndContract_AndLinksToItsOcdsRecord()
    {
        var reference = await ReferenceOfAsync(DemoAwards.OpportunityId);

        var page = await factory.CreateClient().GetDocumentAsync($"/opportunities/{reference}");

        var award = page.QuerySelector(".cw-award")!.TextContent;
        Assert.Contains(DemoAwards.LeadSupplier, award);
        Assert.Contains(DemoAwards.ConsortiumMember, award);
        Assert.Contains("£540,000", award);
        Assert.Contains("Signed and in force", award);
        Assert.Contains("30% of the value", award);
        Assert.NotNull(page.QuerySelector($"a[href='/ocds/records/ocds-cmnwl-{reference}']"));
        Assert.Contains("Awarded", page.QuerySelector("h1 + p")!.TextContent);
    }

    [Fact]
    public async Task OpenOpportunity_ShowsNoAward()
    {
        var page = await factory.CreateClient().GetDocumentAsync($"/opportunities/{await ReferenceOfAsync(DemoProcurement.ApmsId)}");

        Assert.Null(page.QuerySelector(".cw-award"));
        Assert.NotNull(page.QuerySelector(".cw-ocds-link"));
    }

    [Fact]
    public async Task ContractsAwarded_ListsAwardsNewestFirst_APageAtATime()
    {
        var client = factory.CreateClient();
        var first = await client.GetDocumentAsync("/opportunities/awarded");
        Assert.Contains(first.QuerySelectorAll(".cw-award"), c => c.TextContent.Contains(DemoAwards.LeadSupplier, StringComparison.Ordinal) && c.TextContent.Contains("£540,000", StringComparison.Ordinal));

        // Enough further awards, each later than the last, for a second page.
        await using (var db = factory.CreateDbContext())
        {
            var supplier = await db.Organisations.Where(o => o.Name == "Bow Community Kitchen").Select(o => o.Id).SingleAsync(Cancel);
            var seeded = await db.Awards.AsNoTracking().SingleAsync(a => a.Id == DemoAwards.AwardId, Cancel);
            for (var i = 1; i <= AwardedModelPageSize; i++)
            {
                var award = new Award
                {
                    OpportunityId = DemoAwards.OpportunityId, Value = 1_000 * i, Date = seeded.ConfirmedAt!.Value.AddDays(i), ConfirmedAt = seeded.ConfirmedAt!.Value.AddDays(i), Status = AwardStatus.Active,
                    Title = $"Paging award {i}",
                };
                award.Suppliers.Add(new AwardSupplier { AwardId = award.Id, OrganisationId = supplier, IsLead = true });
                db.Awards.Add(award);
            }

            await db.SaveChangesAsync(Cancel);
        }

        var page1 = await client.GetDocumentAsync("/opportunities/awarded");
        var page2 = await client.GetDocumentAsync("/opportunities/awarded?page=2");

        Assert.Equal(AwardedModelPageSize, page1.QuerySelectorAll(".cw-award").Length);
        Assert.Contains("£20,000", page1.QuerySelectorAll(".cw-award")[0].TextContent);
        Assert.NotNull(page1.QuerySelector("a.nhsuk-pagination__next[href='/opportunities/awarded?page=2']"));
        Assert.Contains(page2.QuerySelectorAll(".cw-award"), c => c.TextContent.Contains("£540,000", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/opportunities/awarded?page=99", Cancel)).StatusCode);
    }

    private const int AwardedModelPageSize = Commonweal.Web.Pages.Procurement.AwardedModel.PageSize;
}
