using Commonweal.Data;
using Commonweal.Passport;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement.Bids;

/// <summary>The outcome of a change to a bid: refused by a rule, refused by validation (field errors), or done.</summary>
public sealed record BidOutcome(BidResult Result, Bid? Bid = null, ValidationResult? Validation = null)
{
    public bool Succeeded => Result.Succeeded && (Validation?.IsValid ?? true);

    public static BidOutcome Refused(BidResult result) => new(result);

    public static BidOutcome Refused(BidAccessResult access) => new(BidResult.Fail(access.Code!, access.Reason));

    public static BidOutcome Invalid(ValidationResult validation) => new(BidResult.Fail(BidErrors.Invalid, "The bid has errors"), null, validation);
}

/// <summary>
/// A bid's lifecycle: draft → submitted → withdrawn, or submitted → draft again to change it; all
/// of it only by the lead organisation's admins and only before the submission deadline
/// (<see cref="BidAccess.Change"/>). An organisation holds one live bid per lot, as lead or member.
/// Submitting records which passport evidence the bid relies on.
/// </summary>
public sealed class BidEditing(CommonwealDbContext db, SealedBids bids, BidSealer sealer, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<BidOutcome> StartAsync(Guid opportunityId, Guid leadOrganisationId, Guid? lotId, BidDraft draft, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstOrDefaultAsync(x => x.Id == opportunityId && x.PublishedAt != null, cancellationToken);
        if (o is null)
        {
            return BidOutcome.Refused(BidResult.Fail(BidErrors.NotFound, "Opportunity not found."));
        }

        var access = BidAccess.Change(leadOrganisationId, o, viewer, Now);
        if (!access.Allowed)
        {
            return BidOutcome.Refused(access);
        }

        if (o.Lots.Count > 0 && (lotId is null || o.Lots.All(l => l.Id != lotId)))
        {
            return BidOutcome.Refused(BidResult.Fail(BidErrors.Invalid, "Select the lot you are bidding for", "lotId"));
        }

        if (o.Lots.Count == 0 && lotId is not null)
        {
            return BidOutcome.Refused(BidResult.Fail(BidErrors.Invalid, "This opportunity is not divided into lots: bid without one", "lotId"));
        }

        if (o.Commissioners.Any(c => c.OrganisationId == leadOrganisationId))
        {
            return BidOutcome.Refused(BidResult.Fail(BidErrors.NotAllowed, "A commissioner of the opportunity cannot bid for it."));
        }

        var validation = await ValidateAsync(o, draft, leadOrganisationId, cancellationToken);
        if (!validation.IsValid)
        {
            return BidOutcome.Invalid(validation);
        }

        var bid = new Bid
        {
            OpportunityId = o.Id, LotId = lotId, LeadOrganisationId = leadOrganisationId,
            CreatedAt = Now, UpdatedAt = Now, CreatedByUserId = viewer.UserId,
            LiveKey = Bid.LiveKeyFor(o.Id, lotId, leadOrganisationId),
        };
        if (await ClashAsync(o, bid, draft, cancellationToken) is { } clash)
        {
            return BidOutcome.Refused(clash);
        }

        Apply(bid, o, draft);
        db.Bids.Add(bid);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique live key: another request made this organisation's bid for the lot first.
            db.ChangeTracker.Clear();
            return BidOutcome.Refused(BidResult.Fail(BidErrors.LiveBidExists, "Your organisation already has a bid for this lot: change or withdraw that one."));
        }

        return new BidOutcome(BidResult.Ok, bid);
    }

    public async Task<BidOutcome> UpdateAsync(Guid bidId, BidDraft draft, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var (bid, o, refusal) = await LoadForChangeAsync(bidId, viewer, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (bid!.Status != BidStatus.Draft)
        {
            return BidOutcome.Refused(BidResult.Fail(BidErrors.WrongStatus, bid.Status == BidStatus.Submitted
                ? "The bid has been submitted: return it to draft to change it, then submit it again before the deadline."
                : "The bid has been withdrawn and cannot be changed."));
        }

        var validation = await ValidateAsync(o!, draft, bid.LeadOrganisationId, cancellationToken);
        if (!validation.IsValid)
        {
            return BidOutcome.Invalid(validation);
        }

        if (await ClashAsync(o!, bid, draft, cancellationToken) is { } clash)
        {
            return BidOutcome.Refused(clash);
        }

        Apply(bid, o!, draft);
        return await SaveAsync(bid, cancellationToken);
    }

    public async Task<BidOutcome> SubmitAsync(Guid bidId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var (bid, o, refusal) = await LoadForChangeAsync(bidId, viewer, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (bid!.Status != BidStatus.Draft)
        {
            return BidOutcome.Refused(BidResult.Fail(BidErrors.WrongStatus, bid.Status == BidStatus.Submitted ? "The bid has already been submitted." : "A withdrawn bid cannot be submitted."));
        }

        var completeness = BidDraftValidator.Completeness([.. o!.Criteria.OrderBy(c => c.Order)], sealer.Open(o.Id, bid.SealedContent));
        if (!completeness.IsValid)
        {
            return new BidOutcome(BidResult.Fail(BidErrors.Incomplete, "Answer every criterion and give a price before submitting."), null, completeness);
        }

        await RecordEvidenceAsync(db, bid, o, Now, cancellationToken);
        bid.Status = BidStatus.Submitted;
        bid.SubmittedAt = Now;
        bid.SubmittedByUserId = viewer.UserId;
        return await SaveAsync(bid, cancellationToken);
    }

    /// <summary>Back to draft, to be changed and submitted again before the deadline.</summary>
    public async Task<BidOutcome> ReopenAsync(Guid bidId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var (bid, _, refusal) = await LoadForChangeAsync(bidId, viewer, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (bid!.Status != BidStatus.Submitted)
        {
            return BidOutcome.Refused(BidResult.Fail(BidErrors.WrongStatus, "Only a submitted bid can be returned to draft."));
        }

        bid.Status = BidStatus.Draft;
        bid.SubmittedAt = null;
        bid.SubmittedByUserId = null;
        db.Set<BidEvidence>().RemoveRange(bid.Evidence);
        bid.Evidence.Clear();
        return await SaveAsync(bid, cancellationToken);
    }

    public async Task<BidOutcome> WithdrawAsync(Guid bidId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var (bid, _, refusal) = await LoadForChangeAsync(bidId, viewer, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (bid!.Status == BidStatus.Withdrawn)
        {
            return BidOutcome.Refused(BidResult.Fail(BidErrors.WrongStatus, "The bid has already been withdrawn."));
        }

        bid.Status = BidStatus.Withdrawn;
        bid.WithdrawnAt = Now;
        bid.LiveKey = null;
        return await SaveAsync(bid, cancellationToken);
    }

    private async Task<(Bid? Bid, Opportunity? Opportunity, BidOutcome? Refusal)> LoadForChangeAsync(Guid bidId, BidViewer viewer, CancellationToken cancellationToken)
    {
        var bid = await bids.Bids(tracked: true).FirstOrDefaultAsync(b => b.Id == bidId, cancellationToken);
        if (bid is null)
        {
            return (null, null, BidOutcome.Refused(BidResult.Fail(BidErrors.NotFound, "Bid not found.")));
        }

        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstAsync(x => x.Id == bid.OpportunityId, cancellationToken);
        var access = BidAccess.Change(bid.LeadOrganisationId, o, viewer, Now);
        return access.Allowed ? (bid, o, null) : (null, null, BidOutcome.Refused(access));
    }

    private async Task<ValidationResult> ValidateAsync(Opportunity o, BidDraft draft, Guid leadOrganisationId, CancellationToken cancellationToken)
    {
        var named = draft.Consortium.Where(m => m?.OrganisationId is not null).Select(m => m.OrganisationId!.Value).Distinct().ToList();
        var known = (await db.Organisations.Where(x => named.Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken)).ToHashSet();
        return await new BidDraftValidator([.. o.Criteria.Select(c => c.Id)], known, leadOrganisationId).ValidateAsync(draft, cancellationToken);
    }

    /// <summary>An organisation of this bid that is already in another live bid for the same lot.</summary>
    private async Task<BidResult?> ClashAsync(Opportunity o, Bid bid, BidDraft draft, CancellationToken cancellationToken)
    {
        var organisations = draft.Consortium.Select(m => m.OrganisationId!.Value).Append(bid.LeadOrganisationId).Distinct().ToList();
        var lotId = bid.LotId;
        var clash = await db.Set<BidMember>()
            .Where(m => organisations.Contains(m.OrganisationId))
            .Join(db.Bids.Where(b => b.OpportunityId == o.Id && b.LotId == lotId && b.Status != BidStatus.Withdrawn && b.Id != bid.Id),
                m => m.BidId, b => b.Id, (m, b) => m.OrganisationId)
            .FirstOrDefaultAsync(cancellationToken);
        if (clash == default)
        {
            return null;
        }

        if (clash == bid.LeadOrganisationId)
        {
            return BidResult.Fail(BidErrors.LiveBidExists, "Your organisation already has a bid for this lot: change or withdraw that one.");
        }

        var name = await db.Organisations.Where(x => x.Id == clash).Select(x => x.Name).FirstAsync(cancellationToken);
        var index = draft.Consortium.FindIndex(m => m.OrganisationId == clash);
        return BidResult.Fail(BidErrors.LiveBidExists, $"{name} is already in another bid for this lot", $"consortium[{index}].organisationId");
    }

    private void Apply(Bid bid, Opportunity o, BidDraft draft)
    {
        var wanted = draft.Consortium.Count == 0
            ? [new ConsortiumMemberInput { OrganisationId = bid.LeadOrganisationId, Role = "Sole bidder", SharePercent = 100m }]
            : draft.Consortium;
        foreach (var gone in bid.Members.Where(m => wanted.All(w => w.OrganisationId != m.OrganisationId)).ToList())
        {
            bid.Members.Remove(gone);
            db.Set<BidMember>().Remove(gone);
        }

        foreach (var w in wanted)
        {
            var member = bid.Members.FirstOrDefault(m => m.OrganisationId == w.OrganisationId);
            if (member is null)
            {
                member = new BidMember { BidId = bid.Id, OrganisationId = w.OrganisationId!.Value, Role = "" };
                bid.Members.Add(member);
            }

            member.IsLead = w.OrganisationId == bid.LeadOrganisationId;
            member.Role = w.Role!.Trim();
            member.SharePercent = w.SharePercent!.Value;
        }

        bid.SealedContent = sealer.Seal(o.Id, draft.ToContent([.. o.Criteria.OrderBy(c => c.Order)]));
        bid.UpdatedAt = Now;
    }

    private async Task<BidOutcome> SaveAsync(Bid bid, CancellationToken cancellationToken)
    {
        bid.Version++;
        bid.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return BidOutcome.Refused(BidResult.Fail(BidErrors.WrongStatus, "Someone else changed the bid at the same time: look at it again and repeat your change."));
        }

        return new BidOutcome(BidResult.Ok, bid);
    }

    /// <summary>
    /// Which items of each member's passport the bid relies on: the current items of each kind the
    /// opportunity's conditions need, judged at the submission deadline, with their documents by id
    /// and hash. Nothing is copied: the passport holds each document once.
    /// </summary>
    internal static async Task RecordEvidenceAsync(CommonwealDbContext db, Bid bid, Opportunity o, DateTime now, CancellationToken cancellationToken)
    {
        db.Set<BidEvidence>().RemoveRange(bid.Evidence);
        bid.Evidence.Clear();
        var kinds = ParticipationCheck.EvidenceKinds(o);
        foreach (var member in bid.Members.OrderByDescending(m => m.IsLead).ThenBy(m => m.Id))
        {
            var status = PassportStatus.Compute(await PassportStatus.LoadEvidenceAsync(db, member.OrganisationId, cancellationToken), o.SubmissionDeadline);
            foreach (var kind in kinds)
            {
                var current = status[kind].Items.Where(i => i.Current).ToList();
                if (current.Count == 0)
                {
                    bid.Evidence.Add(new BidEvidence { BidId = bid.Id, OrganisationId = member.OrganisationId, Kind = kind, StateAtDeadline = EvidenceState.Missing, RecordedAt = now });
                    continue;
                }

                foreach (var item in current)
                {
                    var evidence = new BidEvidence
                    {
                        BidId = bid.Id, OrganisationId = member.OrganisationId, Kind = kind, EvidenceId = item.Evidence.Id,
                        StateAtDeadline = item.State, Date = item.Date, RecordedAt = now,
                    };
                    evidence.Documents.AddRange(item.Evidence.Attachments.Where(a => a.Document is not null).Select(a => new BidEvidenceDocument
                    {
                        BidEvidenceId = evidence.Id, DocumentId = a.DocumentId, FileName = a.Document!.FileName, Sha256 = a.Document.Sha256,
                    }));
                    bid.Evidence.Add(evidence);
                }
            }
        }
    }
}
