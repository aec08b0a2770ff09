using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Procurement;
using Microsoft.AspNetCore.Identity;

namespace Commonweal.TestSupport;

/// <summary>A clock the test moves by hand, for deadlines and standstill.</summary>
public sealed class MovableTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Drafts that pass validation and the fairness check, and commissioners to write them.</summary>
public static class ProcurementTestData
{
    /// <summary>
    /// A competitive contract of £1,200,000 over four years (£300,000 a year), published on
    /// <paramref name="publication"/>, with 30 days to respond and 4 months to mobilise.
    /// </summary>
    public static OpportunityDraft FairDraft(Guid commissioner, DateOnly publication, string title = "Community navigators") => new()
    {
        Title = title,
        Description = "Navigators who help people find community support.",
        Type = OpportunityType.Contract,
        Process = ProcurementProcess.CompetitiveProcess,
        Commissioners = [new() { OrganisationId = commissioner, Share = 100m }],
        TotalValue = 1_200_000,
        PublicationDate = publication,
        ClarificationDeadline = new DateTimeOffset(Timetable.ToUtc(publication.AddDays(20), new TimeOnly(12, 0)), TimeSpan.Zero),
        SubmissionDeadline = new DateTimeOffset(Timetable.ToUtc(publication.AddDays(30), new TimeOnly(12, 0)), TimeSpan.Zero),
        EvaluationEnd = publication.AddDays(60),
        ContractStart = publication.AddMonths(4),
        ContractEnd = publication.AddMonths(4).AddYears(4).AddDays(-1),
        Lots = [new() { Number = 1, Title = "East", Value = 600_000 }, new() { Number = 2, Title = "West", Value = 600_000 }],
        Outcodes = ["E1", "E3"],
        MinimumPublicLiabilityCover = 5_000_000,
    };

    /// <summary>A signed-in-able user with the Commissioner role in the organisation.</summary>
    public static async Task<User> CommissionerAsync(CommonwealDbContext db, string email, Guid organisationId, MembershipRole role = MembershipRole.Commissioner)
    {
        var user = new User
        {
            DisplayName = email.Split('@')[0], UserName = email, NormalizedUserName = email.ToUpperInvariant(),
            Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, Seed.DemoAccounts.Password);
        db.Users.Add(user);
        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisationId, Role = role });
        await db.SaveChangesAsync();
        return user;
    }
}
