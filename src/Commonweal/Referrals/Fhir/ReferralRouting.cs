using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals.Fhir;

/// <summary>An unrouted referral as the queue shows it: what routing needs, and nothing about the person.</summary>
public sealed record UnroutedReferral(
    Guid Id, string Reference, DateTime ReceivedAt, string? RequestedService, IReadOnlyList<string> Reasons,
    string ReferrerName, string? ReferrerOrganisationName, ReferralUrgency Urgency);

/// <summary>A directory service a referral could be routed to, with why it cannot take one now (if so).</summary>
public sealed record RoutingCandidate(Guid Id, string Name, string OrganisationName, string? ClosedBecause);

/// <summary>
/// The unrouted queue: incoming referrals whose service is not in the directory wait here, and a
/// platform admin routes each to a service that is accepting referrals. Routing reads nothing of the
/// person's record, so platform admins (who may not read records) can do it.
/// </summary>
public sealed class ReferralRouting(CommonwealDbContext db)
{
    public const string OnlyAdmins = "Only platform admins can route referrals.";

    public async Task<CareResult<IReadOnlyList<UnroutedReferral>>> UnroutedAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsPlatformAdmin)
        {
            return CareResult<IReadOnlyList<UnroutedReferral>>.Fail(viewer.IsSignedIn ? PersonErrors.NotAllowed : PersonErrors.SignInRequired, OnlyAdmins);
        }

        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.ServiceId == null && r.Status == ReferralStatus.Sent)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id, r.Reference, r.CreatedAt, r.RequestedService, r.ReferrerName, r.ReferrerOrganisationName, r.Urgency,
                Reasons = r.Reasons.Select(x => x.TaxonomyTerm!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return CareResult<IReadOnlyList<UnroutedReferral>>.Ok([.. referrals.Select(r => new UnroutedReferral(
            r.Id, r.Reference, r.CreatedAt, r.RequestedService, [.. r.Reasons.Order()], r.ReferrerName, r.ReferrerOrganisationName, r.Urgency))]);
    }

    public async Task<UnroutedReferral?> FindAsync(Viewer viewer, Guid referralId, CancellationToken cancellationToken = default)
    {
        var queue = await UnroutedAsync(viewer, cancellationToken);
        return queue.Value?.FirstOrDefault(r => r.Id == referralId);
    }

    /// <summary>Services whose name contains the words searched for, at most 20, open ones first.</summary>
    public async Task<IReadOnlyList<RoutingCandidate>> SearchServicesAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var term = name.Trim().ToUpperInvariant();
        var services = await db.Services.AsNoTracking().Include(s => s.Organisation)
            .Where(s => s.Name.ToUpper().Contains(term))
            .OrderBy(s => s.Name).ThenBy(s => s.Id).Take(20)
            .ToListAsync(cancellationToken);
        return [.. services.Select(s => new RoutingCandidate(s.Id, s.Name, s.Organisation?.Name ?? "", ReferralWork.ClosedToReferrals(s)))
            .OrderBy(c => c.ClosedBecause is not null)];
    }

    public async Task<string?> ServiceNameAsync(Guid serviceId, CancellationToken cancellationToken = default) =>
        await db.Services.AsNoTracking().Where(s => s.Id == serviceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Routes an unrouted referral to a service that is accepting referrals; the step is recorded on the referral.</summary>
    public async Task<CareResult<Referral>> RouteAsync(Guid referralId, Guid? serviceId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsPlatformAdmin)
        {
            return CareResult<Referral>.Fail(viewer.IsSignedIn ? PersonErrors.NotAllowed : PersonErrors.SignInRequired, OnlyAdmins);
        }

        if (serviceId is null)
        {
            return CareResult<Referral>.Invalid("ServiceId", "Select the service to route this referral to");
        }

        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return CareResult<Referral>.Fail(PersonErrors.NotFound, "No referral has that id.");
        }

        if (referral.IsRouted || referral.Status != ReferralStatus.Sent)
        {
            return CareResult<Referral>.Fail(PersonErrors.TransitionNotAllowed, $"Referral {referral.Reference} is not waiting to be routed.");
        }

        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return CareResult<Referral>.Invalid("ServiceId", "No service in the directory has that id");
        }

        if (ReferralWork.ClosedToReferrals(service) is { } closed)
        {
            return CareResult<Referral>.Refuse(PersonErrors.NotAcceptingReferrals, "ServiceId", closed);
        }

        referral.ServiceId = service.Id;
        referral.ReceivingOrganisationId = service.OrganisationId;
        referral.Version++;
        db.ReferralTransitions.Add(new ReferralTransition
        {
            ReferralId = referral.Id,
            From = referral.Status,
            To = referral.Status,
            At = db.Now,
            ByUserId = viewer.UserId,
            By = viewer.Name,
            Reason = Limit($"Routed to {service.Name} (asked for: {referral.RequestedService ?? "not named"})", Referral.ReasonMaxLength),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CareResult<Referral>.Fail(PersonErrors.TransitionNotAllowed, $"Referral {referral.Reference} was changed by someone else a moment ago; look again.");
        }

        return CareResult<Referral>.Ok(referral);
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}
