using Commonweal.Accounts;
using Commonweal.Audit;
using Commonweal.Procurement;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Procurement.Bids;

/// <summary>Opportunities and people for the bid tests, arranged on the factory's database.</summary>
public static class BidTestData
{
    public const string Icb = "NHS North East London Integrated Care Board";

    public static async Task<Guid> OrganisationAsync(this CommonwealFactory factory, string name)
    {
        await using var db = factory.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>A fair two-lot contract of the ICB's, published today, with bids due in 30 days.</summary>
    public static async Task<Opportunity> PublishedAsync(this CommonwealFactory factory, string title = "Community navigators")
    {
        var icb = await factory.OrganisationAsync(Icb);
        await using var db = factory.CreateDbContext();
        var o = await OpportunityEditing.CreateAsync(db, ProcurementTestData.FairDraft(icb, DateOnly.FromDateTime(DateTime.UtcNow), $"{title} {Guid.NewGuid():N}"), null);
        var result = OpportunityLifecycle.Publish(o, new Actor(null, "Test commissioner"), db.Now);
        Assert.True(result.Succeeded, result.Message);
        await db.SaveChangesAsync();
        return await db.Opportunities.AsNoTracking().WithDetails().SingleAsync(x => x.Id == o.Id);
    }

    /// <summary>Moves the opportunity's deadlines, as time passing would: the submission deadline is then a minute ago.</summary>
    public static async Task PassDeadlineAsync(this CommonwealFactory factory, Guid opportunityId)
    {
        await using var db = factory.CreateDbContext();
        var past = DateTime.UtcNow.AddMinutes(-1);
        await db.Opportunities.Where(o => o.Id == opportunityId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SubmissionDeadline, past).SetProperty(o => o.ClarificationDeadline, past.AddDays(-1)));
    }

    public static async Task PassClarificationDeadlineAsync(this CommonwealFactory factory, Guid opportunityId)
    {
        await using var db = factory.CreateDbContext();
        var past = DateTime.UtcNow.AddMinutes(-1);
        await db.Opportunities.Where(o => o.Id == opportunityId).ExecuteUpdateAsync(s => s.SetProperty(o => o.ClarificationDeadline, past));
    }

    /// <summary>A new user with the role in the named organisation, signed in through the sign-in page.</summary>
    public static async Task<HttpClient> SignedInAsAsync(this CommonwealFactory factory, string organisation, MembershipRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@commonweal.example";
        var id = await factory.OrganisationAsync(organisation);
        await using (var db = factory.CreateDbContext())
        {
            await ProcurementTestData.CommissionerAsync(db, email, id, role);
        }

        return await factory.SignedInClientAsync(email);
    }

    public static HttpClient Anonymous(this CommonwealFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
