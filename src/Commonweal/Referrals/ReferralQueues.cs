using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

/// <summary>
/// One line of a referral list. Lists carry no personal details beyond the person's initials: the
/// full referral is opened (and audited) one at a time.
/// </summary>
public sealed record ReferralLine(
    Guid Id, string Reference, string? Service, string? ReceivingOrganisation, string? ReferringOrganisation,
    ReferralUrgency Urgency, ReferralStatus Status, DateTime CreatedAt, DateTime StatusChangedAt, string Initials, IReadOnlyList<string> Reasons);

public sealed record ReferralPage(IReadOnlyList<ReferralLine> Lines, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The receiving service's queue, and the referrals someone has sent.</summary>
public sealed class ReferralQueues(CommonwealDbContext db)
{
    public const int PageSize = 25;

    /// <summary>Referrals to an organisation's services, urgent and oldest first among the open ones; its practitioners and admins only.</summary>
    public async Task<CareResult<ReferralPage>> ReceivedAsync(Guid organisationId, Viewer viewer, ReferralStatus? status, int page, CancellationToken cancellationToken = default)
    {
        if (!viewer.WorksWithPeopleIn(organisationId))
        {
            return CareResult<ReferralPage>.Fail(viewer.IsSignedIn ? PersonErrors.NotAllowed : PersonErrors.SignInRequired,
                "Only the organisation's practitioners and admins see the referrals it receives.");
        }

        var query = db.Referrals.AsNoTracking().Where(r => r.ReceivingOrganisationId == organisationId);
        query = status is { } s ? query.Where(r => r.Status == s) : query;
        var ordered = query
            .OrderBy(r => r.Status == ReferralStatus.Sent ? 0 : r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.InProgress ? 1 : 2)
            .ThenByDescending(r => r.Urgency)
            .ThenBy(r => r.CreatedAt);
        return CareResult<ReferralPage>.Ok(await PageAsync(query, ordered, page, cancellationToken));
    }

    /// <summary>Referrals the viewer made, newest first.</summary>
    public async Task<CareResult<ReferralPage>> SentAsync(Viewer viewer, int page, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId)
        {
            return CareResult<ReferralPage>.Fail(PersonErrors.SignInRequired, "Sign in to see your referrals.");
        }

        var query = db.Referrals.AsNoTracking().Where(r => r.ReferrerUserId == userId);
        return CareResult<ReferralPage>.Ok(await PageAsync(query, query.OrderByDescending(r => r.CreatedAt), page, cancellationToken));
    }

    private async Task<ReferralPage> PageAsync(IQueryable<Referral> query, IQueryable<Referral> ordered, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var total = await query.CountAsync(cancellationToken);
        var rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                r.Id, r.Reference, Service = r.Service!.Name, ReceivingOrganisation = r.Service.Organisation!.Name, r.ReferrerOrganisationName, r.Urgency, r.Status, r.CreatedAt, r.StatusChangedAt,
                r.Person!.GivenName, r.Person.FamilyName,
                Reasons = r.Reasons.Select(x => x.TaxonomyTerm!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new ReferralPage(
            [.. rows.Select(r => new ReferralLine(r.Id, r.Reference, r.Service, r.ReceivingOrganisation, r.ReferrerOrganisationName,
                r.Urgency, r.Status, r.CreatedAt, r.StatusChangedAt, Initials(r.GivenName, r.FamilyName), r.Reasons))],
            total, page, PageSize);
    }

    public static string Initials(string given, string family) =>
        $"{(given.Length > 0 ? char.ToUpperInvariant(given[0]) : '?')}. {(family.Length > 0 ? char.ToUpperInvariant(family[0]) : '?')}.";
}
