using Commonweal.Directory;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Directory;

public sealed class DemoDirectoryTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoArea_HasABelievableDirectory()
    {
        await using var db = factory.CreateDbContext();

        var services = await db.Services.CountAsync(Cancel);
        var providers = await db.Services.Select(s => s.OrganisationId).Distinct().CountAsync(Cancel);
        var outcodes = await db.Locations.Select(l => l.Outcode).Distinct().ToListAsync(Cancel);

        Assert.True(services >= 150, $"{services} services");
        Assert.True(providers >= 60, $"{providers} organisations with services");
        Assert.Equal(["E1", "E14", "E3"], outcodes.Order());
        Assert.True(await db.Services.AnyAsync(s => s.AssuredDate == null, Cancel), "some records have never been assured");
        Assert.True(await db.Services.AnyAsync(s => !s.AcceptingReferrals, Cancel), "some services are full");
    }

    [Fact]
    public async Task DemoArea_CoversEveryBranchOfTheNeedsTaxonomy()
    {
        await using var db = factory.CreateDbContext();

        var used = await db.ServiceTaxonomyTerms.Select(t => t.TaxonomyTermId).Distinct().ToListAsync(Cancel);
        var leaves = NeedsTaxonomy.Needs.SelectMany(n => n.Children).Select(c => NeedsTaxonomy.TermId(c.Code));

        Assert.Empty(leaves.Except(used));
        Assert.Equal(NeedsTaxonomy.Needs.Count + NeedsTaxonomy.Needs.Sum(n => n.Children.Count), await db.TaxonomyTerms.CountAsync(Cancel));
    }

    [Fact]
    public void StableIds_AreTheSameOnEveryInstallAndWellFormed()
    {
        var id = NeedsTaxonomy.TermId("health-walks");

        Assert.Equal(id, NeedsTaxonomy.TermId("health-walks"));
        Assert.NotEqual(id, NeedsTaxonomy.TermId("gardening"));
        Assert.Equal('8', id.ToString()[14]);
    }
}
