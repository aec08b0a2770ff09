using Commonweal.Accounts;
using Commonweal.Procurement.Evaluation;

namespace Commonweal.Procurement.Bids;

/// <summary>Whether someone may do something with a bid, and if not, why: the reason is shown to them.</summary>
public sealed record BidAccessResult(bool Allowed, string? Code, string Reason)
{
    public static BidAccessResult Allow(string reason) => new(true, null, reason);

    public static BidAccessResult Deny(string code, string reason) => new(false, code, reason);
}

/// <summary>
/// The sealed-bid rules, in one place; every page and API endpoint asks here (through
/// <see cref="SealedBids"/> and <see cref="BidEditing"/>) and nowhere else. Deny by default:
/// <list type="bullet">
/// <item>Admins of the lead organisation create, change, submit and withdraw the bid, until the submission deadline.</item>
/// <item>Admins of the lead and of the consortium's other members read it, at any time.</item>
/// <item>Commissioners of the opportunity read submitted bids only once the submission deadline has
/// passed; before it they learn only how many have been submitted, not who made them. Drafts and
/// withdrawn bids they never see.</item>
/// <item>Evaluators assigned to the opportunity read submitted bids once the submission deadline has
/// passed, only after declaring their interests for every bidder, and never the bid of a bidder they
/// declared an interest in. An assigned evaluator is held to this rule even when also a commissioner.</item>
/// <item>Nobody else reads a bid: not platform admins, not other providers, not the public.</item>
/// </list>
/// </summary>
public static class BidAccess
{
    /// <summary>Reading a bid; <c>evaluator</c> is the viewer's standing as an evaluator of the opportunity, null when not assigned.</summary>
    public static BidAccessResult Read(Bid bid, Opportunity o, BidViewer viewer, DateTime now, EvaluatorStanding? evaluator = null)
    {
        if (!viewer.IsSignedIn)
        {
            return BidAccessResult.Deny(BidErrors.SignInRequired, "Sign in to see bids.");
        }

        if (bid.Members.Any(m => viewer.HasRoleIn(m.OrganisationId, MembershipRole.Admin)) || viewer.HasRoleIn(bid.LeadOrganisationId, MembershipRole.Admin))
        {
            return BidAccessResult.Allow("Your organisation's bid.");
        }

        if (evaluator is not null)
        {
            return ReadAsEvaluator(bid, o, evaluator, now);
        }

        if (viewer.CommissionsFor(o))
        {
            if (now < o.SubmissionDeadline)
            {
                return BidAccessResult.Deny(BidErrors.Sealed, SealedMessage(o));
            }

            return bid.Status == BidStatus.Submitted
                ? BidAccessResult.Allow("The submission deadline has passed: commissioners of the opportunity read submitted bids.")
                : BidAccessResult.Deny(BidErrors.NotAllowed, "Only submitted bids are opened.");
        }

        return now < o.SubmissionDeadline
            ? BidAccessResult.Deny(BidErrors.Sealed, SealedMessage(o))
            : BidAccessResult.Deny(BidErrors.NotAllowed, "Only the bidding organisations and the opportunity's commissioners can see a bid.");
    }

    private static BidAccessResult ReadAsEvaluator(Bid bid, Opportunity o, EvaluatorStanding evaluator, DateTime now)
    {
        if (now < o.SubmissionDeadline)
        {
            return BidAccessResult.Deny(BidErrors.Sealed, SealedMessage(o));
        }

        if (bid.Status != BidStatus.Submitted)
        {
            return BidAccessResult.Deny(BidErrors.NotAllowed, "Only submitted bids are opened.");
        }

        if (!evaluator.Declared)
        {
            return BidAccessResult.Deny(BidErrors.DeclarationRequired, DeclarationRequiredMessage);
        }

        if (bid.Members.Select(m => m.OrganisationId).Append(bid.LeadOrganisationId).Any(evaluator.InterestsIn.Contains))
        {
            return BidAccessResult.Deny(BidErrors.ConflictOfInterest,
                "You declared an interest in an organisation in this bid, so you cannot see or score it.");
        }

        return BidAccessResult.Allow("An evaluator of the opportunity with no declared interest in this bidder, after the deadline.");
    }

    /// <summary>
    /// Scoring a bid: an evaluator assigned to the opportunity whom the evaluator's read rule lets see
    /// it, and never someone who belongs to an organisation in the bid, declared or not.
    /// </summary>
    public static BidAccessResult Score(Bid bid, Opportunity o, BidViewer viewer, DateTime now, EvaluatorStanding? evaluator)
    {
        if (!viewer.IsSignedIn)
        {
            return BidAccessResult.Deny(BidErrors.SignInRequired, "Sign in to score bids.");
        }

        if (evaluator is null)
        {
            return BidAccessResult.Deny(BidErrors.NotAllowed, "Only the opportunity's evaluators score its bids.");
        }

        return BelongsToBid(bid, viewer) ?? ReadAsEvaluator(bid, o, evaluator, now);
    }

