using System.Text.Json;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Procurement.Awards;
using Commonweal.Procurement.Bids;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement.Evaluation;

/// <summary>An opportunity's bids ranked per lot, as far as the viewer may see them.</summary>
public sealed record Ranking(EvaluationResult Access, Opportunity? Opportunity, IReadOnlyList<RankedBid> Bids, IReadOnlyDictionary<Guid, Bid> BidsById, int Hidden)
{
    public bool Complete => Bids.Count > 0 && Hidden == 0 && Bids.All(b => b.Complete);
}

/// <summary>
/// Evaluation, from assigning evaluators to the intention to award: declarations of interest,
/// scoring, moderation, ranking and the letters. Who may see, score or moderate a bid is decided by
/// <see cref="BidAccess"/>, never here. Awards are recorded through <see cref="AwardRecording"/>.
/// </summary>
public sealed class Evaluations(CommonwealDbContext db, SealedBids bids, AwardRecording awards, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<Opportunity?> OpportunityAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Opportunities.AsNoTracking().WithDetails().FirstOrDefaultAsync(o => o.Id == id && o.PublishedAt != null, cancellationToken);

    public Task<OpportunityEvaluation?> SettingsAsync(Guid opportunityId, CancellationToken cancellationToken = default) =>
        db.OpportunityEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.OpportunityId == opportunityId, cancellationToken);

    public async Task<IReadOnlyList<Evaluator>> EvaluatorsAsync(Guid opportunityId, CancellationToken cancellationToken = default) =>
        await db.Evaluators.AsNoTracking().Include(e => e.User).Include(e => e.Declarations).ThenInclude(d => d.Organisation)
            .Where(e => e.OpportunityId == opportunityId).OrderBy(e => e.AssignedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>Every organisation in a submitted bid (leads and consortium members), by name: whom evaluators declare about.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> BiddersAsync(Guid opportunityId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Bids.AsNoTracking().Where(b => b.OpportunityId == opportunityId && b.Status == BidStatus.Submitted)
            .SelectMany(b => b.Members).Select(m => new { m.OrganisationId, m.Organisation!.Name }).Distinct().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => (r.OrganisationId, r.Name))];
    }

    public async Task<EvaluationResult> AssignAsync(Guid opportunityId, BidViewer viewer, Guid? userId, string? email, CancellationToken cancellationToken = default)
    {
        var o = await OpportunityAsync(opportunityId, cancellationToken);
        if (o is null)
        {
            return NotFound("Opportunity");
        }

        if (!viewer.IsSignedIn || !viewer.CommissionsFor(o))
        {
            return EvaluationResult.Fail(EvaluationErrors.NotAllowed, "Only the opportunity's commissioners can assign evaluators.");
        }

        if (o.Status is not (OpportunityStatus.Published or OpportunityStatus.Closed or OpportunityStatus.Evaluation))
        {
            return WrongState(o, "evaluators can be assigned until the intention to award is issued");
        }

        var field = userId is null ? "email" : "userId";
        if (userId is null && string.IsNullOrWhiteSpace(email))
        {
            return Invalid(field, "Enter the evaluator's email address");
        }

        var normalised = email?.Trim().ToUpperInvariant();
        var user = userId is { } id
            ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            : await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, cancellationToken);
        if (user is null)
        {
            return Invalid(field, "There is no user with that email address on Commonweal");
        }

        var organisations = o.Commissioners.Select(c => c.OrganisationId).ToList();
        var eligible = await db.Memberships.AnyAsync(m => m.UserId == user.Id && organisations.Contains(m.OrganisationId)
            && (m.Role == MembershipRole.Evaluator || m.Role == MembershipRole.Commissioner), cancellationToken);
        if (!eligible)
        {
            return Invalid(field, $"{user.DisplayName} is not an evaluator or commissioner in one of the commissioning organisations");
        }

        if (await db.Evaluators.AnyAsync(e => e.OpportunityId == o.Id && e.UserId == user.Id, cancellationToken))
        {
            return EvaluationResult.Fail(EvaluationErrors.AlreadyAssigned, $"{user.DisplayName} is already an evaluator of this opportunity.");
        }

        db.Evaluators.Add(new Evaluator { OpportunityId = o.Id, UserId = user.Id, AssignedAt = Now, AssignedByUserId = viewer.UserId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (opportunity, user) index: another commissioner assigned them at the same moment.
            db.ChangeTracker.Clear();
            return EvaluationResult.Fail(EvaluationErrors.AlreadyAssigned, $"{user.DisplayName} is already an evaluator of this opportunity.");
        }

        return EvaluationResult.Ok;
    }

    /// <summary>
    /// An evaluator declares, once, for every bidder: no interest, or an interest described. Only
    /// after the deadline, when the bidders are known. The declarations are kept with their time and
    /// written to the audit log with everything else saved.
    /// </summary>
    public async Task<EvaluationResult> DeclareAsync(Guid opportunityId, BidViewer viewer, IReadOnlyList<DeclarationInput>? declarations, CancellationToken cancellationToken = default)
    {
        var o = await OpportunityAsync(opportunityId, cancellationToken);
        if (o is null)
        {
            return NotFound("Opportunity");
        }

        var evaluator = viewer.UserId is { } userId
            ? await db.Evaluators.Include(e => e.Declarations).FirstOrDefaultAsync(e => e.OpportunityId == o.Id && e.UserId == userId, cancellationToken)
            : null;
        if (evaluator is null)
        {
            return EvaluationResult.Fail(EvaluationErrors.NotAllowed, "Only the opportunity's evaluators declare interests in its bidders.");
        }

        if (Now < o.SubmissionDeadline)
        {
            return EvaluationResult.Fail(EvaluationErrors.DeadlineNotReached,
                $"The bidders are known once the submission deadline has passed, {BidAccess.Deadline(o)}: declare then.");
        }

        if (evaluator.DeclaredAt is { } declared)
        {
            return EvaluationResult.Fail(EvaluationErrors.AlreadyDeclared,
                $"You declared your interests at {Timetable.UkLocal(declared):HH:mm 'on' d MMMM yyyy}. If something has changed, tell a commissioner of the opportunity.");
        }

        var bidders = (await BiddersAsync(o.Id, cancellationToken)).ToDictionary(b => b.Id, b => b.Name);
        var list = declarations ?? [];
        var errors = new Dictionary<string, string>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < list.Count; i++)
        {
            var d = list[i];
            var path = $"declarations[{i}]";
            if (d.OrganisationId is not { } organisationId || !bidders.TryGetValue(organisationId, out var name))
            {
                errors[$"{path}.organisationId"] = "Select one of the bidders: this organisation has not bid for the opportunity";
                continue;
            }

            if (!seen.Add(organisationId))
            {
                errors[$"{path}.organisationId"] = $"You have already declared for {name}";
            }

            if (d.HasInterest is null)
            {
                errors[$"{path}.hasInterest"] = $"Say whether you have an interest in {name}";
            }
            else if (d.HasInterest == true && string.IsNullOrWhiteSpace(d.Description))
            {
                errors[$"{path}.description"] = $"Describe your interest in {name}";
            }
            else if (d.Description?.Trim().Length > ConflictDeclaration.DescriptionMaxLength)
            {
                errors[$"{path}.description"] = $"The description must be {ConflictDeclaration.DescriptionMaxLength:N0} characters or fewer";
            }
        }

        var missing = bidders.Where(b => !seen.Contains(b.Key)).Select(b => b.Value).ToList();
        if (missing.Count > 0)
        {
            errors["declarations"] = $"Declare for every bidder: {string.Join(", ", missing)} still to declare";
        }

        if (errors.Count > 0)
        {
            return EvaluationResult.Invalid(errors);
        }

        foreach (var d in list)
        {
            evaluator.Declarations.Add(new ConflictDeclaration
            {
                EvaluatorId = evaluator.Id, OrganisationId = d.OrganisationId!.Value, HasInterest = d.HasInterest!.Value,
                Description = d.HasInterest == true ? d.Description!.Trim() : null, DeclaredAt = Now,
            });
        }

        evaluator.DeclaredAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return EvaluationResult.Ok;
    }

    /// <summary>The bids the viewer may score, with what they say and the viewer's own scores so far.</summary>
    public async Task<IReadOnlyList<(Bid Bid, BidAccessResult Access)>> BidsToScoreAsync(Opportunity o, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var standing = await bids.StandingAsync(o.Id, viewer, cancellationToken);
        var submitted = await bids.Bids(tracked: false).Where(b => b.OpportunityId == o.Id && b.Status == BidStatus.Submitted)
            .OrderBy(b => b.SubmittedAt).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        return [.. submitted.Select(b => (b, BidAccess.Score(b, o, viewer, Now, standing)))];
    }

    public async Task<IReadOnlyList<EvaluatorScore>> ScoresAsync(Guid bidId, Guid? evaluatorUserId = null, CancellationToken cancellationToken = default) =>
        await db.EvaluatorScores.AsNoTracking().Where(s => s.BidId == bidId && (evaluatorUserId == null || s.EvaluatorUserId == evaluatorUserId))
            .OrderBy(s => s.ScoredAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ConsensusScore>> ConsensusAsync(Guid bidId, CancellationToken cancellationToken = default) =>
        await db.ConsensusScores.AsNoTracking().Where(s => s.BidId == bidId).ToListAsync(cancellationToken);

    /// <summary>An evaluator's own scores for a bid, criterion by criterion (price is scored by formula, not here).</summary>
    public async Task<EvaluationResult> ScoreAsync(Guid bidId, BidViewer viewer, IReadOnlyList<ScoreInput>? scores, CancellationToken cancellationToken = default)
    {
        var (bid, o) = await LoadBidAsync(bidId, cancellationToken);
        if (bid is null || o is null)
        {
            return NotFound("Bid");
        }

        var access = BidAccess.Score(bid, o, viewer, Now, await bids.StandingAsync(o.Id, viewer, cancellationToken));
        if (!access.Allowed)
        {
            return EvaluationResult.Fail(access.Code!, access.Reason);
        }

        if (o.Status != OpportunityStatus.Evaluation)
        {
            return WrongState(o, "bids are scored while the opportunity is being evaluated");
        }

        var list = scores ?? [];
        var errors = Validate(o, list.Select(s => (s.CriterionId, s.Score, s.Comment)).ToList(), "comment", (score, _) =>
            EvaluationScoring.CommentRequired(score) ? $"Give a comment for a score of {score}: scores of 0, 1 and 5 need one" : null);
        if (errors.Count > 0)
        {
            return EvaluationResult.Invalid(errors);
        }

        var userId = viewer.UserId!.Value;
        var existing = await db.EvaluatorScores.Where(s => s.BidId == bid.Id && s.EvaluatorUserId == userId).ToListAsync(cancellationToken);
        foreach (var input in list)
        {
            var row = existing.FirstOrDefault(s => s.CriterionId == input.CriterionId);
            if (row is null)
            {
                row = new EvaluatorScore { BidId = bid.Id, CriterionId = input.CriterionId!.Value, EvaluatorUserId = userId };
                db.EvaluatorScores.Add(row);
            }

            row.Score = input.Score!.Value;
            row.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
            row.ScoredAt = Now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return EvaluationResult.Ok;
    }

    /// <summary>
    /// A commissioner's consensus scores for a bid. Where one differs from any evaluator's score for
    /// that criterion, the reason is required and kept; it is quoted in the letters.
    /// </summary>
    public async Task<EvaluationResult> ModerateAsync(Guid bidId, BidViewer viewer, IReadOnlyList<ConsensusInput>? scores, CancellationToken cancellationToken = default)
    {
        var (bid, o) = await LoadBidAsync(bidId, cancellationToken);
        if (bid is null || o is null)
        {
            return NotFound("Bid");
        }

        var access = BidAccess.Moderate(bid, o, viewer, Now, await bids.StandingAsync(o.Id, viewer, cancellationToken));
        if (!access.Allowed)
        {
            return EvaluationResult.Fail(access.Code!, access.Reason);
        }

        if (o.Status != OpportunityStatus.Evaluation)
        {
            return WrongState(o, "scores are moderated while the opportunity is being evaluated");
        }

        var individual = await db.EvaluatorScores.AsNoTracking().Where(s => s.BidId == bid.Id).ToListAsync(cancellationToken);
        var list = scores ?? [];
        var criterionOf = list.Select(s => s.CriterionId).ToList();
        var errors = Validate(o, list.Select(s => (s.CriterionId, s.Score, s.Reason)).ToList(), "reason", (score, i) =>
        {
            var differing = individual.Where(s => s.CriterionId == criterionOf[i] && s.Score != score).Select(s => s.Score).Distinct().Order().ToList();
            return differing.Count > 0
                ? $"Give the reason for the consensus score of {score}: it differs from an evaluator's score of {string.Join(" and ", differing)}"
                : null;
        });
        if (errors.Count > 0)
        {
            return EvaluationResult.Invalid(errors);
        }

        var existing = await db.ConsensusScores.Where(s => s.BidId == bid.Id).ToListAsync(cancellationToken);
        foreach (var input in list)
        {
            var row = existing.FirstOrDefault(s => s.CriterionId == input.CriterionId);
            if (row is null)
            {
                row = new ConsensusScore { BidId = bid.Id, CriterionId = input.CriterionId!.Value };
                db.ConsensusScores.Add(row);
            }

            row.Score = input.Score!.Value;
            row.Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
            row.ModeratedByUserId = viewer.UserId;
            row.ModeratedAt = Now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return EvaluationResult.Ok;
    }

    /// <summary>Closed → evaluation, by a commissioner, after the deadline (an opportunity the clock has not yet closed is closed first).</summary>
    public async Task<EvaluationResult> StartAsync(Guid opportunityId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var o = await db.Opportunities.WithDetails().FirstOrDefaultAsync(x => x.Id == opportunityId && x.PublishedAt != null, cancellationToken);
        if (o is null)
        {
            return NotFound("Opportunity");
        }

        if (!viewer.IsSignedIn || !viewer.CommissionsFor(o))
        {
            return EvaluationResult.Fail(EvaluationErrors.NotAllowed, "Only the opportunity's commissioners can start its evaluation.");
        }

        if (Now < o.SubmissionDeadline)
        {
            return EvaluationResult.Fail(EvaluationErrors.DeadlineNotReached, $"Evaluation starts after the submission deadline, {BidAccess.Deadline(o)}.");
        }

        if (o.Status == OpportunityStatus.Published)
        {
            OpportunityLifecycle.Transition(o, OpportunityStatus.Closed, db.Actor, Now, "The submission deadline passed.");
        }

        var moved = OpportunityLifecycle.Transition(o, OpportunityStatus.Evaluation, db.Actor, Now, "Evaluation started.");
        if (!moved.Succeeded)
        {
            return EvaluationResult.Fail(EvaluationErrors.WrongState, moved.Message!);
        }

        var settings = await SettingsForChangeAsync(o.Id, cancellationToken);
        settings.StartedAt = Now;
        settings.StartedByUserId = viewer.UserId;
        return await SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>The share of each contract's value held against outcomes, set by a commissioner before the contracts are recorded.</summary>
    public async Task<EvaluationResult> SetOutcomeLinkedShareAsync(Guid opportunityId, BidViewer viewer, decimal? percent, CancellationToken cancellationToken = default)
    {
        var o = await OpportunityAsync(opportunityId, cancellationToken);
        if (o is null)
        {
            return NotFound("Opportunity");
        }

        if (!viewer.IsSignedIn || !viewer.CommissionsFor(o))
        {
            return EvaluationResult.Fail(EvaluationErrors.NotAllowed, "Only the opportunity's commissioners can set the outcome-linked payment share.");
        }

        if (OpportunityLifecycle.IsFinal(o.Status))
        {
            return WrongState(o, "the contracts' terms are already settled");
        }

        if (percent is not (>= 0 and <= 100))
        {
            return Invalid("outcomeLinkedPaymentPercent", "Enter the outcome-linked payment share as a percentage from 0 to 100");
        }

        var settings = await SettingsForChangeAsync(o.Id, cancellationToken);
        settings.OutcomeLinkedPaymentPercent = percent.Value;
        await db.SaveChangesAsync(cancellationToken);
        return EvaluationResult.Ok;
    }

    /// <summary>The ranking per lot, for the opportunity's commissioners once evaluation has started.</summary>
    public async Task<Ranking> RankingAsync(Guid opportunityId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var list = await bids.ListAsync(opportunityId, viewer, cancellationToken);
        if (list.Opportunity is null)
        {
            return new Ranking(NotFound("Opportunity"), null, [], new Dictionary<Guid, Bid>(), 0);
        }

        var o = list.Opportunity;
        if (!viewer.IsSignedIn || !viewer.CommissionsFor(o))
        {
            return new Ranking(EvaluationResult.Fail(EvaluationErrors.NotAllowed, "Only the opportunity's commissioners see the ranking."), o, [], new Dictionary<Guid, Bid>(), 0);
        }

        if (o.Status is OpportunityStatus.Draft or OpportunityStatus.Published or OpportunityStatus.Closed or OpportunityStatus.Cancelled)
        {
            return new Ranking(WrongState(o, "bids are ranked once evaluation has started"), o, [], new Dictionary<Guid, Bid>(), 0);
        }

        var ids = list.Bids.Select(b => b.Bid.Id).ToList();
        var consensus = await db.ConsensusScores.AsNoTracking().Where(s => ids.Contains(s.BidId)).ToListAsync(cancellationToken);
        var ranked = EvaluationScoring.Rank(list.Bids.Select(b => new BidForRanking(
            b.Bid.Id, b.Bid.LotId, BidderName(b.Bid), b.Content.Price, b.Bid.SubmittedAt,
            consensus.Where(s => s.BidId == b.Bid.Id).ToDictionary(s => s.CriterionId, s => (s.Score, s.Reason)))), [.. o.Criteria]);
        var lotOrder = o.Lots.ToDictionary(l => l.Id, l => l.Number);
        ranked = [.. ranked.OrderBy(r => r.Bid.LotId is { } lot ? lotOrder.GetValueOrDefault(lot) : 0).ThenBy(r => r.Rank)];
        var submitted = await bids.CountSubmittedAsync(o.Id, cancellationToken);
        return new Ranking(EvaluationResult.Ok, o, ranked, list.Bids.ToDictionary(b => b.Bid.Id, b => b.Bid), submitted - list.Bids.Count);
    }

    /// <summary>
    /// Evaluation → intention to award → standstill, in one transaction: refused while any bid lacks
    /// a consensus score on any criterion. The top-ranked bid of each lot gets a pending award
    /// (through <see cref="AwardRecording"/>, at its price), the 8-working-day standstill starts, and
    /// every bidder gets a letter with its scores beside the winner's.
    /// </summary>
    public async Task<EvaluationResult> IssueIntentionAsync(Guid opportunityId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var ranking = await RankingAsync(opportunityId, viewer, cancellationToken);
        if (!ranking.Access.Succeeded)
        {
            return ranking.Access;
        }

        var o = ranking.Opportunity!;
        if (o.Status != OpportunityStatus.Evaluation)
        {
            return WrongState(o, "the intention to award is issued at the end of evaluation");
        }

        if (ranking.Bids.Count == 0)
        {
            return EvaluationResult.Fail(EvaluationErrors.NoBids, "There are no submitted bids to award.");
        }

        if (ranking.Hidden > 0)
        {
            return EvaluationResult.Fail(EvaluationErrors.NotAllowed,
                "You cannot see every bid (you have not declared, or declared an interest): another commissioner must issue the intention to award.");
        }

        var incomplete = ranking.Bids.Where(r => !r.Complete).ToList();
        if (incomplete.Count > 0)
        {
            return EvaluationResult.Fail(EvaluationErrors.Incomplete, "Every bid needs a consensus score on every criterion before the intention to award. Still to moderate: "
                + string.Join("; ", incomplete.Select(r => $"{r.Bid.Bidder} ({string.Join(", ", r.Criteria.Where(c => c.Score is null).Select(c => c.Name))})")) + ".");
        }

        var winners = ranking.Bids.Where(r => r.Rank == 1).ToList();
        if (winners.FirstOrDefault(w => w.Bid.Price is not > 0) is { } unpriced)
        {
            return EvaluationResult.Fail(EvaluationErrors.Incomplete, $"The top-ranked bid, {unpriced.Bid.Bidder}'s, has no price to award.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var winner in winners)
        {
            var bid = ranking.BidsById[winner.Bid.BidId];
            var members = bid.Members.Where(m => m.OrganisationId != bid.LeadOrganisationId).Select(m => m.OrganisationId).ToList();
            var (result, _) = await awards.RecordIntentionAsync(o.Id, new AwardInput(bid.LeadOrganisationId, winner.Bid.Price!.Value, bid.LotId, members), cancellationToken);
            if (!result.Succeeded)
            {
                return await AbandonAsync(result);
            }
        }

        var standstill = await awards.StartStandstillAsync(o.Id, cancellationToken);
        if (!standstill.Succeeded)
        {
            return await AbandonAsync(standstill);
        }

        var endsAt = await db.Opportunities.Where(x => x.Id == o.Id).Select(x => x.StandstillEndsAt).FirstAsync(cancellationToken) ?? Now;
        foreach (var r in ranking.Bids)
        {
            var winner = winners.First(w => w.Bid.LotId == r.Bid.LotId);
            var bid = ranking.BidsById[r.Bid.BidId];
            var lot = o.Lots.FirstOrDefault(l => l.Id == r.Bid.LotId);
            var content = new LetterContent(
                o.Id, o.Reference, o.Title, lot?.Number, lot?.Title, r.Bid.Bidder, r.Rank == 1, r.Rank, ranking.Bids.Count(b => b.Bid.LotId == r.Bid.LotId),
                winner.Bid.Bidder,
                [.. r.Criteria.Zip(winner.Criteria, (mine, theirs) => new LetterLine(mine.Name, mine.Weight, mine.Score!.Value, mine.Weighted!.Value,
                    theirs.Score!.Value, theirs.Weighted!.Value, mine.IsPrice ? EvaluationScoring.PriceFormula : mine.Reason, theirs.IsPrice ? null : theirs.Reason))],
                r.Total, winner.Total, Now, endsAt);
            db.AwardLetters.Add(new AwardLetter
            {
                OpportunityId = o.Id, BidId = bid.Id, OrganisationId = bid.LeadOrganisationId, IssuedAt = Now, StandstillEndsAt = endsAt,
                Content = JsonSerializer.Serialize(content, Json),
            });
        }

        var settings = await SettingsForChangeAsync(o.Id, cancellationToken);
        settings.IntentionIssuedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EvaluationResult.Ok;

        async Task<EvaluationResult> AbandonAsync(ProcurementResult refused)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return EvaluationResult.Fail(EvaluationErrors.WrongState, refused.Message!);
        }
    }

    /// <summary>A bid's intention-to-award letter: its bidder's admins and the opportunity's commissioners only.</summary>
    public async Task<(EvaluationResult Result, LetterContent? Letter)> LetterAsync(Guid bidId, BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var (bid, o) = await LoadBidAsync(bidId, cancellationToken);
        if (bid is null || o is null)
        {
            return (NotFound("Bid"), null);
        }

        var access = BidAccess.Letter(bid, o, viewer);
        if (!access.Allowed)
        {
            return (EvaluationResult.Fail(access.Code!, access.Reason), null);
        }

        var letter = await db.AwardLetters.AsNoTracking().FirstOrDefaultAsync(l => l.BidId == bid.Id, cancellationToken);
        return letter is null
            ? (EvaluationResult.Fail(EvaluationErrors.NotFound, "No intention-to-award letter has been issued for this bid yet."), null)
            : (EvaluationResult.Ok, JsonSerializer.Deserialize<LetterContent>(letter.Content, Json));
    }

    /// <summary>The letters to the organisations the viewer is an admin of.</summary>
    public async Task<IReadOnlyList<(Guid BidId, LetterContent Letter)>> LettersForAsync(BidViewer viewer, CancellationToken cancellationToken = default)
    {
        var organisations = viewer.AdminOf.ToList();
        if (organisations.Count == 0)
        {
            return [];
        }

        var letters = await db.AwardLetters.AsNoTracking()
            .Where(l => db.Bids.Any(b => b.Id == l.BidId && b.Members.Any(m => organisations.Contains(m.OrganisationId))))
            .OrderByDescending(l => l.IssuedAt).ToListAsync(cancellationToken);
        return [.. letters.Select(l => (l.BidId, JsonSerializer.Deserialize<LetterContent>(l.Content, Json)!))];
    }

    public static string BidderName(Bid bid)
    {
        var lead = bid.Members.FirstOrDefault(m => m.IsLead)?.Organisation?.Name ?? bid.LeadOrganisation?.Name ?? "Unknown bidder";
        var others = bid.Members.Where(m => !m.IsLead && m.OrganisationId != bid.LeadOrganisationId).Select(m => m.Organisation?.Name).OfType<string>().ToList();
        return others.Count == 0 ? lead : $"{lead} with {string.Join(" and ", others)}";
    }

    private Dictionary<string, string> Validate(Opportunity o, List<(Guid? CriterionId, int? Score, string? Text)> list, string textField, Func<int, int, string?> textRequired)
    {
        var criteria = o.Criteria.Where(c => !EvaluationScoring.IsPrice(c)).ToDictionary(c => c.Id);
        var errors = new Dictionary<string, string>();
        if (list.Count == 0)
        {
            errors["scores"] = "Enter at least one score";
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < list.Count; i++)
        {
            var (criterionId, score, text) = list[i];
            var path = $"scores[{i}]";
            if (criterionId is not { } id || !criteria.ContainsKey(id))
            {
                errors[$"{path}.criterionId"] = o.Criteria.Any(c => c.Id == criterionId)
                    ? "Price is scored by formula, not by evaluators"
                    : "Select one of the opportunity's criteria";
                continue;
            }

            if (!seen.Add(id))
            {
                errors[$"{path}.criterionId"] = $"{criteria[id].Name} is scored more than once";
            }

            if (score is not { } value)
            {
                errors[$"{path}.score"] = $"Enter a score for {criteria[id].Name}: a whole number from 0 to 5";
            }
            else if (!EvaluationScoring.InRange(value))
            {
                errors[$"{path}.score"] = $"The score for {criteria[id].Name} must be from 0 to 5, not {value}";
            }
            else if (string.IsNullOrWhiteSpace(text) && textRequired(value, i) is { } message)
            {
                errors[$"{path}.{textField}"] = message;
            }

            if (text?.Trim().Length > EvaluatorScore.CommentMaxLength)
            {
                errors[$"{path}.{textField}"] = $"The {textField} must be {EvaluatorScore.CommentMaxLength:N0} characters or fewer";
            }
        }

        return errors;
    }

    private async Task<(Bid? Bid, Opportunity? Opportunity)> LoadBidAsync(Guid bidId, CancellationToken cancellationToken)
    {
        var bid = await bids.Bids(tracked: false).FirstOrDefaultAsync(b => b.Id == bidId, cancellationToken);
        return bid is null ? (null, null) : (bid, await OpportunityAsync(bid.OpportunityId, cancellationToken));
    }

    private async Task<OpportunityEvaluation> SettingsForChangeAsync(Guid opportunityId, CancellationToken cancellationToken)
    {
        var settings = db.OpportunityEvaluations.Local.FirstOrDefault(e => e.OpportunityId == opportunityId)
            ?? await db.OpportunityEvaluations.FirstOrDefaultAsync(e => e.OpportunityId == opportunityId, cancellationToken);
        if (settings is null)
        {
            settings = new OpportunityEvaluation { OpportunityId = opportunityId };
            db.OpportunityEvaluations.Add(settings);
        }

        return settings;
    }

    private async Task<EvaluationResult> SaveOrConflictAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EvaluationResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EvaluationResult.Fail(EvaluationErrors.WrongState, "Someone else changed the opportunity at the same moment: look again and retry.");
        }
    }

    private static EvaluationResult NotFound(string what) => EvaluationResult.Fail(EvaluationErrors.NotFound, $"{what} not found.");

    private static EvaluationResult Invalid(string field, string message) => EvaluationResult.Invalid(new Dictionary<string, string> { [field] = message });

    private static EvaluationResult WrongState(Opportunity o, string rule) =>
        EvaluationResult.Fail(EvaluationErrors.WrongState, $"The opportunity is {ProcurementLabels.DisplayName(o.Status).ToLowerInvariant()}: {rule}.");
}
