using Commonweal.Directory;
using Commonweal.Seed;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Directory;

public sealed class SearchPageTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static List<string> Names(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".cw-results h3").Select(h => h.TextContent.Trim()).ToList();

    [Fact]
    public async Task Search_ByWordsAndArea_FindsNearbyServicesWithDistances()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/services?Input.Text=walks&Input.Postcode=E14&Input.Miles=2");

        var names = Names(page);
        Assert.Contains("Health walks", names);
        Assert.Contains("miles away", page.QuerySelector(".cw-results")!.TextContent);
        Assert.Null(page.ErrorSummary());
    }

    [Fact]
    public async Task Search_ByNeed_FindsOnlyServicesMeetingIt()
    {
        var need = NeedsTaxonomy.TermId("money");

        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/services?Input.Need={need}");

        var results = page.QuerySelectorAll(".cw-results li.nhsuk-card").ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Matches("Debt advice|Benefits advice|Energy bills", r.TextContent));
    }

    [Fact]
    public async Task Search_UnknownPostcode_IsAFieldErrorNotAFailure()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/services?Input.Postcode=ZZ99&Input.Miles=1");

        Assert.Contains("Enter a real postcode or area", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("a[href='#Input_Postcode']"));
    }

    [Fact]
    public async Task Search_DistanceWithoutAPostcode_AsksForOne()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/services?Input.Miles=5");

        Assert.Contains("Enter a postcode or area to search by distance", page.ErrorSummary());
    }

    [Fact]
    public async Task LinkWorkerView_ShowsCapacityAndReferralRoute_ThePublicViewDoesNot()
    {
        var practitioner = await factory.SignedInClientAsync(DemoAccounts.Practitioner);

        var linkWorker = await practitioner.GetDocumentAsync("/services?Input.Text=debt");
        var publicView = await factory.CreateBrowserClient().GetDocumentAsync("/services?Input.Text=debt");

        Assert.Contains("How to refer", linkWorker.QuerySelector(".cw-results")!.TextContent);
        Assert.Contains("Typical wait", linkWorker.QuerySelector(".cw-results")!.TextContent);
        Assert.DoesNotContain("How to refer", publicView.QuerySelector(".cw-results")!.TextContent);
    }

    [Fact]
    public async Task Search_AcceptingReferralsOnly_LeavesOutFullServices()
    {
        var practitioner = await factory.SignedInClientAsync(DemoAccounts.Practitioner);

        var all = await practitioner.GetDocumentAsync("/services?Input.Text=advice&page=1");
        var open = await practitioner.GetDocumentAsync("/services?Input.Text=advice&Input.AcceptingReferrals=true");

        Assert.True(int.Parse(open.QuerySelector("main h2")!.TextContent.Split(' ')[0]) < int.Parse(all.QuerySelector("main h2")!.TextContent.Split(' ')[0]));
        Assert.DoesNotContain("No, not at the moment", open.QuerySelector(".cw-results")!.TextContent);
    }
}
