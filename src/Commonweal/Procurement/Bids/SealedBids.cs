using Commonweal.Data;
using Commonweal.Procurement.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement.Bids;

/// <summary>A bid as someone may see it: the access decision, and the content only when it allows.</summary>
public sealed record BidView(BidAccessResult Access, Bid? Bid, Opportunity? Opportunity, BidContent? Content);

/// <summary>An opportunity's bids for its commissioners after the deadline; before it, only how many were submitted.</summary>
public sealed record BidList(BidAccessResult Access, Opportunity? Opportunity, IReadOnlyList<(Bid Bid, BidContent Content)> Bids, int SubmittedCount);

/// <summary>
/// Reading bids. Every read of a bid goes through here: the rules in <see cref="BidAccess"/> decide
/// first, and only then is the content decrypted. Nothing else in the application opens a bid.
/// </summary>
public sealed class SealedBids(CommonwealDbContext db, BidSealer sealer, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<BidView> ReadAsync(Guid bidId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var bid = await Bids(tracked: false).FirstOrDefaultAsync(b => b.Id == bidId, cancellationToken);
        if (bid is null)
        {
            return new BidView(BidAccessResult.Deny(BidErrors.NotFound, "Bid not found."), null, null, null);
        }

        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstAsync(x => x.Id == bid.OpportunityId, cancellationToken);
        var access = BidAccess.Read(bid, o, viewer, Now, await StandingAsync(o.Id, viewer, cancellationToken));
        return access.Allowed
            ? new BidView(access, bid, o, sealer.Open(o.Id, bid.SealedContent))
            : new BidView(access, null, null, null);
    }

    public async Task<BidList> ListAsync(Guid opportunityId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstOrDefaultAsync(x => x.Id == opportunityId, cancellationToken);
        if (o is null)
        {
            return new BidList(BidAccessResult.Deny(BidErrors.NotFound, "Opportunity not found."), null, [], 0);
        }

        var access = BidAccess.List(o, viewer, Now);
        if (!access.Allowed)
        {
            var count = BidAccess.CanCount(o, viewer) ? await CountSubmittedAsync(o.Id, cancellationToken) : 0;
            return new BidList(access, o, [], count);
        }

        var bids = await Bids(tracked: false)
            .Where(b => b.OpportunityId == opportunityId && b.Status == BidStatus.Submitted)
            .OrderBy(b => b.Lot!.Number).ThenBy(b => b.SubmittedAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        // Each bid passes the same rule as a single read, so a list never shows what a read would refuse.
        var standing = await StandingAsync(o.Id, viewer, cancellationToken);
        var opened = bids.Where(b => BidAccess.Read(b, o, viewer, Now, standing).Allowed).Select(b => (b, sealer.Open(o.Id, b.SealedContent))).ToList();
        return new BidList(access, o, opened, opened.Count);
    }

    /// <summary>The number of submitted bids, without who made them. Callers check <see cref="BidAccess.CanCount"/>.</summary>
    public Task<int> CountSubmittedAsync(Guid opportunityId, CancellationToken cancellationToken = default) =>
        db.Bids.CountAsync(b => b.OpportunityId == opportunityId && b.Status == BidStatus.Submitted, cancellationToken);

    /// <summary>The bids of the organisations the viewer is an admin of (as lead or consortium member), without their content.</summary>
    public async Task<IReadOnlyList<Bid>> MineAsync(BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var organisations = viewer.AdminOf.ToList();
        if (!viewer.IsSignedIn || organisations.Count == 0)
        {
            return [];
        }

        return await Bids(tracked: false)
            .Include(b => b.Opportunity)
            .Where(b => b.Members.Any(m => organisations.Contains(m.OrganisationId)))
            .OrderBy(b => b.Status).ThenByDescending(b => b.UpdatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The viewer's standing as an evaluator of the opportunity, for <see cref="BidAccess.Read"/>; null when not assigned.</summary>
    public async Task<EvaluatorStanding?> StandingAsync(Guid opportunityId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId)
        {
            return null;
        }

        var evaluator = await db.Evaluators.AsNoTracking().Include(e => e.Declarations)
            .FirstOrDefaultAsync(e => e.OpportunityId == opportunityId && e.UserId == userId, cancellationToken);
        return evaluator is null
            ? null
            : new EvaluatorStanding(evaluator.DeclaredAt is not null, evaluator.Declarations.Where(d => d.HasInterest).Select(d => d.OrganisationId).ToHashSet());
    }

    internal IQueryable<Bid> Bids(bool tracked)
    {
        var query = db.Bids.Include(b => b.Members).ThenInclude(m => m.Organisation).Include(b => b.LeadOrganisation)
            .Include(b => b.Lot).Include(b => b.Evidence).ThenInclude(e => e.Documents).AsSplitQuery();
        return tracked ? query : query.AsNoTracking();
    }

    internal BidContent Open(Guid opportunityId, string? sealedContent) => sealer.Open(opportunityId, sealedContent);
}
