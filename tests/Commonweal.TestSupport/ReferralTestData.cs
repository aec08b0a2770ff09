using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.TestSupport;

/// <summary>People, practitioners and services for referral tests, on top of the demo area.</summary>
public static class ReferralTestData
{
    public const string LinkWorkerOrganisation = "Limehouse Wellbeing CIC";
    public const string ReceivingOrganisation = "Bow Community Kitchen";

    /// <summary>A fresh NHS number with a valid check digit, different on every call.</summary>
    public static string NewNhsNumber()
    {
        while (true)
        {
            var first = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (NhsNumber.CheckDigit(first + "0") is { } check)
            {
                return first + check;
            }
        }
    }

    public static Task<Guid> OrganisationIdAsync(CommonwealDbContext db, string name) =>
        db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();

    /// <summary>A user who can sign in with the demo password, holding one role in one organisation.</summary>
    public static async Task<User> UserAsync(CommonwealDbContext db, string email, string organisation, MembershipRole role = MembershipRole.Practitioner) =>
        await ProcurementTestData.CommissionerAsync(db, email, await OrganisationIdAsync(db, organisation), role);

    /// <summary>One of the organisation's demo services, open to referrals, with the given number of places.</summary>
    public static async Task<Service> OpenServiceAsync(CommonwealDbContext db, string organisation = ReceivingOrganisation, int? capacity = null)
    {
        var id = await OrganisationIdAsync(db, organisation);
        var service = await db.Services.Where(s => s.OrganisationId == id).OrderBy(s => s.Name).FirstAsync();
        service.Status = ServiceStatus.Active;
        service.AcceptingReferrals = true;
        service.PausedAtCapacity = false;
        service.ReferralCapacity = capacity;
        await db.SaveChangesAsync();
        return service;
    }

    public static Task<Guid> AnyNeedAsync(CommonwealDbContext db) =>
        db.TaxonomyTerms.OrderBy(t => t.Name).Select(t => t.Id).FirstAsync();

    private static int births;

    /// <summary>
    /// The body of POST /api/people: a person with consent to care team sharing given verbally. Each
    /// call has a birth date of its own (a random one could repeat), so that people made by different
    /// tests are never taken for duplicates.
    /// </summary>
    public static object PersonBody(Guid organisationId, string? nhsNumber = null, string familyName = "Begum", string? postcode = "E3 2AB") => new
    {
        nhsNumber = nhsNumber ?? NewNhsNumber(),
        givenName = "Amina",
        familyName,
        dateOfBirth = new DateOnly(1930, 1, 1).AddDays(Interlocked.Increment(ref births)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        postcode,
        phone = "020 7946 0000",
        contactPreference = "Phone",
        whatMattersToMe = "Getting back to the allotment and seeing my grandchildren.",
        organisationId,
        role = "Social prescribing link worker",
        consent = new { givenBy = "Person", method = "Verbal" },
    };
}