    /// <summary>
    /// Moderating a bid's scores: the opportunity's commissioners, who must be able to read the bid
    /// (so one assigned as an evaluator must have declared, with no interest in this bidder).
    /// </summary>
    public static BidAccessResult Moderate(Bid bid, Opportunity o, BidViewer viewer, DateTime now, EvaluatorStanding? evaluator)
    {
        if (!viewer.IsSignedIn)
        {
            return BidAccessResult.Deny(BidErrors.SignInRequired, "Sign in to moderate scores.");
        }

        if (!viewer.CommissionsFor(o))
        {
            return BidAccessResult.Deny(BidErrors.NotAllowed, "Only the opportunity's commissioners moderate scores.");
        }

        return BelongsToBid(bid, viewer) ?? Read(bid, o, viewer, now, evaluator);
    }

    /// <summary>An intention-to-award letter: the admins of the bid's organisations, and the opportunity's commissioners.</summary>
    public static BidAccessResult Letter(Bid bid, Opportunity o, BidViewer viewer)
    {
        if (!viewer.IsSignedIn)
        {
            return BidAccessResult.Deny(BidErrors.SignInRequired, "Sign in to read your letter.");
        }

        return bid.Members.Any(m => viewer.HasRoleIn(m.OrganisationId, MembershipRole.Admin)) || viewer.HasRoleIn(bid.LeadOrganisationId, MembershipRole.Admin) || viewer.CommissionsFor(o)
            ? BidAccessResult.Allow("Your organisation's letter.")
            : BidAccessResult.Deny(BidErrors.NotAllowed, "Only the bidder can read its letter.");
    }

    private static BidAccessResult? BelongsToBid(Bid bid, BidViewer viewer) =>
        bid.Members.Any(m => viewer.IsMemberOf(m.OrganisationId)) || viewer.IsMemberOf(bid.LeadOrganisationId)
            ? BidAccessResult.Deny(BidErrors.ConflictOfInterest, "You belong to an organisation in this bid, so you cannot score or moderate it.")
            : null;

    public const string DeclarationRequiredMessage = "Declare any conflicts of interest before you see the bids.";

    /// <summary>Creating, changing, submitting, withdrawing: the lead organisation's admins, while bids are open.</summary>
    public static BidAccessResult Change(Guid leadOrganisationId, Opportunity o, BidViewer viewer, DateTime now)
    {
        if (!viewer.IsSignedIn)
        {
            return BidAccessResult.Deny(BidErrors.SignInRequired, "Sign in to bid.");
        }

        if (!viewer.HasRoleIn(leadOrganisationId, MembershipRole.Admin))
        {
            return BidAccessResult.Deny(BidErrors.NotAllowed, "Only admins of the lead organisation can make or change its bid.");
        }

        if (now >= o.SubmissionDeadline)
        {
            return BidAccessResult.Deny(BidErrors.DeadlinePassed, DeadlinePassedMessage(o));
        }

        if (o.Status != OpportunityStatus.Published)
        {
            return BidAccessResult.Deny(BidErrors.NotOpen, $"This opportunity is not open for bids: it is {ProcurementLabels.DisplayName(o.Status).ToLowerInvariant()}.");
        }

        return BidAccessResult.Allow("An admin of the lead organisation, before the deadline.");
    }

    /// <summary>Listing an opportunity's bids (who bid, for which lot, at what price): its commissioners, after the deadline.</summary>
    public static BidAccessResult List(Opportunity o, BidViewer viewer, DateTime now)
    {
        if (!viewer.IsSignedIn)
        {
            return BidAccessResult.Deny(BidErrors.SignInRequired, "Sign in to see bids.");
        }

        if (now < o.SubmissionDeadline)
        {
            return BidAccessResult.Deny(BidErrors.Sealed, SealedMessage(o));
        }

        return viewer.CommissionsFor(o)
            ? BidAccessResult.Allow("The submission deadline has passed.")
            : BidAccessResult.Deny(BidErrors.NotAllowed, "Only the opportunity's commissioners can see its bids.");
    }

    /// <summary>How many bids have been submitted, and nothing more: the opportunity's commissioners, at any time.</summary>
    public static bool CanCount(Opportunity o, BidViewer viewer) => viewer.IsSignedIn && viewer.CommissionsFor(o);

    public static string Deadline(Opportunity o) =>
        Timetable.UkLocal(o.SubmissionDeadline).ToString("HH:mm 'on' d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string DeadlinePassedMessage(Opportunity o) => $"The deadline for bids was {Deadline(o)}.";

    public static string SealedMessage(Opportunity o) => $"Bids are sealed until the submission deadline, {Deadline(o)}.";
}
